package dev.improv.level;

import dev.improv.model.LogitConstraint;

/**
 * Keeps every generated column well formed: exactly the model's height, each tile allowed on the
 * one below it and next to the tile on its left (by {@link TileRules}), and only tile or
 * end-of-column tokens where a column is being written.
 *
 * <p>It reads the column under construction and the one before it from the token history, so it
 * stays right after {@code TokenStream.rewind}. A one-row lookahead drops tiles that would leave the
 * next row with no legal choice. With {@link #closing(boolean)} set, the column must also be a legal
 * last column (nothing in it needs a right-hand neighbour, e.g. no left pipe half).
 */
public final class ColumnConstraint implements LogitConstraint {
    private final LevelTokenizer tokenizer;
    private final TileRules rules;
    private final int height;
    private final int tileCount;
    private final int emptyIndex;
    private final int[] left;
    private final int[] current;
    private boolean closing;

    public ColumnConstraint(LevelTokenizer tokenizer, TileRules rules) {
        if (!tokenizer.tiles().equals(rules.tiles())) {
            throw new IllegalArgumentException("rules are for tiles \"" + rules.tiles() + "\", the tokenizer has \"" + tokenizer.tiles() + "\"");
        }
        this.tokenizer = tokenizer;
        this.rules = rules;
        this.height = tokenizer.height();
        this.tileCount = tokenizer.tiles().length();
        this.emptyIndex = tokenizer.tiles().indexOf(tokenizer.empty());
        this.left = new int[height];
        this.current = new int[height];
    }

    /** While set, the column being written must be able to end the level. Not thread-safe: one per stream. */
    public void closing(boolean value) {
        this.closing = value;
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        // The column being written: tiles since the last non-tile token.
        int i = length - 1;
        while (i >= 0 && tokenizer.isTile(history[i])) {
            i--;
        }
        int row = length - 1 - i;
        if (row > height) {
            row = height; // cannot happen with this constraint in force; fail safe
        }
        for (int r = 0; r < row; r++) {
            current[r] = tokenizer.tileIndex(history[i + 1 + r]);
        }
        // The column before it, across a chunk header if there is one.
        java.util.Arrays.fill(left, emptyIndex);
        int j = i;
        while (j >= 0 && tokenizer.isHeader(history[j])) {
            j--;
        }
        if (j >= 0 && history[j] == LevelTokenizer.END_COLUMN) {
            int k = j - 1;
            while (k >= 0 && tokenizer.isTile(history[k])) {
                k--;
            }
            for (int r = 0; r < Math.min(height, j - 1 - k); r++) {
                left[r] = tokenizer.tileIndex(history[k + 1 + r]);
            }
        }
        boolean endAllowed = canEndAt(row, row == 0 ? rules.floor() : current[row - 1]);
        for (int t = 0; t < logits.length; t++) {
            if (t == LevelTokenizer.END_COLUMN) {
                if (!endAllowed) {
                    logits[t] = Float.NEGATIVE_INFINITY;
                }
            } else if (!tokenizer.isTile(t) || row >= height || tokenizer.rowOf(t) != row
                    || !tileAllowed(row, row == 0 ? rules.floor() : current[row - 1], tokenizer.tileIndex(t))) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    private boolean tileAllowed(int row, int below, int tile) {
        if (!rules.canStack(below, tile) || !rules.canFollow(left[row], tile)) {
            return false;
        }
        if (closing && !rules.canFollow(tile, emptyIndex)) {
            return false;
        }
        if (row + 1 >= height) {
            return true;
        }
        if (canEndAt(row + 1, tile)) {
            return true;
        }
        for (int u = 0; u < tileCount; u++) { // some tile must fit on the next row
            if (rules.canStack(tile, u) && rules.canFollow(left[row + 1], u) && (!closing || rules.canFollow(u, emptyIndex))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the column may end at {@code row}: empty tiles must fit from there to the top. */
    private boolean canEndAt(int row, int below) {
        if (row >= height) {
            return true;
        }
        if (!rules.canStack(below, emptyIndex)) {
            return false;
        }
        for (int r = row; r < height; r++) {
            if (!rules.canFollow(left[r], emptyIndex)) {
                return false;
            }
        }
        return true;
    }
}
