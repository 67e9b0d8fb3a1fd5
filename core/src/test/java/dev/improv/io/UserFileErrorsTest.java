package dev.improv.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.dialogue.FallbackGrammar;
import dev.improv.level.FeatureSet;
import dev.improv.level.JumpArcs;
import dev.improv.level.Legend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's broken file gets one line naming the file and the line or field, in words, never a
 * decoder's "Input length = 1" or Jackson's class names and source excerpts.
 */
class UserFileErrorsTest {

    @TempDir
    Path dir;

    static void assertOneCleanLine(String message, Path file, String... expected) {
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n"), message);
        for (String internal : List.of("dev.improv", "com.fasterxml", "Source:", "Input length", "Exception")) {
            assertFalse(message.contains(internal), "leaks '" + internal + "': " + message);
        }
        for (String e : expected) {
            assertTrue(message.contains(e), "expected '" + e + "' in: " + message);
        }
    }

    @Test
    void malformedFeatureJumpAndGrammarFilesNameFileAndField() throws Exception {
        Path features = Files.writeString(dir.resolve("features.json"), "{\"features\": [{\"nme\": \"pipes\"}]}");
        Exception e = assertThrows(Exception.class, () -> FeatureSet.read(features));
        assertOneCleanLine(e.getMessage(), features, "features[0]", "'name' is missing");
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"features\": [\n  {\"name\": ");
        e = assertThrows(Exception.class, () -> FeatureSet.read(notJson));
        assertOneCleanLine(e.getMessage(), notJson, "line 2");
        Path jumps = Files.writeString(dir.resolve("jumps.json"), "{\"jumps\": [[[1, \"up\"]]]}");
        e = assertThrows(Exception.class, () -> JumpArcs.read(jumps));
        assertOneCleanLine(e.getMessage(), jumps, "jumps[0][0]");
        Path grammar = Files.writeString(dir.resolve("grammar.json"), "[1, 2");
        e = assertThrows(Exception.class, () -> FallbackGrammar.load(grammar));
        assertOneCleanLine(e.getMessage(), grammar, "line 1");
    }

    @Test
    void anUnclosedObjectSaysWhereItWasOpened() throws Exception {
        // A grammar missing its last brace: Jackson's "(start marker at [Source: ...])" became an
        // empty "(start marker at )" once the source was cut out.
        Path grammar = Files.writeString(dir.resolve("grammar.json"), "{\"features\": [{\"name\": 3}]\n");
        Exception e = assertThrows(Exception.class, () -> FallbackGrammar.load(grammar));
        assertOneCleanLine(e.getMessage(), grammar, "line 2", "opened at line 1, column 1");
        assertFalse(e.getMessage().contains("marker at )"), e.getMessage());
    }

    @Test
    void anEndlessDeviceIsCutAtTheCap() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
        BoundedFiles.TooLargeException e = assertThrows(BoundedFiles.TooLargeException.class,
                () -> BoundedFiles.readBytes(zero, 1 << 20, "test files"));
        assertEquals("/dev/zero: longer than 1048576 bytes; test files over 1048576 bytes are refused", e.getMessage());
    }

    @Test
    void aFileOverTheCapIsRefusedByItsSizeBeforeItIsRead() throws Exception {
        Path big = Files.write(dir.resolve("big.json"), new byte[2048]);
        BoundedFiles.TooLargeException e = assertThrows(BoundedFiles.TooLargeException.class,
                () -> BoundedFiles.readBytes(big, 1024, "test files"));
        // The size in the message comes from the file system: the bytes were never read.
        assertEquals(big + ": 2048 bytes; test files over 1024 bytes are refused", e.getMessage());
    }

    @Test
    void anOversizedWeightsFileIsRefusedWithoutReadingIt() throws Exception {
        // A model padded past the weights cap (a sparse file: no disk, and nothing to read). Reading
        // up to the cap first took 20 s and 1.3 GB of memory before the refusal.
        Path model = Files.createDirectories(dir.resolve("padded"));
        Files.writeString(model.resolve("model.json"), "{\"format\": \"improv-model/1\"}");
        Path weights = model.resolve("weights.safetensors");
        long size = Limits.MAX_WEIGHTS_BYTES + 4096;
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(weights.toFile(), "rw")) {
            f.setLength(size);
        }
        Exception e = assertThrows(java.io.IOException.class, () -> dev.improv.model.LanguageModel.load(model));
        assertEquals(weights + ": " + size + " bytes; weights files over " + Limits.MAX_WEIGHTS_BYTES
                + " bytes are refused", e.getMessage());
    }

    @Test
    void trainingThatCannotFitIsRefusedWithTheEstimate() {
        long params = 64L * 12 * 8192 * 8192;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.requireTrainingFits(params, 64, 8192, 64, 512, 16, 256));
        assertTrue(e.getMessage().contains("GiB") && e.getMessage().contains("--width"), e.getMessage());
        Limits.requireTrainingFits(3_500_000, 4, 256, 4, 512, 16, 256); // the default shape fits anywhere
    }

    /** Windows editors begin UTF-8 files with a byte-order mark: it is read past, not reported as JSON at line 1. */
    @Test
    void aByteOrderMarkIsReadPast() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path json = dir.resolve("moods.json");
        Files.write(json, bom);
        Files.writeString(json, "{\"calm\": 1}", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, BoundedFiles.readJson(json, 1000, "settings files").path("calm").asInt());
        Path text = dir.resolve("level.txt");
        Files.write(text, bom);
        Files.writeString(text, "--\nXX\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("--\nXX\n", BoundedFiles.readText(text, 1000, "levels"));
    }

    /** A value of the wrong kind was Jackson's "Cannot deserialize value of type ... from Array value (token ...)". */
    @Test
    void aValueOfTheWrongKindSaysWhatWasExpectedAndWhatCame() throws Exception {
        byte[] config = "{\"format\": \"improv-model/1\", \"config\": {\"vocabSize\": [1], \"layers\": 1}}".getBytes();
        Exception e = assertThrows(java.io.IOException.class, () -> dev.improv.model.LanguageModel.read("m",
                new java.io.ByteArrayInputStream(config), "m/model.json", new java.io.ByteArrayInputStream(new byte[0]), "w"));
        assertTrue(e.getMessage().startsWith("m/model.json: field 'config'"), e.getMessage());
        assertTrue(e.getMessage().contains("'vocabSize': must be a whole number, got a list"), e.getMessage());
        assertFalse(e.getMessage().contains("deserialize") || e.getMessage().contains("token"), e.getMessage());
    }

    /** A model.json that is a list: it said "field 'format' must be ..., found " with nothing after it. */
    @Test
    void aModelJsonThatIsNoObjectSaysSo() {
        for (String[] c : new String[][] {{"[1, 2]", "m/model.json: must be a JSON object (format, name, config, metadata), found a list"},
                {"{\"name\": \"x\"}", "m/model.json: field 'format' must be \"improv-model/1\", found none"}}) {
            Exception e = assertThrows(java.io.IOException.class, () -> dev.improv.model.LanguageModel.read("m",
                    new java.io.ByteArrayInputStream(c[0].getBytes()), "m/model.json", new java.io.ByteArrayInputStream(new byte[0]), "w"));
            assertEquals(c[1], e.getMessage());
        }
    }
}
