package dev.improv.level;

import dev.improv.model.LogitConstraint;

/**
 * Makes the requested feature levels real controls of decoding, both ways.
 *
 * <p>Upper bounds are hard: once a chunk holds as many pipes (enemies, gap columns...) as its
 * requested level allows, tiles that would add one more are masked, and so are tiles that could only
 * be finished by one (a pipe body whose only legal top is a pipe top), which would be a dead end; for
 * "low elevation", ground tiles above the threshold height are masked. Every feature measure only
 * grows as a chunk is written, so this is exact token by token.
 *
 * <p>Lower bounds of count features ("many pipes", "some enemies") are steered: while a chunk is
 * short of its level's minimum, the counted tiles get a logit bonus that grows with the shortfall per
 * remaining column, so a chunk that falls behind is pushed harder as its end nears. A counted tile that
 * is the top of a structure (a pipe top sits on a pipe body) is reached through the tiles it can stand
 * on that cannot end a column themselves ("lead" tiles, learnt from the {@link TileRules}); those get
 * the bonus only to start a structure, not to make it taller, and only on the floor or a solid tile
 * (or the structure's own lead tiles). Steering is a bias, not a mask, so the
 * {@link ColumnConstraint} still decides what is legal and columns stay well formed (pipes whole);
 * the generator's resampling takes care of the chunks the bias could not bring to the level.
 *
 * <p>The chunk's tiles are read back from the token history up to its CHUNK token. One instance per
 * chunk being written; not thread-safe (it reuses a scratch array).
 */
final class FeatureConstraint implements LogitConstraint {
    /** Logit bonus when the missing items would fill every remaining column (scales linearly below). */
    static final float STEER = 10f;
    /** Largest bonus: strong enough to pick an unlikely tile, not so strong as to override legality. */
    static final float MAX_STEER = 12f;

    private final LevelTokenizer tokenizer;
    private final FeatureSpec[] specs;
    private final int columns;
    private final int[] upper; // first raw value that is too much, or MAX_VALUE
    private final int[] lower; // least raw value of the requested level (0: nothing to reach)
    private final int[] span; // columns one counted item takes at least (a pipe top needs its right half)
    private final boolean[][] tagged; // [feature][tile index]
    private final boolean[][] lead; // [feature][tile index]: must be continued upwards, can carry a tagged tile
    private final boolean[][] forced; // [feature][tile index]: every way up from it leads to a tagged tile
    private final boolean[] solid; // [tile index]
    private final boolean[] solidStructure; // [feature]: its counted tiles are solid (a pipe, not an enemy)
    private final int tileCount;
    private final int[] counts;

    /**
     * @param wanted  requested level per feature ({@link FeatureSet#ANY} for none)
     * @param columns columns of the chunk being written (the steering spreads the shortfall over them)
     */
    FeatureConstraint(LevelTokenizer tokenizer, Legend legend, TileRules rules, int[] wanted, int columns) {
        this.tokenizer = tokenizer;
        this.specs = tokenizer.features().specs().toArray(new FeatureSpec[0]);
        this.columns = columns;
        this.tileCount = tokenizer.tiles().length();
        this.upper = new int[specs.length];
        this.lower = new int[specs.length];
        this.span = new int[specs.length];
        this.tagged = new boolean[specs.length][tileCount];
        this.lead = new boolean[specs.length][tileCount];
        this.forced = new boolean[specs.length][tileCount];
        this.solid = new boolean[tileCount];
        this.solidStructure = new boolean[specs.length];
        this.counts = new int[specs.length];
        int empty = tokenizer.tiles().indexOf(tokenizer.empty());
        for (int t = 0; t < tileCount; t++) {
            solid[t] = legend.isSolid(tokenizer.tiles().charAt(t));
        }
        for (int f = 0; f < specs.length; f++) {
            int w = wanted[f];
            java.util.List<Integer> th = specs[f].thresholds();
            // the top level, or a prompt silent on the feature, is bounded only by the feature's 'most', if it has one
            Integer most = specs[f].most();
            upper[f] = w != FeatureSet.ANY && w < th.size() ? th.get(w) : most == null ? Integer.MAX_VALUE : most + 1;
            lower[f] = w == FeatureSet.ANY || w == 0 || specs[f].kind().equals("elevation") ? 0 : th.get(w - 1);
            for (int t = 0; t < tileCount; t++) {
                char c = tokenizer.tiles().charAt(t);
                for (String tag : specs[f].tags()) {
                    tagged[f][t] |= legend.hasTag(c, tag);
                }
            }
            for (int u = 0; u < tileCount; u++) {
                if (u == empty || tagged[f][u] || rules.canStack(u, empty)) {
                    continue;
                }
                for (int t = 0; t < tileCount; t++) {
                    lead[f][u] |= tagged[f][t] && rules.canStack(u, t);
                }
            }
            markForced(f, rules, empty);
            for (int t = 0; t < tileCount; t++) {
                solidStructure[f] |= tagged[f][t] && solid[t];
            }
            span[f] = Integer.MAX_VALUE;
            for (int t = 0; t < tileCount; t++) {
                if (tagged[f][t]) {
                    span[f] = Math.min(span[f], width(t, rules, empty, tileCount));
                }
            }
            span[f] = span[f] == Integer.MAX_VALUE ? 1 : span[f];
        }
    }

    /** Columns from tile {@code t} to the first tile of its row that may have empty space to its right. */
    private static int width(int t, TileRules rules, int empty, int depth) {
        if (rules.canFollow(t, empty) || depth == 0) {
            return 1;
        }
        int best = Integer.MAX_VALUE;
        for (int r = 0; r < rules.tiles().length(); r++) {
            if (r != t && rules.canFollow(t, r)) {
                best = Math.min(best, width(r, rules, empty, depth - 1));
            }
        }
        return best == Integer.MAX_VALUE ? 1 : 1 + best;
    }

    /**
     * Tiles that cannot end a column and can only be continued by tagged or forced tiles: at an upper
     * bound they are masked too, or the column would run into a dead end (greatest fixpoint).
     */
    private void markForced(int f, TileRules rules, int empty) {
        for (int u = 0; u < tileCount; u++) {
            forced[f][u] = u != empty && !tagged[f][u] && !rules.canStack(u, empty);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < tileCount; u++) {
                if (!forced[f][u]) {
                    continue;
                }
                boolean onlyTagged = true;
                for (int t = 0; t < tileCount; t++) {
                    if (rules.canStack(u, t) && !tagged[f][t] && !forced[f][t]) {
                        onlyTagged = false;
                    }
                }
                if (!onlyTagged) {
                    forced[f][u] = false;
                    changed = true;
                }
            }
        }
    }

    /** Whether any requested level sets a bound; if not, this constraint does nothing. */
    boolean active() {
        for (int f = 0; f < specs.length; f++) {
            if (upper[f] != Integer.MAX_VALUE || lower[f] > 0) {
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
        // measure the chunk so far: counts per feature, gap columns, finished columns, current row
        java.util.Arrays.fill(counts, 0);
        int gaps = 0;
        int row = 0;
        int done = 0;
        int columnStart = start + 1;
        for (int i = start + 1; i < length; i++) {
            int t = history[i];
            if (tokenizer.isHeader(t)) {
                columnStart = i + 1;
            } else if (t == LevelTokenizer.END_COLUMN) {
                gaps += row == 0 ? 1 : 0; // an empty column: no solid bottom tile
                row = 0;
                done++;
                columnStart = i + 1;
            } else if (tokenizer.isTile(t)) {
                int ti = tokenizer.tileIndex(t);
                if (row == 0 && !solid[ti]) {
                    gaps++;
                }
                for (int f = 0; f < specs.length; f++) {
                    if (tagged[f][ti]) {
                        counts[f]++;
                    }
                }
                row++;
            }
        }
        for (int f = 0; f < specs.length; f++) {
            if (specs[f].kind().equals("groups")) {
                continue; // met by resampling only
            }
            boolean isGaps = specs[f].kind().equals("gaps");
            if (isGaps) {
                if (row == 0 && lower[f] > gaps) {
                    steerGap(lower[f] - gaps, done, logits);
                }
            } else if (lower[f] > counts[f]) {
                steer(f, lower[f] - counts[f], done, history, columnStart, length, logits);
            }
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

    /**
     * Adds the lower-bound bonus for {@code missing} more counted tiles of feature {@code f}: in
     * proportion to the share of the remaining columns (those that can still start an item) the
     * missing items need.
     */
    private void steer(int f, int missing, int done, int[] history, int columnStart, int length, float[] logits) {
        int room = Math.max(1, columns - done - (span[f] - 1));
        float bonus = Math.min(MAX_STEER, STEER * missing * span[f] / room);
        boolean started = false; // the current column already holds a lead tile: let it finish, not grow
        int below = -1; // the tile the next one sits on; -1: the floor
        for (int i = columnStart; i < length; i++) {
            if (tokenizer.isTile(history[i])) {
                below = tokenizer.tileIndex(history[i]);
                started |= lead[f][below];
            }
        }
        // Solid structures (pipes) only on something to stand on: the rules allow a few floating ones
        // (the corpus has hanging pipes), and a bonus at every height made "many pipes" chunks full
        // of them. Things that are not solid (enemies) may be placed anywhere, as in the corpus.
        if (below >= 0 && !solid[below] && !lead[f][below] && solidStructure[f]) {
            return;
        }
        for (int t = 0; t < logits.length; t++) {
            if (tokenizer.isTile(t)) {
                int ti = tokenizer.tileIndex(t);
                if (tagged[f][ti] || (lead[f][ti] && !started)) {
                    logits[t] += bonus;
                }
            }
        }
    }

    /**
     * "Many gaps": at the bottom of a column, while the chunk has fewer gap columns than asked,
     * pushes an empty column or a tile that is not solid, the same way {@link #steer} pushes
     * counted tiles (a pit competes with grounded pipes for the same columns).
     */
    private void steerGap(int missing, int done, float[] logits) {
        float bonus = Math.min(MAX_STEER, STEER * missing / Math.max(1, columns - done));
        logits[LevelTokenizer.END_COLUMN] += bonus;
        for (int t = 0; t < logits.length; t++) {
            if (tokenizer.isTile(t) && !solid[tokenizer.tileIndex(t)]) {
                logits[t] += bonus;
            }
        }
    }

    /** Masks the tiles a feature counts, and those that could only be finished by one. */
    private void maskTiles(float[] logits, int feature) {
        for (int t = 0; t < logits.length; t++) {
            if (tokenizer.isTile(t) && (tagged[feature][tokenizer.tileIndex(t)] || forced[feature][tokenizer.tileIndex(t)])) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
    }
}
