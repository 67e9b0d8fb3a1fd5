package dev.improv.level.sokoban;

import java.util.ArrayDeque;
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
    private static final int[] DR = {-1, 1, 0, 0};
    private static final int[] DC = {0, 0, -1, 1};

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
        Board b = Board.of(puzzle);
        if (b.why != null) {
            return new Verdict(Status.INVALID, -1, 0, b.why);
        }
        return new Search(b, budget).run();
    }

    /** The static part of a puzzle: floor cells, their neighbours, dead cells and push distances. */
    private static final class Board {
        String why;
        int floors;
        int[][] next;          // [floor][dir] -> floor or -1
        int[] row;
        int[] col;
        int[][] floorAt;       // [row][col] -> floor or -1
        boolean[] goal;
        boolean[] live;
        int[] nearest;         // pushes from a floor cell to its nearest goal, ignoring other boxes
        int[] boxes;
        int player;

        static Board of(Puzzle p) {
            Board b = new Board();
            int h = p.rows();
            int w = p.columns();
            int players = 0;
            int pr = -1;
            int pc = -1;
            int boxCount = 0;
            int goalCount = 0;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    char ch = p.at(r, c);
                    if (Puzzle.isPlayer(ch)) {
                        players++;
                        pr = r;
                        pc = c;
                    }
                    boxCount += Puzzle.isBox(ch) ? 1 : 0;
                    goalCount += Puzzle.isGoal(ch) ? 1 : 0;
                }
            }
            if (players != 1) {
                b.why = players + " players (a puzzle needs exactly one)";
                return b;
            }
            if (boxCount == 0 || boxCount != goalCount) {
                b.why = boxCount + " boxes and " + goalCount + " goals (a puzzle needs as many goals as boxes, at least one)";
                return b;
            }
            // Floor: what the player can walk to, ignoring boxes. It must not reach the edge.
            b.floorAt = new int[h][w];
            for (int[] a : b.floorAt) {
                Arrays.fill(a, -1);
            }
            int[] order = new int[h * w];
            int n = 0;
            boolean[] seen = new boolean[h * w];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(pr * w + pc);
            seen[pr * w + pc] = true;
            while (!queue.isEmpty()) {
                int cell = queue.poll();
                order[n++] = cell;
                int r = cell / w;
                int c = cell % w;
                for (int d = 0; d < 4; d++) {
                    int nr = r + DR[d];
                    int nc = c + DC[d];
                    if (nr < 0 || nr >= h || nc < 0 || nc >= w) {
                        b.why = "the player can walk off the map (the walls do not enclose it)";
                        return b;
                    }
                    if (p.at(nr, nc) != Puzzle.WALL && !seen[nr * w + nc]) {
                        seen[nr * w + nc] = true;
                        queue.add(nr * w + nc);
                    }
                }
            }
            Arrays.sort(order, 0, n); // floor indices in reading order, so the key of a state is stable
            b.floors = n;
            b.row = new int[n];
            b.col = new int[n];
            b.goal = new boolean[n];
            for (int i = 0; i < n; i++) {
                b.row[i] = order[i] / w;
                b.col[i] = order[i] % w;
                b.floorAt[b.row[i]][b.col[i]] = i;
            }
            b.boxes = new int[boxCount];
            int k = 0;
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    char ch = p.at(r, c);
                    if ((Puzzle.isBox(ch) || Puzzle.isGoal(ch)) && b.floorAt[r][c] < 0) {
                        b.why = "the " + (Puzzle.isBox(ch) ? "box" : "goal") + " at row " + (r + 1) + ", column " + (c + 1)
                                + " is out of the player's reach";
                        return b;
                    }
                    if (Puzzle.isBox(ch)) {
                        b.boxes[k++] = b.floorAt[r][c];
                    }
                    if (Puzzle.isGoal(ch)) {
                        b.goal[b.floorAt[r][c]] = true;
                    }
                }
            }
            Arrays.sort(b.boxes);
            b.player = b.floorAt[pr][pc];
            b.next = new int[n][4];
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < 4; d++) {
                    int nr = b.row[i] + DR[d];
                    int nc = b.col[i] + DC[d];
                    b.next[i][d] = nr < 0 || nr >= h || nc < 0 || nc >= w ? -1 : b.floorAt[nr][nc];
                }
            }
            b.distances();
            return b;
        }

        /** Push distances to the nearest goal by reverse pulls from all goals at once; live = reachable. */
        private void distances() {
            nearest = new int[floors];
            Arrays.fill(nearest, Integer.MAX_VALUE);
            live = new boolean[floors];
            int[] queue = new int[floors];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < floors; i++) {
                if (goal[i]) {
                    nearest[i] = 0;
                    live[i] = true;
                    queue[tail++] = i;
                }
            }
            while (head < tail) {
                int c = queue[head++];
                for (int d = 0; d < 4; d++) {
                    int box = next[c][d];            // a box here is pushed towards c...
                    int stand = box < 0 ? -1 : next[box][d]; // ...by a player standing beyond it
                    if (box >= 0 && stand >= 0 && !live[box]) {
                        live[box] = true;
                        nearest[box] = nearest[c] + 1;
                        queue[tail++] = box;
                    }
                }
            }
        }
    }

    /** One A* run with its own state store. */
    private static final class Search {
        private final Board b;
        private final int budget;
        private final int bits;
        private final int boxCount;
        private long[] keys = new long[1024];
        private int[] gs = new int[1024];
        private int count;
        private final LongIntMap index = new LongIntMap();
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

        Search(Board b, int budget) {
            this.b = b;
            this.budget = budget;
            this.boxCount = b.boxes.length;
            this.bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(b.floors - 1));
            if ((long) bits * (boxCount + 1) > 62) {
                throw new IllegalArgumentException("puzzle too large for the solver: " + boxCount + " boxes on "
                        + b.floors + " floor cells");
            }
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
            add(encode(boxes, player), 0, heuristic(boxes));
            int expanded = 0;
            while (heapSize > 0) {
                long entry = pop();
                int id = (int) (entry & 0xFFFFFF);
                int g = 1023 - (int) ((entry >>> 24) & 0x3FF);
                if (gs[id] != g) {
                    continue; // a better way here was found after this entry was queued
                }
                decode(keys[id], boxes);
                if (solved(boxes)) {
                    return new Verdict(Status.SOLVED, g, expanded, "");
                }
                if (++expanded > budget) {
                    return new Verdict(Status.UNKNOWN, -1, expanded, "");
                }
                int standFrom = (int) (keys[id] & ((1L << bits) - 1));
                markBoxes(boxes, true);
                stamp++;
                fill(standFrom, reachStamp, stamp);
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
                            int norm = fill(box, childStamp, ++childMark); // the child's marks, so the parent's stay valid
                            add(encode(child, norm), g + 1, g + 1 + heuristic(child));
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

        /** Marks in {@code marks} the cells the player reaches from {@code from} with {@code mark}; returns the smallest. */
        private int fill(int from, int[] marks, int mark) {
            int head = 0;
            int tail = 0;
            queue[tail++] = from;
            marks[from] = mark;
            int min = from;
            while (head < tail) {
                int c = queue[head++];
                for (int d = 0; d < 4; d++) {
                    int n = b.next[c][d];
                    if (n >= 0 && !boxAt[n] && marks[n] != mark) {
                        marks[n] = mark;
                        queue[tail++] = n;
                        min = Math.min(min, n);
                    }
                }
            }
            return min;
        }

        private int reach(int from) {
            stamp++;
            return fill(from, reachStamp, stamp);
        }

        private long encode(int[] bx, int player) {
            long key = 0;
            for (int x : bx) {
                key = (key << bits) | x;
            }
            return (key << bits) | player;
        }

        private void decode(long key, int[] out) {
            long mask = (1L << bits) - 1;
            key >>>= bits;
            for (int i = boxCount - 1; i >= 0; i--) {
                out[i] = (int) (key & mask);
                key >>>= bits;
            }
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

    /** Open-addressing map from non-negative long keys to int ids; -1 when absent. */
    private static final class LongIntMap {
        private long[] keys = new long[2048];
        private int[] values = new int[2048];
        private int size;

        LongIntMap() {
            Arrays.fill(keys, -1);
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] == -1) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] != -1 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == -1) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }
    }
}
