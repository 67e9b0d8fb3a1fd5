package dev.improv.level;

import dev.improv.model.LogitConstraint;

/**
 * Keeps a chunk from overshooting the feature levels asked for: once a chunk holds as many pipes
 * (enemies, gap columns...) as its requested level allows, tiles that would add one more are masked;
 * for "low elevation", ground tiles above the threshold height are masked.
 *
 * <p>Every feature measure only grows as a chunk is written, so upper bounds can be enforced token by
 * token. Lower bounds ("many pipes") cannot, and are left to the model's conditioning and to
 * resampling. The chunk's tiles are read back from the token history up to its CHUNK token.
 */
final class FeatureConstraint implements LogitConstraint {
    private final LevelTokenizer tokenizer;
    private final Legend legend;
    private final FeatureSpec[] specs;
    private final int[] upper; // first raw value that is too much, or MAX_VALUE
    private final boolean[][] tagged; // [feature][tile index]
    private final boolean[] solid; // [tile index]
    private final int tileCount;

    FeatureConstraint(LevelTokenizer tokenizer, Legend legend, int[] wanted) {
        this.tokenizer = tokenizer;
        this.legend = legend;
        this.specs = tokenizer.features().specs().toArray(new FeatureSpec[0]);
        this.tileCount = tokenizer.tiles().length();
        this.upper = new int[specs.length];
        this.tagged = new boolean[specs.length][tileCount];
        this.solid = new boolean[tileCount];
        for (int t = 0; t < tileCount; t++) {
            solid[t] = legend.isSolid(tokenizer.tiles().charAt(t));
        }
        for (int f = 0; f < specs.length; f++) {
            int w = wanted[f];
            upper[f] = w == FeatureSet.ANY || w >= specs[f].thresholds().size() ? Integer.MAX_VALUE : specs[f].thresholds().get(w);
            for (int t = 0; t < tileCount; t++) {
                char c = tokenizer.tiles().charAt(t);
                for (String tag : specs[f].tags()) {
                    tagged[f][t] |= legend.hasTag(c, tag);
                }
            }
        }
    }

    /** Whether any requested level sets an upper bound; if not, this constraint does nothing. */
    boolean active() {
        for (int u : upper) {
            if (u != Integer.MAX_VALUE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        int start = length - 1;
        while (start >= 0 && history[start] != LevelTokenizer.CHUNK) {
            start--;
        }
        if (start < 0) {
            return;
        }
        // measure the chunk so far: counts per feature, highest ground, gap columns, current row
        int[] counts = new int[specs.length];
        int maxElevation = 0;
        int gaps = 0;
        int row = 0;
        for (int i = start + 1; i < length; i++) {
            int t = history[i];
            if (t == LevelTokenizer.END_COLUMN) {
                row = 0;
            } else if (tokenizer.isTile(t)) {
                int ti = tokenizer.tileIndex(t);
                for (int f = 0; f < specs.length; f++) {
                    if (tagged[f][ti]) {
                        counts[f]++;
                    }
                }
                row++;
            }
        }
        // gap columns: a column whose bottom tile is not solid (or that is empty)
        boolean atColumnStart = true;
        for (int i = start + 1; i < length; i++) {
            int t = history[i];
            if (tokenizer.isHeader(t)) {
                continue;
            }
            if (atColumnStart && (t == LevelTokenizer.END_COLUMN || (tokenizer.isTile(t) && !solid[tokenizer.tileIndex(t)]))) {
                gaps++;
            }
            atColumnStart = t == LevelTokenizer.END_COLUMN;
        }
        for (int f = 0; f < specs.length; f++) {
            if (upper[f] == Integer.MAX_VALUE) {
                continue;
            }
            switch (specs[f].kind()) {
                case "count":
                    if (counts[f] + 1 >= upper[f]) {
                        maskTiles(logits, f);
                    }
                    break;
                case "elevation":
                    if (row + 1 >= upper[f]) { // the next tile sits at height row + 1
                        maskTiles(logits, f);
                    }
                    break;
                default: // gaps: only the bottom tile of a column decides
                    if (row == 0 && gaps + 1 >= upper[f]) {
                        logits[LevelTokenizer.END_COLUMN] = Float.NEGATIVE_INFINITY;
                        for (int t = 0; t < logits.length; t++) {
                            if (tokenizer.isTile(t) && !solid[tokenizer.tileIndex(t)]) {
                                logits[t] = Float.NEGATIVE_INFINITY;
                            }
                        }
                    }
            }
        }
    }

    private void maskTiles(float[] logits, int feature) {
        for (int t = 0; t < logits.length; t++) {
            if (tokenizer.isTile(t) && tagged[feature][tokenizer.tileIndex(t)]) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
