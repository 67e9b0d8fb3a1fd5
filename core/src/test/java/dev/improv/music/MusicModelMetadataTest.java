package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A music model's vocabulary settings are checked before anything is sized by them. */
class MusicModelMetadataTest {

    private static String refusedGrid(Path dir, long grid) throws Exception {
        MusicVocabulary vocab = MusicVocabulary.standard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = json.createObjectNode();
        ObjectNode v = json.valueToTree(vocab.settings());
        v.put("gridPerQuarter", grid);
        meta.set("vocabulary", v);
        Path folder = dir.resolve("m" + grid);
        LanguageModel.random(new TransformerConfig(vocab.size(), 1, 16, 2, 16, 0f), 1).withMetadata("bad", meta).save(folder);
        LanguageModel model = LanguageModel.load(folder);
        return assertThrows(IllegalArgumentException.class, () -> new MusicGenerator(model, false)).getMessage();
    }

    @Test
    void hugeGridIsRefusedNamingFileAndFieldBeforeAllocating(@TempDir Path dir) throws Exception {
        for (long grid : new long[] {100_000_000L, Integer.MAX_VALUE}) {
            String message = refusedGrid(dir, grid);
            assertTrue(message.contains("model.json") && message.contains("gridPerQuarter")
                    && message.contains("1.." + MusicVocabulary.MAX_GRID_PER_QUARTER), message);
        }
    }
}
