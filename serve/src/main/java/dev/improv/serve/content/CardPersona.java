package dev.improv.serve.content;

import dev.improv.dialogue.InventedFacts;
import dev.improv.dialogue.ReplyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place that maps the service's NPC card and world onto the dialogue generator's request:
 * name, role and persona become persona lines, the card's facts and the world's sentences become
 * facts, and the invented-fact guard checks each reply against all of them, the history and the
 * player's line. When the dialogue engine reads cards and world files itself (with retrieval), this
 * class is what changes.
 */
final class CardPersona {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private CardPersona() {
    }

    /** Name and role as persona lines, then the card's persona. */
    static List<String> persona(DialogueJob.Card card) {
        List<String> lines = new ArrayList<>();
        if (card.name() != null && !card.name().isBlank()) {
            lines.add("My name is " + card.name().strip() + ".");
        }
        if (card.role() != null && !card.role().isBlank()) {
            lines.add("I am the " + card.role().strip() + ".");
        }
        addAll(lines, card.persona());
        return lines;
    }

    /** The card's facts, then the world's sentences. */
    static List<String> facts(DialogueJob.Card card, String world) {
        List<String> lines = new ArrayList<>();
        addAll(lines, card.facts());
        if (world != null && !world.isBlank()) {
            addAll(lines, List.of(SENTENCE_END.split(world.strip())));
        }
        return lines;
    }

    /** The invented-fact guard: a reply may state only what the card, world, history or player did. */
    static ReplyCheck guard(DialogueJob job) {
        List<String> sources = new ArrayList<>(persona(job.card()));
        sources.addAll(facts(job.card(), job.world()));
        job.history().forEach(l -> sources.add(l.text()));
        if (job.say() != null) {
            sources.add(job.say());
        }
        sources.addAll(job.slot().values());
        return reply -> {
            List<String> invented = InventedFacts.invented(reply, sources);
            return invented.isEmpty() ? null : "invents " + invented;
        };
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
