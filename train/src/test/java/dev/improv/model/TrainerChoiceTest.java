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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run trains on (documents' sampling weights) and what it keeps (a checkpoint score). */
class TrainerChoiceTest {

    @Test
    void aDocumentOfTinyWeightIsHardlyTrainedOn(@TempDir Path dir) throws IOException {
        TokenCorpus even = TrainerTest.tinyCorpus();
        int[] second = even.train().get(1);
        List<int[]> validOnSecond = List.of(second);
        TokenCorpus equal = new TokenCorpus(even.vocabSize(), even.train(), validOnSecond, null, null, new double[] {1, 1});
        TokenCorpus leaning = new TokenCorpus(even.vocabSize(), even.train(), validOnSecond, null, null,
                new double[] {1, 1e-9});
        double learnt = Trainer.train(TrainerTest.TINY, equal, TrainerTest.quick(150), dir.resolve("equal"), false, null)
                .bestValidLoss();
        double unseen = Trainer.train(TrainerTest.TINY, leaning, TrainerTest.quick(150), dir.resolve("leaning"), false,
                null).bestValidLoss();
        assertTrue(unseen > 3 * learnt && unseen > 1, "second phrase's loss: " + learnt + " weighted 1, " + unseen
                + " weighted 1e-9");
    }

    @Test
    void weightsMustBePositiveAndOneADocument() {
        TokenCorpus c = TrainerTest.tinyCorpus();
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new TokenCorpus(c.vocabSize(), c.train(), c.valid(), null, null, new double[] {1}));
        assertTrue(count.getMessage().contains("one weight per document"), count.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new TokenCorpus(c.vocabSize(), c.train(), c.valid(), null, null, new double[] {1, 0}));
        assertTrue(zero.getMessage().contains("document 1"), zero.getMessage());
    }

    @Test
    void theKeptModelIsTheCheckpointWithTheHighestScoreNotTheLowestLoss(@TempDir Path dir) throws IOException {
        double[] scripted = {0.2, 0.9, 0.5, 0.1};
        List<Weights> seen = new ArrayList<>();
        CheckpointScore score = new CheckpointScore() {
            @Override
            public String name() {
                return "in_key";
            }

            @Override
            public double score(LanguageModel model) {
                seen.add(model.weights());
                return scripted[seen.size() - 1];
            }
        };
        Path run = dir.resolve("run");
        TrainingReport r = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(100), run, false,
                null, null, score);
        assertEquals(4, seen.size());
        assertEquals(50, r.bestStep());
        List<String> log = Files.readAllLines(run.resolve("log.csv"));
        assertTrue(log.get(0).endsWith(",in_key"), log.get(0));
        assertTrue(log.get(2).startsWith("50,") && log.get(2).endsWith(",0.90000"), log.get(2));
        Weights kept = LanguageModel.load(r.modelDir()).weights();
        for (String name : kept.names()) {
            assertArrayEquals(seen.get(1).tensor(name).data(), kept.tensor(name).data(), 0f, name);
        }
        assertEquals("0.9", Weights.read(run.resolve(Trainer.CHECKPOINT)).metadata().get("best_score"));
        // The loss kept falling after step 50, so choosing by loss would have kept a later step.
        assertTrue(Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(100), dir.resolve("nll"),
                false, null).bestStep() > 50);
    }

    @Test
    void aScoreChoosesOnlyAmongCheckpointsUnderTheLossCeiling(@TempDir Path dir) throws IOException {
        Path free = dir.resolve("free");
        Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(100), free, false, null, null,
                scripted(0.2, 0.9, 0.5, 0.1, Double.POSITIVE_INFINITY));
        List<String> log = Files.readAllLines(free.resolve("log.csv"));
        double at50 = Double.parseDouble(log.get(2).split(",")[3]);
        double at75 = Double.parseDouble(log.get(3).split(",")[3]);
        double at100 = Double.parseDouble(log.get(4).split(",")[3]);
        assertTrue(at50 > at75 + 0.01 && at100 < at75, "the fixture's loss must fall after step 50: " + log);
        double ceiling = (at50 + at75) / 2; // midway, away from the log's rounding

        TrainingReport r = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(100),
                dir.resolve("capped"), false, null, null, scripted(0.2, 0.9, 0.5, 0.1, ceiling));
        assertEquals(75, r.bestStep(), "step 50 scores best but its loss is over the ceiling " + ceiling);
        TrainingReport none = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(100),
                dir.resolve("none"), false, null, null, scripted(0.2, 0.9, 0.5, 0.1, 1e-6));
        assertEquals(-1, none.bestStep());
        assertTrue(Files.notExists(none.modelDir()), "no checkpoint is under the ceiling, so none is kept");
    }

    private static CheckpointScore scripted(double a, double b, double c, double d, double maxValidLoss) {
        double[] scores = {a, b, c, d};
        return new CheckpointScore() {
            private int calls;

            @Override
            public String name() {
                return "in_key";
            }

            @Override
            public double score(LanguageModel model) {
                return scores[calls++];
            }

            @Override
            public double maxValidLoss() {
                return maxValidLoss;
            }
        };
    }
}
