package dev.improv.level.sokoban;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Plays a solution on a puzzle by Sokoban's rules, as a check that shares nothing with the searches:
 * before each push the player must be able to walk (around walls and boxes) to the cell behind the
 * box, and the cell in front of it must be free floor; after the last push every box must be on a goal.
 */
final class PushReplay {
    private PushReplay() {
    }

    /**
     * Whether the pushes, in order, solve the puzzle.
     *
     * @param pushes each {row, column, direction} of the box pushed; directions as {@link PuzzleBoard#DR}/{@link PuzzleBoard#DC}
     */
    static boolean solves(Puzzle puzzle, List<int[]> pushes) {
        int h = puzzle.rows();
        int w = puzzle.columns();
        char[][] cells = new char[h][];
        int pr = -1;
        int pc = -1;
        for (int r = 0; r < h; r++) {
            cells[r] = puzzle.grid().row(r).toCharArray();
            for (int c = 0; c < w; c++) {
                if (Puzzle.isPlayer(cells[r][c])) {
                    pr = r;
                    pc = c;
                }
            }
        }
        if (pr < 0) {
            return false;
        }
        for (int[] push : pushes) {
            int r = push[0];
            int c = push[1];
            int d = push[2];
            int behindR = r - PuzzleBoard.DR[d];
            int behindC = c - PuzzleBoard.DC[d];
            int frontR = r + PuzzleBoard.DR[d];
            int frontC = c + PuzzleBoard.DC[d];
            if (!inside(cells, r, c) || !Puzzle.isBox(cells[r][c]) || !inside(cells, frontR, frontC)
                    || !free(cells[frontR][frontC]) || !inside(cells, behindR, behindC)
                    || !walks(cells, pr, pc, behindR, behindC)) {
                return false;
            }
            cells[frontR][frontC] = Puzzle.isGoal(cells[frontR][frontC]) ? Puzzle.BOX_ON_GOAL : Puzzle.BOX;
            cells[r][c] = Puzzle.isGoal(cells[r][c]) ? Puzzle.GOAL : Puzzle.FLOOR;
            pr = r;
            pc = c;
        }
        for (char[] row : cells) {
            for (char ch : row) {
                if (ch == Puzzle.BOX) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inside(char[][] cells, int r, int c) {
        return r >= 0 && r < cells.length && c >= 0 && c < cells[r].length;
    }

    /** Floor or goal with no box on it (the player's own cell counts as free: it moves away). */
    private static boolean free(char ch) {
        return ch != Puzzle.WALL && !Puzzle.isBox(ch);
    }

    /** Whether the player at (r0, c0) can walk to (r1, c1) without crossing walls or boxes. */
    private static boolean walks(char[][] cells, int r0, int c0, int r1, int c1) {
        if (!free(cells[r1][c1])) {
            return false;
        }
        int w = cells[0].length;
        boolean[] seen = new boolean[cells.length * w];
        ArrayDeque<Integer> q = new ArrayDeque<>();
        seen[r0 * w + c0] = true;
        q.add(r0 * w + c0);
        while (!q.isEmpty()) {
            int i = q.poll();
            if (i == r1 * w + c1) {
                return true;
            }
            for (int d = 0; d < 4; d++) {
                int r = i / w + PuzzleBoard.DR[d];
                int c = i % w + PuzzleBoard.DC[d];
                if (inside(cells, r, c) && free(cells[r][c]) && !seen[r * w + c]) {
                    seen[r * w + c] = true;
                    q.add(r * w + c);
                }
            }
        }
        return false;
    }
}
