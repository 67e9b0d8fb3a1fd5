package dev.improv.demo;

import dev.improv.api.LevelChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The level so far as a growing list of tile columns, in world tile coordinates: x to the right
 * from the first column, y up from the bottom row. Enemy tiles become spawn points as chunks arrive.
 */
final class LevelMap {
    /** Rows of the default (VGLC Super Mario) level model; used until the first chunk says otherwise. */
    static final int DEFAULT_HEIGHT = 14;

    private final List<char[]> columns = new ArrayList<>(); // each column bottom-up
    private int height;

    /** A tile spawn point (enemy) taken out of an arriving chunk. */
    record Spawn(int x, int y) {
    }

    /** Rows of the level (the first chunk's height; {@link #DEFAULT_HEIGHT} before any chunk). */
    int height() {
        return height == 0 ? DEFAULT_HEIGHT : height;
    }

    /** Columns received so far. */
    int width() {
        return columns.size();
    }

    /** Appends a chunk's columns; returns the enemies it places, which are removed from the tiles. */
    List<Spawn> append(LevelChunk chunk) {
        if (height == 0) {
            height = chunk.height();
        }
        List<Spawn> spawns = new ArrayList<>();
        int h = height;
        for (int cx = 0; cx < chunk.width(); cx++) {
            char[] col = new char[h];
            for (int y = 0; y < h; y++) {
                // Rows of a chunk run top-down; a chunk of another height is aligned at the bottom.
                int row = chunk.height() - 1 - y;
                char c = row >= 0 ? chunk.tile(cx, row) : Tiles.EMPTY;
                if (c == Tiles.ENEMY) {
                    spawns.add(new Spawn(columns.size(), y));
                    c = Tiles.EMPTY;
                }
                col[y] = c;
            }
            columns.add(col);
        }
        return spawns;
    }

    /** The tile at (x, y); empty outside the level vertically and beyond its ends. */
    char at(int x, int y) {
        if (x < 0 || x >= columns.size() || y < 0 || y >= height()) {
            return Tiles.EMPTY;
        }
        return columns.get(x)[y];
    }

    void set(int x, int y, char tile) {
        columns.get(x)[y] = tile;
    }

    /**
     * Whether (x, y) blocks movement. The level's left end and the column after the last received
     * one are walls (a player never walks into level that is not generated yet); below and above is open.
     */
    boolean solid(int x, int y) {
        if (x < 0 || x >= columns.size()) {
            return true;
        }
        if (y < 0 || y >= height()) {
            return false;
        }
        return Tiles.solid(columns.get(x)[y]);
    }

    /** Height of the top solid tile of column x plus one (where one stands), or -1 for a pit. */
    int groundLevel(int x) {
        for (int y = height() - 1; y >= 0; y--) {
            if (solid(x, y) && (y + 1 >= height() || !solid(x, y + 1))) {
                return y + 1;
            }
        }
        return -1;
    }
}
