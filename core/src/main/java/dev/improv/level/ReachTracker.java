package dev.improv.level;

import java.util.ArrayList;
import java.util.List;

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
 *
 * <p>The platformer rule of {@link ChunkCheck}: with no agent (a game without jump arcs) every chunk passes.
 */
final class ReachTracker implements ChunkCheck {
    private final PlayabilityAgent agent;
    private final Legend legend;
    private final int height;
    private final char empty;
    private final char ground;
    private int window;
    private TileGrid kept;       // accepted columns still in the window
    private boolean[] reach;     // reachable standing states in kept, or null while kept starts at column 0
    private int keptStart;       // absolute column of kept's first column
    private final TileGrid landing; // appended to every check, or null

    /**
     * @param agent the game's agent, or null for none
     * @param window columns kept before a new chunk
     */
    ReachTracker(PlayabilityAgent agent, int window, Legend legend, LevelTokenizer tokenizer) {
        this(agent, window, legend, tokenizer, true);
    }

    /** @param withLanding whether a chunk must leave a way on over flat ground (always, but for tests of the rule) */
    ReachTracker(PlayabilityAgent agent, int window, Legend legend, LevelTokenizer tokenizer, boolean withLanding) {
        this.agent = agent;
        this.window = window;
        this.legend = legend;
        this.height = tokenizer.height();
        this.empty = tokenizer.empty();
        this.ground = groundTile(legend);
        // Every accepted chunk must leave a way on over a chunk of flat ground, the last repair: a chunk
        // crossed only in the air over a pit at its edge could otherwise leave no playable next chunk.
        this.landing = ground == 0 || !withLanding ? null : flatGround(tokenizer.chunkColumns());
    }

    @Override
    public void window(int columns) {
        this.window = columns;
    }

    @Override
    public void reset() {
        kept = null;
        reach = null;
        keptStart = 0;
    }

    @Override
    public String problem(TileGrid chunk) {
        return agent == null || accepts(chunk) ? null : "the agent cannot cross the level so far with this chunk"
                + (landing == null ? "" : " and flat ground after it");
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
    @Override
    public void append(TileGrid chunk) {
        if (agent == null) {
            return;
        }
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

    /** The candidate with its gaps filled with ground, then flat ground; with no ground tile, the candidate. */
    @Override
    public List<TileGrid> repairs(TileGrid candidate, int width) {
        List<TileGrid> options = new ArrayList<>();
        if (ground == 0) {
            if (candidate != null) {
                options.add(candidate);
            }
            return options;
        }
        if (candidate != null) {
            TileGrid filled = candidate;
            for (int c = 0; c < filled.columns(); c++) {
                if (!legend.isSolid(filled.at(height - 1, c))) {
                    filled = filled.with(height - 1, c, ground);
                }
            }
            options.add(filled);
        }
        options.add(flatGround(width));
        return options;
    }

    /** Empty columns on one row of ground tiles. */
    private TileGrid flatGround(int width) {
        TileGrid flat = TileGrid.filled(height, width, empty);
        for (int c = 0; c < width; c++) {
            flat = flat.with(height - 1, c, ground);
        }
        return flat;
    }

    /** The first solid tile tagged "ground", or 0 if the legend has none. */
    private static char groundTile(Legend legend) {
        for (char c : legend.tiles()) {
            if (legend.isSolid(c) && legend.hasTag(c, "ground")) {
                return c;
            }
        }
        return 0;
    }
}
