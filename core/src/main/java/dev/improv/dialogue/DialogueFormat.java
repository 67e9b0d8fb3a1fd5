package dev.improv.dialogue;

import dev.improv.model.TokenList;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a conversation becomes tokens, the same for training and generation:
 * {@code <|persona|> line ... <|fact|> fact ... <|player|> line <|end|> <|npc|> <|mood|> line <|end|> ... <|npc|> <|mood|> reply <|end|>}.
 * Every NPC line carries a mood token ({@link Tone#of} for lines already said).
 *
 * <p>Persona first, then the facts retrieved for this moment, then the conversation: the facts sit
 * close to the question they answer. The oldest turns are dropped when the prompt would not fit its
 * budget; persona and facts always stay.
 */
public final class DialogueFormat {
    /** Special tokens, in id order after the 256 bytes. */
    public static final List<String> SPECIALS = List.of("<|persona|>", "<|player|>", "<|npc|>", "<|end|>",
            "<|neutral|>", "<|cheerful|>", "<|grumpy|>", "<|fact|>");

    private final BytePairTokenizer tokenizer;
    private final int persona;
    private final int player;
    private final int npc;
    private final int end;
    private final int fact;

    public DialogueFormat(BytePairTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.persona = tokenizer.special("<|persona|>");
        this.player = tokenizer.special("<|player|>");
        this.npc = tokenizer.special("<|npc|>");
        this.end = tokenizer.special("<|end|>");
        this.fact = tokenizer.special("<|fact|>");
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
    public int moodToken(Tone mood) {
        return tokenizer.special(mood.token());
    }

    /** Whether {@code id} is one of the mood tokens. */
    public boolean isMoodToken(int id) {
        for (Tone m : Tone.values()) {
            if (moodToken(m) == id) {
                return true;
            }
        }
        return false;
    }

    /** Tokens of the persona block. */
    public int[] persona(List<String> lines) {
        return block(persona, lines);
    }

    /** Tokens of the facts block. */
    public int[] facts(List<String> facts) {
        return block(fact, facts);
    }

    private int[] block(int marker, List<String> lines) {
        TokenList out = new TokenList();
        for (String line : lines) {
            out.add(marker);
            out.addAll(tokenizer.encode(clean(line)));
        }
        return out.toArray();
    }

    /**
     * The prompt that asks for the NPC's next line: persona, facts, as many of the most recent turns
     * as fit in {@code budget} tokens, then {@code <|npc|>} and the mood token (if {@code mood} is null
     * the model picks the mood itself).
     */
    public int[] prompt(List<String> personaLines, List<String> facts, List<Turn> turns, Tone mood, int budget) {
        int[] head = concat(persona(personaLines), facts(facts));
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
            throw new IllegalArgumentException("the persona and facts alone take " + head.length
                    + " tokens; the prompt budget is " + budget);
        }
        TokenList out = new TokenList();
        out.addAll(head);
        kept.forEach(out::addAll);
        out.add(npc);
        if (mood != null) {
            out.add(moodToken(mood));
        }
        return out.toArray();
    }

    /**
     * The prompt for a live request, which must always be answerable: as {@link #prompt}, but when the
     * persona, the facts and the player's last line do not fit {@code budget}, persona lines after the
     * first go, then the lowest-ranked facts, then the first persona line; the best fact and the last
     * turn always stay (a last turn too long even alone keeps its end). A card whose persona fills the
     * prompt still answers the question instead of failing.
     */
    public int[] requestPrompt(List<String> personaLines, List<String> facts, List<Turn> turns, Tone mood, int budget) {
        List<String> p = new ArrayList<>(personaLines);
        List<String> f = new ArrayList<>(facts);
        int tail = mood == null ? 1 : 2;
        int last = turns.isEmpty() ? 0 : turn(turns.get(turns.size() - 1)).length;
        while (persona(p).length + facts(f).length + last + tail > budget) {
            if (p.size() > 1) {
                p.remove(p.size() - 1);
            } else if (f.size() > 1) {
                f.remove(f.size() - 1);
            } else if (!p.isEmpty()) {
                p.remove(0);
            } else {
                break;
            }
        }
        int room = budget - persona(p).length - facts(f).length - tail;
        if (last > room) {
            if (room < 8) {
                throw new IllegalArgumentException("the best fact alone takes " + facts(f).length
                        + " tokens; the prompt budget is " + budget);
            }
            // The player's line is too long even alone: keep its marker and its last words.
            int[] t = turn(turns.get(turns.size() - 1));
            int[] cut = new int[room];
            cut[0] = t[0];
            System.arraycopy(t, t.length - (room - 1), cut, 1, room - 1);
            TokenList out = new TokenList();
            out.addAll(concat(persona(p), facts(f)));
            out.addAll(cut);
            out.add(npc);
            if (mood != null) {
                out.add(moodToken(mood));
            }
            return out.toArray();
        }
        return prompt(p, f, turns, mood, budget);
    }

    /**
     * A training example as tokens: its prompt (persona, facts, as many recent turns as fit, the
     * reply's mood) then the reply and the end token; {@code replyStart} is where the scored part
     * (mood token and reply) begins. Null if the example does not fit {@code budget} tokens.
     */
    public Encoded example(DialogueExample example, int budget) {
        int[] reply = reply(example.reply());
        int[] prompt;
        try {
            prompt = prompt(example.persona(), example.facts(), example.turns(), Tone.of(example.reply()),
                    budget - reply.length);
        } catch (IllegalArgumentException tooLong) {
            return null;
        }
        // Requests must see the player's line; an example whose last turn was trimmed away teaches nothing.
        if (!example.turns().isEmpty() && prompt.length < 3) {
            return null;
        }
        return new Encoded(concat(prompt, reply), prompt.length - 1);
    }

    /** An encoded example: tokens, and the index of the first scored token (the reply's mood). */
    public record Encoded(int[] tokens, int replyStart) { }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The tokens of a finished reply: its text and the end token. */
    public int[] reply(String text) {
        TokenList out = new TokenList();
        out.addAll(tokenizer.encode(clean(text)));
        out.add(end);
        return out.toArray();
    }

    /** Tokens of one turn of the conversation so far. */
    public int[] turn(Turn t) {
        TokenList out = new TokenList();
        if (t.speaker() == Speaker.NPC) {
            out.add(npc);
            out.add(moodToken(Tone.of(t.text())));
        } else {
            out.add(player);
        }
        out.addAll(tokenizer.encode(clean(t.text())));
        out.add(end);
        return out.toArray();
    }

    /** Runs of whitespace; compiled once (String.replaceAll compiled it at every line of every prompt). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One line of text: whitespace runs become single spaces. */
    static String clean(String text) {
        return SPACES.matcher(text.strip()).replaceAll(" ");
    }
}
