package dev.improv.level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Which tiles may sit on which (vertically, and on the floor) and next to which (horizontally),
 * learnt from a corpus: a pair never seen in the training levels is treated as impossible.
 *
 * <p>That one rule keeps pipes whole (a pipe's left half is always followed by its right half, a pipe
 * top always sits on a pipe body or the ground) without naming any tile, so it carries over to any game.
 */
public final class TileRules {
    private final String tiles;
    private final boolean[][] above; // [below or FLOOR][above]
    private final boolean[][] right; // [left][right]
    /** How often each tile sat on each tile (or the floor) with each tile on its left, or null when not learnt. */
    private final int[][][] neighbours; // [below or FLOOR][left][tile]

    private TileRules(String tiles, boolean[][] above, boolean[][] right, int[][][] neighbours) {
        this.tiles = tiles;
        this.above = above;
        this.right = right;
        this.neighbours = neighbours;
    }

    /**
     * Learns the pairs from grids whose tiles are all in {@code tiles}; a pair must be seen at least
     * {@code minCount} times, so that a few transcription slips in a corpus do not become rules.
     */
    public static TileRules learn(String tiles, List<TileGrid> grids, int minCount) {
        int n = tiles.length();
        int[][] aboveCount = new int[n + 1][n];
        int[][] rightCount = new int[n][n];
        int[][][] neighbours = new int[n + 1][n][n];
        for (TileGrid g : grids) {
            int h = g.rows();
            for (int c = 0; c < g.columns(); c++) {
                for (int r = h - 1; r >= 0; r--) {
                    int t = index(tiles, g.at(r, c));
                    int below = r == h - 1 ? n : index(tiles, g.at(r + 1, c));
                    aboveCount[below][t]++;
                    if (c > 0) {
                        neighbours[below][index(tiles, g.at(r, c - 1))][t]++;
                    }
                    if (c + 1 < g.columns()) {
                        rightCount[t][index(tiles, g.at(r, c + 1))]++;
                    }
                }
            }
        }
        boolean[][] above = new boolean[n + 1][n];
        boolean[][] right = new boolean[n][n];
        for (int a = 0; a <= n; a++) {
            for (int b = 0; b < n; b++) {
                above[a][b] = aboveCount[a][b] >= minCount;
                if (a < n) {
                    right[a][b] = rightCount[a][b] >= minCount;
                }
            }
        }
        return new TileRules(tiles, above, right, neighbours);
    }

    private static int index(String tiles, char c) {
        int i = tiles.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("tile '" + c + "' is not among \"" + tiles + "\"");
        }
        return i;
    }

    /** Tile characters, in the order the index arguments use. */
    public String tiles() {
        return tiles;
    }

    /** The index used for "below the bottom row" in {@link #canStack}. */
    public int floor() {
        return tiles.length();
    }

    /** Whether tile {@code top} may sit directly on {@code below} (or on the floor, {@link #floor()}). */
    public boolean canStack(int below, int top) {
        return above[below][top];
    }

    /**
     * These rules with only the stacked pairs {@code keep} accepts ({@code below} may be {@link #floor()});
     * side-by-side pairs unchanged. How a game's own rules (what stands on what) narrow the corpus's.
     */
    public TileRules restrictStacking(java.util.function.BiPredicate<Integer, Integer> keep) {
        int n = tiles.length();
        boolean[][] kept = new boolean[n + 1][n];
        for (int a = 0; a <= n; a++) {
            for (int b = 0; b < n; b++) {
                kept[a][b] = above[a][b] && keep.test(a, b);
            }
        }
        return new TileRules(tiles, kept, right, neighbours);
    }

    /** Whether tile {@code rightTile} may sit directly right of {@code left}. */
    public boolean canFollow(int left, int rightTile) {
        return right[left][rightTile];
    }

    /**
     * How often, in the corpus, tile {@code tile} sat on {@code below} (or the floor) with {@code left} on its
     * left; null for rules read from a model that predates these counts.
     */
    public int[][][] neighbourCounts() {
        return neighbours;
    }

    /** JSON form: "stack" pairs as two-character strings (below, above; '\n' is the floor) and "follow" pairs. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("tiles", tiles);
        StringBuilder floor = new StringBuilder();
        for (int t = 0; t < tiles.length(); t++) {
            if (above[tiles.length()][t]) {
                floor.append(tiles.charAt(t));
            }
        }
        root.put("floor", floor.toString());
        var stack = root.putArray("stack");
        var follow = root.putArray("follow");
        for (int a = 0; a < tiles.length(); a++) {
            for (int b = 0; b < tiles.length(); b++) {
                if (above[a][b]) {
                    stack.add("" + tiles.charAt(a) + tiles.charAt(b));
                }
                if (right[a][b]) {
                    follow.add("" + tiles.charAt(a) + tiles.charAt(b));
                }
            }
        }
        if (neighbours != null) { // [below or floor][left] -> counts per tile
            var counts = root.putArray("neighbours");
            for (int[][] byLeft : neighbours) {
                var b = counts.addArray();
                for (int[] perTile : byLeft) {
                    var l = b.addArray();
                    for (int c : perTile) {
                        l.add(c);
                    }
                }
            }
        }
        return root;
    }

    /** Found by fuzzing: a one-character entry was a StringIndexOutOfBoundsException. */
    private static String pair(JsonNode p, String field) {
        String text = p.asText();
        if (text.length() != 2) {
            throw new IllegalArgumentException("tile rules: each \"" + field + "\" entry must be two tiles, got \"" + text + "\"");
        }
        return text;
    }

    /** Reads the form written by {@link #toJson}. */
    public static TileRules fromJson(JsonNode node) {
        String tiles = node.path("tiles").asText();
        int n = tiles.length();
        if (n == 0) {
            throw new IllegalArgumentException("tile rules: field \"tiles\" is missing");
        }
        boolean[][] above = new boolean[n + 1][n];
        boolean[][] right = new boolean[n][n];
        for (char c : node.path("floor").asText().toCharArray()) {
            above[n][index(tiles, c)] = true;
        }
        for (JsonNode p : node.path("stack")) {
            String pair = pair(p, "stack");
            above[index(tiles, pair.charAt(0))][index(tiles, pair.charAt(1))] = true;
        }
        for (JsonNode p : node.path("follow")) {
            String pair = pair(p, "follow");
            right[index(tiles, pair.charAt(0))][index(tiles, pair.charAt(1))] = true;
        }
        return new TileRules(tiles, above, right, neighbourCounts(node.get("neighbours"), n));
    }

    private static int[][][] neighbourCounts(JsonNode node, int n) {
        if (node == null || node.isNull()) {
            return null;
        }
        int[][][] counts = new int[n + 1][n][n];
        if (node.size() != n + 1) {
            throw new IllegalArgumentException("tile rules: \"neighbours\" needs " + (n + 1) + " rows (tiles and the floor), got "
                    + node.size());
        }
        for (int b = 0; b <= n; b++) {
            JsonNode byLeft = node.get(b);
            for (int l = 0; l < n; l++) {
                JsonNode perTile = byLeft.get(l);
                if (perTile == null || perTile.size() != n) {
                    throw new IllegalArgumentException("tile rules: \"neighbours\" row " + b + " needs " + n + " lists of "
                            + n + " counts");
                }
                for (int t = 0; t < n; t++) {
                    int c = perTile.get(t).asInt(-1);
                    if (c < 0) {
                        throw new IllegalArgumentException("tile rules: \"neighbours\" counts are whole numbers >= 0, got "
                                + perTile.get(t));
                    }
                    counts[b][l][t] = c;
                }
            }
        }
        return counts;
    }
}
