package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One layout, read by weight init, the parameter count and the decoder alike. */
class TransformerLayoutTest {

    @Test
    void theBenchmarkShapeHasItsKnownParameterCount() {
        // 2 * 512 * 256 (embeddings, head) + 512 * 256 (positions) + 4 * 789,760 (blocks) + 2 * 256 (final norm)
        assertEquals(3_552_768L, TransformerConfig.benchmarkDefault().parameterCount());
    }

    @Test
    void initialWeightsHoldExactlyTheLayoutsTensors() {
        for (TransformerConfig c : List.of(new TransformerConfig(40, 2, 16, 2, 32, 0f), new TransformerConfig(7, 1, 8, 1, 5, 0f))) {
            Weights w = WeightInit.gpt2(c, 3);
            List<TransformerLayout.Tensor> layout = TransformerLayout.tensors(c);
            assertEquals(layout.stream().map(TransformerLayout.Tensor::name).toList(), List.copyOf(w.names()));
            long floats = 0;
            for (TransformerLayout.Tensor t : layout) {
                float[] values = w.get(t.name(), t.shape()); // throws on a shape that differs
                assertEquals(t.size(), values.length, t.name());
                floats += values.length;
            }
            assertEquals(c.parameterCount(), floats);
            try (Decoder d = LanguageModel.of("t", c, w, null).newDecoder()) { // reads every tensor at these shapes
                assertEquals(c.vocabSize(), d.step(new int[] {1})[0].length);
            }
        }
    }

    @Test
    void initialisationFollowsEachTensorsKind() {
        TransformerConfig c = new TransformerConfig(40, 2, 16, 2, 32, 0f);
        Weights w = WeightInit.gpt2(c, 3);
        TransformerLayout.Block b = TransformerLayout.block(1);
        float[] ones = new float[16];
        java.util.Arrays.fill(ones, 1f);
        assertArrayEquals(ones, w.get(b.ln2W(), 16));
        assertArrayEquals(new float[64], w.get(b.fcB(), 64));
        assertEquals(0.02 / Math.sqrt(4), std(w.get(b.fc2W(), 16, 64)), 0.004, "residual projections start smaller");
        assertEquals(0.02, std(w.get(b.qkvW(), 48, 16)), 0.004);
    }

    private static double std(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * (double) x;
        }
        return Math.sqrt(sum / v.length);
    }
}
