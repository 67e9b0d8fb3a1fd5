package dev.improv.level.sokoban;

import dev.improv.level.CheapestPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repairs what a small model gets wrong long after it has the local texture of Boxoban rooms right:
 * global facts that row-by-row decoding cannot see. Walled-off boxes and goals are joined to the
 * player's area by opening the fewest inner walls, and a box on a dead cell (from which no push
 * reaches a goal: a corner, a wall with no goal along it, both often decided by cells decoded
 * after the box) moves to the nearest live free floor cell. The room keeps its shape; the solver
 * still decides whether the result is a puzzle.
 */
final class RoomRepair {
    private static final int[] DR = {-1, 1, 0, 0};
    private static final int[] DC = {0, 0, -1, 1};

    private RoomRepair() {
    }

    /** The puzzle with passages opened (the same puzzle if everything was reachable); the outer wall stays. */
    static Puzzle join(Puzzle p) {
        int h = p.rows();
        int w = p.columns();
        char[][] cells = new char[h][];
        int player = -1;
        for (int r = 0; r < h; r++) {
            cells[r] = p.grid().row(r).toCharArray();
            for (int c = 0; c < w; c++) {
                if (Puzzle.isPlayer(cells[r][c])) {
                    player = r * w + c;
                }
            }
        }
        if (player < 0) {
            return p;
        }
        boolean changed = false;
        for (int round = 0; round < h * w; round++) {
            boolean[] reach = reach(cells, player);
            int target = -1;
            for (int i = 0; i < h * w && target < 0; i++) {
                char ch = cells[i / w][i % w];
                if (!reach[i] && (Puzzle.isBox(ch) || Puzzle.isGoal(ch))) {
                    target = i;
                }
            }
            if (target < 0) {
                break;
            }
            openPath(cells, reach, target);
            changed = true;
        }
        changed |= moveDeadBoxes(cells);
        if (!changed) {
            return p;
        }
        List<String> rows = new ArrayList<>();
        for (char[] row : cells) {
            rows.add(new String(row));
        }
        return Puzzle.of(rows);
    }

    private static boolean[] reach(char[][] cells, int from) {
        int h = cells.length;
        int w = cells[0].length;
        boolean[] seen = new boolean[h * w];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        seen[from] = true;
        q.add(from);
        while (!q.isEmpty()) {
            int i = q.poll();
            for (int d = 0; d < 4; d++) {
                int r = i / w + DR[d];
                int c = i % w + DC[d];
                if (r >= 0 && r < h && c >= 0 && c < w && cells[r][c] != Puzzle.WALL && !seen[r * w + c]) {
                    seen[r * w + c] = true;
                    q.add(r * w + c);
                }
            }
        }
        return seen;
    }

    /** Opens the fewest inner walls between the reached area and {@code target} (the outer wall stays). */
    private static void openPath(char[][] cells, boolean[] reach, int target) {
        int h = cells.length;
        int w = cells[0].length;
        int[] path = CheapestPath.find(h, w, reach, i -> i == target, i -> {
            int r = i / w;
            int c = i % w;
            if (r < 1 || r >= h - 1 || c < 1 || c >= w - 1) {
                return -1; // never through the outer wall
            }
            return cells[r][c] == Puzzle.WALL ? 1 : 0;
        });
        for (int i : path == null ? new int[0] : path) {
            if (cells[i / w][i % w] == Puzzle.WALL) {
                cells[i / w][i % w] = Puzzle.FLOOR;
            }
        }
    }

    /** Moves each box on a dead cell to the nearest live, free, non-goal floor cell; whether any moved. */
    private static boolean moveDeadBoxes(char[][] cells) {
        int h = cells.length;
        int w = cells[0].length;
        boolean[] live = live(cells);
        boolean moved = false;
        for (int i = 0; i < h * w; i++) {
            if (cells[i / w][i % w] != Puzzle.BOX || live[i]) {
                continue;
            }
            boolean[] seen = new boolean[h * w];
            ArrayDeque<Integer> q = new ArrayDeque<>();
            seen[i] = true;
            q.add(i);
            while (!q.isEmpty()) {
                int j = q.poll();
                if (live[j] && cells[j / w][j % w] == Puzzle.FLOOR) {
                    cells[j / w][j % w] = Puzzle.BOX;
                    cells[i / w][i % w] = Puzzle.FLOOR;
                    moved = true;
                    break;
                }
                for (int d = 0; d < 4; d++) {
                    int r = j / w + DR[d];
                    int c = j % w + DC[d];
                    if (r >= 0 && r < h && c >= 0 && c < w && cells[r][c] != Puzzle.WALL && !seen[r * w + c]) {
                        seen[r * w + c] = true;
                        q.add(r * w + c);
                    }
                }
            }
        }
        return moved;
    }

    /** Cells from which a box can be pushed to some goal, ignoring other boxes (reverse pulls from the goals). */
    private static boolean[] live(char[][] cells) {
        int h = cells.length;
        int w = cells[0].length;
        boolean[] live = new boolean[h * w];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        for (int i = 0; i < h * w; i++) {
            if (Puzzle.isGoal(cells[i / w][i % w])) {
                live[i] = true;
                q.add(i);
            }
        }
        while (!q.isEmpty()) {
            int i = q.poll();
            for (int d = 0; d < 4; d++) {
                int br = i / w + DR[d];
                int bc = i % w + DC[d];
                int pr = br + DR[d];
                int pc = bc + DC[d];
                if (pr < 0 || pr >= h || pc < 0 || pc >= w) {
                    continue;
                }
                if (cells[br][bc] != Puzzle.WALL && cells[pr][pc] != Puzzle.WALL && !live[br * w + bc]) {
                    live[br * w + bc] = true;
                    q.add(br * w + bc);
                }
            }
        }
        return live;
    }
}
