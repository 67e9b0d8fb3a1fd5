package dev.improv.level;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.BoundedFiles;
import dev.improv.io.ParserContract;
import java.util.Arrays;

/**
 * Fuzzes the level settings a game or a training run hands in: legends, feature sets and jump
 * arcs (VGLC level text is fuzzed with the corpora, in train). The first byte picks the format.
 */
public class LevelFilesFuzzTest {

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        ParserContract.expect(file, () -> {
            switch (Math.floorMod(data[0], 3)) {
                case 0 -> Legend.fromJson(BoundedFiles.parseJson(file, "legend.json"));
                case 1 -> FeatureSet.fromJson(BoundedFiles.parseJson(file, "features.json"));
                default -> JumpArcs.fromJson(BoundedFiles.parseJson(file, "jumps.json"));
            }
        });
    }

    @FuzzTest(maxDuration = "4s")
    void levelFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
