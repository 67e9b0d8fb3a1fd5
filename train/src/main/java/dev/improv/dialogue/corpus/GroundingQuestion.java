package dev.improv.dialogue.corpus;

import dev.improv.dialogue.Turn;
import java.util.List;

/**
 * A question an NPC can answer only from its facts, for {@code improv eval dialogue}: the card (persona
 * and facts), the conversation so far, the player's question, and the value a right answer contains.
 *
 * @param source the corpus it was built from ("sgd-dev", "light")
 */
public record GroundingQuestion(String role, List<String> persona, List<String> facts, List<Turn> history,
                                String question, String answer, String source) {
    public GroundingQuestion {
        persona = List.copyOf(persona);
        facts = List.copyOf(facts);
        history = List.copyOf(history);
    }
}
