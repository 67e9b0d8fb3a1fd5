package dev.improv.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A request for one line an NPC says. Build one with {@link #builder()}.
 *
 * @param seed    same seed and request give the same line
 * @param persona who the NPC is, in the first person ("I am the blacksmith of {place}."); may use slots
 * @param facts   what the NPC knows and may answer with: wares and prices, places, people, times, and what
 *                the game knows right now ("The road ahead has three gaps."); may use slots
 * @param lore    the game's shared world facts, which any NPC may draw on
 * @param history the conversation so far, oldest first; usually ends with the player's line
 * @param mood    tone of the line ("neutral", "cheerful", "grumpy"...; the engine documents its
 *                moods), or empty to let the engine choose
 * @param slots   values for {@code {slot}} placeholders in persona, history and the line
 * @param banned  words the line must never contain
 */
public record DialogueRequest(long seed, List<String> persona, List<String> facts, List<String> lore,
                              List<DialogueTurn> history, String mood, Map<String, String> slots, Set<String> banned) {
    public DialogueRequest {
        persona = List.copyOf(persona);
        facts = List.copyOf(facts);
        lore = List.copyOf(lore);
        history = List.copyOf(history);
        mood = mood == null ? "" : mood;
        slots = Map.copyOf(slots);
        banned = Set.copyOf(banned);
    }

    /** A builder: no persona, no history, any mood, no slots, nothing banned, seed 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link DialogueRequest}; {@code addX} appends, {@code optX} sets an optional value. */
    public static final class Builder {
        private long seed;
        private final List<String> persona = new ArrayList<>();
        private final List<String> facts = new ArrayList<>();
        private final List<String> lore = new ArrayList<>();
        private final List<DialogueTurn> history = new ArrayList<>();
        private String mood = "";
        private final Map<String, String> slots = new LinkedHashMap<>();
        private final Set<String> banned = new LinkedHashSet<>();

        private Builder() {
        }

        /** Adds a persona fact. */
        public Builder addPersona(String fact) {
            persona.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        /** Adds something the NPC knows and may answer with. */
        public Builder addFact(String fact) {
            facts.add(Objects.requireNonNull(fact, "fact"));
            return this;
        }

        /** Adds a fact of the game's shared world lore. */
        public Builder addLore(String fact) {
            lore.add(Objects.requireNonNull(fact, "lore"));
            return this;
        }

        /** Adds a turn of the conversation so far. */
        public Builder addTurn(DialogueTurn turn) {
            history.add(Objects.requireNonNull(turn, "turn"));
            return this;
        }

        /** Sets the tone. */
        public Builder optMood(String value) {
            mood = Objects.requireNonNull(value, "mood");
            return this;
        }

        /** Gives a value for the {@code {name}} placeholder. */
        public Builder optSlot(String name, String value) {
            slots.put(Objects.requireNonNull(name, "slot name"), Objects.requireNonNull(value, "slot value"));
            return this;
        }

        /** Bans a word from the line. */
        public Builder optBan(String word) {
            banned.add(Objects.requireNonNull(word, "word"));
            return this;
        }

        /** Sets the seed (default 0). */
        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public DialogueRequest build() {
            return new DialogueRequest(seed, persona, facts, lore, history, mood, slots, banned);
        }
    }
}
