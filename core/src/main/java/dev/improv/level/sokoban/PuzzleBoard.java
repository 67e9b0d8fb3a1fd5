package dev.improv.level.sokoban;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The static part of a Sokoban puzzle as the solvers see it: floor cells (what the player can walk to,
 * ignoring boxes) numbered in reading order, their neighbours, goals, live cells and push distances,
 * and the start. Also the state operations both searches share: the player's reach among boxes and
 * the key of a state. Built once per puzzle; read-only after.
 */
final class PuzzleBoard {
    /** Row and column steps of the four directions, in opposite pairs (0/1, 2/3). */
    static final int[] DR = {-1, 1, 0, 0};
    static final int[] DC = {0, 0, -1, 1};

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
    /** Bits of a floor index in a state key. */
    int bits;
    /**
     * Whether the floor fits a 64-cell rectangle (every Boxoban puzzle: 8 x 8 inside its wall), so the
     * player's reach is a bit-parallel flood fill over one long ({@link #fillBits}): a third of a
     * puzzle's CPU went to the cell-by-cell fill.
     */
    boolean bitboard;
    long[] bitOf;          // [floor] -> its bit, when bitboard
    int[] floorOfBit;      // [bit] -> floor or -1
    long floorBits;
    private int stride;    // bits from a cell to the one below it
    private long leftEdge;
    private long rightEdge;

    /** The board of a puzzle; {@code why} says what is wrong when it is not a valid puzzle. */
    static PuzzleBoard of(Puzzle p) {
        PuzzleBoard b = new PuzzleBoard();
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
        b.bitboards();
        b.bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        if ((long) b.bits * (boxCount + 1) > 62) {
            throw new IllegalArgumentException("puzzle too large for the solver: " + boxCount + " boxes on " + n
                    + " floor cells");
        }
        return b;
    }

    /** Lays the floor out on the bits of a long when its bounding rectangle has at most 64 cells. */
    private void bitboards() {
        int r0 = Integer.MAX_VALUE;
        int c0 = Integer.MAX_VALUE;
        int r1 = -1;
        int c1 = -1;
        for (int i = 0; i < floors; i++) {
            r0 = Math.min(r0, row[i]);
            r1 = Math.max(r1, row[i]);
            c0 = Math.min(c0, col[i]);
            c1 = Math.max(c1, col[i]);
        }
        stride = c1 - c0 + 1;
        if (stride * (r1 - r0 + 1) > 64) {
            return;
        }
        bitboard = true;
        bitOf = new long[floors];
        floorOfBit = new int[64];
        Arrays.fill(floorOfBit, -1);
        for (int i = 0; i < floors; i++) {
            int bit = (row[i] - r0) * stride + col[i] - c0;
            bitOf[i] = 1L << bit;
            floorOfBit[bit] = i;
            floorBits |= bitOf[i];
            leftEdge |= col[i] == c0 ? bitOf[i] : 0;
            rightEdge |= col[i] == c1 ? bitOf[i] : 0;
        }
    }

    /**
     * The floor cells (as bits) the player reaches from {@code from} without entering a cell of
     * {@code boxes} (bits); only when {@link #bitboard}. Bit order is reading order, as floor indices
     * are, so the lowest bit is the area's normal form ({@link #lowestFloor}).
     */
    long fillBits(int from, long boxes) {
        long free = floorBits & ~boxes;
        long reach = bitOf[from];
        while (true) {
            long grown = (reach | reach << stride | reach >>> stride | (reach & ~rightEdge) << 1 | (reach & ~leftEdge) >>> 1) & free;
            if (grown == reach) {
                return reach;
            }
            reach = grown;
        }
    }

    /** The smallest floor index among the set bits. */
    int lowestFloor(long cells) {
        return floorOfBit[Long.numberOfTrailingZeros(cells)];
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

    /**
     * Marks in {@code marks} the floor cells the player reaches from {@code from} without entering a
     * cell with {@code boxAt} set, using {@code queue} as work space; returns the smallest cell reached
     * (the normal form of the player's position).
     */
    int fill(int from, boolean[] boxAt, int[] marks, int mark, int[] queue) {
        int head = 0;
        int tail = 0;
        queue[tail++] = from;
        marks[from] = mark;
        int min = from;
        while (head < tail) {
            int c = queue[head++];
            for (int d = 0; d < 4; d++) {
                int n = next[c][d];
                if (n >= 0 && !boxAt[n] && marks[n] != mark) {
                    marks[n] = mark;
                    queue[tail++] = n;
                    min = Math.min(min, n);
                }
            }
        }
        return min;
    }

    /** The key of a state: the sorted boxes, then the player's normal position. */
    long encode(int[] sortedBoxes, int player) {
        long key = 0;
        for (int x : sortedBoxes) {
            key = (key << bits) | x;
        }
        return (key << bits) | player;
    }

    /** The boxes of a state key, sorted, into {@code out}. */
    void decode(long key, int[] out) {
        long mask = (1L << bits) - 1;
        key >>>= bits;
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) (key & mask);
            key >>>= bits;
        }
    }

    /** The player's normal position in a state key. */
    int playerOf(long key) {
        return (int) (key & ((1L << bits) - 1));
    }
}
