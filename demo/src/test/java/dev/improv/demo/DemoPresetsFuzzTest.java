package dev.improv.demo;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the demo's presets (assets/demo/cast.json and pacing.json, which a modder edits): any
 * bytes give a cast and a pacing, or one clean line naming the file and field.
 */
public class DemoPresetsFuzzTest {

    public static void fuzzerTestOneInput(byte[] data) {
        ParserContract.expect(data, () -> Persona.readCast(new ByteArrayInputStream(data), "cast.json"));
        ParserContract.expect(data, () -> LevelPacing.read(new ByteArrayInputStream(data), "pacing.json"));
    }

    @FuzzTest(maxDuration = "4s")
    void demoPresets(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
