package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VglcReaderTest {
    private final VglcReader reader = new VglcReader(Fixtures.legend());

    @Test
    void readsRowsTopFirst() {
        TileGrid g = reader.parse("--?-\n-E--\nXXXX\n", "tiny.txt");
        assertEquals(3, g.rows());
        assertEquals(4, g.columns());
        assertEquals('?', g.at(0, 2));
        assertEquals('E', g.at(1, 1));
        assertEquals("XXXX", g.row(2));
        assertEquals("--?-\n-E--\nXXXX\n", g.toText());
    }

    @Test
    void raggedRowNamesFileLineAndColumn() {
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> reader.parse("----\n---\nXXXX\n", "ragged.txt"));
        assertEquals("ragged.txt", e.file());
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().startsWith("ragged.txt:2:4: ragged row"), e.getMessage());
    }

    @Test
    void unknownTileNamesFileLineAndColumn() {
        LevelFormatException e = assertThrows(LevelFormatException.class,
                () -> reader.parse("----\n--Z-\nXXXX\n", "odd.txt"));
        assertEquals(2, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("'Z' is not in the legend"), e.getMessage());
    }

    @Test
    void emptyTextIsAnError() {
        assertThrows(LevelFormatException.class, () -> reader.parse("\n\n", "empty.txt"));
    }

    @Test
    void legendFindsEmptyAndSolidByTag() {
        Legend legend = Fixtures.legend();
        assertEquals('-', legend.empty());
        assertTrue(legend.isSolid('<'));
        assertTrue(!legend.isSolid('E'));
        assertEquals(legend.tiles(), Legend.fromJson(legend.toJson()).tiles());
    }
}
