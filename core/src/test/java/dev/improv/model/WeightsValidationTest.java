package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder is untrusted input: what is wrong with it is found at load, naming the file and the tensor or field. */
class WeightsValidationTest {

    /** A safetensors file with the given header and data bytes. */
    static byte[] safetensors(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static String refused(byte[] file) {
        return assertThrows(IOException.class, () -> Weights.parse(file, "w.safetensors")).getMessage();
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheTensorAndIndex() {
        String nan = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                floats(1f, Float.NaN)));
        assertTrue(nan.startsWith("w.safetensors: tensor 'a'") && nan.contains("NaN") && nan.contains("index 1"), nan);
        String inf = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                floats(Float.POSITIVE_INFINITY)));
        assertTrue(inf.contains("Infinity"), inf);
    }

    @Test
    void misalignedOverlappingAndPaddedDataAreRefused() {
        byte[] data = new byte[9];
        assertTrue(refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[1,9]}}", data))
                .contains("misaligned"));
        String overlap = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", floats(1, 2)));
        assertTrue(overlap.contains("gap or an overlap"), overlap);
        String padded = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                floats(1, 2, 3)));
        assertTrue(padded.contains("8 bytes after the last tensor"), padded);
    }

    @Test
    void absurdShapesAreRefusedBeforeAllocating() {
        String huge = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647],\"data_offsets\":[0,4]}}",
                floats(1)));
        assertTrue(huge.contains("tensor 'a'"), huge);
        String text = refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[\"x\"],\"data_offsets\":[0,4]}}", floats(1)));
        assertTrue(text.contains("'shape'"), text);
        String notJson = refused(safetensors("{\"a\":", floats(1)));
        assertTrue(notJson.startsWith("w.safetensors: weights header: line 1"), notJson);
    }

    @Test
    void aValidFileStillRoundTrips() throws IOException {
        Weights w = new Weights();
        w.put("a", new int[] {2}, new float[] {1, 2});
        w.put("empty", new int[] {0}, new float[0]);
        w.put("b", new int[] {1, 1}, new float[] {3});
        Weights back = Weights.parse(w.toBytes(), "x");
        assertEquals(3f, back.get("b", 1, 1)[0]);
    }

    @Test
    void hugeConfigValuesAreRefusedWithTheFieldAndFile(@TempDir Path dir) throws IOException {
        LanguageModel.random(new TransformerConfig(12, 2, 32, 2, 32, 0f), 1).save(dir);
        Path config = dir.resolve(LanguageModel.CONFIG_FILE);
        String json = Files.readString(config);
        Files.writeString(config, json.replaceFirst("\"context\" : \\d+", "\"context\" : 2147483647"));
        IOException e = assertThrows(IOException.class, () -> LanguageModel.load(dir));
        assertTrue(e.getMessage().startsWith(config + ": field 'config'") && e.getMessage().contains("context"), e.getMessage());
        Files.writeString(config, json.replaceFirst("\"layers\" : \\d+", "\"layers\" : \"many\""));
        e = assertThrows(IOException.class, () -> LanguageModel.load(dir));
        assertTrue(e.getMessage().contains("layers") && !e.getMessage().contains("dev.improv"), e.getMessage());
    }
}
