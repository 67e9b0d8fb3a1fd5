package dev.improv.dialogue;

import dev.improv.api.Seeds;
import dev.improv.dialogue.corpus.GroundingQuestion;
import dev.improv.model.Decoder;
import dev.improv.model.Sampler;
import dev.improv.model.LanguageModel;
import dev.improv.model.Progress;
import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code improv eval dialogue} measures, on data the model never trained on: whether NPCs answer
 * from their facts (answer rate, invented facts, fallback share, variety), and how well the model
 * ranks the true reply of a held-out conversation among distractors (hits@1, the ConvAI2 measure).
 */
public final class NpcEvaluation {
    private NpcEvaluation() {
    }

    /** Figures over a set of grounding questions. */
    public record Grounding(int questions, double retrievalHit, double answerRate, double inventedRate, double rawInventedRate,
                            double fallbackShare, double distinctAtLeast3, double meanDistinct,
                            double distinctApartAtLeast3, double p50Millis, double p95Millis, List<String> samples) { }

    /**
     * Asks every question for {@code samples} replies in one call (as {@code improv dialogue --n}): the first
     * reply decides the answer rate; all replies count for invented facts, fallbacks and variety. Variety is
     * also measured apart: {@code samples} calls of one reply each with consecutive seeds (the seeds the call's
     * replies get), as a game that asks once per playthrough sees it (no reply knows the others). {@code show} questions,
     * spread over the set, come back with their first reply, its source and the best fact, to be read.
     */
    public static Grounding grounding(DialogueGenerator generator, List<GroundingQuestion> questions, int samples,
                                      long seed, int show) {
        int answered = 0;
        int retrieved = 0;
        int invented = 0;
        int replies = 0;
        int fallbacks = 0;
        int varied = 0;
        int variedApart = 0;
        long distinctSum = 0;
        long drawn = 0;
        long rejectedInvented = 0;
        List<Double> millis = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        Progress progress = new Progress("eval", questions.size(), "questions");
        for (int q = 0; q < questions.size(); q++) {
            GroundingQuestion g = questions.get(q);
            NpcVoice voice = NpcVoice.of(generator, g.card(), g.world());
            List<NpcReply> rs = voice.reply(g.history(), g.question(), Map.of(), samples, Seeds.mix(seed, q));
            Set<String> distinct = new HashSet<>();
            List<String> sources = voice.sources(g.history(), g.question(), Map.of());
            List<RetrievedFact> top = FactRetriever.of(g.card(), g.world()).retrieve(g.question(), g.history(), 1);
            retrieved += !top.isEmpty() && contains(top.get(0).text(), g.answer()) ? 1 : 0;
            for (NpcReply r : rs) {
                replies++;
                fallbacks += r.source().equals(NpcReply.FALLBACK) ? 1 : 0;
                invented += InventedFacts.invented(r.text(), sources).isEmpty() ? 0 : 1;
                // Case and punctuation aside: "Four." and "Four!" are one reply to a player.
                distinct.add(sameness(r.text()));
                millis.add(r.millis());
                drawn += r.rejected().size() + (r.source().equals(NpcReply.MODEL) ? 1 : 0);
                rejectedInvented += r.rejected().stream().filter(s -> s.contains("\" states ")).count();
            }
            if (contains(rs.get(0).text(), g.answer())) {
                answered++;
            }
            varied += distinct.size() >= 3 ? 1 : 0;
            Set<String> apart = new HashSet<>();
            for (int s = 0; s < samples; s++) {
                apart.add(sameness(voice.reply(g.history(), g.question(), Map.of(), 1, Seeds.mix(seed, q) + s).get(0).text()));
            }
            variedApart += apart.size() >= 3 ? 1 : 0;
            distinctSum += distinct.size();
            if (shown.size() < show && q % Math.max(1, questions.size() / Math.max(1, show)) == 0) {
                shown.add(g.question() + " -> " + rs.get(0).text() + " [" + rs.get(0).source() + "; want " + g.answer()
                        + "; best fact: " + (top.isEmpty() ? "none" : top.get(0).text()) + "]"
                        // Why the model's tries were turned down: what to fix, in the card or in the rules.
                        + (rs.get(0).source().equals(NpcReply.FALLBACK) && !rs.get(0).rejected().isEmpty()
                                ? " {turned down: " + String.join(" / ", rs.get(0).rejected().subList(0,
                                        Math.min(4, rs.get(0).rejected().size()))) + "}" : "")
                        + (rs.size() > 1 ? " " + distinct.size() + " distinct: " + rs.subList(1, rs.size()).stream()
                                .map(r -> r.text() + " [" + r.source() + "]").collect(Collectors.joining(" | ")) : ""));
            }
            progress.update(q + 1, String.format(Locale.ROOT, "answered %.2f", answered / (double) (q + 1)));
        }
        progress.finish(null);
        millis.sort(null);
        int n = questions.size();
        return new Grounding(n, retrieved / (double) n, answered / (double) n, invented / (double) replies,
                rejectedInvented / (double) Math.max(1, drawn), fallbacks / (double) replies, varied / (double) n,
                distinctSum / (double) n, variedApart / (double) n, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), shown);
    }

    /** A reply as a player tells replies apart: case and punctuation aside ("Four." and "Four!" are one). */
    private static String sameness(String reply) {
        return reply.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Figures over questions whose answer stands on no card: how often the NPC stated one of its values anyway. */
    public record OffCard(int questions, double statedValueRate, double bareValueRate, double fallbackShare,
                          List<String> samples) { }

    /**
     * Asks every question once. A first reply that states a number or name the question did not hold counts in
     * {@code statedValueRate}; one that states it bare, naming nothing it is about ("40 credits." or "I charge
     * 20 gold." to "How much is a plasma rifle?", where "A standard oxygen canister costs 40 credits." tells the
     * player what the NPC does sell), also in {@code bareValueRate}: the replies that mislead. "I couldn't say,
     * love." counts in neither. {@code show} replies come back to be read.
     */
    public static OffCard offCard(DialogueGenerator generator, List<GroundingQuestion> questions, long seed, int show) {
        int stated = 0;
        int bareCount = 0;
        int fallbacks = 0;
        List<String> shown = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            GroundingQuestion g = questions.get(q);
            NpcReply r = NpcVoice.of(generator, g.card(), g.world())
                    .reply(g.history(), g.question(), Map.of(), 1, Seeds.mix(seed, q)).get(0);
            List<String> values = InventedFacts.invented(r.text(), List.of(g.question()));
            boolean wrong = !values.isEmpty();
            stated += wrong ? 1 : 0;
            boolean bare = wrong && namesNothing(r.text(), g.question(), values);
            bareCount += bare ? 1 : 0;
            fallbacks += r.source().equals(NpcReply.FALLBACK) ? 1 : 0;
            if (shown.size() < show) {
                shown.add(g.question() + " -> " + r.text() + " [" + r.source()
                        + (bare ? "; bare value" : wrong ? "; states a value" : "") + "]");
            }
        }
        int n = Math.max(1, questions.size());
        return new OffCard(questions.size(), stated / (double) n, bareCount / (double) n, fallbacks / (double) n, shown);
    }

    /**
     * Whether {@code reply} says nothing besides its {@code values}, the question's words and the words of the kind
     * asked: compared by Lucene's English stems, stop words aside.
     */
    private static boolean namesNothing(String reply, String question, List<String> values) {
        Set<String> said = new HashSet<>(FactRetriever.terms(question, 64));
        said.addAll(FactRetriever.intentTerms(question));
        values.forEach(v -> said.addAll(FactRetriever.terms(v, 64)));
        for (String term : FactRetriever.terms(reply, 64)) {
            if (!said.contains(term) && !term.chars().allMatch(Character::isDigit) && !Mentions.isNumberWord(term)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(String reply, String answer) {
        return normalise(reply).contains(normalise(answer));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}$.:]+", " ").replaceAll("\\s+", " ").strip();
    }

    /** One held-out moment of a conversation: who speaks, what came before, and what they really said. */
    public record Moment(List<String> persona, List<Turn> history, String reply, int conversation) { }

    /**
     * Hits@1 of the true reply among itself and {@code distractors} replies drawn from other moments,
     * ranked by how much the conversation raises each candidate's likelihood over the persona alone:
     * log p(c | persona, history) - beta * log p(c | persona) (beta 0 is plain likelihood), or with
     * {@code perToken} the mean log-probability per token of c given persona and history.
     */
    public static double hitsAt1(LanguageModel model, DialogueFormat format, List<Moment> moments, int distractors,
                                 double beta, boolean perToken, long seed) {
        SeededRandom r = new SeededRandom(seed);
        int hits = 0;
        Progress progress = new Progress("hits@1", moments.size(), "moments");
        try (Decoder decoder = model.newDecoder(1, false)) {
            int budget = model.config().context() - 40;
            for (int m = 0; m < moments.size(); m++) {
                Moment moment = moments.get(m);
                List<String> candidates = candidates(moments, m, distractors, r);
                int[] full = format.prompt(moment.persona(), List.of(), moment.history(), null, budget);
                int[] bare = format.prompt(moment.persona(), List.of(), List.of(), null, budget);
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                double[] cond = logLikelihoods(decoder, full, candidates, format);
                double[] uncond = beta == 0 ? new double[candidates.size()] : logLikelihoods(decoder, bare, candidates, format);
                for (int c = 0; c < candidates.size(); c++) {
                    double score = perToken ? cond[c] / (format.reply(candidates.get(c)).length + 1)
                            : cond[c] - beta * uncond[c];
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
                hits += best == 0 ? 1 : 0;
                progress.update(m + 1, String.format(Locale.ROOT, "hits@1 %.3f", hits / (double) (m + 1)));
            }
        }
        progress.finish(null);
        return hits / (double) moments.size();
    }

    /**
     * Hits@1 as above, ranked by a {@link ReplyRanker}: the candidates (drawn as above, so the same for
     * the same seed) ordered by the cosine of their vector with the conversation's.
     */
    public static double hitsAt1(ReplyRanker ranker, List<Moment> moments, int distractors, long seed) {
        SeededRandom r = new SeededRandom(seed);
        int hits = 0;
        for (int m = 0; m < moments.size(); m++) {
            Moment moment = moments.get(m);
            List<String> candidates = candidates(moments, m, distractors, r);
            List<String> history = new ArrayList<>();
            moment.history().forEach(t -> history.add(t.text()));
            float[] conversation = ranker.conversation(moment.persona(), history);
            int best = 0;
            float bestScore = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < candidates.size(); c++) {
                float score = ranker.score(conversation, candidates.get(c));
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            hits += best == 0 ? 1 : 0;
        }
        return hits / (double) moments.size();
    }

    /** The true reply of moment {@code m} first, then {@code distractors} replies of other conversations. */
    private static List<String> candidates(List<Moment> moments, int m, int distractors, SeededRandom r) {
        Moment moment = moments.get(m);
        List<String> candidates = new ArrayList<>();
        candidates.add(moment.reply());
        long others = moments.stream().filter(o -> o.conversation() != moment.conversation()).count();
        if (others == 0) {
            throw new IllegalArgumentException("hits@1 needs moments of at least two conversations");
        }
        while (candidates.size() <= distractors) {
            int other = r.nextInt(moments.size());
            if (moments.get(other).conversation() != moment.conversation()) {
                candidates.add(moments.get(other).reply());
            }
        }
        return candidates;
    }

    /**
     * Mean negative log-likelihood per token (natural log) of each moment's true reply (its mood token,
     * text and end token) given persona and history: the model's held-out NLL on Persona-Chat replies.
     */
    public static double replyNll(LanguageModel model, DialogueFormat format, List<Moment> moments) {
        double nll = 0;
        long tokens = 0;
        try (Decoder decoder = model.newDecoder(1, false)) {
            int budget = model.config().context() - 40;
            for (Moment moment : moments) {
                int[] prompt = format.prompt(moment.persona(), List.of(), moment.history(), null, budget);
                decoder.reset();
                float[] first = decoder.prefill(prompt, 0, prompt.length).clone();
                double[] sumAndCount = logLikelihood(decoder, prompt.length, first, moment.reply(), format);
                nll -= sumAndCount[0];
                tokens += (long) sumAndCount[1];
            }
        }
        return nll / Math.max(1, tokens);
    }

    /** Log-likelihood of each candidate reply (its mood token, text and end token) after {@code prompt}. */
    private static double[] logLikelihoods(Decoder decoder, int[] prompt, List<String> candidates, DialogueFormat format) {
        decoder.reset();
        float[] first = decoder.prefill(prompt, 0, prompt.length).clone();
        double[] out = new double[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            out[c] = logLikelihood(decoder, prompt.length, first, candidates.get(c), format)[0];
        }
        return out;
    }

    /**
     * {log p(reply | prompt), tokens scored} for a decoder holding the prompt's {@code promptLength}
     * tokens, whose logits after it are {@code first}; tokens past the context are not scored.
     */
    private static double[] logLikelihood(Decoder decoder, int promptLength, float[] first, String text, DialogueFormat format) {
        int[] reply = format.reply(text);
        int[] tokens = new int[reply.length + 1];
        tokens[0] = format.moodToken(Tone.of(text));
        System.arraycopy(reply, 0, tokens, 1, reply.length);
        decoder.rewind(promptLength);
        double sum = Sampler.logSoftmaxAt(first, tokens[0]);
        int scored = 1;
        int room = decoder.capacity() - promptLength;
        for (int i = 0; i + 1 < tokens.length && i + 1 < room; i++) {
            sum += Sampler.logSoftmaxAt(decoder.step(tokens[i]), tokens[i + 1]);
            scored++;
        }
        return new double[] {sum, scored};
    }
}
