package dev.improv.dialogue.corpus;

import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.Turn;
import dev.improv.dialogue.WorldFile;
import java.util.List;
import java.util.Objects;

/**
 * A question an NPC can answer only from what it knows, for {@code improv eval dialogue}: the card,
 * the world file (or null), the conversation so far, the player's question, and the value a right
 * answer contains (null for a question about something the NPC does not know).
 *
 * @param source where it came from ("sgd-dev", "light", "cards")
 */
public record GroundingQuestion(NpcCard card, WorldFile world, List<Turn> history, String question, String answer,
                                String source) {
    public GroundingQuestion {
        Objects.requireNonNull(card, "card");
        history = List.copyOf(history);
    }

    /** A question to an NPC made of a role, persona lines and facts, with no world file. */
    public GroundingQuestion(String role, List<String> persona, List<String> facts, List<Turn> history,
                             String question, String answer, String source) {
        this(NpcCard.of(role, role, persona, facts), null, history, question, answer, source);
    }
}
