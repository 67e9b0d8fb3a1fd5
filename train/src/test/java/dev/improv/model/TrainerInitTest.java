package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --init}: a run that starts from an existing model instead of random weights. */
class TrainerInitTest {

    @Test
    void aRunStartedFromATrainedModelKeepsWhatItLearned(@TempDir Path dir) throws IOException {
        TrainingReport first = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(300),
                dir.resolve("first"), false, null);
        LanguageModel trained = LanguageModel.load(first.modelDir());

        // Ten steps at a low rate: from random weights the loss is still near ln(12) = 2.5; from the
        // trained model it stays near the trained model's.
        TrainingSettings brief = TrainerTest.quick(10).withLearningRate(1e-4f, 1e-5f).withEval(10, 0);
        TrainingReport fromInit = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), brief, dir.resolve("init"),
                false, null, trained);
        TrainingReport fromScratch = Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), brief,
                dir.resolve("scratch"), false, null);
        assertTrue(fromInit.bestValidLoss() < 0.1, "from init: " + fromInit.bestValidLoss());
        assertTrue(fromScratch.bestValidLoss() > 1.5, "from scratch: " + fromScratch.bestValidLoss());
    }

    @Test
    void aModelOfAnotherShapeIsRefusedByName(@TempDir Path dir) {
        LanguageModel wider = LanguageModel.random(new TransformerConfig(12, 2, 64, 2, 32, 0f), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.train(TrainerTest.TINY, TrainerTest.tinyCorpus(), TrainerTest.quick(5), dir, false, null,
                        wider));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }
}
