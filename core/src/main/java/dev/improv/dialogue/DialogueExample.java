package dev.improv.dialogue;

import java.util.List;
import java.util.Objects;

/**
 * One training example for the NPC model: what the speaker is (persona), what it knows that bears on
 * the moment (facts), what was said so far (turns, the last one the player's), and what it replied.
 *
 * @param persona first-person lines about the speaker
 * @param facts   records the reply may state: service results, menu items, a card's wares and prices
 * @param turns   the conversation before the reply, oldest first
 * @param reply   what the speaker said
 * @param source  the corpus it came from ("sgd", "taskmaster4", "casino", "persona-chat", "light")
 * @param group   the conversation it came from, so a split holds out whole conversations
 */
public record DialogueExample(List<String> persona, List<String> facts, List<Turn> turns, String reply,
                              String source, String group) {

    public DialogueExample {
        persona = List.copyOf(persona);
        facts = List.copyOf(facts);
        turns = List.copyOf(turns);
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(group, "group");
    }
}
