package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train music --init}: a model that held out other tunes must be refused before any
 * training, or the "held-out" score of the new run would include tunes the start weights saw.
 */
class TrainInitOptionTest {

    @Test
    void aStartModelWithAnotherSplitIsRefusedWithTheOptionNamed(@TempDir Path dir) throws Exception {
        ObjectNode meta = new ObjectMapper().createObjectNode();
        meta.putObject("training").put("splitSeed", 8).put("validShare", 0.05);
        Path model = dir.resolve("start");
        LanguageModel.of("start", new TransformerConfig(16, 1, 16, 2, 32, 0f),
                LanguageModel.random(new TransformerConfig(16, 1, 16, 2, 32, 0f), 1).weights(), meta).save(model);
        Files.createDirectories(dir.resolve("midi"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int rc;
        try {
            System.setErr(new PrintStream(err, true));
            rc = ImprovCommand.run("train", "music", "--data", dir.resolve("midi").toString(), "--out",
                    dir.resolve("run").toString(), "--init", model.toString(), "--split-seed", "7");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, rc, err.toString());
        assertTrue(err.toString().contains("--split-seed 8"), err.toString());
        assertTrue(!Files.exists(dir.resolve("run")), "nothing was trained");
    }
}
