package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifficultyBandsTest {
    @Test
    void bandsSplitTheCorpusIntoEqualShares() {
        int[] pushes = new int[90];
        for (int i = 0; i < pushes.length; i++) {
            pushes[i] = 5 + i / 3; // 5..34, three puzzles each
        }
        DifficultyBands b = DifficultyBands.fit(pushes, DifficultyBands.DEFAULT_NAMES);
        int[] perBand = new int[3];
        for (int p : pushes) {
            perBand[b.bandOf(p)]++;
        }
        assertEquals(30, perBand[0]);
        assertEquals(30, perBand[1]);
        assertEquals(30, perBand[2]);
        assertEquals(2, b.parse("Hard"));
        assertTrue(b.describe(2).startsWith("hard (25 or more"), b.describe(2));
        assertEquals(b, DifficultyBands.fromJson(b.toJson()));
        var e = assertThrows(IllegalArgumentException.class, () -> b.parse("brutal"));
        assertTrue(e.getMessage().contains("easy, medium, hard"));
    }
}
