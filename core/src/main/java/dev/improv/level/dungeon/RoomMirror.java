package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.LevelTokenizer;
import dev.improv.model.LogitConstraint;

/**
 * Makes the inside of the room being decoded symmetric, as a designer lays a room out: mirrored
 * left-right (each row reads the same backwards; the columns after the middle repeat the ones before
 * it, which are decoded first) and/or top-bottom (a column's upper half repeats its lower half, decoded
 * first). 90 % of the VGLC Zelda rooms that are not bare are symmetric one way or both; sampled freely,
 * 6-25 % of the model's were. Floor and entities count as one (enemies stand where they like), so a
 * mirrored floor cell may hold an enemy and the other way round. Reads the room so far from the token
 * history (columns since the chunk token), so it stays right after a rewind.
 */
final class RoomMirror implements LogitConstraint {
    /** How a room is mirrored. */
    enum Axes {
        NONE(false, false), LEFT_RIGHT(true, false), TOP_BOTTOM(false, true), BOTH(true, true);

        final boolean leftRight;
        final boolean topBottom;

        Axes(boolean leftRight, boolean topBottom) {
            this.leftRight = leftRight;
            this.topBottom = topBottom;
        }

        /** The cell {row, column} whose tile {@code (row, column)} repeats, or null when it is free. */
        int[] source(int row, int column, int rows, int columns, int wall) {
            boolean inside = row >= wall && column >= wall && row < rows - wall && column < columns - wall;
            if (!inside) {
                return null;
            }
            if (leftRight && column > columns - 1 - column) {
                return new int[] {row, columns - 1 - column};
            }
            if (topBottom && row < rows - 1 - row) { // rows are decoded bottom to top: the lower half comes first
                return new int[] {rows - 1 - row, column};
            }
            return null;
        }
    }

    private final LevelTokenizer tokenizer;
    private final Axes axes;
    private final int rows;
    private final int columns;
    private final int wall;
    /** [tile index]: floor or an entity, which a mirrored floor or entity cell may be. */
    private final boolean[] floorLike;
    private final char[][] room;

    RoomMirror(LevelTokenizer tokenizer, Legend legend, Axes axes, int rows, int columns, int wall) {
        this.tokenizer = tokenizer;
        this.axes = axes;
        this.rows = rows;
        this.columns = columns;
        this.wall = wall;
        String tiles = tokenizer.tiles();
        floorLike = new boolean[tiles.length()];
        for (int t = 0; t < tiles.length(); t++) {
            char c = tiles.charAt(t);
            floorLike[t] = c == legend.empty() || legend.hasTag(c, "entity");
        }
        room = new char[rows][columns];
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        if (axes == Axes.NONE) {
            return;
        }
        int start = length - 1;
        while (start >= 0 && history[start] != LevelTokenizer.CHUNK) {
            start--;
        }
        if (start < 0) {
            return;
        }
        // the room so far: columns left to right, each bottom to top; cells not written yet are empty
        for (char[] r : room) {
            java.util.Arrays.fill(r, tokenizer.empty());
        }
        int column = 0;
        int row = 0; // from the bottom, of the next tile
        for (int i = start + 1; i < length; i++) {
            int t = history[i];
            if (t == LevelTokenizer.END_COLUMN) {
                column++;
                row = 0;
            } else if (tokenizer.isTile(t) && column < columns) {
                row = tokenizer.rowOf(t) + 1;
                room[rows - 1 - tokenizer.rowOf(t)][column] = tokenizer.tileOf(t);
            }
        }
        if (column >= columns || row >= rows) {
            return;
        }
        int top = rows - 1 - row; // the cell being written, from the top
        int[] from = axes.source(top, column, rows, columns, wall);
        if (from == null) {
            return;
        }
        int want = tokenizer.tiles().indexOf(room[from[0]][from[1]]);
        boolean floor = want >= 0 && floorLike[want];
        for (int t = 0; t < logits.length; t++) {
            if (tokenizer.isTile(t) && tokenizer.rowOf(t) == row) {
                int k = tokenizer.tileIndex(t);
                if (floor ? !floorLike[k] : k != want) {
                    logits[t] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }
}
