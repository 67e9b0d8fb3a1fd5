package dev.improv.demo;

import dev.improv.api.Cancellation;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngine;
import dev.improv.api.LevelStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The game's authored stand-in for a chunk that missed its deadline: two rows of ground with a
 * small gap, a floating brick row and a few coins, varied by index, starting and ending on flat
 * ground so the level engine can continue after it. Always clearable with a short jump.
 */
final class FallbackChunks {
    static final int WIDTH = 16;

    private FallbackChunks() {
    }

    /**
     * A level engine that serves only these authored chunks, at once: the no-generation peer the
     * demo's frame times are compared with.
     */
    static LevelEngine engine() {
        return seed -> new LevelStream() {
            private int next;

            @Override
            public LevelChunk generate(String prompt, Cancellation cancellation) {
                return make(next++, LevelMap.DEFAULT_HEIGHT);
            }

            @Override
            public void place(LevelChunk chunk) {
                next = chunk.index() + 1;
            }

            @Override
            public void close() {
            }
        };
    }

    /** The authored chunk for position {@code index}, {@code height} rows tall. */
    static LevelChunk make(int index, int height) {
        char[][] g = new char[height][WIDTH];
        for (char[] row : g) {
            java.util.Arrays.fill(row, Tiles.EMPTY);
        }
        int variant = Math.floorMod(index * 7 + 3, 4);
        for (int x = 0; x < WIDTH; x++) {
            boolean gap = index > 0 && variant != 0 && x >= 7 && x < 7 + variant % 3 + 1;
            if (!gap) {
                g[height - 1][x] = Tiles.GROUND;
                g[height - 2][x] = Tiles.GROUND;
            }
        }
        int platform = height - 6;
        if (variant >= 2) {
            for (int x = 3; x < 7; x++) {
                g[platform][x] = x == 5 ? Tiles.QUESTION : Tiles.BRICK;
            }
        }
        for (int x = 10; x < 13; x++) {
            g[height - 4][x] = Tiles.COIN;
        }
        if (variant == 1 && index > 0) {
            g[height - 3][13] = Tiles.ENEMY;
        }
        List<String> rows = new ArrayList<>(height);
        for (char[] row : g) {
            rows.add(new String(row));
        }
        return LevelChunk.authored(index, rows);
    }
}
