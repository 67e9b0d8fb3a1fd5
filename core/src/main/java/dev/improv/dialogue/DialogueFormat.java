package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * How a conversation becomes tokens, the same for training and generation:
 * {@code <|persona|> fact ... <|player|> line <|end|> <|npc|> <|mood|> line <|end|> ... <|npc|> <|mood|> reply <|end|>}.
 * Every NPC line carries a mood token ({@link Mood#of} for lines already said).
 *
 * <p>The persona comes first so that a sliding context keeps it (see {@link #personaLength}); the
 * oldest turns are dropped when the prompt would not fit its budget.
 */
public final class DialogueFormat {
    /** Special tokens, in id order after the 256 bytes. */
    public static final List<String> SPECIALS = List.of("<|persona|>", "<|player|>", "<|npc|>", "<|end|>",
            "<|neutral|>", "<|cheerful|>", "<|grumpy|>");

    private final BytePairTokenizer tokenizer;
    private final int persona;
    private final int player;
    private final int npc;
    private final int end;

    public DialogueFormat(BytePairTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.persona = tokenizer.special("<|persona|>");
        this.player = tokenizer.special("<|player|>");
        this.npc = tokenizer.special("<|npc|>");
        this.end = tokenizer.special("<|end|>");
    }

    public BytePairTokenizer tokenizer() {
        return tokenizer;
    }

    /** The token that ends every line. */
    public int endToken() {
        return end;
    }

    /** The token that starts an NPC line. */
    public int npcToken() {
        return npc;
    }

    /** The token that stands for {@code mood}. */
    public int moodToken(Mood mood) {
        return tokenizer.special(mood.token());
    }

    /** Whether {@code id} is one of the mood tokens. */
    public boolean isMoodToken(int id) {
        for (Mood m : Mood.values()) {
            if (moodToken(m) == id) {
                return true;
            }
        }
        return false;
    }

    /** Tokens of the persona block. */
    public int[] persona(List<String> facts) {
        IntList out = new IntList();
        for (String fact : facts) {
            out.add(persona);
            out.addAll(tokenizer.encode(clean(fact)));
        }
        return out.toArray();
    }

    /**
     * The prompt that asks for the NPC's next line: persona, as many of the most recent turns as fit
     * in {@code budget} tokens, then {@code <|npc|>} and the mood token (if {@code mood} is null the
     * model picks the mood itself).
     */
    public int[] prompt(List<String> facts, List<Turn> turns, Mood mood, int budget) {
        int[] head = persona(facts);
        int tail = mood == null ? 1 : 2;
        List<int[]> kept = new ArrayList<>();
        int used = head.length + tail;
        for (int i = turns.size() - 1; i >= 0; i--) {
            int[] t = turn(turns.get(i));
            if (used + t.length > budget) {
                break;
            }
            kept.add(0, t);
            used += t.length;
        }
        if (used > budget) {
            throw new IllegalArgumentException("the persona alone takes " + head.length
                    + " tokens; the prompt budget is " + budget);
        }
        IntList out = new IntList();
        out.addAll(head);
        kept.forEach(out::addAll);
        out.add(npc);
        if (mood != null) {
            out.add(moodToken(mood));
        }
        return out.toArray();
    }

    /** The tokens of a finished reply: its text and the end token. */
    public int[] reply(String text) {
        IntList out = new IntList();
        out.addAll(tokenizer.encode(clean(text)));
        out.add(end);
        return out.toArray();
    }

    /** Tokens of one turn of the conversation so far. */
    public int[] turn(Turn t) {
        IntList out = new IntList();
        if (t.speaker() == Speaker.NPC) {
            out.add(npc);
            out.add(moodToken(Mood.of(t.text())));
        } else {
            out.add(player);
        }
        out.addAll(tokenizer.encode(clean(t.text())));
        out.add(end);
        return out.toArray();
    }

    /** One line of text: whitespace runs become single spaces. */
    static String clean(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** A growable int array, to avoid boxing. */
    static final class IntList {
        private int[] data = new int[64];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        void addAll(int[] vs) {
            for (int v : vs) {
                add(v);
            }
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
