package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both ways, as a game meets them: this JVM has the Vector API (surefire adds the module), a child
 * JVM started as a game would start it, without {@code --add-modules jdk.incubator.vector}, decodes
 * with the scalar loops, says so once in its log, and gets the same logits in every weight format.
 * Likewise a child JVM held to 256-bit vectors ({@code -Dimprov.vectorBits=256}) gets this JVM's
 * logits (512-bit on an AVX-512 machine), at batch 1 and through the batched tiles.
 */
class ScalarFallbackTest {
    private static final int[] TOKENS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8};

    @Test
    void withoutTheVectorModuleTheScalarLoopsDecodeTheSameLogitsAndSaySo() throws Exception {
        assertEquals(VectorKernels.class, Kernels.best().getClass(), "this JVM was started with the Vector API");
        float[] here = lastLogits(WeightFormat.FP32);
        float[] hereInt8 = lastLogits(WeightFormat.INT8);

        List<String> lines = runChild();
        assertTrue(lines.contains("kernels " + ScalarKernels.class.getSimpleName()), String.join("\n", lines));
        assertEquals(1, lines.stream().filter(l -> l.contains("jdk.incubator.vector is not present")).count(),
                "one log line names the missing module: " + lines);
        assertSameLogits(here, lines, "fp32");
        assertSameLogits(hereInt8, lines, "int8");
    }

    @Test
    void theNarrowVectorShapeDecodesTheSameLogitsOneRowAndBatched() throws Exception {
        float[] here = lastLogits(WeightFormat.INT8);
        float[] hereBatched = batchedLogits(WeightFormat.INT8);
        float[] hereBatchedFp32 = batchedLogits(WeightFormat.FP32);
        List<String> lines = runChild("--add-modules", "jdk.incubator.vector", "-Dimprov.vectorBits=256");
        assertTrue(lines.contains("kernels " + VectorKernels.class.getSimpleName() + " 256"), String.join("\n", lines));
        assertSameLogits(here, lines, "int8");
        assertSameLogits(hereBatched, lines, "batched int8");
        assertSameLogits(hereBatchedFp32, lines, "batched fp32");
    }

    /** Runs {@link Child} in a fresh JVM with {@code jvmFlags} and returns what it printed; it must exit 0. */
    private static List<String> runChild(String... jvmFlags) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var out = p.inputReader(StandardCharsets.UTF_8)) {
            out.lines().forEach(lines::add);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }

    private static void assertSameLogits(float[] here, List<String> lines, String format) {
        String prefix = "logits " + format + " ";
        String logits = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
        String[] values = logits.substring(prefix.length()).split(" ");
        assertEquals(here.length, values.length);
        for (int i = 0; i < here.length; i++) {
            assertEquals(here[i], Float.parseFloat(values[i]), 1e-4f, format + " logit " + i);
        }
    }

    /** The logits after {@link #TOKENS} through a small random model in {@code format} with this JVM's kernels. */
    static float[] lastLogits(WeightFormat format) {
        LanguageModel model = LanguageModel.random(TinyConfigs.SMALL, 11).withWeightFormat(format)
                .withCacheFormat(CacheFormat.FP32); // exact values: the shapes differ by float rounding only
        float[] logits = null;
        try (Decoder d = model.newDecoder(1, false)) {
            for (int t : TOKENS) {
                logits = d.step(t);
            }
        }
        return logits;
    }

    /**
     * Sequence 1's logits after five sequences stepped {@link #TOKENS} (shifted per sequence) together
     * through a {@link BatchDecoder}: every product goes through the multi-row tiles.
     */
    static float[] batchedLogits(WeightFormat format) {
        LanguageModel model = LanguageModel.random(TinyConfigs.SMALL, 11).withWeightFormat(format)
                .withCacheFormat(CacheFormat.FP32); // exact values: the shapes differ by float rounding only
        int n = 5;
        try (BatchDecoder d = model.newBatchDecoder(n, false)) {
            int[] seqs = new int[n];
            int[] toks = new int[n];
            for (int b = 0; b < n; b++) {
                seqs[b] = d.join();
            }
            float[][] rows = null;
            for (int t : TOKENS) {
                for (int b = 0; b < n; b++) {
                    toks[b] = (t + b) % model.config().vocabSize();
                }
                rows = d.step(seqs, toks, n);
            }
            return rows[1].clone();
        }
    }

    /** The child JVM: prints its kernels (and vector bits) and its logits. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            Kernels k = Kernels.best();
            System.out.println("kernels " + k.getClass().getSimpleName()
                    + (k instanceof VectorKernels ? " " + VectorKernels.S.vectorBitSize() : ""));
            for (WeightFormat format : WeightFormat.values()) {
                print("logits " + format.label(), lastLogits(format));
                if (k instanceof VectorKernels) {
                    print("logits batched " + format.label(), batchedLogits(format));
                }
            }
        }

        private static void print(String label, float[] logits) {
            StringBuilder line = new StringBuilder(label);
            for (float v : logits) {
                line.append(' ').append(v);
            }
            System.out.println(line);
        }
    }
}
