package dev.improv.api;

import java.util.List;

/**
 * A rectangle of tiles, one character per tile, rows top to bottom. The tile alphabet is the level
 * engine's (the default one uses the VGLC Super Mario characters: '-' air, 'X' ground, ...).
 *
 * @param index      position of the chunk in its level, 0 for the first
 * @param rows       equal-length rows of tile characters, top row first
 * @param generated  true if an engine made it, false if it is the game's authored stand-in
 */
public record LevelChunk(int index, List<String> rows, boolean generated) {
    public LevelChunk {
        if (index < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, got " + index);
        }
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a chunk needs at least one row");
        }
        int width = rows.get(0).length();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length() != width) {
                throw new IllegalArgumentException("chunk row " + (r + 1) + " has " + rows.get(r).length()
                        + " tiles, row 1 has " + width);
            }
        }
    }

    /** An authored chunk (for a missed deadline). */
    public static LevelChunk authored(int index, List<String> rows) {
        return new LevelChunk(index, rows, false);
    }

    /** Tiles across. */
    public int width() {
        return rows.get(0).length();
    }

    /** Tiles down. */
    public int height() {
        return rows.size();
    }

    /** The tile at column x (0 = left) and row y (0 = top). */
    public char tile(int x, int y) {
        return rows.get(y).charAt(x);
    }
}
