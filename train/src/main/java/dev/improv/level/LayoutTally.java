package dev.improv.level;

/**
 * What a player sees of a platformer's layout, counted over levels (row 0 at the top) for {@code improv eval
 * level} beside the corpus: one-wide pillars, tall columns, and how the tiles a {@code standsOn} rule rules
 * (enemies) are placed: next to one another, or perched on a lone block in the air.
 *
 * <p>A column's stack is its run of solid tiles up from the bottom edge (0 over a pit).
 *
 * @param columns     columns counted
 * @param oneWide     columns whose stack rises two or more tiles above both neighbours' (a lone pillar; a
 *                    staircase steps by one, a pipe is two wide)
 * @param tall        columns whose stack is 5 or more tiles high
 * @param ruled       tiles carrying a standsOn tag
 * @param adjacent    of those, the ones with another ruled tile right beside them in the same row
 * @param onLoneBlock of those, the ones standing on a lone block in the air: a solid tile above the bottom row with no
 *                    solid tile left, right or below it
 */
public record LayoutTally(long columns, long oneWide, long tall, long ruled, long adjacent, long onLoneBlock) {
    public static final LayoutTally ZERO = new LayoutTally(0, 0, 0, 0, 0, 0);
    /** The stack height from which a column counts as tall. */
    static final int TALL = 5;

    /** Counts one level. */
    public static LayoutTally of(TileGrid grid, Legend legend, Standing standing) {
        int rows = grid.rows();
        int cols = grid.columns();
        int[] stack = new int[cols];
        for (int c = 0; c < cols; c++) {
            while (stack[c] < rows && legend.isSolid(grid.at(rows - 1 - stack[c], c))) {
                stack[c]++;
            }
        }
        long oneWide = 0;
        long tall = 0;
        for (int c = 0; c < cols; c++) {
            int left = c > 0 ? stack[c - 1] : stack[c];
            int right = c + 1 < cols ? stack[c + 1] : stack[c];
            oneWide += stack[c] - Math.max(left, right) >= 2 ? 1 : 0;
            tall += stack[c] >= TALL ? 1 : 0;
        }
        long ruled = 0;
        long adjacent = 0;
        long onLone = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!standing.rules(legend, grid.at(r, c))) {
                    continue;
                }
                ruled++;
                boolean beside = c > 0 && standing.rules(legend, grid.at(r, c - 1))
                        || c + 1 < cols && standing.rules(legend, grid.at(r, c + 1));
                adjacent += beside ? 1 : 0;
                onLone += r + 1 < rows && loneBlock(grid, legend, r + 1, c) ? 1 : 0;
            }
        }
        return new LayoutTally(cols, oneWide, tall, ruled, adjacent, onLone);
    }

    private static boolean loneBlock(TileGrid g, Legend legend, int r, int c) {
        return legend.isSolid(g.at(r, c))
                && !(c > 0 && legend.isSolid(g.at(r, c - 1)))
                && !(c + 1 < g.columns() && legend.isSolid(g.at(r, c + 1)))
                && r + 1 < g.rows() && !legend.isSolid(g.at(r + 1, c));
    }

    /** The sum of two tallies (over more levels). */
    public LayoutTally plus(LayoutTally o) {
        return new LayoutTally(columns + o.columns, oneWide + o.oneWide, tall + o.tall, ruled + o.ruled,
                adjacent + o.adjacent, onLoneBlock + o.onLoneBlock);
    }

    /** One-wide pillars per 100 columns. */
    public double oneWidePer100Columns() {
        return columns == 0 ? 0 : 100.0 * oneWide / columns;
    }

    /** Share of columns 5 or more tiles high. */
    public double tallShare() {
        return columns == 0 ? 0 : (double) tall / columns;
    }

    /** Share of ruled tiles with another right beside them. */
    public double adjacentShare() {
        return ruled == 0 ? 0 : (double) adjacent / ruled;
    }

    /** Share of ruled tiles standing on a lone block in the air. */
    public double onLoneBlockShare() {
        return ruled == 0 ? 0 : (double) onLoneBlock / ruled;
    }
}
