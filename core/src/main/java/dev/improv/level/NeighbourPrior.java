package dev.improv.level;

/**
 * What the corpus says the tile on a tile's left tells about it, added to the model's logits while a
 * column is decoded: strength x log(P(tile | below, left) / P(tile | below)), from the corpus's counts
 * ({@link TileRules#neighbourCounts}).
 *
 * <p>Why: the level models learn a column from the tiles below it well and from the column before it
 * poorly. Fed the SMB corpus itself, {@code level-smb} gives a brick right of a brick 0.45 where the
 * corpus has 0.91, ground right of raised ground 0.76 (0.95), an enemy right of an enemy 0.04 (0.16);
 * free-running, a brick followed a brick 6 % of the time (corpus 80 %), an enemy an enemy 1.5 % (11 %),
 * so brick rows, staircases and enemy groups came out as lone bricks, one-wide pillars and lone
 * enemies. The term is the evidence the left tile adds beyond the tile below (which the model already
 * reads), so it is zero where the corpus says the left tile tells nothing. Where a column ends stays the
 * model's: with the empty tile's term on the end token too, a column rarely stopped below its left
 * neighbour's top, ground piled up into mountains (columns 5 or more high 5.6 % against 3.2 %) and more
 * one-wide pillars were not fewer (1.4 against 2.1 per 100 columns; corpus 1.2).
 *
 * <p>Rare contexts are pulled towards P(tile | below) ({@link #PSEUDO_COUNT} pseudo-observations), so a
 * pair seen a few times does not become a strong push. The bottom row is left to the model: what a
 * column stands on (ground or a pit) is where the corpus's long pits (SMB2-J's sky stretches) pushed
 * pit after pit, and a quarter of the columns kept ground instead of half.
 */
final class NeighbourPrior {
    /** Pseudo-observations of P(tile | below) added to each (below, left) context. */
    static final double PSEUDO_COUNT = 5;
    /**
     * How much of the corpus's evidence is added: the model reads some of it already. At 1 enemy groups
     * overshot the corpus (0.30 of enemies beside another against 0.21); at 0.5 one-wide pillars stayed
     * at 2.0 per 100 columns (corpus 0.8). {@code docs/levels.md} has the figures.
     */
    static final double STRENGTH = 0.7;

    private final float[][][] boost; // [below or floor][left][tile]

    private NeighbourPrior(float[][][] boost) {
        this.boost = boost;
    }

    /**
     * The prior of {@code rules}' counts at {@code strength}, or null when the rules carry no counts or
     * the strength is 0.
     */
    static NeighbourPrior of(TileRules rules, double strength) {
        int[][][] counts = rules.neighbourCounts();
        if (counts == null || strength == 0) {
            return null;
        }
        int n = rules.tiles().length();
        float[][][] boost = new float[n + 1][n][n];
        for (int b = 0; b <= n; b++) {
            double[] onBelow = new double[n];
            double belowTotal = 0;
            for (int l = 0; l < n; l++) {
                for (int t = 0; t < n; t++) {
                    onBelow[t] += counts[b][l][t];
                    belowTotal += counts[b][l][t];
                }
            }
            for (int t = 0; t < n; t++) {
                onBelow[t] = (onBelow[t] + 1) / (belowTotal + n); // P(tile | below), add-one
            }
            for (int l = 0; l < n; l++) {
                double context = 0;
                for (int t = 0; t < n; t++) {
                    context += counts[b][l][t];
                }
                for (int t = 0; t < n; t++) {
                    double withLeft = (counts[b][l][t] + PSEUDO_COUNT * onBelow[t]) / (context + PSEUDO_COUNT);
                    boost[b][l][t] = (float) (strength * Math.log(withLeft / onBelow[t]));
                }
            }
        }
        return new NeighbourPrior(boost);
    }

    /**
     * Adds the prior to the logits of row {@code row}'s tiles (nothing on the bottom row, nothing to the column's end).
     *
     * @param below the tile under this row, or the floor index
     * @param left  the column before, bottom to top (tile indices)
     */
    void add(LevelTokenizer tokenizer, int row, int below, int[] left, float[] logits) {
        int height = tokenizer.height();
        if (row == 0 || row >= height) {
            return; // the bottom row is the model's
        }
        float[] here = boost[below][left[row]];
        for (int t = 0; t < here.length; t++) {
            logits[tokenizer.tileToken(tokenizer.tiles().charAt(t), row)] += here[t];
        }
    }
}
