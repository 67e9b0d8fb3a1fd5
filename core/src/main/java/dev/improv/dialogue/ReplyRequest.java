package dev.improv.dialogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link DialogueGenerator} is asked for: who the NPC is, what was said, and the rules its lines
 * must follow. Immutable; build one with {@link #builder()}. Games ask through the api's
 * {@code DialogueRequest}, which the engines translate into this.
 *
 * <pre>{@code
 * ReplyRequest request = ReplyRequest.builder()
 *         .addPersona("I am the blacksmith of {place}.")
 *         .addTurn(Turn.player("Can you fix my {item}?"))
 *         .optMood(Tone.GRUMPY)
 *         .optSlot("place", "Riverton").optSlot("item", "sword")
 *         .optBan("goblin")
 *         .optSeed(42)
 *         .build();
 * }</pre>
 *
 * @param persona   who the NPC is, first person; may contain {@code {slot}} placeholders
 * @param facts     what the NPC knows that bears on this moment (retrieved for the player's line), which
 *                  the reply may state; may contain {@code {slot}} placeholders
 * @param history   the conversation so far, oldest first; the last turn is usually the player's
 * @param mood      tone of the reply, or null to let the model choose
 * @param slots     values for {@code {slot}} placeholders in persona, history and output
 * @param banned    words never to say (any case, also inside longer words)
 * @param maxTokens most tokens of one reply; the reply still ends at a sentence boundary
 * @param count     how many replies (each drawn with its own derived seed)
 * @param seed      same seed and request, same replies
 * @param deadline  time for all replies; a reply not ready by then is an authored fallback line.
 *                  {@link Duration#ZERO} means no deadline
 */
public record ReplyRequest(List<String> persona, List<String> facts, List<Turn> history, Tone mood, Map<String, String> slots,
                              Set<String> banned, int maxTokens, int count, long seed, Duration deadline) {

    /** Tokens of a reply unless the request says otherwise: about two short sentences. */
    public static final int DEFAULT_MAX_TOKENS = 30;

    public ReplyRequest {
        persona = List.copyOf(persona);
        facts = List.copyOf(facts);
        history = List.copyOf(history);
        slots = Map.copyOf(slots);
        banned = Set.copyOf(banned);
        if (maxTokens < 2) {
            throw new IllegalArgumentException("max tokens must be at least 2, got " + maxTokens);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (deadline == null || deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must be zero (none) or positive, got " + deadline);
        }
    }

    /** A builder with no persona, no history, no rules, 30 tokens, one reply, seed 0, no deadline. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReplyRequest}; add* methods append, opt* set optional values. */
    public static final class Builder {
        private final List<String> persona = new ArrayList<>();
        private final List<String> facts = new ArrayList<>();
        private final List<Turn> history = new ArrayList<>();
        private Tone mood;
        private final Map<String, String> slots = new LinkedHashMap<>();
        private final Set<String> banned = new LinkedHashSet<>();
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private int count = 1;
        private long seed;
        private Duration deadline = Duration.ZERO;

        public Builder addPersona(String fact) {
            persona.add(fact);
            return this;
        }

        public Builder addFact(String fact) {
            facts.add(fact);
            return this;
        }

        public Builder addTurn(Turn turn) {
            history.add(turn);
            return this;
        }

        public Builder optMood(Tone value) {
            mood = value;
            return this;
        }

        public Builder optSlot(String name, String value) {
            slots.put(name, value);
            return this;
        }

        public Builder optBan(String word) {
            banned.add(word);
            return this;
        }

        public Builder optMaxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public Builder optCount(int value) {
            count = value;
            return this;
        }

        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optDeadline(Duration value) {
            deadline = value;
            return this;
        }

        public ReplyRequest build() {
            return new ReplyRequest(persona, facts, history, mood, slots, banned, maxTokens, count, seed, deadline);
        }
    }
}
