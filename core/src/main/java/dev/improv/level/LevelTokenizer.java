package dev.improv.level;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns tile levels into token ids and back: column by column, each column bottom to top with its
 * trailing empty tiles left out and closed by an end-of-column token, and each 16-column chunk
 * opened by a chunk token and one conditioning token per feature.
 *
 * <p>Bottom to top puts the ground first, where the structure is, and dropping the empty sky keeps a
 * typical Mario column to three or four tokens instead of fourteen. Each tile token also names its row
 * (a token for "X on row 0", another for "X on row 5"), so the model never has to count tokens to
 * know how high it is: a small model trained for minutes learns columns far better that way.
 * Vocabulary: PAD, BOS, END_COLUMN, CHUNK, then for each feature its levels plus "any", then
 * height x tiles row-and-tile tokens (row 0 = bottom).
 */
public final class LevelTokenizer {
    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int END_COLUMN = 2;
    public static final int CHUNK = 3;
    /** Columns per chunk of a platformer (and of models that predate per-game chunks): 16. */
    public static final int CHUNK_COLUMNS = 16;

    private final int height;
    private final int chunkColumns;
    private final char empty;
    private final char[] tiles;
    private final FeatureSet features;
    private final int[] featureBase;
    private final int tileBase;
    private final int[] tileIndexOf = new int[65536];

    /**
     * @param height   rows of every column
     * @param tiles    tile characters in vocabulary order (the empty tile among them)
     * @param empty    the empty tile, left out at the top of columns
     * @param features prompt features, one conditioning token each per chunk
     */
    public LevelTokenizer(int height, String tiles, char empty, FeatureSet features) {
        this(height, CHUNK_COLUMNS, tiles, empty, features);
    }

    /**
     * @param chunkColumns columns per chunk, the unit of conditioning and streaming (16 for a
     *                     platformer's screen, a room's width for a top-down game)
     */
    public LevelTokenizer(int height, int chunkColumns, String tiles, char empty, FeatureSet features) {
        if (chunkColumns < 1) {
            throw new IllegalArgumentException("chunkColumns must be positive, got " + chunkColumns);
        }
        this.chunkColumns = chunkColumns;
        if (height < 1) {
            throw new IllegalArgumentException("height must be positive, got " + height);
        }
        if (tiles.indexOf(empty) < 0) {
            throw new IllegalArgumentException("the empty tile '" + empty + "' must be among the tiles \"" + tiles + "\"");
        }
        this.height = height;
        this.empty = empty;
        this.tiles = tiles.toCharArray();
        this.features = features;
        this.featureBase = new int[features.size()];
        int next = CHUNK + 1;
        for (int i = 0; i < features.size(); i++) {
            featureBase[i] = next;
            next += features.specs().get(i).levels().size() + 1;
        }
        this.tileBase = next;
        java.util.Arrays.fill(tileIndexOf, -1);
        for (int i = 0; i < this.tiles.length; i++) {
            if (tileIndexOf[this.tiles[i]] >= 0) {
                throw new IllegalArgumentException("tile '" + this.tiles[i] + "' is listed twice");
            }
            tileIndexOf[this.tiles[i]] = i;
        }
    }

    public int vocabSize() {
        return tileBase + height * tiles.length;
    }

    public int height() {
        return height;
    }

    /** Columns per chunk: the unit of conditioning and of streaming. */
    public int chunkColumns() {
        return chunkColumns;
    }

    public char empty() {
        return empty;
    }

    /** Tile characters in vocabulary order. */
    public String tiles() {
        return new String(tiles);
    }

    public FeatureSet features() {
        return features;
    }

    /** Token of a tile on a row (0 = bottom); throws for tiles outside the vocabulary. */
    public int tileToken(char tile, int row) {
        int i = tileIndexOf[tile];
        if (i < 0) {
            throw new IllegalArgumentException("tile '" + tile + "' is not in this model's vocabulary \"" + tiles() + "\"");
        }
        if (row < 0 || row >= height) {
            throw new IllegalArgumentException("row " + row + " is outside 0.." + (height - 1));
        }
        return tileBase + row * tiles.length + i;
    }

    public boolean isTile(int token) {
        return token >= tileBase && token < vocabSize();
    }

    /** Index of a tile token's tile in {@link #tiles()}. */
    public int tileIndex(int token) {
        return (token - tileBase) % tiles.length;
    }

    /** Row of a tile token (0 = bottom). */
    public int rowOf(int token) {
        return (token - tileBase) / tiles.length;
    }

    public char tileOf(int token) {
        if (!isTile(token)) {
            throw new IllegalArgumentException("token " + token + " is not a tile");
        }
        return tiles[tileIndex(token)];
    }

    /** Token of a feature level; {@link FeatureSet#ANY} maps to the feature's "any" token. */
    public int featureToken(int feature, int level) {
        int levels = features.specs().get(feature).levels().size();
        if (level != FeatureSet.ANY && (level < 0 || level >= levels)) {
            throw new IllegalArgumentException("feature " + feature + " has " + levels + " levels, got " + level);
        }
        return featureBase[feature] + (level == FeatureSet.ANY ? levels : level);
    }

    /** Whether a token is part of a chunk header (CHUNK or a feature token). */
    public boolean isHeader(int token) {
        return token >= CHUNK && token < tileBase;
    }

    /** The header of a chunk: CHUNK then one token per feature. */
    public int[] header(int[] levels) {
        int[] out = new int[1 + features.size()];
        out[0] = CHUNK;
        for (int i = 0; i < levels.length; i++) {
            out[i + 1] = featureToken(i, levels[i]);
        }
        return out;
    }

    /** Appends one column (given top to bottom) as tokens: bottom to top, sky left out, then END_COLUMN. */
    public void encodeColumn(char[] topDown, List<Integer> out) {
        if (topDown.length != height) {
            throw new IllegalArgumentException("column has " + topDown.length + " tiles, the model uses " + height);
        }
        int top = 0; // first row (from the top) that is not empty
        while (top < height && topDown[top] == empty) {
            top++;
        }
        for (int r = height - 1; r >= top; r--) {
            out.add(tileToken(topDown[r], height - 1 - r));
        }
        out.add(END_COLUMN);
    }

    /** Tokens of the columns {@code [from, to)} of a grid, each closed by END_COLUMN. */
    public void encodeColumns(TileGrid grid, int from, int to, List<Integer> out) {
        for (int c = from; c < to; c++) {
            encodeColumn(grid.column(c), out);
        }
    }

    /**
     * A whole level as one token sequence: BOS, then per chunk its header and columns.
     *
     * @param grid   the level; its height must match
     * @param offset columns skipped at the start (augmentation: other chunk alignments)
     * @param levels per chunk, the feature levels written in its header (null: measure them)
     * @param legend legend for measuring
     */
    public int[] encodeLevel(TileGrid grid, int offset, List<int[]> levels, Legend legend) {
        List<Integer> out = new ArrayList<>();
        out.add(BOS);
        int chunk = 0;
        for (int start = offset; start < grid.columns(); start += chunkColumns, chunk++) {
            int end = Math.min(grid.columns(), start + chunkColumns);
            int[] l = levels != null ? levels.get(chunk) : features.levels(grid.slice(start, end), legend);
            for (int t : header(l)) {
                out.add(t);
            }
            for (int c = start; c < end; c++) {
                encodeColumn(grid.column(c), out);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Decodes a column's tile tokens (bottom to top, without END_COLUMN) into a column top to bottom. */
    public char[] decodeColumn(int[] tokens, int from, int to) {
        if (to - from > height) {
            throw new IllegalArgumentException("column of " + (to - from) + " tiles is taller than " + height);
        }
        char[] col = new char[height];
        java.util.Arrays.fill(col, empty);
        for (int i = from; i < to; i++) {
            col[height - 1 - rowOf(tokens[i])] = tileOf(tokens[i]);
        }
        return col;
    }

    /** Decodes every column in a token sequence (headers and BOS skipped) into a grid. */
    public TileGrid decode(int[] tokens, int length) {
        List<char[]> cols = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < length; i++) {
            int t = tokens[i];
            if (isTile(t)) {
                if (start < 0) {
                    start = i;
                }
            } else if (t == END_COLUMN) {
                cols.add(start < 0 ? decodeColumn(tokens, i, i) : decodeColumn(tokens, start, i));
                start = -1;
            } else {
                start = -1;
            }
        }
        return TileGrid.ofColumns(cols, height);
    }
}
