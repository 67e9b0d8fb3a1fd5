package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelMetricsTest {
    @Test
    void countsWindowsSeenVerbatimInTraining() {
        TileGrid training = Fixtures.grid("--?--", "XXXXX");
        LevelMetrics m = new LevelMetrics(List.of(training), 3);
        // windows of "-?--X" / "XXXXX"... built so that exactly the first window is copied
        TileGrid level = Fixtures.grid("--?-E", "XXXXX");
        assertArrayEquals(new int[] {2, 3}, m.copiedWindows(level)); // "--?"+"XXX", "-?-"+"XXX" copied; "?-E" not
        assertArrayEquals(new int[] {0, 0}, m.copiedWindows(Fixtures.grid("--", "XX")));
    }

    @Test
    void diversityIsTheMeanPairwiseTileDifference() {
        TileGrid a = Fixtures.grid("----", "XXXX");
        TileGrid b = Fixtures.grid("---E", "XXXX"); // 1 of 8 differs from a
        TileGrid c = Fixtures.grid("----", "XX--"); // 2 of 8 differ from a, 3 from b
        assertEquals(0.125, LevelMetrics.difference(a, b), 1e-9);
        assertEquals((1 + 2 + 3) / 8.0 / 3, LevelMetrics.diversity(List.of(a, b, c)), 1e-9);
        assertEquals(0, LevelMetrics.diversity(List.of(a)));
    }
}
