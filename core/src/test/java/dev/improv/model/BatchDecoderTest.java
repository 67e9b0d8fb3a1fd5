package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every batched path gives the logits of a batch-1 decoder fed the same tokens. */
class BatchDecoderTest {
    /** Width 48 (3 panels per d, 9 for qkv), vocabulary 37 (a partial last panel), head size 12. */
    static final TransformerConfig SHAPE = new TransformerConfig(37, 2, 48, 4, 40, 0f);
    private static final float TOLERANCE = 1e-4f;

    /**
     * Weights larger than the init's 0.02, so that a mistake in any row's attention shows in the logits;
     * a float32 cache, so that paths that compute the same function agree to float rounding.
     */
    static LanguageModel sensitiveModel(long seed) {
        Weights w = WeightInit.gpt2(SHAPE, seed);
        for (String n : w.names()) {
            float[] d = w.tensor(n).data();
            for (int i = 0; i < d.length; i++) {
                d[i] *= n.contains("ln") ? 1f : 10f;
            }
        }
        return LanguageModel.of("t", SHAPE, w, null).withCacheFormat(CacheFormat.FP32);
    }

    /** A sequence in the batch and its batch-1 twin. */
    private static final class Twin {
        final Decoder reference;
        final SeededRandom tokens;

        Twin(LanguageModel model, long seed) {
            reference = model.newDecoder(1, false);
            tokens = new SeededRandom(seed);
        }
    }

    @Test
    void sequencesJoiningAndLeavingMidwayMatchBatchOneDecoders() {
        LanguageModel model = sensitiveModel(7);
        joinLeaveAndCompare(model, model, TOLERANCE);
    }

    /**
     * The int8 batched path (each panel widened once, then the float tiles) against a float32 batch-1
     * decoder of the same int8 weights widened back: the same function, so the float tolerance holds.
     */
    @Test
    void int8SequencesJoiningAndLeavingMatchBatchOneDecodersOfTheWidenedWeights() {
        LanguageModel model = sensitiveModel(7);
        joinLeaveAndCompare(model.withWeightFormat(WeightFormat.INT8), Int8Reference.widened(model), TOLERANCE);
    }

    /**
     * With a narrow cache (bfloat16 or int8) on both sides, batched rows equal batch-1 rows. Looser
     * than float32: the tiles and the row kernel differ in the last float bit, and a key or value that
     * sits on a rounding boundary of the narrow format then lands one step (2^-8 relative in bf16, 1/127
     * of the head's largest value in int8) apart, and this model's x10 weights carry that on through
     * the later steps: measured up to 6.2e-3 over the plan in either format (the logits reach tens). A wrong row, slot, position or scale is off by whole units.
     */
    @ParameterizedTest
    @EnumSource(value = CacheFormat.class, names = {"BF16", "INT8"})
    void narrowCacheSequencesJoiningAndLeavingMatchBatchOneDecodersWithTheSameCache(CacheFormat cache) {
        LanguageModel model = sensitiveModel(7).withWeightFormat(WeightFormat.INT8).withCacheFormat(cache);
        joinLeaveAndCompare(model, model, 1e-2f);
    }

    /**
     * A narrow cache moves the logits by rounding only: within 1% (bf16: 8 significant bits) or 2%
     * (int8: 1/254 of each head's largest value per position) of the largest logit of a float32 cache
     * (measured: 0.35% and 0.79%).
     */
    @ParameterizedTest
    @EnumSource(value = CacheFormat.class, names = {"BF16", "INT8"})
    void narrowCacheStaysCloseToTheFloat32Cache(CacheFormat cache) {
        LanguageModel model = sensitiveModel(8);
        try (Decoder exact = model.newDecoder(1, false);
             Decoder narrow = model.withCacheFormat(cache).newDecoder(1, false)) {
            SeededRandom r = new SeededRandom(9);
            float worst = 0;
            float largest = 0;
            for (int step = 0; step < SHAPE.context(); step++) {
                int tok = r.nextInt(SHAPE.vocabSize());
                float[] e = exact.step(tok);
                float[] n = narrow.step(tok);
                for (int v = 0; v < e.length; v++) {
                    worst = Math.max(worst, Math.abs(e[v] - n[v]));
                    largest = Math.max(largest, Math.abs(e[v]));
                }
            }
            float bound = (cache == CacheFormat.INT8 ? 0.02f : 0.01f) * largest;
            assertTrue(worst > 0, "the " + cache + " cache is in use");
            assertTrue(worst < bound, "max |" + cache + " - fp32| = " + worst + " against largest logit " + largest);
        }
    }

    /** Steps {@code batched}'s BatchDecoder through a join/leave plan; every row must equal a batch-1 {@code reference}. */
    private static void joinLeaveAndCompare(LanguageModel model, LanguageModel referenceModel, float tolerance) {
        for (boolean parallel : new boolean[] {false, true}) {
            try (BatchDecoder batch = model.newBatchDecoder(12, parallel)) {
                Map<Integer, Twin> live = new HashMap<>();
                SeededRandom plan = new SeededRandom(parallel ? 2 : 1);
                int maxActive = 0;
                for (int step = 0; step < 60; step++) {
                    // Between steps: some sequences leave, some join with prompts of 1 to 20 tokens.
                    for (Integer s : new ArrayList<>(live.keySet())) {
                        Twin t = live.get(s);
                        if (batch.position(s) >= SHAPE.context() - 1 || plan.nextInt(8) == 0) {
                            batch.leave(s);
                            t.reference.close();
                            live.remove(s);
                        }
                    }
                    while (live.size() < 12 && plan.nextInt(3) > 0) {
                        int s = batch.join();
                        Twin t = new Twin(referenceModel, 1000L * step + s);
                        int[] prompt = new int[1 + plan.nextInt(20)];
                        for (int i = 0; i < prompt.length; i++) {
                            prompt[i] = t.tokens.nextInt(SHAPE.vocabSize());
                        }
                        float[] got = batch.prefill(s, prompt, 0, prompt.length);
                        float[] expected = null;
                        for (int tok : prompt) {
                            expected = t.reference.step(tok);
                        }
                        assertClose(expected, got, tolerance, "prefill of " + prompt.length + " tokens, sequence " + s);
                        assertEquals(prompt.length, batch.position(s));
                        live.put(s, t);
                    }
                    maxActive = Math.max(maxActive, live.size());
                    if (live.isEmpty()) {
                        continue;
                    }
                    // Step every live sequence but, now and then, one that sits this step out.
                    List<Integer> stepping = new ArrayList<>(live.keySet());
                    if (stepping.size() > 1 && plan.nextInt(4) == 0) {
                        stepping.remove(plan.nextInt(stepping.size()));
                    }
                    java.util.Collections.shuffle(stepping, new java.util.Random(step));
                    int[] seqs = stepping.stream().mapToInt(Integer::intValue).toArray();
                    int[] toks = new int[seqs.length];
                    for (int i = 0; i < seqs.length; i++) {
                        toks[i] = live.get(seqs[i]).tokens.nextInt(SHAPE.vocabSize());
                    }
                    float[][] rows = batch.step(seqs, toks, seqs.length);
                    for (int i = 0; i < seqs.length; i++) {
                        float[] expected = live.get(seqs[i]).reference.step(toks[i]);
                        assertClose(expected, rows[i], tolerance, "step " + step + ", sequence " + seqs[i] + " of " + seqs.length);
                    }
                }
                assertTrue(maxActive >= 11, "the plan should fill the batch's tiles (6 + 4 + 1 rows), got " + maxActive);
                live.values().forEach(t -> t.reference.close());
            }
        }
    }

    /**
     * Every group size a step can have, 1 to 16 sequences (1: the row kernel; 2-4: 4-row tiles; 5-8: one
     * 8-row tile, its last row repeated below 8; 9-16: then 4-row or a second 8-row tile), in float32
     * and in int8 weights, gives each sequence the logits of its batch-1 twin.
     */
    @Test
    void everyGroupSizeFromOneToSixteenMatchesBatchOneDecoders() {
        LanguageModel model = sensitiveModel(11);
        LanguageModel[][] batchedAndReference = {
                {model, model},
                {model.withWeightFormat(WeightFormat.INT8), Int8Reference.widened(model)}};
        for (LanguageModel[] pair : batchedAndReference) {
            for (int n = 1; n <= 16; n++) {
                try (BatchDecoder batch = pair[0].newBatchDecoder(n, false)) {
                    Twin[] twins = new Twin[n];
                    int[] seqs = new int[n];
                    for (int i = 0; i < n; i++) {
                        seqs[i] = batch.join();
                        twins[i] = new Twin(pair[1], 100L * n + i);
                        int[] prompt = {twins[i].tokens.nextInt(SHAPE.vocabSize()), i % SHAPE.vocabSize()};
                        batch.prefill(seqs[i], prompt, 0, 1 + i % 2); // positions differ between rows
                        for (int p = 0; p < 1 + i % 2; p++) {
                            twins[i].reference.step(prompt[p]);
                        }
                    }
                    for (int step = 0; step < 3; step++) {
                        int[] toks = new int[n];
                        for (int i = 0; i < n; i++) {
                            toks[i] = twins[i].tokens.nextInt(SHAPE.vocabSize());
                        }
                        float[][] rows = batch.step(seqs, toks, n);
                        for (int i = 0; i < n; i++) {
                            assertClose(twins[i].reference.step(toks[i]), rows[i], pair[0].weightFormat() + ", "
                                    + n + " sequences, step " + step + ", row " + i);
                        }
                    }
                    for (Twin t : twins) {
                        t.reference.close();
                    }
                }
            }
        }
    }

    @Test
    void rewindResumesASequenceWithoutDisturbingTheOthers() {
        LanguageModel model = sensitiveModel(3);
        try (BatchDecoder batch = model.newBatchDecoder(3, false);
             Decoder a1 = model.newDecoder(1, false); Decoder b1 = model.newDecoder(1, false)) {
            int a = batch.join();
            int b = batch.join();
            int[] prompt = new int[9];
            SeededRandom r = new SeededRandom(5);
            for (int i = 0; i < prompt.length; i++) {
                prompt[i] = r.nextInt(SHAPE.vocabSize());
            }
            batch.prefill(a, prompt, 0, 9);
            batch.prefill(b, prompt, 0, 4);
            a1.prefill(prompt, 0, 5);
            b1.prefill(prompt, 0, 4);
            batch.rewind(a, 5);
            float[][] rows = batch.step(new int[] {b, a}, new int[] {11, 12}, 2);
            assertClose(b1.step(11), rows[0], "the untouched sequence");
            assertClose(a1.step(12), rows[1], "the rewound sequence");
            assertEquals(6, batch.position(a));
            assertEquals(5, batch.position(b));
        }
    }

    @Test
    void misuseFailsWithAPlainMessage() {
        LanguageModel model = sensitiveModel(4);
        try (BatchDecoder batch = model.newBatchDecoder(2, false)) {
            int a = batch.join();
            int b = batch.join();
            assertEquals(2, batch.activeCount());
            IllegalStateException full = assertThrows(IllegalStateException.class, batch::join);
            assertTrue(full.getMessage().contains("all 2 sequences are in use"), full.getMessage());
            IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                    () -> batch.step(new int[] {a, a}, new int[] {1, 2}, 2));
            assertTrue(twice.getMessage().contains("appears twice"), twice.getMessage());
            batch.leave(b);
            IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                    () -> batch.step(new int[] {b}, new int[] {1}, 1));
            assertTrue(gone.getMessage().contains("no sequence 1"), gone.getMessage());
            assertThrows(IllegalArgumentException.class, () -> batch.step(new int[] {a}, new int[] {99}, 1));
            assertEquals(0, batch.position(a), "a refused step leaves the position alone");
            assertEquals(b, batch.join(), "a freed id is given out again");
        }
    }

    private static void assertClose(float[] expected, float[] got, String what) {
        assertClose(expected, got, TOLERANCE, what);
    }

    private static void assertClose(float[] expected, float[] got, float tolerance, String what) {
        float max = 0;
        for (int v = 0; v < expected.length; v++) {
            max = Math.max(max, Math.abs(expected[v] - got[v]));
        }
        assertTrue(max < tolerance, what + ": max |batch - batch 1| = " + max);
    }
}
