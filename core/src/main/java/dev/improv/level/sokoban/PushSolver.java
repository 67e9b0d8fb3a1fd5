package dev.improv.level.sokoban;

import java.util.Arrays;

/**
 * Finds the fewest pushes that solve a Sokoban puzzle: A* over box positions (the player's position
 * reduced to the area it can walk to), with the sum of each box's push distance to its nearest goal
 * as the heuristic. That heuristic never overestimates and changes by at most one per push, so the
 * first solved state taken from the queue has the fewest pushes. Boxes are never pushed onto dead
 * cells (from which no goal can be reached by pushing) nor into a 2 x 2 block of walls and boxes
 * with a box off its goal (it can never move again).
 *
 * <p>The same rules as the independent checker {@code sokoban_solvable.py}, so its figures and ours
 * agree. Not thread-safe: one solver per thread (it reuses its work arrays).
 */
public final class PushSolver {
    /** Default budget of expanded states: enough for every Boxoban puzzle we have tried. */
    public static final int DEFAULT_BUDGET = 200_000;

    /** What the solver found. */
    public enum Status { SOLVED, UNSOLVABLE, UNKNOWN, INVALID }

    /**
     * @param status  solved, proven unsolvable, budget exhausted (unknown) or not a valid puzzle
     * @param pushes  fewest pushes when solved, else -1
     * @param states  states expanded
     * @param why     for an invalid puzzle, what is wrong; else empty
     */
    public record Verdict(Status status, int pushes, int states, String why) {
        public boolean solved() {
            return status == Status.SOLVED;
        }
    }

    private final int budget;

    public PushSolver() {
        this(DEFAULT_BUDGET);
    }

    /** A solver that gives up ({@link Status#UNKNOWN}) after expanding {@code budget} states. */
    public PushSolver(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("solver budget must be positive, got " + budget);
        }
        this.budget = budget;
    }

    /** Whether the puzzle is valid, solvable, and in how few pushes. */
    public Verdict solve(Puzzle puzzle) {
        PuzzleBoard b = PuzzleBoard.of(puzzle);
        if (b.why != null) {
            return new Verdict(Status.INVALID, -1, 0, b.why);
        }
        return new Search(b, budget).run();
    }

    /** One A* run with its own state store. */
    private static final class Search {
        private final PuzzleBoard b;
        private final int budget;
        private final int boxCount;
        private long[] keys = new long[1024];
        private int[] gs = new int[1024];
        private int count;
        private final StateIndex index = new StateIndex();
        private long[] heap = new long[1024];
        private int heapSize;
        private final int[] boxes;
        private final int[] child;
        private final boolean[] boxAt;
        private final int[] reachStamp;
        private final int[] childStamp;
        private int stamp;
        private int childMark;
        private final int[] queue;

        Search(PuzzleBoard b, int budget) {
            this.b = b;
            this.budget = budget;
            this.boxCount = b.boxes.length;
            boxes = new int[boxCount];
            child = new int[boxCount];
            boxAt = new boolean[b.floors];
            reachStamp = new int[b.floors];
            childStamp = new int[b.floors];
            queue = new int[b.floors];
        }

        Verdict run() {
            for (int box : b.boxes) {
                if (!b.live[box]) {
                    return new Verdict(Status.UNSOLVABLE, -1, 0, "");
                }
            }
            System.arraycopy(b.boxes, 0, boxes, 0, boxCount);
            markBoxes(boxes, true);
            int player = reach(b.player);
            markBoxes(boxes, false);
            add(b.encode(boxes, player), 0, heuristic(boxes));
            int expanded = 0;
            while (heapSize > 0) {
                long entry = pop();
                int id = (int) (entry & 0xFFFFFF);
                int g = 1023 - (int) ((entry >>> 24) & 0x3FF);
                if (gs[id] != g) {
                    continue; // a better way here was found after this entry was queued
                }
                b.decode(keys[id], boxes);
                if (solved(boxes)) {
                    return new Verdict(Status.SOLVED, g, expanded, "");
                }
                if (++expanded > budget) {
                    return new Verdict(Status.UNKNOWN, -1, expanded, "");
                }
                int standFrom = b.playerOf(keys[id]);
                markBoxes(boxes, true);
                stamp++;
                b.fill(standFrom, boxAt, reachStamp, stamp, queue);
                for (int i = 0; i < boxCount; i++) {
                    int box = boxes[i];
                    for (int d = 0; d < 4; d++) {
                        int to = b.next[box][d];
                        int stand = b.next[box][d ^ 1]; // directions come in opposite pairs: 0/1, 2/3
                        if (to < 0 || stand < 0 || reachStamp[stand] != stamp || !b.live[to] || boxAt[to]) {
                            continue;
                        }
                        boxAt[box] = false;
                        boxAt[to] = true;
                        if (!frozen(to)) {
                            System.arraycopy(boxes, 0, child, 0, boxCount);
                            child[i] = to;
                            Arrays.sort(child);
                            int norm = b.fill(box, boxAt, childStamp, ++childMark, queue); // the child's marks, so the parent's stay valid
                            add(b.encode(child, norm), g + 1, g + 1 + heuristic(child));
                        }
                        boxAt[to] = false;
                        boxAt[box] = true;
                    }
                }
                markBoxes(boxes, false);
                if (count >= 0xFFFFFF) {
                    return new Verdict(Status.UNKNOWN, -1, expanded, "");
                }
            }
            return new Verdict(Status.UNSOLVABLE, -1, expanded, "");
        }

        private boolean solved(int[] bx) {
            for (int x : bx) {
                if (!b.goal[x]) {
                    return false;
                }
            }
            return true;
        }

        private int heuristic(int[] bx) {
            int h = 0;
            for (int x : bx) {
                h += b.nearest[x];
            }
            return h;
        }

        /** A box at {@code at} in a 2 x 2 block of walls and boxes, one of them off its goal, is stuck. */
        private boolean frozen(int at) {
            int r = b.row[at];
            int c = b.col[at];
            for (int dr = -1; dr <= 0; dr++) {
                for (int dc = -1; dc <= 0; dc++) {
                    boolean blocked = true;
                    boolean offGoal = false;
                    for (int k = 0; k < 4 && blocked; k++) {
                        int f = floorAt(r + dr + (k >> 1), c + dc + (k & 1));
                        if (f >= 0 && !boxAt[f]) {
                            blocked = false;
                        } else if (f >= 0 && !b.goal[f]) {
                            offGoal = true;
                        }
                    }
                    if (blocked && offGoal) {
                        return true;
                    }
                }
            }
            return false;
        }

        private int floorAt(int r, int c) {
            return r < 0 || r >= b.floorAt.length || c < 0 || c >= b.floorAt[0].length ? -1 : b.floorAt[r][c];
        }

        private void markBoxes(int[] bx, boolean on) {
            for (int x : bx) {
                boxAt[x] = on;
            }
        }

        private int reach(int from) {
            stamp++;
            return b.fill(from, boxAt, reachStamp, stamp, queue);
        }

        private void add(long key, int g, int f) {
            if (g > 1023) {
                return; // beyond any puzzle we can grade
            }
            int id = index.get(key);
            if (id >= 0) {
                if (gs[id] <= g) {
                    return;
                }
                gs[id] = g;
            } else {
                if (count == keys.length) {
                    keys = Arrays.copyOf(keys, count * 2);
                    gs = Arrays.copyOf(gs, count * 2);
                }
                id = count++;
                keys[id] = key;
                gs[id] = g;
                index.put(key, id);
            }
            push(((long) f << 34) | ((long) (1023 - g) << 24) | id);
        }

        private void push(long e) {
            if (heapSize == heap.length) {
                heap = Arrays.copyOf(heap, heapSize * 2);
            }
            int i = heapSize++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= e) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = e;
        }

        private long pop() {
            long top = heap[0];
            long last = heap[--heapSize];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= heapSize) {
                    break;
                }
                int m = l + 1 < heapSize && heap[l + 1] < heap[l] ? l + 1 : l;
                if (heap[m] >= last) {
                    break;
                }
                heap[i] = heap[m];
                i = m;
            }
            if (heapSize > 0) {
                heap[i] = last;
            }
            return top;
        }
    }
}
