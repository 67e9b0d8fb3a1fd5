package dev.improv.level;

import dev.improv.model.LogitConstraint;

/**
 * Keeps every generated column well formed: exactly the model's height, each tile allowed on the
 * one below it and next to the tile on its left (by {@link TileRules}), what stands on what (the
 * game's {@link Standing}: single tiles and pillars), and only tile or end-of-column tokens where a
 * column is being written.
 *
 * <p>It reads the column under construction and the one before it from the token history, so it
 * stays right after {@code TokenStream.rewind}. A one-row lookahead drops tiles that would leave the
 * next row with no legal choice. With {@link #closing(boolean)} set, the column must also be a legal
 * last column (nothing in it needs a right-hand neighbour, e.g. no left pipe half).
 *
 * <p>With a {@link NeighbourPrior}, the corpus's word on each tile's left neighbour is added to the
 * model's logits before any mask (the model reads the column before poorly).
 *
 * <p><b>Things fall, they are not deleted.</b> A tile the standsOn rule forbids where the model wanted it
 * (an enemy over the sky) that is not solid (not terrain) falls: the probability the model gave it
 * there is carried to the next places in the chunk where it may stand no higher than it was (the ground
 * of the next column, mostly) and added to what the model gives it there, at most up to {@link #FALL_CAP}.
 * Masking alone took a third of a default level's enemies away. Falling is downwards: columns are read
 * bottom to top, so a carry that could land anywhere put a third of the enemies on the next lone block
 * high in the sky (the rows above in the same column, or a floating block in the next one). The carry is
 * kept by the row it fell from, while the chunk's tokens are sampled one after another, and starts at
 * zero after any rewind or fed token (a new chunk, a resample).
 */
public final class ColumnConstraint implements LogitConstraint {
    /** A fallen thing lifts its tile's probability at a place it may stand at most to this, so the model can still say no. */
    static final double FALL_CAP = 0.9;

    private final LevelTokenizer tokenizer;
    private final TileRules rules;
    private final TileRules corpusRules;
    private final NeighbourPrior prior;
    private final Standing.PillarMask pillars;
    private final boolean[] falls;
    private final boolean anyFalls;
    private final int height;
    private final int tileCount;
    private final int emptyIndex;
    private final int[] left;
    private final int[] current;
    private final boolean[] corpusAllowed;
    private boolean closing;
    /** Probability carried by falling tiles, by the row (from the bottom) they fell from. */
    private final double[] fallen;
    private int lastLength = -1;

    /** Columns under the corpus tile rules alone. */
    public ColumnConstraint(LevelTokenizer tokenizer, TileRules rules) {
        this(tokenizer, rules, Standing.NONE, null);
    }

    /**
     * Columns under the corpus tile rules and what the game says stands on what.
     *
     * @param corpusRules the tile pairs of the corpus
     * @param standing    the game's standsOn and pillarsStandOn
     * @param legend      the tags of the tiles; may be null when {@code standing} is empty
     */
    public ColumnConstraint(LevelTokenizer tokenizer, TileRules corpusRules, Standing standing, Legend legend) {
        this(tokenizer, corpusRules, standing, legend, null);
    }

    /**
     * Columns under the corpus tile rules and the game's standing rules, with the corpus's word on each
     * tile's left neighbour added to the model's logits.
     *
     * @param prior the neighbour prior, or null for the model's logits alone
     */
    ColumnConstraint(LevelTokenizer tokenizer, TileRules corpusRules, Standing standing, Legend legend, NeighbourPrior prior) {
        if (!tokenizer.tiles().equals(corpusRules.tiles())) {
            throw new IllegalArgumentException("rules are for tiles \"" + corpusRules.tiles() + "\", the tokenizer has \"" + tokenizer.tiles() + "\"");
        }
        this.tokenizer = tokenizer;
        this.corpusRules = corpusRules;
        this.prior = prior;
        this.height = tokenizer.height();
        this.tileCount = tokenizer.tiles().length();
        this.emptyIndex = tokenizer.tiles().indexOf(tokenizer.empty());
        this.left = new int[height];
        this.current = new int[height];
        this.corpusAllowed = new boolean[tileCount];
        this.falls = new boolean[tileCount];
        this.fallen = new double[height];
        if (standing.isEmpty()) {
            this.rules = corpusRules;
            this.pillars = Standing.PillarMask.none(tileCount);
        } else {
            this.rules = standing.narrow(corpusRules, legend);
            this.pillars = standing.pillarMask(tokenizer.tiles(), legend);
            for (int t = 0; t < tileCount; t++) {
                char c = tokenizer.tiles().charAt(t);
                falls[t] = standing.rules(legend, c) && !legend.isSolid(c);
            }
        }
        boolean any = false;
        for (boolean f : falls) {
            any |= f;
        }
        this.anyFalls = any;
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
        int below = row == 0 ? rules.floor() : current[row - 1];
        if (prior != null) {
            prior.add(tokenizer, row, below, left, logits);
        }
        int standing = pillars.standingAt(current, row, rules.floor());
        boolean endAllowed = canEndAt(rules, row, below);
        double lost = 0;
        if (anyFalls) {
            if (length != lastLength + 1) {
                java.util.Arrays.fill(fallen, 0); // a rewind or fed tokens: a new chunk or sample
            }
            lastLength = length;
            lost = fallingMass(row, below, standing, endAllowed, logits);
        }
        for (int t = 0; t < logits.length; t++) {
            if (t == LevelTokenizer.END_COLUMN) {
                if (!endAllowed) {
                    logits[t] = Float.NEGATIVE_INFINITY;
                }
            } else if (!tokenizer.isTile(t) || row >= height || tokenizer.rowOf(t) != row
                    || !tileAllowed(rules, row, below, tokenizer.tileIndex(t), standing)) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
        if (anyFalls && row < height) {
            fallen[row] += lost;
            land(row, logits);
        }
    }

    /**
     * The probability, among what the corpus rules allow here, that the model gives the falling tiles
     * the standsOn rule forbids here (before any mask touches {@code logits}).
     */
    private double fallingMass(int row, int below, int standing, boolean endAllowed, float[] logits) {
        if (row >= height) {
            return 0;
        }
        float max = endAllowed ? logits[LevelTokenizer.END_COLUMN] : Float.NEGATIVE_INFINITY;
        boolean[] allowed = corpusAllowed;
        for (int u = 0; u < tileCount; u++) {
            allowed[u] = tileAllowed(corpusRules, row, below, u, standing);
            if (allowed[u]) {
                max = Math.max(max, logits[tokenizer.tileToken(tokenizer.tiles().charAt(u), row)]);
            }
        }
        if (max == Float.NEGATIVE_INFINITY) {
            return 0;
        }
        double sum = endAllowed ? Math.exp(logits[LevelTokenizer.END_COLUMN] - max) : 0;
        double lost = 0;
        for (int u = 0; u < tileCount; u++) {
            if (allowed[u]) {
                double e = Math.exp(logits[tokenizer.tileToken(tokenizer.tiles().charAt(u), row)] - max);
                sum += e;
                if (falls[u] && !tileAllowed(rules, row, below, u, standing)) {
                    lost += e;
                }
            }
        }
        return lost / sum;
    }

    /**
     * Where falling tiles may stand on this row, lifts their probability (masked {@code logits}) by what
     * fell from this row or higher; what it spends is taken from the nearest rows first.
     */
    private void land(int row, float[] logits) {
        double carried = 0;
        for (int r = row; r < height; r++) {
            carried += fallen[r];
        }
        if (carried <= 1e-9) {
            return;
        }
        double max = logits[LevelTokenizer.END_COLUMN];
        for (int u = 0; u < tileCount; u++) {
            max = Math.max(max, logits[tokenizer.tileToken(tokenizer.tiles().charAt(u), row)]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return;
        }
        double sum = Math.exp(logits[LevelTokenizer.END_COLUMN] - max);
        double mass = 0;
        for (int u = 0; u < tileCount; u++) {
            double e = Math.exp(logits[tokenizer.tileToken(tokenizer.tiles().charAt(u), row)] - max);
            sum += e;
            mass += falls[u] ? e : 0;
        }
        double p = mass / sum;
        double target = Math.min(p + carried, FALL_CAP);
        if (p <= 0 || target <= p) {
            return; // no falling tile may stand here, or the model already gives it as much
        }
        float lift = (float) Math.log(target * (1 - p) / (p * (1 - target)));
        for (int u = 0; u < tileCount; u++) {
            if (falls[u]) {
                logits[tokenizer.tileToken(tokenizer.tiles().charAt(u), row)] += lift;
            }
        }
        double spend = target - p;
        for (int r = row; r < height && spend > 0; r++) {
            double take = Math.min(spend, fallen[r]);
            fallen[r] -= take;
            spend -= take;
        }
    }

    private boolean tileAllowed(TileRules rules, int row, int below, int tile, int standing) {
        if (!rules.canStack(below, tile) || !pillars.allows(below, tile, standing) || !rules.canFollow(left[row], tile)) {
            return false;
        }
        if (closing && !rules.canFollow(tile, emptyIndex)) {
            return false;
        }
        if (row + 1 >= height) {
            return true;
        }
        if (canEndAt(rules, row + 1, tile)) {
            return true;
        }
        int above = pillars.standingAfter(below, tile, standing);
        for (int u = 0; u < tileCount; u++) { // some tile must fit on the next row
            if (rules.canStack(tile, u) && pillars.allows(tile, u, above) && rules.canFollow(left[row + 1], u)
                    && (!closing || rules.canFollow(u, emptyIndex))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the column may end at {@code row}: empty tiles must fit from there to the top. */
    private boolean canEndAt(TileRules rules, int row, int below) {
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
