package dev.improv.level;

/**
 * Follows the playability agent along a growing level, so each new chunk is checked in context.
 *
 * <p>While the level is no wider than the window, a check is exactly the agent's verdict on the whole
 * level so far (which is then also the verdict of {@code smb_playable.py}). Past that, the oldest
 * columns are dropped and the agent restarts from the states it could reach in the kept columns,
 * which keeps endless streams cheap.
 *
 * <p>With a {@code landing} (flat ground), a chunk is accepted only if the level so far, the chunk and
 * the landing can be crossed together: the agent may leave the chunk in the air, but it must come
 * down somewhere, so the stream can always go on (at worst with the landing itself as the next chunk).
 */
final class ReachTracker {
    private final PlayabilityAgent agent;
    private int window;
    private TileGrid kept;       // accepted columns still in the window
    private boolean[] reach;     // reachable standing states in kept, or null while kept starts at column 0
    private int keptStart;       // absolute column of kept's first column
    private final TileGrid landing; // appended to every check, or null

    ReachTracker(PlayabilityAgent agent, int window, TileGrid landing) {
        this.agent = agent;
        this.window = window;
        this.landing = landing;
    }

    /** Columns kept before a new chunk; {@code Integer.MAX_VALUE} checks every chunk against the whole level. */
    void window(int columns) {
        this.window = columns;
    }

    void reset() {
        kept = null;
        reach = null;
        keptStart = 0;
    }

    /** Whether the level so far followed by {@code chunk} (and the landing) can be crossed to the end. */
    boolean accepts(TileGrid chunk) {
        TileGrid grid = kept == null ? chunk : kept.append(chunk);
        if (landing != null) {
            grid = grid.append(landing);
        }
        return agent.explore(grid, starts(grid), false).crossed();
    }

    /** Appends an accepted chunk. */
    void append(TileGrid chunk) {
        TileGrid grid = kept == null ? chunk : kept.append(chunk);
        boolean[] starts = starts(grid);
        if (grid.columns() <= window) {
            kept = grid;
            reach = starts == null ? null : agent.explore(grid, starts, true).reachable();
            return;
        }
        boolean[] all = agent.explore(grid, starts, true).reachable();
        int drop = grid.columns() - window;
        kept = grid.slice(drop, grid.columns());
        reach = shift(all, grid.columns(), drop, kept.columns(), grid.rows());
        keptStart += drop;
    }

    private boolean[] starts(TileGrid grid) {
        if (reach == null) {
            return null; // the level's real start is in view: the agent's own start rule applies
        }
        return shift(reach, kept.columns(), 0, grid.columns(), grid.rows());
    }

    /** Re-lays a reach array of width {@code from} to width {@code to}, dropping {@code drop} columns on the left. */
    private static boolean[] shift(boolean[] src, int from, int drop, int to, int rows) {
        boolean[] out = new boolean[(rows + 1) * to];
        for (int y = 0; y <= rows; y++) {
            for (int x = drop; x < from && x - drop < to; x++) {
                out[y * to + x - drop] = src[y * from + x];
            }
        }
        return out;
    }
}
