package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL model and the plain-Java decoder must compute the same function. */
class TransformerTest {
    static final TransformerConfig SMALL = TinyConfigs.SMALL;

    @BeforeAll
    static void offline() {
        DjlRuntime.configure();
    }

    /** Full-sequence logits from DJL, (T, vocab) flattened. */
    static float[] djlLogits(TransformerConfig c, Weights w, int[] tokens) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            Transformer t = new Transformer(c, w, m);
            long[] ids = new long[tokens.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = tokens[i];
            }
            NDArray logits = t.forward(m.create(ids, new Shape(1, ids.length)), false);
            return logits.toFloatArray();
        }
    }

    /**
     * Gradients of one training step; with {@code collectGarbage}, the JVM collects garbage and
     * reuses the freed native memory between the forward and the backward pass, as it may at any
     * moment in a real run.
     */
    private static float[][] gradients(TransformerConfig c, Weights w, int[] tokens, boolean collectGarbage)
            throws InterruptedException {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            Transformer t = new Transformer(c, w, m);
            long[] in = new long[tokens.length - 1];
            long[] out = new long[in.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = tokens[i];
                out[i] = tokens[i + 1];
            }
            float[] ones = new float[in.length];
            java.util.Arrays.fill(ones, 1f);
            try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
                NDArray logits = t.forward(m.create(in, new Shape(1, in.length)), true);
                NDArray loss = Transformer.crossEntropy(logits, m.create(out, new Shape(1, in.length)),
                        m.create(ones, new Shape(1, in.length)))[0];
                if (collectGarbage) {
                    List<java.nio.ByteBuffer> reuse = new ArrayList<>();
                    for (int round = 0; round < 3; round++) {
                        System.gc();
                        Thread.sleep(20); // the cleaner thread frees unreachable direct buffers
                        for (int i = 0; i < 1000; i++) {
                            reuse.add(java.nio.ByteBuffer.allocateDirect(8).putDouble(0, 1234.5));
                        }
                    }
                }
                gc.backward(loss);
            }
            return t.parameters().values().stream().map(p -> p.getGradient().toFloatArray()).toArray(float[][]::new);
        }
    }

    /**
     * The backward pass must not depend on when the garbage collector runs. It did: a scale passed
     * to DJL as a Java number lived in a buffer freed after the forward call, and the backward pass
     * read whatever reused that memory, so a resumed training run drifted from an uninterrupted one.
     */
    @Test
    void gradientsDoNotDependOnGarbageCollection() throws InterruptedException {
        Weights w = WeightInit.gpt2(SMALL, 3);
        int[] tokens = someTokens(SMALL.context() + 1, SMALL.vocabSize(), 4);
        float[][] quiet = gradients(SMALL, w, tokens, false);
        float[][] collected = gradients(SMALL, w, tokens, true);
        for (int i = 0; i < quiet.length; i++) {
            assertArrayEquals(quiet[i], collected[i], 0f, "gradient " + i);
        }
    }

    static int[] someTokens(int n, int vocab, long seed) {
        SeededRandom r = new SeededRandom(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(vocab);
        }
        return t;
    }

    @Test
    void kvCachedJavaLogitsMatchDjlFullForward() {
        Weights w = WeightInit.gpt2(SMALL, 5);
        // Larger weights than the init's 0.02 make the test sensitive to any mistake in attention.
        for (String n : w.names()) {
            float[] d = w.tensor(n).data();
            for (int i = 0; i < d.length; i++) {
                d[i] *= n.contains("ln") ? 1f : 10f;
            }
        }
        int[] tokens = someTokens(SMALL.context(), SMALL.vocabSize(), 9);
        float[] expected = djlLogits(SMALL, w, tokens);
        // A float32 cache: DJL keeps exact keys and values, and 1e-4 is float rounding.
        LanguageModel model = LanguageModel.of("t", SMALL, w, null).withCacheFormat(CacheFormat.FP32);
        for (boolean parallel : new boolean[] {false, true}) {
            try (Decoder d = model.newDecoder(1, parallel)) {
                float maxDiff = 0;
                for (int p = 0; p < tokens.length; p++) {
                    float[] got = d.step(tokens[p]);
                    for (int v = 0; v < SMALL.vocabSize(); v++) {
                        maxDiff = Math.max(maxDiff, Math.abs(got[v] - expected[p * SMALL.vocabSize() + v]));
                    }
                }
                assertTrue(maxDiff < 1e-4, "max |java - djl| = " + maxDiff);
            }
        }
    }

    @Test
    void prefillMatchesFeedingTokenByToken() {
        LanguageModel model = LanguageModel.random(SMALL, 21);
        int[] tokens = someTokens(SMALL.context() - 1, SMALL.vocabSize(), 4);
        try (Decoder a = model.newDecoder(1, false); Decoder b = model.newDecoder(1, true)) {
            float[] stepped = null;
            for (int t : tokens) {
                stepped = a.step(t).clone();
            }
            // Spans longer and shorter than one prefill chunk, after a token fed on its own.
            b.feed(tokens[0]);
            b.prefill(tokens, 1, 17);
            float[] prefilled = b.prefill(tokens, 18, tokens.length - 18);
            assertEquals(a.position(), b.position());
            assertArrayEquals(stepped, prefilled, 1e-5f);
            // And decoding continues identically from there.
            assertArrayEquals(a.step(5), b.step(5), 1e-5f);
        }
    }

    @Test
    void batchedStreamsMatchSingleStreams() {
        LanguageModel model = LanguageModel.random(SMALL, 11);
        int streams = 6;
        int[][] tokens = new int[streams][];
        for (int s = 0; s < streams; s++) {
            tokens[s] = someTokens(10, SMALL.vocabSize(), 100 + s);
        }
        try (Decoder batch = model.newDecoder(streams)) {
            for (int p = 0; p < 10; p++) {
                int[] step = new int[streams];
                for (int s = 0; s < streams; s++) {
                    step[s] = tokens[s][p];
                }
                float[][] got = batch.step(step);
                if (p == 9) {
                    for (int s = 0; s < streams; s++) {
                        try (Decoder one = model.newDecoder(1, false)) {
                            float[] expected = null;
                            for (int q = 0; q < 10; q++) {
                                expected = one.step(tokens[s][q]);
                            }
                            assertArrayEquals(expected, got[s], 1e-5f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rewindGivesTheSameLogitsAsAFreshStream() {
        LanguageModel model = LanguageModel.random(SMALL, 3);
        int[] prompt = someTokens(8, SMALL.vocabSize(), 1);
        try (TokenStream a = new TokenStream(model, SamplingSettings.DEFAULT, 1)) {
            a.feed(prompt);
            float[] before = a.logits();
            for (int i = 0; i < 5; i++) {
                a.next();
            }
            a.rewind(prompt.length);
            assertArrayEquals(before, a.logits(), 1e-6f);
        }
    }

    @Test
    void streamsLongerThanTheContextSlideAndKeepTheirPrefix() {
        LanguageModel model = LanguageModel.random(SMALL, 3);
        int prefix = 3;
        int cap = SMALL.context();
        try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT, 2)) {
            s.setKeepPrefix(prefix);
            s.feed(1, 2, 3);
            for (int i = 0; i < 3 * cap; i++) {
                s.next();
            }
            int len = s.length();
            assertEquals(prefix + 3 * cap, len);
            // Replay the sliding rule: when the window is full, keep the prefix and the recent half.
            int windowStart = 0;
            int inWindow = 0;
            for (int i = 0; i < len; i++) {
                if (inWindow == cap) {
                    windowStart = Math.max(prefix, i - (cap / 2 - prefix));
                    inWindow = prefix + (i - windowStart);
                }
                inWindow++;
            }
            int[] h = s.history();
            float[] expected = null;
            try (Decoder d = model.newDecoder(1, false)) {
                for (int i = 0; i < len; i++) {
                    if (i < prefix || i >= windowStart) {
                        expected = d.step(h[i]);
                    }
                }
                assertArrayEquals(expected, s.logits(), 1e-5f);
            }
        }
    }

    @Test
    void sameSeedSameTokensAndMaskedTokensNeverAppear() {
        LanguageModel model = LanguageModel.random(SMALL, 8);
        LogitConstraint noSeven = (h, len, logits) -> logits[7] = Float.NEGATIVE_INFINITY;
        int[] a = generate(model, 42, noSeven);
        int[] b = generate(model, 42, noSeven);
        assertArrayEquals(a, b);
        for (int t : a) {
            assertTrue(t != 7, "masked token 7 was emitted");
        }
        assertTrue(!java.util.Arrays.equals(a, generate(model, 43, noSeven)));
    }

    private static int[] generate(LanguageModel model, long seed, LogitConstraint c) {
        try (TokenStream s = new TokenStream(model, SamplingSettings.DEFAULT.withTemperature(1.5f), seed)) {
            s.feed(1);
            for (int i = 0; i < 200; i++) {
                s.next(c);
            }
            return s.tokensSince(1);
        }
    }
}
