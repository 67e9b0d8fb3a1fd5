package dev.improv.level;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * The cheapest way across a grid when each step costs 0 or 1 (a 0-1 breadth-first search): what a
 * repair uses to open the fewest blocking tiles between where the player reaches and where it must
 * go (a Sokoban box walled off, a dungeon door behind blocks). Cells are {@code row * columns + column}.
 */
public final class CheapestPath {
    private CheapestPath() {
    }

    /**
     * The cells of a cheapest path from any cell marked in {@code from} to the nearest cell that
     * {@code goal} accepts, goal first and the starting cell left out; null when no goal can be reached.
     *
     * @param cost what entering a cell costs: 0, 1, or -1 for a cell that cannot be entered
     */
    public static int[] find(int rows, int columns, boolean[] from, IntPredicate goal, IntUnaryOperator cost) {
        int[] best = new int[rows * columns];
        int[] previous = new int[rows * columns];
        Arrays.fill(best, Integer.MAX_VALUE);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < from.length; i++) {
            if (from[i]) {
                best[i] = 0;
                previous[i] = -1;
                queue.add(i);
            }
        }
        boolean[] done = new boolean[rows * columns];
        while (!queue.isEmpty()) {
            int i = queue.pollFirst();
            if (done[i]) {
                continue; // queued again after a cheaper way here was found
            }
            done[i] = true;
            if (!from[i] && goal.test(i)) {
                int length = 0;
                for (int k = i; previous[k] >= 0; k = previous[k]) {
                    length++;
                }
                int[] path = new int[length];
                int n = 0;
                for (int k = i; previous[k] >= 0; k = previous[k]) {
                    path[n++] = k;
                }
                return path;
            }
            int r = i / columns;
            int c = i % columns;
            int[][] next = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
            for (int[] n : next) {
                if (n[0] < 0 || n[1] < 0 || n[0] >= rows || n[1] >= columns) {
                    continue;
                }
                int j = n[0] * columns + n[1];
                int step = cost.applyAsInt(j);
                if (step < 0 || best[i] + step >= best[j]) {
                    continue;
                }
                best[j] = best[i] + step;
                previous[j] = i;
                if (step == 0) {
                    queue.addFirst(j);
                } else {
                    queue.addLast(j);
                }
            }
        }
        return null;
    }
}
