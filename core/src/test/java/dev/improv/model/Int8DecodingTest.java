package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The int8 decoders against float32 batch-1 reference logits: exactly where they should be, close where they can. */
class Int8DecodingTest {
    private static final int[] TOKENS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4};

    @Test
    void batchOneInt8EqualsFloat32OfTheWidenedWeights() {
        LanguageModel model = BatchDecoderTest.sensitiveModel(5);
        LanguageModel int8 = model.withWeightFormat(WeightFormat.INT8);
        LanguageModel widened = Int8Reference.widened(model);
        try (Decoder a = int8.newDecoder(1, false); Decoder b = widened.newDecoder(1, false);
             Decoder helpers = int8.newDecoder(1, true)) {
            for (int t : TOKENS) {
                float[] expected = b.step(t);
                assertMaxDiff(expected, a.step(t), 1e-4f, "step, token " + t);
                assertMaxDiff(expected, helpers.step(t), 1e-4f, "step with helper threads, token " + t);
            }
        }
        try (Decoder a = int8.newDecoder(1, false); Decoder b = widened.newDecoder(1, false)) {
            assertMaxDiff(b.prefill(TOKENS, 0, TOKENS.length), a.prefill(TOKENS, 0, TOKENS.length), 1e-4f,
                    "prefill (the multi-row int8 path)");
        }
    }

    @Test
    void batchedStreamsInt8EqualBatchOneInt8() {
        LanguageModel int8 = BatchDecoderTest.sensitiveModel(6).withWeightFormat(WeightFormat.INT8);
        int batch = 5;
        try (Decoder many = int8.newDecoder(batch, false)) {
            Decoder[] ones = new Decoder[batch];
            for (int b = 0; b < batch; b++) {
                ones[b] = int8.newDecoder(1, false);
            }
            for (int i = 0; i < 12; i++) {
                int[] toks = new int[batch];
                for (int b = 0; b < batch; b++) {
                    toks[b] = TOKENS[(i + 3 * b) % TOKENS.length];
                }
                float[][] rows = many.step(toks);
                for (int b = 0; b < batch; b++) {
                    assertMaxDiff(ones[b].step(toks[b]), rows[b], 1e-4f, "stream " + b + " step " + i);
                }
            }
            for (Decoder d : ones) {
                d.close();
            }
        }
    }

    /**
     * Against the float32 model itself, on weights shaped like a trained model's (GPT-2 init, std
     * 0.02): per-row int8 moves each weight by at most half a step (1/254 of its row's largest), so
     * the logits move by a small fraction of their spread and the top token rarely changes.
     */
    @Test
    void int8LogitsStayCloseToFloat32() {
        TransformerConfig shape = BatchDecoderTest.SHAPE;
        LanguageModel model = LanguageModel.of("t", shape, WeightInit.gpt2(shape, 21), null).withCacheFormat(CacheFormat.FP32);
        LanguageModel int8 = model.withWeightFormat(WeightFormat.INT8);
        try (Decoder a = int8.newDecoder(1, false); Decoder b = model.newDecoder(1, false);
             BatchDecoder batch = int8.newBatchDecoder(3, false)) {
            int s = batch.join();
            for (int t : TOKENS) {
                float[] expected = b.step(t);
                float spread = 0;
                for (float v : expected) {
                    spread = Math.max(spread, Math.abs(v));
                }
                float[] one = a.step(t);
                float[] row = batch.step(new int[] {s}, new int[] {t}, 1)[0];
                assertMaxDiff(expected, one, 0.02f * spread, "batch 1, token " + t + " (largest logit " + spread + ")");
                assertMaxDiff(expected, row, 0.02f * spread, "batched, token " + t);
                assertMaxDiff(one, row, 1e-4f, "batched int8 against batch-1 int8, token " + t);
            }
        }
    }

    @Test
    void theFormatIsAModelOptionThatKeepsTheFloat32Tensors() {
        LanguageModel model = BatchDecoderTest.sensitiveModel(8);
        assertEquals(WeightFormat.FP32, model.weightFormat());
        LanguageModel int8 = model.withWeightFormat(WeightFormat.INT8);
        assertEquals(WeightFormat.INT8, int8.weightFormat());
        assertSame(model.weights(), int8.weights(), "the float32 tensors are shared, not copied");
        assertSame(int8, int8.withWeightFormat(WeightFormat.INT8));
        assertEquals(WeightFormat.INT8, int8.withMetadata("renamed", null).weightFormat());
        assertTrue(int8.weightBytesPerToken() * 3 < model.weightBytesPerToken(),
                int8.weightBytesPerToken() + " bytes a token against " + model.weightBytesPerToken());
        assertEquals(WeightFormat.INT8, WeightFormat.parse("Int8"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> WeightFormat.parse("int4"));
        assertTrue(bad.getMessage().contains("'int4'") && bad.getMessage().contains("fp32, int8"), bad.getMessage());
    }

    @Test
    void loadedModelsFollowTheImprovWeightsProperty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        BatchDecoderTest.sensitiveModel(9).save(dir);
        String before = System.getProperty("improv.weights");
        try {
            System.clearProperty("improv.weights");
            assertEquals(WeightFormat.INT8, LanguageModel.load(dir).weightFormat(), "int8 unless asked");
            assertEquals(WeightFormat.FP32, BatchDecoderTest.sensitiveModel(9).weightFormat(), "models built in memory stay float32");
            System.setProperty("improv.weights", "fp32");
            assertEquals(WeightFormat.FP32, LanguageModel.load(dir).weightFormat());
            System.setProperty("improv.weights", "fp8");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LanguageModel.load(dir));
            assertTrue(e.getMessage().contains("improv.weights") && e.getMessage().contains("'fp8'"), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty("improv.weights");
            } else {
                System.setProperty("improv.weights", before);
            }
        }
    }

    static void assertMaxDiff(float[] expected, float[] got, float tolerance, String what) {
        float max = 0;
        for (int v = 0; v < expected.length; v++) {
            max = Math.max(max, Math.abs(expected[v] - got[v]));
        }
        assertTrue(max < tolerance, what + ": max |diff| = " + max + ", allowed " + tolerance);
    }
}
