package dev.improv.level;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable rectangle of tile characters, row 0 at the top (as in VGLC text), column 0 at the left.
 */
public final class TileGrid {
    private final char[][] cells; // [row][column]
    private final int rows;
    private final int columns;

    private TileGrid(char[][] cells, int rows, int columns) {
        this.cells = cells;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * A level as text (VGLC: one row a line, top first), as a user or a client hands it in: lines may end in
     * {@code \r\n}, blank lines at the end are ignored (an editor's final newline), and a row of another
     * length is named by its line, counted from 1.
     *
     * @throws IllegalArgumentException for no rows, or rows of different lengths
     */
    public static TileGrid parse(String text) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the level is empty");
        }
        int w = lines.get(0).length();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).length() != w) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + lines.get(i).length()
                        + " tiles, line 1 has " + w);
            }
        }
        return ofRows(lines);
    }

    /** A grid from equal-length rows (top first); the array is copied. */
    public static TileGrid ofRows(List<String> rowTexts) {
        if (rowTexts.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one row");
        }
        int w = rowTexts.get(0).length();
        char[][] cells = new char[rowTexts.size()][];
        for (int r = 0; r < cells.length; r++) {
            String s = rowTexts.get(r);
            if (s.length() != w) {
                throw new IllegalArgumentException("row " + (r + 1) + " has " + s.length() + " tiles, row 1 has " + w);
            }
            cells[r] = s.toCharArray();
        }
        return new TileGrid(cells, cells.length, w);
    }

    /** A grid from columns, each given top to bottom; all must have the same height. */
    public static TileGrid ofColumns(List<char[]> columnsTopDown, int height) {
        char[][] cells = new char[height][columnsTopDown.size()];
        for (int c = 0; c < columnsTopDown.size(); c++) {
            char[] col = columnsTopDown.get(c);
            if (col.length != height) {
                throw new IllegalArgumentException("column " + c + " has " + col.length + " tiles, expected " + height);
            }
            for (int r = 0; r < height; r++) {
                cells[r][c] = col[r];
            }
        }
        return new TileGrid(cells, height, columnsTopDown.size());
    }

    /** A grid of {@code rows} x {@code columns} filled with one tile. */
    public static TileGrid filled(int rows, int columns, char tile) {
        char[][] cells = new char[rows][columns];
        for (char[] row : cells) {
            Arrays.fill(row, tile);
        }
        return new TileGrid(cells, rows, columns);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The tile at a row (0 = top) and column (0 = left). */
    public char at(int row, int column) {
        return cells[row][column];
    }

    /** A copy of one column, top to bottom. */
    public char[] column(int column) {
        char[] out = new char[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = cells[r][column];
        }
        return out;
    }

    /** The text of one row. */
    public String row(int row) {
        return new String(cells[row]);
    }

    /** Columns {@code [from, to)} as a new grid. */
    public TileGrid slice(int from, int to) {
        if (from < 0 || to > columns || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + columns + " columns");
        }
        char[][] out = new char[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = Arrays.copyOfRange(cells[r], from, to);
        }
        return new TileGrid(out, rows, to - from);
    }

    /** The {@code height} x {@code width} block whose top-left cell is ({@code row}, {@code column}), as a new grid (a room of a map). */
    public TileGrid window(int row, int column, int height, int width) {
        if (row < 0 || column < 0 || height < 1 || width < 1 || row + height > rows || column + width > columns) {
            throw new IndexOutOfBoundsException(height + " x " + width + " at (" + row + ", " + column + ") of a " + rows + " x "
                    + columns + " grid");
        }
        char[][] out = new char[height][];
        for (int r = 0; r < height; r++) {
            out[r] = Arrays.copyOfRange(cells[row + r], column, column + width);
        }
        return new TileGrid(out, height, width);
    }

    /** This grid with {@code other}'s columns appended on the right; heights must match. */
    public TileGrid append(TileGrid other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException("cannot append a grid of " + other.rows + " rows to one of " + rows);
        }
        char[][] out = new char[rows][columns + other.columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(cells[r], 0, out[r], 0, columns);
            System.arraycopy(other.cells[r], 0, out[r], columns, other.columns);
        }
        return new TileGrid(out, rows, columns + other.columns);
    }

    /** A copy with one tile replaced. */
    public TileGrid with(int row, int column, char tile) {
        char[][] out = new char[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = r == row ? cells[r].clone() : cells[r];
        }
        out[row][column] = tile;
        return new TileGrid(out, rows, columns);
    }

    /** VGLC text: one line per row, top first, each ending in a newline. */
    public String toText() {
        StringBuilder b = new StringBuilder(rows * (columns + 1));
        for (char[] row : cells) {
            b.append(row).append('\n');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileGrid g && Arrays.deepEquals(cells, g.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        return toText();
    }
}
