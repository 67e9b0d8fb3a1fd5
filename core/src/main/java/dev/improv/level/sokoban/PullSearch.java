package dev.improv.level.sokoban;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places a room's boxes for a wanted number of pushes by playing backwards: a breadth-first search
 * from the solved states (every box on a goal, the player in any area the boxes leave) in which a
 * move pulls a box one cell after the player. Pulls undo pushes one for one, so the depth at which a
 * state is first met is exactly the fewest pushes that solve it, and the pulls that led there,
 * reversed, are a solution ({@link PushReplay} checks it). Boxoban's own puzzles were made by such
 * reverse play in a generated room; here the room, its goals and the player's side come from the
 * model. Not thread-safe.
 *
 * <p>Entries are stored with the player's actual cell and normalised (to the smallest cell of the
 * player's area) only when expanded: one flood fill per entry instead of one per pull.
 */
final class PullSearch {
    private final int budget;

    /** A search that expands at most {@code budget} states a call, then settles for the deepest complete level. */
    PullSearch(int budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("pull search budget must be positive, got " + budget);
        }
        this.budget = budget;
    }

    /**
     * A puzzle in the room whose fewest pushes are known exactly, with a solution: the room itself when
     * its own boxes and player form a state of {@code lowest} to {@code highest} pushes met on the way
     * to depth {@code target}; else the room with its boxes moved to a state of the deepest level
     * reached ({@code target}, or less when the room has no state that deep or the budget ran out
     * first), which may be below {@code lowest}. The walls and goals stay; the player stays where it
     * was when that cell is in the state's area, else moves to the nearest cell of it. Which state of
     * the level is taken depends on {@code seed}. Null when the room is not a valid puzzle or has no
     * state that takes a push.
     */
    Placement place(Puzzle room, int lowest, int highest, int target, long seed) {
        if (lowest < 1 || target < lowest || highest < target) {
            throw new IllegalArgumentException("pull search: need 1 <= lowest <= target <= highest, got " + lowest + ", "
                    + target + ", " + highest);
        }
        PuzzleBoard b = PuzzleBoard.of(room);
        if (b.why != null) {
            return null;
        }
        return new Levels(b, budget).run(room, lowest, highest, target, seed);
    }

    /**
     * A puzzle with its fewest pushes and a solution of that many pushes.
     *
     * @param solution the pushes in order, each {row, column, direction} of the box pushed (directions
     *                 as {@link PuzzleBoard#DR}/{@link PuzzleBoard#DC})
     * @param moved    whether the boxes (and maybe the player) were moved from where the room had them
     */
    record Placement(Puzzle puzzle, List<int[]> solution, boolean moved) {
        int pushes() {
            return solution.size();
        }
    }

    /** One search: entries in level order, each a state with the player's actual cell and its parent. */
    private static final class Levels {
        private final PuzzleBoard b;
        private final int budget;
        private final int boxCount;
        /** Raw keys (boxes and the player's actual cell) already entered. */
        private final StateIndex entered = new StateIndex();
        /** Normalised keys of expanded states, with their depth. */
        private final StateIndex expanded = new StateIndex();
        private final boolean[] boxAt;
        private final int[] reach;
        private final int[] queue;
        private final int[] boxes;
        private final int[] child;
        private int stamp;
        /** Bitboard boards: the boxes marked by {@link #markBoxes} and the area of the last {@link #fillArea}. */
        private long boxMask;
        private long area;
        private long[] keys = new long[1024];
        private int[] parents = new int[1024];
        /** Pull that made each entry from its parent: box cell before it * 4 + direction of the pull. */
        private int[] pulls = new int[1024];
        private int count;
        /** First entry of each level; level d is [levelStart[d], levelStart[d + 1]). */
        private final List<Integer> levelStart = new ArrayList<>();
        private long own;

        Levels(PuzzleBoard b, int budget) {
            this.b = b;
            this.budget = budget;
            this.boxCount = b.boxes.length;
            boxAt = new boolean[b.floors];
            reach = new int[b.floors];
            queue = new int[b.floors];
            boxes = new int[boxCount];
            child = new int[boxCount];
        }

        Placement run(Puzzle room, int lowest, int highest, int target, long seed) {
            own = normalise(b.encode(b.boxes, b.player));
            int k = 0;
            for (int f = 0; f < b.floors; f++) {
                if (b.goal[f]) {
                    boxes[k++] = f; // floor indices ascend, so these are sorted
                }
            }
            markBoxes(boxes, true);
            levelStart.add(0);
            // every area the boxes leave is a solved state
            if (b.bitboard) {
                for (long left = b.floorBits & ~boxMask; left != 0; left &= ~area) {
                    enter(b.encode(boxes, fillArea(b.lowestFloor(left))), -1, 0);
                }
            } else {
                int solved = ++stamp;
                for (int f = 0; f < b.floors; f++) {
                    if (!boxAt[f] && reach[f] != solved) {
                        enter(b.encode(boxes, b.fill(f, boxAt, reach, solved, queue)), -1, 0);
                    }
                }
            }
            markBoxes(boxes, false);
            int depth = 0;
            int work = 0;
            while (depth < target) {
                int from = levelStart.get(depth);
                int to = count;
                levelStart.add(to);
                boolean complete = true;
                for (int e = from; e < to; e++) {
                    if (work >= budget) {
                        complete = false;
                        break;
                    }
                    long key = normalise(keys[e]); // leaves the player's area marked for expand
                    if (expanded.get(key) >= 0) {
                        continue; // a state met before, by another cell of the player's area
                    }
                    expanded.put(key, depth);
                    if (key == own && depth >= lowest && depth <= highest) {
                        return placement(room, e, false); // the model's own puzzle is in the band: nothing to move
                    }
                    work++;
                    expand(e);
                }
                if (!complete || count == to) {
                    break; // out of budget, or every state of the room is nearer than the target
                }
                depth++;
            }
            // An entry of the deepest level reached that is a new state there (shallower levels if none):
            // the model's own state if it is there, else one tried at random. Entries are checked only as
            // they are tried, since most of a level's are new and normalising each costs a flood fill.
            SplittableRandom random = new SplittableRandom(seed);
            long ownBoxes = own >>> b.bits;
            for (int d = Math.min(depth, levelStart.size() - 1); d >= 1; d--) {
                int from = levelStart.get(d);
                int to = d + 1 < levelStart.size() ? levelStart.get(d + 1) : count;
                for (int e = from; e < to && d >= lowest; e++) {
                    if (keys[e] >>> b.bits == ownBoxes && normalise(keys[e]) == own && isNew(own, d)) {
                        return placement(room, e, false);
                    }
                }
                int n = to - from;
                int start = n == 0 ? 0 : random.nextInt(n);
                for (int i = 0; i < n; i++) {
                    int e = from + (start + i) % n;
                    if (isNew(normalise(keys[e]), d)) {
                        return placement(room, e, true);
                    }
                }
            }
            return null;
        }

        /** Whether a state met at depth {@code d} was not expanded at a shallower one. */
        private boolean isNew(long key, int d) {
            int seen = expanded.get(key);
            return seen < 0 || seen >= d;
        }

        /**
         * Pulls every box the player can get behind, one cell each, into new entries of the next level.
         * Runs right after {@link #normalise} of the same entry, whose marks say where the player reaches.
         */
        private void expand(int e) {
            b.decode(keys[e], boxes);
            markBoxes(boxes, true);
            for (int i = 0; i < boxCount; i++) {
                int box = boxes[i];
                for (int d = 0; d < 4; d++) {
                    int stand = b.next[box][d];                  // the player next to the box...
                    int back = stand < 0 ? -1 : b.next[stand][d]; // ...steps back, pulling it onto stand
                    if (back < 0 || !inArea(stand) || boxAt[back]) {
                        continue;
                    }
                    System.arraycopy(boxes, 0, child, 0, boxCount);
                    child[i] = stand;
                    Arrays.sort(child);
                    enter(b.encode(child, back), e, box * 4 + d);
                }
            }
            markBoxes(boxes, false);
        }

        private void enter(long rawKey, int parent, int pull) {
            if (entered.get(rawKey) >= 0) {
                return;
            }
            entered.put(rawKey, count);
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                parents = Arrays.copyOf(parents, count * 2);
                pulls = Arrays.copyOf(pulls, count * 2);
            }
            keys[count] = rawKey;
            parents[count] = parent;
            pulls[count] = pull;
            count++;
        }

        /** The key with the player's cell replaced by the smallest cell of its area. */
        private long normalise(long rawKey) {
            b.decode(rawKey, boxes);
            markBoxes(boxes, true);
            int normal = fillArea(b.playerOf(rawKey));
            markBoxes(boxes, false);
            return b.encode(boxes, normal);
        }

        /** Marks the player's area from {@code from} among the marked boxes; returns its smallest cell. */
        private int fillArea(int from) {
            if (b.bitboard) {
                area = b.fillBits(from, boxMask);
                return b.lowestFloor(area);
            }
            return b.fill(from, boxAt, reach, ++stamp, queue);
        }

        /** Whether the last {@link #fillArea} reached floor cell {@code f}. */
        private boolean inArea(int f) {
            return b.bitboard ? (area & b.bitOf[f]) != 0 : reach[f] == stamp;
        }

        private void markBoxes(int[] bx, boolean on) {
            boxMask = 0;
            for (int x : bx) {
                boxAt[x] = on;
                boxMask |= on && b.bitboard ? b.bitOf[x] : 0;
            }
        }

        /** The entry's state as a puzzle in the room, with the pulls that led to it reversed into pushes. */
        private Placement placement(Puzzle room, int e, boolean moved) {
            List<int[]> solution = new ArrayList<>();
            for (int at = e; parents[at] >= 0; at = parents[at]) {
                int box = pulls[at] / 4;   // the box was here before the pull...
                int d = pulls[at] % 4;
                int pulledTo = b.next[box][d]; // ...and the pull left it here; the push goes back the other way
                solution.add(new int[] {b.row[pulledTo], b.col[pulledTo], d ^ 1});
            }
            // Pulls were recorded from the state back to the solved one: that is already push order.
            return new Placement(moved ? toPuzzle(room, keys[e]) : room, Collections.unmodifiableList(solution), moved);
        }

        /** The room with the state's boxes and a player in the state's area (where it was, if that is in it). */
        private Puzzle toPuzzle(Puzzle room, long key) {
            b.decode(key, boxes);
            markBoxes(boxes, true);
            fillArea(b.playerOf(key));
            int player = -1;
            int best = Integer.MAX_VALUE;
            int pr = b.row[b.player];
            int pc = b.col[b.player];
            for (int f = 0; f < b.floors; f++) { // reading order, so ties go to the first
                int dist = Math.abs(b.row[f] - pr) + Math.abs(b.col[f] - pc);
                if (inArea(f) && dist < best) {
                    best = dist;
                    player = f;
                }
            }
            markBoxes(boxes, false);
            char[][] cells = new char[room.rows()][];
            for (int r = 0; r < room.rows(); r++) {
                cells[r] = room.grid().row(r).toCharArray();
                for (int c = 0; c < cells[r].length; c++) {
                    char ch = cells[r][c];
                    cells[r][c] = ch == Puzzle.WALL ? Puzzle.WALL : Puzzle.isGoal(ch) ? Puzzle.GOAL : Puzzle.FLOOR;
                }
            }
            for (int x : boxes) {
                cells[b.row[x]][b.col[x]] = b.goal[x] ? Puzzle.BOX_ON_GOAL : Puzzle.BOX;
            }
            cells[b.row[player]][b.col[player]] = b.goal[player] ? Puzzle.PLAYER_ON_GOAL : Puzzle.PLAYER;
            String[] rows = new String[cells.length];
            for (int r = 0; r < cells.length; r++) {
                rows[r] = new String(cells[r]);
            }
            return Puzzle.of(Arrays.asList(rows));
        }
    }
}
