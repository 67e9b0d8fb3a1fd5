package dev.improv.dialogue;

import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Training and evaluation examples from conversations: for every line, the speaker's persona and the
 * recent turns (as that speaker saw them) make the prompt, and the line is the reply.
 */
public final class DialogueCorpus {
    /** Replies longer than this many tokens (recipes, lists) are left out: an NPC line is short. */
    public static final int MAX_REPLY_TOKENS = 64;

    private DialogueCorpus() {
    }

    /**
     * One example.
     *
     * @param tokens     prompt followed by the reply and the end token
     * @param replyStart index in {@code tokens} of the reply's first token
     * @param conversation index of the conversation it came from
     */
    public record Example(int[] tokens, int replyStart, int conversation) { }

    /** Conversations split into training and validation parts, by whole conversation. */
    public record Split(List<Conversation> train, List<Conversation> valid) { }

    /** A deterministic split that holds out {@code validShare} of the conversations (at least one). */
    public static Split split(List<Conversation> conversations, double validShare, long seed) {
        if (conversations.size() < 2) {
            throw new IllegalArgumentException("need at least two conversations to hold one out, got " + conversations.size());
        }
        List<Conversation> shuffled = new ArrayList<>(conversations);
        SeededRandom random = new SeededRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        int valid = Math.max(1, (int) Math.round(conversations.size() * validShare));
        return new Split(List.copyOf(shuffled.subList(valid, shuffled.size())), List.copyOf(shuffled.subList(0, valid)));
    }

    /**
     * Every reply of every conversation as an example of at most {@code budget} tokens, mood
     * labelled by {@link Mood#of}.
     */
    public static List<Example> examples(List<Conversation> conversations, DialogueFormat format, int budget) {
        List<Example> out = new ArrayList<>();
        for (int c = 0; c < conversations.size(); c++) {
            Conversation conv = conversations.get(c);
            for (int i = 0; i < conv.lines().size(); i++) {
                Conversation.Line line = conv.lines().get(i);
                int[] reply = format.reply(line.text());
                if (reply.length > MAX_REPLY_TOKENS) {
                    continue;
                }
                List<Turn> turns = conv.turnsAs(line.user()).subList(0, i);
                int[] prompt;
                try {
                    prompt = format.prompt(conv.persona(line.user()), List.of(), turns, Mood.of(line.text()), budget - reply.length);
                } catch (IllegalArgumentException tooLongPersona) {
                    continue;
                }
                int[] tokens = new int[prompt.length + reply.length];
                System.arraycopy(prompt, 0, tokens, 0, prompt.length);
                System.arraycopy(reply, 0, tokens, prompt.length, reply.length);
                out.add(new Example(tokens, prompt.length, c));
            }
        }
        return out;
    }

    /** All text of the conversations (persona facts and lines), to train the tokenizer on. */
    public static List<String> texts(List<Conversation> conversations) {
        List<String> out = new ArrayList<>();
        for (Conversation conv : conversations) {
            conv.users().forEach(out::addAll);
            conv.lines().forEach(l -> out.add(l.text()));
        }
        return out;
    }
}
