package dev.improv.level.dungeon;

import dev.improv.level.LevelTokenizer;
import dev.improv.model.LogitConstraint;

/**
 * Forces the tiles of given cells of the chunk being decoded: the wall bands a room shares with rooms
 * already made. It finds the cell being written from the token history (columns since the chunk token,
 * tiles since the column began), so it stays right after a rewind.
 */
final class RoomPins implements LogitConstraint {
    private final LevelTokenizer tokenizer;
    private final char[][] cells; // [row from the top][column], 0 = free

    RoomPins(LevelTokenizer tokenizer, char[][] cells) {
        this.tokenizer = tokenizer;
        this.cells = cells;
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        int i = length - 1;
        while (i >= 0 && tokenizer.isTile(history[i])) {
            i--;
        }
        int row = length - 1 - i; // from the bottom
        int column = 0;
        int j = i;
        while (j >= 0 && history[j] != LevelTokenizer.CHUNK) {
            if (history[j] == LevelTokenizer.END_COLUMN) {
                column++;
            }
            j--;
        }
        if (j < 0 || column >= cells[0].length) {
            return;
        }
        int height = tokenizer.height();
        boolean pinnedAbove = false;
        for (int r = row; r < height; r++) {
            char p = cells[height - 1 - r][column];
            pinnedAbove |= p != 0 && p != tokenizer.empty();
        }
        if (pinnedAbove) {
            logits[LevelTokenizer.END_COLUMN] = Float.NEGATIVE_INFINITY;
        }
        if (row >= height) {
            return;
        }
        char pin = cells[height - 1 - row][column];
        if (pin == 0) {
            return;
        }
        int allowed = tokenizer.tileToken(pin, row);
        for (int t = 0; t < logits.length; t++) {
            if (t != allowed && tokenizer.isTile(t)) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
