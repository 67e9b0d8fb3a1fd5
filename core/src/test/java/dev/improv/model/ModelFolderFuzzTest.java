package dev.improv.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.io.ParserContract;
import dev.improv.level.LevelModel;
import dev.improv.music.MusicGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes model folders: a safetensors weights file (first byte even), or a model.json beside
 * valid weights of a tiny model (first byte odd), whose metadata the music, level and dialogue
 * engines then read.
 */
public class ModelFolderFuzzTest {

    private static final byte[] TINY_WEIGHTS = LanguageModel.random(new TransformerConfig(12, 1, 8, 2, 8, 0f), 1)
            .weights().toBytes();

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        if ((data[0] & 1) == 0) {
            try {
                Weights.parse(file, "weights.safetensors");
            } catch (IOException e) {
                ParserContract.cleanFailure(e, "weights.safetensors", data);
            }
            return;
        }
        LanguageModel model;
        try {
            model = LanguageModel.read("fuzz", new ByteArrayInputStream(file), "model.json",
                    new ByteArrayInputStream(TINY_WEIGHTS), "weights.safetensors");
        } catch (IOException e) {
            ParserContract.cleanFailure(e, null, data);
            return;
        }
        for (int engine = 0; engine < 3; engine++) {
            try {
                switch (engine) {
                    case 0 -> new MusicGenerator(model, false);
                    case 1 -> new LevelModel(model);
                    default -> DialogueGenerator.of(model, FallbackGrammar.defaultGrammar());
                }
            } catch (IllegalArgumentException e) {
                ParserContract.cleanFailure(e, null, data);
            }
        }
    }

    @FuzzTest(maxDuration = "4s")
    void modelFolders(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
