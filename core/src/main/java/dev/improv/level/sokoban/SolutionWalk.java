package dev.improv.level.sokoban;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A push solution as the player plays it, step by step: before each push the shortest walk (around
 * walls and boxes) to the cell behind the box, then the push itself, which moves the player into the
 * box's cell. For drawing a puzzle's solution (the studio's path overlay) or replaying it in a game.
 */
public final class SolutionWalk {
    /**
     * One step of the player.
     *
     * @param row    where the player stands after the step
     * @param column where the player stands after the step
     * @param push   whether the step pushed a box (else it walked; the first step is the start)
     */
    public record PlayerMove(int row, int column, boolean push) {
    }

    private SolutionWalk() {
    }

    /**
     * The player's steps through {@code pushes} (as {@link PuzzleResult#solution()}), its start first.
     *
     * @throws IllegalArgumentException if a push cannot be played: no box there, the cell ahead is not
     *                                  free, or the player cannot walk to the cell behind the box
     */
    public static List<PlayerMove> of(Puzzle puzzle, List<int[]> pushes) {
        int h = puzzle.rows();
        int w = puzzle.columns();
        char[][] cells = new char[h][];
        int player = -1;
        for (int r = 0; r < h; r++) {
            cells[r] = puzzle.grid().row(r).toCharArray();
            for (int c = 0; c < w; c++) {
                if (Puzzle.isPlayer(cells[r][c])) {
                    player = r * w + c;
                }
            }
        }
        if (player < 0) {
            throw new IllegalArgumentException("the puzzle has no player");
        }
        List<PlayerMove> out = new ArrayList<>();
        out.add(new PlayerMove(player / w, player % w, false));
        for (int k = 0; k < pushes.size(); k++) {
            int[] push = pushes.get(k);
            int r = push[0];
            int c = push[1];
            int d = push[2];
            int fr = r + PuzzleBoard.DR[d];
            int fc = c + PuzzleBoard.DC[d];
            int behind = (r - PuzzleBoard.DR[d]) * w + (c - PuzzleBoard.DC[d]);
            if (!inside(h, w, r, c) || !Puzzle.isBox(cells[r][c]) || !inside(h, w, fr, fc) || !free(cells[fr][fc])) {
                throw new IllegalArgumentException("push " + (k + 1) + " of the box at row " + (r + 1) + ", column " + (c + 1)
                        + " cannot be made");
            }
            List<Integer> walk = walk(cells, player, behind);
            if (walk == null) {
                throw new IllegalArgumentException("push " + (k + 1) + ": the player cannot get behind the box at row "
                        + (r + 1) + ", column " + (c + 1));
            }
            for (int cell : walk) {
                out.add(new PlayerMove(cell / w, cell % w, false));
            }
            cells[fr][fc] = Puzzle.isGoal(cells[fr][fc]) ? Puzzle.BOX_ON_GOAL : Puzzle.BOX;
            cells[r][c] = Puzzle.isGoal(cells[r][c]) ? Puzzle.GOAL : Puzzle.FLOOR;
            player = r * w + c;
            out.add(new PlayerMove(r, c, true));
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean inside(int h, int w, int r, int c) {
        return r >= 0 && r < h && c >= 0 && c < w;
    }

    /** Floor or goal with no box (the player's own cell counts as free). */
    private static boolean free(char ch) {
        return ch != Puzzle.WALL && !Puzzle.isBox(ch);
    }

    /** The cells of a shortest walk from {@code from} to {@code to} (from left out), or null if there is none. */
    private static List<Integer> walk(char[][] cells, int from, int to) {
        int w = cells[0].length;
        if (!free(cells[to / w][to % w])) {
            return null;
        }
        int[] parent = new int[cells.length * w];
        Arrays.fill(parent, -1);
        parent[from] = from;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty() && parent[to] == -1) {
            int i = queue.poll();
            for (int d = 0; d < 4; d++) {
                int r = i / w + PuzzleBoard.DR[d];
                int c = i % w + PuzzleBoard.DC[d];
                if (inside(cells.length, w, r, c) && free(cells[r][c]) && parent[r * w + c] == -1) {
                    parent[r * w + c] = i;
                    queue.add(r * w + c);
                }
            }
        }
        if (parent[to] == -1) {
            return null;
        }
        List<Integer> path = new ArrayList<>();
        for (int i = to; i != from; i = parent[i]) {
            path.add(i);
        }
        Collections.reverse(path);
        return path;
    }
}
