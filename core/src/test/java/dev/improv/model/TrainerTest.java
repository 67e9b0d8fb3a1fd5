package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final TransformerConfig TINY = new TransformerConfig(12, 2, 32, 2, 32, 0f);

    /**
     * A tiny corpus: two phrases a small model can memorise. They start differently and fit in one
     * window, so every token is predictable from what comes before it and the loss can reach ~0.
     */
    static TokenCorpus tinyCorpus() {
        List<int[]> docs = new ArrayList<>();
        int[][] phrases = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1}, {0, 5, 5, 2, 2, 8, 8, 3, 0, 11, 4, 1}};
        for (int[] p : phrases) {
            int[] doc = new int[p.length * 2];
            for (int i = 0; i < doc.length; i++) {
                doc[i] = p[i % p.length];
            }
            docs.add(doc);
        }
        return new TokenCorpus(TINY.vocabSize(), docs, docs);
    }

    static TrainingSettings quick(int steps) {
        return TrainingSettings.defaults().withSteps(steps).withBatch(8).withSeqLen(31)
                .withLearningRate(3e-3f, 3e-4f).withWarmup(20).withWeightDecay(0f).withEval(25, 0)
                .withDevice("cpu");
    }

    @Test
    void tinyModelOverfitsTinyCorpusAndReloadsExactly(@TempDir Path dir) throws IOException {
        TrainingReport r = Trainer.train(TINY, tinyCorpus(), quick(300), dir, false, null);
        assertTrue(r.bestValidLoss() < 0.05, "validation loss " + r.bestValidLoss());
        assertTrue(Files.size(dir.resolve("loss.png")) > 1000);
        assertEquals(13, Files.readAllLines(dir.resolve("log.csv")).size()); // header + 12 validations

        LanguageModel loaded = LanguageModel.load(r.modelDir());
        float[] djl = TransformerTest.djlLogits(TINY, loaded.weights(), new int[] {1, 2, 3, 4});
        LanguageModel again = LanguageModel.load(r.modelDir());
        try (Decoder a = loaded.newDecoder(1, false); Decoder b = again.newDecoder(1, false)) {
            float[] la = null;
            float[] lb = null;
            for (int t : new int[] {1, 2, 3, 4}) {
                la = a.step(t).clone();
                lb = b.step(t).clone();
            }
            assertArrayEquals(la, lb, 0f);
            for (int v = 0; v < TINY.vocabSize(); v++) {
                assertEquals(djl[3 * TINY.vocabSize() + v], la[v], 1e-4);
            }
            // Memorised: after 1 2 3 4 the model is sure the next token is 5.
            assertEquals(5, Sampler.argmax(la));
        }
    }

    @Test
    void runKilledMidwayResumesToTheSameWeights(@TempDir Path dir) throws Exception {
        int steps = 500;
        Path straight = dir.resolve("straight");
        Trainer.train(TINY, tinyCorpus(), quick(steps), straight, false, null);

        Path killed = dir.resolve("killed");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), TrainProcess.class.getName(), killed.toString(),
                String.valueOf(steps))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path log = killed.resolve("log.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(log) || Files.readAllLines(log).size() < 5)) {
            Thread.sleep(10);
        }
        assertTrue(p.isAlive(), "the child finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly().waitFor();
        int stepAtKill = Integer.parseInt(Weights.read(killed.resolve(Trainer.CHECKPOINT)).metadata().get("step"));
        assertTrue(stepAtKill > 0 && stepAtKill < steps, "checkpoint step " + stepAtKill);

        TrainingReport resumed = Trainer.train(TINY, tinyCorpus(), quick(steps), killed, true, null);
        assertEquals(steps, resumed.steps());
        Weights a = Weights.read(straight.resolve(Trainer.CHECKPOINT));
        Weights b = Weights.read(killed.resolve(Trainer.CHECKPOINT));
        for (String name : a.names()) {
            assertArrayEquals(a.tensor(name).data(), b.tensor(name).data(), 0f, name);
        }
        assertEquals(Files.readAllLines(straight.resolve("log.csv")).size(), Files.readAllLines(log).size());
    }

    @Test
    void startingOverAnExistingRunIsRefusedAndResumingNothingIsExplained(@TempDir Path dir) throws IOException {
        Trainer.train(TINY, tinyCorpus(), quick(25), dir.resolve("a"), false, null);
        IOException again = assertThrows(IOException.class,
                () -> Trainer.train(TINY, tinyCorpus(), quick(25), dir.resolve("a"), false, null));
        assertTrue(again.getMessage().contains("--resume"));
        IOException nothing = assertThrows(IOException.class,
                () -> Trainer.train(TINY, tinyCorpus(), quick(25), dir.resolve("b"), true, null));
        assertTrue(nothing.getMessage().contains("no checkpoint"));
    }

    /** The child process the kill test starts. */
    public static final class TrainProcess {
        public static void main(String[] args) throws IOException {
            Trainer.train(TINY, tinyCorpus(), quick(Integer.parseInt(args[1])), Path.of(args[0]), false, null);
        }
    }
}
