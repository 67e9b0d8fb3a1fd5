package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureSetTest {
    private final Legend legend = Fixtures.legend();
    private final FeatureSet features = Fixtures.features();

    @Test
    void measuresEveryFeatureOnAChunk() {
        TileGrid chunk = Fixtures.grid(
                "--------",
                "--S?S---",
                "X-------",
                "X<>--E-E",
                "X[]-<>--",
                "XXX-XX--");
        // pipes (tops), enemies, blocks, elevation (highest ground, 1 = bottom row), gap columns
        assertArrayEquals(new int[] {2, 2, 3, 4, 3}, features.measure(chunk, legend));
    }

    @Test
    void fitsThresholdsSoThatZeroIsNone() {
        assertEquals(List.of(1, 3, 5), FeatureSet.fitThresholds(new int[] {0, 0, 1, 2, 3, 4, 5, 6, 7}, 4));
        assertEquals(List.of(1, 2, 3), FeatureSet.fitThresholds(new int[] {0, 1, 1, 1, 1}, 4)); // ties still increase
        assertEquals(List.of(5), FeatureSet.fitThresholds(new int[] {2, 3, 5, 9}, 2));
        FeatureSpec pipes = features.fit(List.of(Fixtures.grid("<>", "[]")), legend).specs().get(0);
        assertEquals(0, pipes.level(0));
        assertTrue(pipes.level(5) >= 1);
    }

    @Test
    void mismatchesIgnoreAny() {
        assertEquals(1, features.mismatches(new int[] {1, FeatureSet.ANY, 0, 1, 2}, new int[] {1, 3, 0, 0, 2}));
    }

    @Test
    void rejectsBadSpecs() {
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureSpec("x", List.of(), "area", List.of(), List.of("a", "b"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureSpec("x", List.of(), "count", List.of(), List.of("a", "b"), List.of(3, 4)));
    }
}
