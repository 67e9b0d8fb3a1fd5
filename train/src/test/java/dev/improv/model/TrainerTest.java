package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    static final TransformerConfig TINY = TinyConfigs.TINY;

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

        // Float32 weights and cache: the decoder must equal DJL's forward pass (loaded models default
        // to int8 weights and a bf16 cache).
        LanguageModel loaded = LanguageModel.load(r.modelDir()).withWeightFormat(WeightFormat.FP32)
                .withCacheFormat(CacheFormat.FP32);
        float[] djl = TransformerTest.djlLogits(TINY, loaded.weights(), new int[] {1, 2, 3, 4});
        LanguageModel again = LanguageModel.load(r.modelDir()).withWeightFormat(WeightFormat.FP32)
                .withCacheFormat(CacheFormat.FP32);
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

    /**
     * Every run here is its own JVM, as when a user runs {@code improv train} and then
     * {@code improv train --resume}: the test JVM may have started PyTorch with other settings.
     */
    @Test
    void runKilledMidwayResumesToTheSameWeights(@TempDir Path dir) throws Exception {
        // Long enough that the kill lands mid-run even on a fast, idle machine.
        int steps = 600;
        Path straight = dir.resolve("straight");
        Process uninterrupted = trainInChild(straight, steps, false, dir.resolve("straight.log"));
        assertEquals(0, uninterrupted.waitFor(), () -> read(dir.resolve("straight.log")));

        Path killed = dir.resolve("killed");
        Process p = trainInChild(killed, steps, false, dir.resolve("child.log"));
        Path log = killed.resolve("log.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && p.isAlive()
                && (!Files.exists(log) || Files.readAllLines(log).size() < 4)) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the child finished before it could be killed: " + read(dir.resolve("child.log")));
        p.destroyForcibly().waitFor();
        int stepAtKill = Integer.parseInt(Weights.read(killed.resolve(Trainer.CHECKPOINT)).metadata().get("step"));
        assertTrue(stepAtKill > 0 && stepAtKill < steps, "checkpoint step " + stepAtKill);

        Process resumed = trainInChild(killed, steps, true, dir.resolve("resumed.log"));
        assertEquals(0, resumed.waitFor(), () -> read(dir.resolve("resumed.log")));
        Weights a = Weights.read(straight.resolve(Trainer.CHECKPOINT));
        Weights b = Weights.read(killed.resolve(Trainer.CHECKPOINT));
        assertEquals(String.valueOf(steps), b.metadata().get("step"));
        for (String name : a.names()) {
            assertArrayEquals(a.tensor(name).data(), b.tensor(name).data(), 0f, name);
        }
        // The log tells the same story: same steps, learning rates and losses (speed columns differ).
        assertEquals(lossColumns(straight.resolve("log.csv")), lossColumns(log));
    }

    /** Ctrl-C or SIGTERM mid-run: the run says where it stopped and which checkpoint --resume continues from. */
    @Test
    void aRunStoppedMidwaySaysWhereResumePicksUp(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Process p = trainInChild(run, 600, false, dir.resolve("child.log"));
        Path log = run.resolve("log.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline && p.isAlive() && (!Files.exists(log) || Files.readAllLines(log).size() < 3)) {
            Thread.sleep(5);
        }
        assertTrue(p.isAlive(), "the child finished before it could be stopped: " + read(dir.resolve("child.log")));
        p.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does
        p.waitFor();
        String said = read(dir.resolve("child.log"));
        int saved = Integer.parseInt(Weights.read(run.resolve(Trainer.CHECKPOINT)).metadata().get("step"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("train: stopped at step \\d+ of 600; the checkpoint of step "
                + "(\\d+) in " + java.util.regex.Pattern.quote(run.toString()) + " continues with --resume").matcher(said);
        assertTrue(m.find(), said);
        // Threads run on while the hooks do: a checkpoint may land after the notice, never one before it be missing.
        int told = Integer.parseInt(m.group(1));
        assertTrue(told > 0 && told <= saved, told + " told, " + saved + " on disk");
    }

    private static List<String> lossColumns(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> String.join(",", List.of(l.split(",")).subList(0, 4))).toList();
    }

    private static Process trainInChild(Path runDir, int steps, boolean resume, Path output) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), TrainProcess.class.getName(), runDir.toString(),
                String.valueOf(steps), String.valueOf(resume))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
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

    /** A resume with another schedule was silent, and the run no longer the one it was. */
    @Test
    void resumingOnAnotherScheduleSaysSo(@TempDir Path dir) throws IOException {
        Trainer.train(TINY, tinyCorpus(), quick(25), dir, false, null);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            Trainer.train(TINY, tinyCorpus(), quick(25), dir, true, null);
            assertFalse(err.toString().contains("it continues with"), err.toString());
            Trainer.train(TINY, tinyCorpus(), quick(50), dir, true, null);
        } finally {
            System.setErr(old);
        }
        assertTrue(err.toString().contains("train: the run in " + dir + " had --steps 25 --batch"), err.toString());
        assertTrue(err.toString().contains("; it continues with --steps 50 --batch"), err.toString());
    }

    @Test
    void resumingARunKilledBeforeItsFirstCheckpointStartsCleanly(@TempDir Path dir) throws IOException {
        Trainer.train(TINY, tinyCorpus(), quick(25), dir.resolve("whole"), false, null);
        Path killed = dir.resolve("killed");
        Files.createDirectories(killed);
        // What a run killed before step 1 leaves: the log's header and a row cut off mid-append.
        Files.writeString(killed.resolve("log.csv"), "step,learning_rate,train_loss,valid_loss,tokens_per_s,seconds\n1,0.0,");
        // ... and, killed outright mid-write, a temporary file (its writer's pid, 2^22+1, is no live process's)
        Path leftover = killed.resolve(".model.json.improv-4194305-5e1f.tmp");
        Files.writeString(leftover, "{\"vocab");
        Trainer.train(TINY, tinyCorpus(), quick(25), killed, true, null);
        assertFalse(Files.exists(leftover), "the resumed run removes what the killed one left");
        Weights a = Weights.read(dir.resolve("whole").resolve(Trainer.CHECKPOINT));
        Weights b = Weights.read(killed.resolve(Trainer.CHECKPOINT));
        for (String name : a.names()) {
            assertArrayEquals(a.tensor(name).data(), b.tensor(name).data(), 0f, name);
        }
    }

    /**
     * The child process the kill test starts. With dropout, so the test also covers the dropout
     * masks being drawn from a generator seeded by the seed and the step.
     */
    public static final class TrainProcess {
        public static void main(String[] args) throws IOException {
            Trainer.train(TINY.withDropout(0.1f), tinyCorpus(), quick(Integer.parseInt(args[1])), Path.of(args[0]),
                    Boolean.parseBoolean(args[2]), null);
        }
    }
}
