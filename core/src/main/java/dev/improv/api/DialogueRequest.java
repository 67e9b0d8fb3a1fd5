package dev.improv.api;

import java.util.Map;
import java.util.Objects;

/**
 * A request for one line an NPC says.
 *
 * @param seed    same seed and request give the same line
 * @param persona who speaks (e.g. "blacksmith", "guard"): the engine conditions on it
 * @param topic   what the line is about (e.g. "greeting", "quest", "warning")
 * @param slots   facts the line may mention, e.g. {"item": "sword", "place": "the mill"}
 */
public record DialogueRequest(long seed, String persona, String topic, Map<String, String> slots) {
    public DialogueRequest {
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(topic, "topic");
        slots = Map.copyOf(slots);
    }
}
