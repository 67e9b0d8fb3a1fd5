package dev.improv.serve.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that maps the service's NPC card and world onto what today's dialogue generator
 * takes: first-person persona lines. When the dialogue engine reads cards itself (retrieval over the
 * world, the invented-fact guard), this class is what changes.
 */
final class CardPersona {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private CardPersona() {
    }

    /** Name and role as persona lines, then the card's persona, its facts, and the world's sentences. */
    static List<String> of(DialogueJob.Card card, String world) {
        List<String> lines = new ArrayList<>();
        if (card.name() != null && !card.name().isBlank()) {
            lines.add("My name is " + card.name().strip() + ".");
        }
        if (card.role() != null && !card.role().isBlank()) {
            lines.add("I am the " + card.role().strip() + ".");
        }
        addAll(lines, card.persona());
        addAll(lines, card.facts());
        if (world != null && !world.isBlank()) {
            addAll(lines, List.of(SENTENCE_END.split(world.strip())));
        }
        return lines;
    }

    /** A chat system message: a card as JSON, or plain text whose sentences are the persona. */
    static DialogueJob.Card ofSystemText(String text) {
        return new DialogueJob.Card(null, null, List.of(SENTENCE_END.split(text.strip())), null);
    }

    private static void addAll(List<String> lines, List<String> texts) {
        if (texts != null) {
            for (String t : texts) {
                if (!t.isBlank()) {
                    lines.add(t.strip());
                }
            }
        }
    }
}
