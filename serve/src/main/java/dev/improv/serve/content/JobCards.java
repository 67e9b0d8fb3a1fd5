package dev.improv.serve.content;

import dev.improv.dialogue.CardException;
import dev.improv.dialogue.Tone;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.WorldFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service's NPC card and world text as the dialogue library's {@link NpcCard} and
 * {@link WorldFile}, so that {@code /v1/dialogue} answers through the same {@code NpcVoice} path as
 * {@code improv dialogue --card} and the game engines: retrieval, the answer and invented-fact
 * checks, and the authored fallback.
 */
final class JobCards {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private JobCards() {
    }

    /**
     * The request's card, with the request's {@code mood} (else the card's) and its {@code ban} words added to the
     * card's; a {@link BadRequest} on {@code card} if it says nothing. A card's mood word Improv does not know
     * leaves the tone to the model, as {@code improv dialogue --card} does with the same file (see {@link #warnings}).
     */
    static NpcCard card(DialogueJob.Card card, List<String> banned, Tone mood) {
        String name = card.name() == null || card.name().isBlank() ? NpcCard.UNNAMED : card.name().strip();
        Tone tone = mood;
        if (tone == null && card.mood() != null && !card.mood().isBlank()) {
            tone = Tone.ofCard(card.mood());
        }
        List<String> words = new ArrayList<>(lines(card.banned()));
        words.addAll(lines(banned));
        String style = card.style() == null || card.style().isBlank() ? null : card.style().strip();
        try {
            return new NpcCard(name, card.role(), lines(card.persona()), lines(card.facts()), tone, style,
                    Set.copyOf(words), card.slots() == null ? java.util.Map.of() : java.util.Map.copyOf(card.slots()),
                    card.lines() == null ? java.util.Map.of() : card.lines());
        } catch (CardException e) {
            throw new BadRequest("card", e.getMessage());
        }
    }

    /**
     * What the reply's caller should know of the card although it was taken: a mood word Improv does not know
     * ({@code "card.mood: 'watchful' is not a mood Improv knows; …"}).
     */
    static List<String> warnings(DialogueJob.Card card) {
        boolean unknownMood = card.mood() != null && !card.mood().isBlank() && Tone.ofCard(card.mood()) == null;
        return unknownMood ? List.of("card.mood: " + Tone.unknownCardMood(card.mood().strip())) : List.of();
    }

    /** The request's world text, one fact a sentence; null when there is none. */
    static WorldFile world(String world) {
        if (world == null || world.isBlank()) {
            return null;
        }
        try {
            return new WorldFile(null, lines(List.of(SENTENCE_END.split(world.strip()))));
        } catch (CardException e) {
            throw new BadRequest("world", e.getMessage());
        }
    }

    /** Whether the card (with the world) gives the NPC anything to say. */
    static boolean saysSomething(DialogueJob.Card card, String world) {
        return !lines(card.persona()).isEmpty() || !lines(card.facts()).isEmpty() || (world != null && !world.isBlank());
    }

    /** A chat system message: plain text whose sentences are the persona. */
    static DialogueJob.Card ofSystemText(String text) {
        return new DialogueJob.Card(null, null, List.of(SENTENCE_END.split(text.strip())), null);
    }

    private static List<String> lines(List<String> texts) {
        List<String> out = new ArrayList<>();
        if (texts != null) {
            for (String t : texts) {
                if (t != null && !t.isBlank()) {
                    out.add(t.strip());
                }
            }
        }
        return out;
    }
}
