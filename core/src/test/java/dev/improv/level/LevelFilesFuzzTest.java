package dev.improv.level;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.BoundedFiles;
import dev.improv.io.ParserContract;
import java.io.IOException;
import java.util.Arrays;

/**
 * Fuzzes the level inputs: VGLC level text, legends, feature sets and jump arcs. The first byte
 * picks the format, the rest is the file.
 */
public class LevelFilesFuzzTest {

    private static final Legend LEGEND = Fixtures.legend();

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        try {
            switch (Math.floorMod(data[0], 4)) {
                case 0 -> {
                    TileGrid grid = new VglcReader(LEGEND).parse(BoundedFiles.decode(file, "level.txt"), "level.txt");
                    if (!new VglcReader(LEGEND).parse(grid.toText(), "again.txt").toText().equals(grid.toText())) {
                        throw new AssertionError("a level read and written changed");
                    }
                }
                case 1 -> Legend.fromJson(BoundedFiles.parseJson(file, "legend.json"));
                case 2 -> FeatureSet.fromJson(BoundedFiles.parseJson(file, "features.json"));
                default -> JumpArcs.fromJson(BoundedFiles.parseJson(file, "jumps.json"));
            }
        } catch (IOException e) {
            ParserContract.cleanFailure(e, null);
        } catch (IllegalArgumentException e) {
            ParserContract.cleanFailure(e, null);
        }
    }

    @FuzzTest(maxDuration = "4s")
    void levelFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
