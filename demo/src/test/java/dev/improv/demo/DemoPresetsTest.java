package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's presets are data files in assets/demo/: the shipped ones load, a bad one is named by file and field. */
class DemoPresetsTest {

    @Test
    void theShippedCastAndPacingLoadFromTheAssets() {
        assertEquals(6, Persona.cast().size());
        Persona shopkeeper = Persona.cast().get(0);
        assertEquals("shopkeeper", shopkeeper.role());
        assertEquals(0xd9a441, shopkeeper.robeRgb());
        assertEquals("no gaps, few enemies, low elevation", LevelPacing.prompt(0));
        assertEquals("low elevation", LevelPacing.prompt(2));
        assertEquals("few pipes, low elevation", LevelPacing.prompt(7));
        assertEquals(LevelPacing.prompt(2), LevelPacing.prompt(8), "the cycle repeats");
    }

    @Test
    void aBadCastNamesTheFileAndTheField() {
        String noOpener = "{\"cast\": [{\"role\": \"a\", \"facts\": [\"x\"], \"mood\": \"m\", \"opener\": \"o\", \"authored\": \"t\","
                + " \"robe\": \"#000000\"}, {\"role\": \"b\", \"facts\": [\"x\"], \"mood\": \"m\", \"authored\": \"t\", \"robe\": \"#ffffff\"}]}";
        IOException e = assertThrows(IOException.class, () -> Persona.readCast(stream(noOpener), "cast.json"));
        assertEquals("cast.json: cast[1].opener must be a non-blank string (missing)", e.getMessage());

        String badRobe = noOpener.replace("\"#ffffff\"}", "\"red\", \"opener\": \"o\"}");
        e = assertThrows(IOException.class, () -> Persona.readCast(stream(badRobe), "cast.json"));
        assertTrue(e.getMessage().startsWith("cast.json: cast[1].robe must be a colour"), e.getMessage());

        e = assertThrows(IOException.class, () -> Persona.readCast(stream("{\"cast\": [\n{]}"), "cast.json"));
        assertTrue(e.getMessage().startsWith("cast.json: line 2, column 2: Unexpected close marker ']'"), e.getMessage());
    }

    @Test
    void aBadPacingNamesTheField() {
        IOException e = assertThrows(IOException.class,
                () -> LevelPacing.read(stream("{\"start\": \"low elevation\", \"cycle\": [\"ok\", 3]}"), "pacing.json"));
        assertEquals("pacing.json: cycle[1] must be a non-blank string, found 3", e.getMessage());
        e = assertThrows(IOException.class, () -> LevelPacing.read(stream("{\"start\": \"x\", \"cycle\": []}"), "pacing.json"));
        assertEquals("pacing.json: cycle must hold at least one prompt", e.getMessage());
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
