package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTest {

    @Test
    void roundTripsTensorsAndMetadata() throws IOException {
        Weights w = new Weights();
        w.put("a", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        w.put("b", new int[] {1}, new float[] {-0.5f});
        w.metadata().put("step", "7");
        Weights back = Weights.read(new ByteArrayInputStream(w.toBytes()), "mem");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, back.get("a", 2, 3));
        assertEquals("7", back.metadata().get("step"));
        IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class, () -> back.get("a", 3, 2));
        assertTrue(wrongShape.getMessage().contains("'a'"));
    }

    @Test
    void truncatedFileIsReportedWithItsName() {
        Weights w = new Weights();
        w.put("a", new int[] {100}, new float[100]);
        byte[] bytes = w.toBytes();
        for (int cut : new int[] {3, 20, bytes.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> Weights.read(new ByteArrayInputStream(Arrays.copyOf(bytes, cut)), "model/weights.safetensors"));
            assertTrue(e.getMessage().startsWith("model/weights.safetensors:"), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }

    @Test
    void absurdHeaderLengthDoesNotAllocate() {
        byte[] bytes = new byte[16];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE / 2);
        IOException e = assertThrows(IOException.class, () -> Weights.read(new ByteArrayInputStream(bytes), "x"));
        assertTrue(e.getMessage().contains("header length"));
    }

    @Test
    void modelFolderRoundTripsAndMismatchedWeightsAreNamed(@TempDir Path dir) throws IOException {
        LanguageModel m = LanguageModel.random(TinyConfigs.SMALL, 1);
        m.save(dir.resolve("m"));
        // Float32 on purpose: the file must give back the very logits (loaded models default to int8).
        LanguageModel back = LanguageModel.load(dir.resolve("m")).withWeightFormat(WeightFormat.FP32);
        assertEquals(m.config(), back.config());
        try (Decoder a = m.newDecoder(1, false); Decoder b = back.newDecoder(1, false)) {
            assertArrayEquals(a.step(3), b.step(3), 0f);
        }
        // A weights file from a different model shape is refused with the tensor's name.
        LanguageModel.random(TinyConfigs.TINY, 1).weights().write(dir.resolve("m").resolve(LanguageModel.WEIGHTS_FILE));
        IOException e = assertThrows(IOException.class, () -> LanguageModel.load(dir.resolve("m")));
        assertTrue(e.getMessage().contains("tok_emb"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> LanguageModel.load(dir.resolve("nothing")));
        assertTrue(missing.getMessage().contains("model.json"));
        Files.writeString(dir.resolve("m").resolve("model.json"), "{\"format\": \"other\"}");
        IOException format = assertThrows(IOException.class, () -> LanguageModel.load(dir.resolve("m")));
        assertTrue(format.getMessage().contains("'format'"));
    }
}
