package dev.improv.band;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.ParserContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the mood presets a designer hands the band ({@code improv music --moods FILE}): any file
 * gives presets, each of which makes a session's settings, or one clean line naming the file.
 */
public class MoodFilesFuzzTest {
    private static final Path DIR = ParserContract.scratchFolder();

    public static void fuzzerTestOneInput(byte[] data) {
        ParserContract.expect(data, () -> {
            Path f = DIR.resolve("moods.json");
            try {
                Files.write(f, data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MoodLibrary moods = MoodLibrary.load(f);
            for (String name : moods.names()) {
                moods.get(name); // each preset is complete once loaded
            }
        });
    }

    @FuzzTest(maxDuration = "4s")
    void moodFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
