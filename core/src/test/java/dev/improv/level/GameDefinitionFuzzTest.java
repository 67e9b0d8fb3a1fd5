package dev.improv.level;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.BoundedFiles;
import dev.improv.io.ParserContract;
import dev.improv.level.dungeon.RoomSides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Fuzzes what a designer hands in for a game (its definition file) and what a top-down model stores
 * about its rooms (the room sides in its metadata). The first byte picks the format.
 */
public class GameDefinitionFuzzTest {
    private static final Path DIR = ParserContract.scratchFolder();

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        ParserContract.expect(file, () -> {
            if (Math.floorMod(data[0], 2) == 0) {
                Path f = DIR.resolve("game.json");
                try {
                    Files.write(f, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                GameDefinition.read(f);
            } else {
                RoomSides.fromJson(BoundedFiles.parseJson(file, "rooms.json"));
            }
        });
    }

    @FuzzTest(maxDuration = "4s")
    void gameFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
