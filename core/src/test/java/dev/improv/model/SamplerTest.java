package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SamplerTest {

    private static int[] draw(SamplingSettings settings, long seed, int n) {
        Sampler sampler = new Sampler(settings, seed);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            float[] logits = {0.1f, 1.5f, -0.3f, 0.9f, 0.0f, 2.0f};
            out[i] = sampler.sample(logits, out, i);
        }
        return out;
    }

    @Test
    void sameSeedGivesSameTokensAndOtherSeedsDiffer() {
        SamplingSettings s = SamplingSettings.DEFAULT.withTopP(1f);
        assertArrayEquals(draw(s, 42, 200), draw(s, 42, 200));
        assertNotEquals(java.util.Arrays.toString(draw(s, 42, 200)), java.util.Arrays.toString(draw(s, 43, 200)));
    }

    @Test
    void maskedTokenIsNeverEmitted() {
        Sampler sampler = new Sampler(SamplingSettings.DEFAULT.withTemperature(3f).withTopP(1f), 7);
        LogitConstraint banFive = (h, len, logits) -> logits[5] = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < 5000; i++) {
            float[] logits = {0.1f, 1.5f, -0.3f, 0.9f, 0.0f, 9.0f};
            banFive.apply(new int[0], 0, logits);
            assertNotEquals(5, sampler.sample(logits));
        }
    }

    @Test
    void greedyPicksTheLargestAndTopKOneIsGreedy() {
        float[] logits = {0.1f, 1.5f, -0.3f, 3.9f, 0.0f, 2.0f};
        assertEquals(3, new Sampler(SamplingSettings.GREEDY, 1).sample(logits.clone()));
        Sampler topOne = new Sampler(SamplingSettings.DEFAULT.withTopK(1), 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(3, topOne.sample(logits.clone()));
        }
    }

    @Test
    void topPKeepsOnlyTheNucleus() {
        // Token 0 holds ~88% of the mass: with top-p 0.5 nothing else may be drawn.
        Sampler sampler = new Sampler(SamplingSettings.DEFAULT.withTopP(0.5f), 3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, sampler.sample(new float[] {4f, 1f, 1f, 1f, 0f}));
        }
    }

    @Test
    void repetitionPenaltyDiscouragesRecentTokens() {
        SamplingSettings s = SamplingSettings.GREEDY.withRepetitionPenalty(3f, 8);
        // Token 1 is slightly ahead but was just used, so the penalty hands the step to token 0.
        int next = new Sampler(s, 1).sample(new float[] {2.0f, 2.5f}, new int[] {1}, 1);
        assertEquals(0, next);
    }

    @Test
    void allTokensForbiddenIsReportedNotGuessed() {
        float[] logits = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        assertThrows(NoAllowedTokenException.class, () -> new Sampler(SamplingSettings.DEFAULT, 1).sample(logits));
    }

    /**
     * The truncated draw ranks only tokens with a chance, by primitive keys: it must pick exactly
     * what a stable sort of the whole vocabulary by falling probability picks (same seed, same
     * music), ties and masked tokens included.
     */
    @Test
    void truncatedDrawMatchesAStableSortOfTheWholeVocabulary() {
        SeededRandom logitSource = new SeededRandom(11);
        SamplingSettings[] settings = {
            SamplingSettings.DEFAULT, SamplingSettings.DEFAULT.withTopK(5), SamplingSettings.DEFAULT.withTopP(0.5f).withTopK(40),
            SamplingSettings.DEFAULT.withTemperature(0.7f).withTopP(0.9f)};
        for (SamplingSettings s : settings) {
            Sampler sampler = new Sampler(s, 99);
            SeededRandom reference = new SeededRandom(99);
            for (int draw = 0; draw < 2000; draw++) {
                float[] logits = new float[97];
                for (int i = 0; i < logits.length; i++) {
                    double u = logitSource.nextDouble();
                    // Masked tokens, exact ties (a few coarse values) and spread-out values.
                    logits[i] = u < 0.4 ? Float.NEGATIVE_INFINITY : u < 0.7 ? (float) Math.floor(u * 10) : (float) (u * 8);
                }
                logits[logitSource.nextInt(logits.length)] = 3f; // at least one allowed token
                int expected = stableSortDraw(logits.clone(), s, reference);
                assertEquals(expected, sampler.sample(logits, new int[0], 0), "draw " + draw + " with " + s);
            }
        }
    }

    /**
     * The same over a dialogue model's 2,048 ids with its top-40, logits spread over many octaves of
     * probability and exact ties among them: the draw ranks only the ids whose probability's exponent can
     * hold one of the 40 largest, and must pick what ranking them all picks.
     */
    @Test
    void topKOfAWholeVocabularyMatchesAStableSortOfIt() {
        SeededRandom logitSource = new SeededRandom(5);
        SamplingSettings s = new SamplingSettings(0.75f, 40, 0.9f, 1f, 0);
        Sampler sampler = new Sampler(s, 7);
        SeededRandom reference = new SeededRandom(7);
        for (int draw = 0; draw < 300; draw++) {
            float[] logits = new float[2048];
            float spread = 2 + draw % 30; // from a flat step (every id a candidate) to a peaked one
            for (int i = 0; i < logits.length; i++) {
                double u = logitSource.nextDouble();
                logits[i] = u < 0.1 ? Float.NEGATIVE_INFINITY : u < 0.3 ? (float) Math.floor(u * 20) : (float) (u * spread);
            }
            int expected = stableSortDraw(logits.clone(), s, reference);
            assertEquals(expected, sampler.sample(logits, new int[0], 0), "draw " + draw);
        }
    }

    /**
     * The top-k draw from the few ids that can rank and a bound on the rest's mass gives the draw of every id's
     * exact probability, with the same random numbers, on steps like a dialogue model's (2,048 ids, top-40,
     * flat to peaked, masked ids, exact ties, grammars that allow fewer than 40), and decides most of them
     * itself (it is not the exact draw in disguise).
     */
    @Test
    void topKDrawFromItsCandidatesEqualsTheExactDraw() {
        SeededRandom logitSource = new SeededRandom(16);
        SamplingSettings[] settings = {new SamplingSettings(0.75f, 40, 0.9f, 1f, 0), new SamplingSettings(1f, 8, 1f, 1f, 0),
            new SamplingSettings(0.5f, 100, 0.5f, 1f, 0)};
        for (SamplingSettings s : settings) {
            Sampler fast = new Sampler(s, 3);
            Sampler exact = new Sampler(s, 3);
            int decided = 0;
            int draws = 1500;
            for (int draw = 0; draw < draws; draw++) {
                float[] logits = new float[2048];
                float spread = 1 + draw % 40;
                double masked = draw % 7 == 0 ? 0.995 : 0.05; // some steps leave a grammar's handful of ids
                for (int i = 0; i < logits.length; i++) {
                    double u = logitSource.nextDouble();
                    logits[i] = u < masked ? Float.NEGATIVE_INFINITY : u < masked + 0.01 ? (float) Math.floor(u * 30)
                            : (float) (logitSource.nextDouble() * spread);
                }
                logits[logitSource.nextInt(logits.length)] = spread; // at least one allowed
                int best = Sampler.argmax(logits);
                int expected = exact.sampleExactly(logits.clone(), best);
                int token = fast.sampleTopK(logits.clone(), best);
                if (token < 0) {
                    token = fast.sampleExactly(logits.clone(), best); // as sample() does: no random number was drawn
                } else {
                    decided++;
                }
                assertEquals(expected, token, "draw " + draw + " with " + s);
            }
            // Undecided: the grammar-like steps whose last ranks hold under 1e-9 of the mass, where only the exact
            // sum knows whether the cut falls before them (4% of these draws; none of 10,220 real dialogue steps).
            assertTrue(decided > draws * 0.9, decided + " of " + draws + " decided without the exact sum, " + s);
        }
    }

    /** A nucleus cut that falls exactly on a rank's edge is left to the exact sum, and the draw is still the exact one. */
    @Test
    void aCutOnTheEdgeIsLeftToTheExactSum() {
        SamplingSettings s = new SamplingSettings(1f, 10, 0.5f, 1f, 0);
        float[] logits = new float[64];
        java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits[5] = 2f;
        logits[9] = 2f; // two equal halves: the first rank's cumulative is exactly half the sum
        assertEquals(-1, new Sampler(s, 1).sampleTopK(logits.clone(), 5));
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(new Sampler(s, seed).sampleExactly(logits.clone(), 5), new Sampler(s, seed).sample(logits.clone()));
        }
    }

    /** The nucleus draw written the plain way: a stable sort of every id by falling probability. */
    private static int stableSortDraw(float[] logits, SamplingSettings s, SeededRandom random) {
        int n = logits.length;
        int best = Sampler.argmax(logits);
        float[] probs = new float[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = logits[i] == Float.NEGATIVE_INFINITY ? 0 : StrictMath.exp((logits[i] - (double) logits[best]) * (1f / s.temperature()));
            probs[i] = (float) p;
            sum += p;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(probs[b], probs[a]));
        int keep = s.topK() > 0 ? Math.min(s.topK(), n) : n;
        double cumulative = 0;
        int kept = 0;
        while (kept < keep && probs[order[kept]] > 0f) {
            cumulative += probs[order[kept]];
            kept++;
            if (cumulative >= s.topP() * sum) {
                break;
            }
        }
        double target = random.nextDouble() * cumulative;
        double acc = 0;
        for (int i = 0; i < kept; i++) {
            acc += probs[order[i]];
            if (target < acc) {
                return order[i];
            }
        }
        return order[kept - 1];
    }
}
