package dev.improv.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Level text as users and clients hand it in ({@code level --from}, the service's {@code level}). */
class LevelTextTest {

    @Test
    void blankLinesAtTheEndAndWindowsLineEndsAreNoRows() {
        TileGrid grid = TileGrid.parse("--\r\nXX\r\n\n\n");
        assertEquals(2, grid.rows());
        assertEquals(2, grid.columns());
        assertEquals("--\nXX\n", grid.toText());
    }

    @Test
    void aRaggedRowIsNamedByItsLineCountedFromOne() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> TileGrid.parse("XXXX\nXX\nXXXX\n"));
        assertEquals("line 2 has 2 tiles, line 1 has 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TileGrid.parse("\n \n"));
        assertEquals("the level is empty", e.getMessage());
    }

    @Test
    void rowsBuiltInCodeAreCountedFromOneToo() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> TileGrid.ofRows(java.util.List.of("XX", "X")));
        assertEquals("row 2 has 1 tiles, row 1 has 2", e.getMessage());
    }

    /** A game name that is nothing at all: it was "no default model 'level-smbb' on the classpath (...; is improv-models a dependency?)". */
    @Test
    void anUnknownGameListsWhatAGameMayBe() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> GameLevels.load("smbb"));
        assertEquals("unknown game 'smbb': give a built-in game [smb, lode-runner, zelda, boxoban], a game definition "
                + "(a .json file, or a folder holding game.json) or a level model folder", e.getMessage());
    }
}
