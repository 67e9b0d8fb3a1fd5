package dev.improv.level.sokoban;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Sokoban puzzle in Boxoban's characters: {@code #} wall, {@code @} player, {@code $} box,
 * {@code .} goal, {@code *} box on a goal, {@code +} player on a goal, space floor. Immutable.
 */
public final class Puzzle {
    public static final char WALL = '#';
    public static final char FLOOR = ' ';
    public static final char PLAYER = '@';
    public static final char BOX = '$';
    public static final char GOAL = '.';
    public static final char BOX_ON_GOAL = '*';
    public static final char PLAYER_ON_GOAL = '+';
    private static final String CHARACTERS = "# @$.*+";

    /** Tags of Sokoban's characters, for pictures and Tiled maps. */
    public static final Legend LEGEND = new Legend(legendTiles());

    private final TileGrid grid;

    private Puzzle(TileGrid grid) {
        this.grid = grid;
    }

    /** A puzzle from its rows; a character that is not Sokoban's is an error naming it and its place. */
    public static Puzzle of(List<String> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a puzzle needs at least one row");
        }
        int width = rows.stream().mapToInt(String::length).max().orElse(0);
        List<String> padded = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            for (int c = 0; c < row.length(); c++) {
                if (CHARACTERS.indexOf(row.charAt(c)) < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + ": '" + row.charAt(c)
                            + "' is not a Sokoban character (# @$.*+)");
                }
            }
            padded.add(row + " ".repeat(width - row.length()));
        }
        return new Puzzle(TileGrid.ofRows(padded));
    }

    /** A puzzle from text, one row a line. */
    public static Puzzle parse(String text) {
        List<String> rows = new ArrayList<>(text.lines().toList());
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return of(rows);
    }

    private static Map<Character, List<String>> legendTiles() {
        Map<Character, List<String>> m = new LinkedHashMap<>();
        m.put(WALL, List.of("solid", "wall"));
        m.put(FLOOR, List.of("empty", "passable", "floor")); // a floor seen from above, not sky
        m.put(PLAYER, List.of("player", "entity"));
        m.put(BOX, List.of("box", "movable", "entity"));
        m.put(GOAL, List.of("goal", "passable"));
        return m;
    }

    public TileGrid grid() {
        return grid;
    }

    public int rows() {
        return grid.rows();
    }

    public int columns() {
        return grid.columns();
    }

    public char at(int row, int column) {
        return grid.at(row, column);
    }

    /** Rows joined by newlines, with a final newline. */
    public String toText() {
        return grid.toText();
    }

    public static boolean isGoal(char c) {
        return c == GOAL || c == BOX_ON_GOAL || c == PLAYER_ON_GOAL;
    }

    public static boolean isBox(char c) {
        return c == BOX || c == BOX_ON_GOAL;
    }

    public static boolean isPlayer(char c) {
        return c == PLAYER || c == PLAYER_ON_GOAL;
    }

    /** Number of cells holding {@code c}-like content (boxes, goals or players). */
    public int count(java.util.function.IntPredicate kind) {
        int n = 0;
        for (int r = 0; r < rows(); r++) {
            for (int c = 0; c < columns(); c++) {
                n += kind.test(at(r, c)) ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * The same puzzle under one of the 8 symmetries of the square: {@code k} in 0..7, bit 2 mirrors
     * left-right first, bits 0-1 then rotate by k x 90 degrees clockwise. Symmetry 0 is the identity.
     */
    public Puzzle transformed(int k) {
        char[][] cells = new char[rows()][];
        for (int r = 0; r < rows(); r++) {
            cells[r] = grid.row(r).toCharArray();
            if ((k & 4) != 0) {
                new StringBuilder(grid.row(r)).reverse().getChars(0, columns(), cells[r], 0);
            }
        }
        for (int turn = 0; turn < (k & 3); turn++) {
            int h = cells.length;
            int w = cells[0].length;
            char[][] next = new char[w][h];
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    next[c][h - 1 - r] = cells[r][c];
                }
            }
            cells = next;
        }
        List<String> out = new ArrayList<>();
        for (char[] row : cells) {
            out.add(new String(row));
        }
        return new Puzzle(TileGrid.ofRows(out));
    }

    /** The smallest text among the 8 symmetric versions: equal for puzzles equal up to symmetry. */
    public String canonicalText() {
        String best = null;
        for (int k = 0; k < 8; k++) {
            String t = transformed(k).toText();
            if (best == null || t.compareTo(best) < 0) {
                best = t;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Puzzle p && p.grid.equals(grid);
    }

    @Override
    public int hashCode() {
        return grid.hashCode();
    }

    @Override
    public String toString() {
        return toText();
    }
}
