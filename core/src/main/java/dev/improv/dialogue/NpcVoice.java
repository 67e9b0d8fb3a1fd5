package dev.improv.dialogue;

import dev.improv.model.SeededRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An NPC card given a voice: for each player line it retrieves the card's and the world's facts that
 * bear on it, asks the dialogue model for a reply from them in the NPC's persona, and says only a
 * reply that {@link AnswerCheck} passes (no invented fact; the answer, if the player asked for one);
 * otherwise an authored line that states the retrieved fact.
 *
 * <pre>{@code
 * NpcVoice smith = NpcVoice.of(DialogueGenerator.loadDefault(), NpcCard.read(Path.of("smith.json")), null);
 * NpcReply r = smith.reply(List.of(), "How much to repair my sword?", Map.of(), 1, 7).get(0);
 * // r.text(): "That'll be 12 gold.", r.source(): "model", r.facts(): ["Repairing a sword costs 12 gold."]
 * }</pre>
 *
 * Thread-safe; a call blocks for the generation time, so call it off the render thread.
 */
public final class NpcVoice {
    /** Facts handed to the model for one line: what the training examples held, and what fits the prompt. */
    public static final int FACTS_PER_LINE = 3;
    /** Logit added to the tokens of the asked-for value until the reply states it (see {@link AnswerCheck#bias}). */
    public static final float DEFAULT_ANSWER_BIAS = 4f;

    private final DialogueGenerator generator;
    private final NpcCard card;
    private final WorldFile world;
    private final FactRetriever retriever;
    private final float answerBias;

    private NpcVoice(DialogueGenerator generator, NpcCard card, WorldFile world) {
        this.generator = generator;
        this.card = card;
        this.world = world;
        this.retriever = FactRetriever.of(card, world);
        this.answerBias = Float.parseFloat(System.getProperty("improv.dialogue.answerBias", String.valueOf(DEFAULT_ANSWER_BIAS)));
    }

    /** A voice for {@code card}, drawing also on {@code world} (may be null). */
    public static NpcVoice of(DialogueGenerator generator, NpcCard card, WorldFile world) {
        return new NpcVoice(generator, card, world);
    }

    /** The card this voice speaks for. */
    public NpcCard card() {
        return card;
    }

    /** {@code count} replies to {@code playerLine}, each with its own seed derived from {@code seed}. */
    public List<NpcReply> reply(List<Turn> history, String playerLine, Map<String, String> slots, int count, long seed) {
        return reply(history, playerLine, slots, count, seed, Duration.ZERO);
    }

    /**
     * As above, with a deadline per reply ({@link Duration#ZERO}: none); a reply not ready in time is
     * the authored fallback.
     *
     * @param history the conversation before the player's line, oldest first
     * @param slots   game state for the card's {@code {slot}}s; overrides the card's defaults
     */
    public List<NpcReply> reply(List<Turn> history, String playerLine, Map<String, String> slots, int count, long seed,
                                Duration deadline) {
        String said = PlayerText.bounded(playerLine);
        Map<String, String> values = new LinkedHashMap<>(card.slots());
        values.putAll(slots);
        List<NpcReply> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            List<String> facts = new ArrayList<>();
            for (RetrievedFact f : retriever.retrieve(said, history, FACTS_PER_LINE)) {
                facts.add(Slots.fill(f.text(), values));
            }
            AnswerCheck check = AnswerCheck.of(sources(history, said, values), facts, said);
            DialogueRequest.Builder b = DialogueRequest.builder().optMood(card.mood()).optSeed(SeededRandom.mix(seed, i))
                    .optDeadline(deadline);
            card.persona().forEach(b::addPersona);
            facts.forEach(b::addFact);
            history.forEach(b::addTurn);
            b.addTurn(Turn.player(said));
            values.forEach(b::optSlot);
            card.banned().forEach(b::optBan);
            List<String> rejected = new ArrayList<>();
            DialogueLine line = generator.lines(b.build(), reply -> {
                String problem = check.problem(reply);
                if (problem != null) {
                    rejected.add("\"" + reply + "\" " + problem);
                }
                return problem;
            }, check.bias(generator.format().tokenizer(), answerBias)).get(0);
            List<String> used = new ArrayList<>();
            for (int k : check.answered(line.text())) {
                used.add(facts.get(k));
            }
            if (used.isEmpty()) {
                used = line.fallback() && !facts.isEmpty() ? List.of(facts.get(0)) : facts;
            }
            out.add(new NpcReply(line.text(), line.fallback() ? NpcReply.FALLBACK : NpcReply.MODEL, used,
                    (System.nanoTime() - t0) / 1e6, rejected));
        }
        return out;
    }

    /** Everything a reply may state facts from, slots filled. */
    private List<String> sources(List<Turn> history, String playerLine, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        card.persona().forEach(p -> out.add(Slots.fill(p, values)));
        card.facts().forEach(f -> out.add(Slots.fill(f, values)));
        out.add(card.name());
        out.add(card.role());
        if (world != null) {
            world.facts().forEach(f -> out.add(Slots.fill(f, values)));
        }
        history.forEach(t -> out.add(t.text()));
        out.add(playerLine);
        out.addAll(values.values()); // the game's own slot values ("Ada") are known names
        return out;
    }
}
