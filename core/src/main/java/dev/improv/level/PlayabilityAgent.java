package dev.improv.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A one-tile platformer agent that decides whether a level can be crossed from left to right.
 *
 * <p>Rules (the same as the independent checker {@code smb_playable.py}, so the two agree): start
 * standing in one of the three leftmost columns; walk one tile left or right; fall straight or with
 * one column of drift a step, for at most height + 2 steps; jump along the given arcs, stopping at the
 * first blocked tile (a diagonal step also needs one of its two corners free); the sides are walls,
 * the sky is open and below the bottom row is a pit. Non-solid tiles, enemies included, are passable.
 * The level is crossed when the agent reaches the last column, standing or in the air.
 */
public final class PlayabilityAgent {
    private final Legend legend;
    private final JumpArcs arcs;

    public PlayabilityAgent(Legend legend, JumpArcs arcs) {
        this.legend = legend;
        this.arcs = arcs;
    }

    /** Whether the whole level can be crossed. */
    public boolean playable(TileGrid level) {
        return explore(level, null, false).crossed();
    }

    /**
     * Explores every reachable standing state.
     *
     * @param level  the tiles
     * @param starts standing states to start from ({@link Reach#reachable} layout), or null for the
     *               standing tiles of the three leftmost columns
     * @param full   false: stop as soon as the last column is reached (the reachable set is then partial)
     */
    public Reach explore(TileGrid level, boolean[] starts, boolean full) {
        return new Search(level, false).run(starts, full);
    }

    /**
     * One way across the level, fewest moves first (a walk, a fall or a jump is one move): the places
     * from a start on the left to where the agent reaches the last column, each with the move that
     * got there; every place is one the agent stands on except perhaps the last (a jump that leaves
     * the level in the air). Null when the level cannot be crossed.
     */
    public List<Step> route(TileGrid level) {
        Search search = new Search(level, true);
        if (!search.run(null, false).crossed()) {
            return null;
        }
        return search.route();
    }

    /** How the agent came to a place of a {@link #route}. */
    public enum Move {
        /** where it starts */
        START,
        /** one tile left or right */
        WALK,
        /** off an edge, down (drifting at most one column a step) */
        FALL,
        /** along a jump arc, and down from where the arc stopped if it did not land */
        JUMP
    }

    /** A place of a {@link #route}: column x, row y (-1 is on top of the top row), and the move that got there. */
    public record Step(int x, int y, Move move) {
    }

    /**
     * The result of an exploration. {@code reachable[(y + 1) * columns + x]} says whether the agent
     * can stand at column x, row y (y = -1 is on top of the top row).
     */
    public record Reach(boolean crossed, boolean[] reachable, int columns, int rows) {
        /** Whether the agent can stand at (x, y). */
        public boolean canStand(int x, int y) {
            return reachable[(y + 1) * columns + x];
        }
    }

    private final class Search {
        private final int w;
        private final int h;
        private final boolean[] solidCell;
        private final boolean[] seen;
        private int[] queue;
        private int head;
        private int tail;
        // fall frontiers (one row each), reused
        private boolean[] frontier;
        private boolean[] next;
        // for route(): the state each state was first reached from (-1: a start) and by which move,
        // the state being expanded and the move being tried, and where the level was crossed: a
        // state on the last column, or a jump from crossedFrom whose arc reached it at (endX, endY)
        private final int[] from;
        private final Move[] how;
        private int expanding = -1;
        private Move moving = Move.START;
        private int crossedAt = -1;
        private int crossedFrom = -1;
        private int endX;
        private int endY;

        Search(TileGrid level, boolean traced) {
            this.w = level.columns();
            this.h = level.rows();
            this.solidCell = new boolean[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    solidCell[y * w + x] = legend.isSolid(level.at(y, x));
                }
            }
            this.seen = new boolean[(h + 1) * w];
            this.queue = new int[(h + 1) * w];
            this.frontier = new boolean[w];
            this.next = new boolean[w];
            this.from = traced ? new int[(h + 1) * w] : null;
            this.how = traced ? new Move[(h + 1) * w] : null;
        }

        /** The states from the start to the crossing. */
        List<Step> route() {
            List<Step> back = new ArrayList<>();
            if (crossedFrom >= 0) {
                back.add(new Step(endX, endY, Move.JUMP));
            }
            for (int s = crossedFrom >= 0 ? crossedFrom : crossedAt; s >= 0; s = from[s]) {
                back.add(new Step(s % w, s / w - 1, how[s]));
            }
            Collections.reverse(back);
            return back;
        }

        boolean solid(int x, int y) {
            if (x < 0 || x >= w) {
                return true;
            }
            if (y < 0 || y >= h) {
                return false;
            }
            return solidCell[y * w + x];
        }

        boolean free(int x, int y) {
            return x >= 0 && x < w && y < h && !solid(x, y);
        }

        boolean standing(int x, int y) {
            return free(x, y) && y + 1 < h && solid(x, y + 1);
        }

        Reach run(boolean[] starts, boolean full) {
            boolean crossed = false;
            if (starts == null) {
                for (int x = 0; x < Math.min(3, w); x++) {
                    for (int y = 0; y < h; y++) { // the checker starts on rows 0..h-1 only
                        if (standing(x, y)) {
                            push(x, y);
                        }
                    }
                }
            } else {
                for (int i = 0; i < starts.length; i++) {
                    if (starts[i]) {
                        int x = i % w;
                        int y = i / w - 1;
                        if (standing(x, y)) {
                            push(x, y);
                        }
                    }
                }
            }
            while (head < tail) {
                int s = queue[head++];
                expanding = s;
                int x = s % w;
                int y = s / w - 1;
                if (x >= w - 1) {
                    if (!crossed) {
                        crossedAt = s;
                    }
                    crossed = true;
                    if (!full) {
                        break;
                    }
                }
                for (int dx = -1; dx <= 1; dx += 2) {
                    int nx = x + dx;
                    if (free(nx, y)) {
                        moving = standing(nx, y) ? Move.WALK : Move.FALL;
                        if (standing(nx, y)) {
                            push(nx, y);
                        } else {
                            fall(nx, y);
                        }
                    }
                }
                moving = Move.JUMP;
                for (int a = 0; a < arcs.count(); a++) {
                    int[][] arc = arcs.arc(a);
                    int px = x;
                    int py = y;
                    boolean reachedEnd = false;
                    for (int[] step : arc) {
                        int nx = x + step[0];
                        int ny = y + step[1];
                        if (!free(nx, ny) || (nx != px && ny != py && !(free(nx, py) || free(px, ny)))) {
                            break;
                        }
                        px = nx;
                        py = ny;
                        if (px >= w - 1) {
                            reachedEnd = true;
                            break;
                        }
                    }
                    if (reachedEnd) {
                        if (!crossed) {
                            crossedFrom = s;
                            endX = px;
                            endY = py;
                        }
                        crossed = true;
                        if (!full) {
                            return new Reach(true, seen, w, h);
                        }
                        continue; // the checker stops here, so neither does this arc land anywhere
                    }
                    if (px != x || py != y) {
                        if (standing(px, py)) {
                            push(px, py);
                        } else {
                            fall(px, py);
                        }
                    }
                }
            }
            return new Reach(crossed, seen, w, h);
        }

        private void push(int x, int y) {
            int i = (y + 1) * w + x;
            if (y >= -1 && !seen[i]) {
                seen[i] = true;
                if (from != null) {
                    from[i] = expanding;
                    how[i] = moving;
                }
                queue[tail++] = i;
            }
        }

        /**
         * Falls from (x, y): every landing spot reachable with one column of drift a step. All states
         * of one step share a row, so the frontier is a column range of one row.
         */
        private void fall(int x, int y) {
            int lo = x;
            int hi = x;
            Arrays.fill(frontier, 0, w, false);
            frontier[x] = true;
            int row = y;
            for (int steps = 0; steps < h + 2; steps++) {
                Arrays.fill(next, Math.max(0, lo - 1), Math.min(w, hi + 2), false);
                boolean any = false;
                int nlo = Integer.MAX_VALUE;
                int nhi = Integer.MIN_VALUE;
                int ny = row + 1;
                for (int fx = lo; fx <= hi; fx++) {
                    if (!frontier[fx]) {
                        continue;
                    }
                    if (standing(fx, row)) {
                        push(fx, row);
                        continue;
                    }
                    if (ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = fx + dx;
                        if (free(nx, ny) && (dx == 0 || free(nx, row))) {
                            next[nx] = true;
                            any = true;
                            nlo = Math.min(nlo, nx);
                            nhi = Math.max(nhi, nx);
                        }
                    }
                }
                if (!any) {
                    return;
                }
                boolean[] swap = frontier;
                frontier = next;
                next = swap;
                lo = nlo;
                hi = nhi;
                row = ny;
            }
        }
    }
}
