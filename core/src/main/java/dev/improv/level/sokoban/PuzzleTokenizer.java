package dev.improv.level.sokoban;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns puzzles into token ids and back: BOS, one difficulty token (a band or "any"), then the cells
 * inside the outer wall row by row, one token per cell.
 *
 * <p>The outer wall is left out: every puzzle has one, so it carries no information and would only
 * dilute the per-token figures. The model's learnt positions say which cell a token is, so no row
 * tokens are needed (the grid has a fixed size). Vocabulary: PAD, BOS, the bands, "any", then the
 * five cell kinds {@code # @$.} (wall, floor, player, box, goal).
 */
public final class PuzzleTokenizer {
    public static final int PAD = 0;
    public static final int BOS = 1;
    /** Cell kinds in vocabulary order. */
    public static final String CELLS = "# @$.";
    /** Index of each cell kind in {@link #CELLS}. */
    public static final int WALL = 0;
    public static final int FLOOR = 1;
    public static final int PLAYER = 2;
    public static final int BOX = 3;
    public static final int GOAL = 4;

    private final int rows;
    private final int columns;
    private final int bands;
    private final int cellBase;

    /**
     * @param rows    rows inside the outer wall
     * @param columns columns inside the outer wall
     * @param bands   difficulty bands
     */
    public PuzzleTokenizer(int rows, int columns, int bands) {
        if (rows < 1 || columns < 1 || bands < 1) {
            throw new IllegalArgumentException("puzzle tokenizer: rows, columns and bands must be positive");
        }
        this.rows = rows;
        this.columns = columns;
        this.bands = bands;
        this.cellBase = BOS + 1 + bands + 1;
    }

    public int vocabSize() {
        return cellBase + CELLS.length();
    }

    /** Rows inside the outer wall. */
    public int rows() {
        return rows;
    }

    /** Columns inside the outer wall. */
    public int columns() {
        return columns;
    }

    /** Cells a puzzle has inside its outer wall: the tokens after the header. */
    public int cells() {
        return rows * columns;
    }

    /** Tokens before the first cell: BOS and the difficulty token. */
    public int headerLength() {
        return 2;
    }

    /** The difficulty token of a band, or of "any" for {@code band < 0}. */
    public int bandToken(int band) {
        if (band >= bands) {
            throw new IllegalArgumentException("band " + band + " is outside 0.." + (bands - 1));
        }
        return BOS + 1 + (band < 0 ? bands : band);
    }

    /** Token of a cell kind (an index into {@link #CELLS}). */
    public int cellToken(int kind) {
        return cellBase + kind;
    }

    public boolean isCell(int token) {
        return token >= cellBase && token < vocabSize();
    }

    /** The cell kind of a cell token. */
    public int kindOf(int token) {
        if (!isCell(token)) {
            throw new IllegalArgumentException("token " + token + " is not a cell");
        }
        return token - cellBase;
    }

    /** The tokens of a puzzle with a difficulty band (or -1 for "any"). */
    public int[] encode(Puzzle p, int band) {
        if (p.rows() != rows + 2 || p.columns() != columns + 2) {
            throw new IllegalArgumentException("puzzle is " + p.rows() + " x " + p.columns() + ", this model makes "
                    + (rows + 2) + " x " + (columns + 2));
        }
        int[] out = new int[headerLength() + cells()];
        out[0] = BOS;
        out[1] = bandToken(band);
        int i = 2;
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= columns; c++) {
                char ch = p.at(r, c);
                int kind = CELLS.indexOf(ch);
                if (kind < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + ": '" + ch
                            + "' cannot be encoded (boxes and players start off the goals in this model)");
                }
                out[i++] = cellToken(kind);
            }
        }
        return out;
    }

    /** The puzzle whose cells are the cell tokens {@code tokens[from, from + cells())}, outer wall added. */
    public Puzzle decode(int[] tokens, int from) {
        List<String> out = new ArrayList<>();
        out.add("#".repeat(columns + 2));
        for (int r = 0; r < rows; r++) {
            StringBuilder b = new StringBuilder("#");
            for (int c = 0; c < columns; c++) {
                b.append(CELLS.charAt(kindOf(tokens[from + r * columns + c])));
            }
            out.add(b.append('#').toString());
        }
        out.add("#".repeat(columns + 2));
        return Puzzle.of(out);
    }

    /** Whether a puzzle has this tokenizer's size, an outer wall and only encodable cells; else why not. */
    public String misfit(Puzzle p) {
        if (p.rows() != rows + 2 || p.columns() != columns + 2) {
            return "puzzle is " + p.rows() + " x " + p.columns() + ", the model makes " + (rows + 2) + " x " + (columns + 2);
        }
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.columns(); c++) {
                boolean border = r == 0 || c == 0 || r == p.rows() - 1 || c == p.columns() - 1;
                char ch = p.at(r, c);
                if (border && ch != Puzzle.WALL) {
                    return "row " + (r + 1) + ", column " + (c + 1) + " is on the outer wall but is '" + ch + "'";
                }
                if (CELLS.indexOf(ch) < 0) {
                    return "row " + (r + 1) + ", column " + (c + 1) + ": '" + ch + "' (a box or player on a goal) cannot be encoded";
                }
            }
        }
        return null;
    }
}
