package dev.improv.level.dungeon;

import dev.improv.level.FeatureSet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which sides of every room of a dungeon have a door, decided before any room is drawn.
 *
 * <p>Rooms are drawn row by row, so without a plan a room's west and north walls are whatever the rooms
 * made before it chose. The plan meets every room's asks on all four sides: a side asked to have a door
 * opens (on both rooms that share it), a side asked to have none stays wall, and a room asking for a
 * number of doors gets it where the grid allows (a corner room has two sides to open). The rooms stay
 * connected: doors the asks leave free are opened along a random spanning tree first, so a side asked
 * to stay wall opens only when nothing else reaches a room, which {@link #unmetSides()} counts.
 */
public final class DoorPlan {
    private final int wide;
    private final int high;
    private final boolean[][] open; // [room][side ordinal]
    private final int unmetSides;

    private DoorPlan(int wide, int high, boolean[][] open, int unmetSides) {
        this.wide = wide;
        this.high = high;
        this.open = open;
        this.unmetSides = unmetSides;
    }

    private record Edge(int a, int b, Side side) { // side: of room a (east or south); b is across it
    }

    /**
     * A connected plan for a dungeon {@code wide} x {@code high} rooms (row by row).
     *
     * @param sides   per room, sides asked to have a door (true) or none (false)
     * @param levels  per room, the door level asked ({@link FeatureSet#ANY}: none asked)
     * @param levelOf the door level of a room whose open sides are the given ones
     * @param random  the dungeon's random source (same seed, same plan)
     */
    public static DoorPlan make(int wide, int high, List<Map<Side, Boolean>> sides, int[] levels,
                                ToIntFunction<Set<Side>> levelOf, Random random) {
        int n = wide * high;
        if (sides.size() != n || levels.length != n) {
            throw new IllegalArgumentException("a plan of " + n + " rooms needs " + n + " asks, got " + sides.size()
                    + " and " + levels.length);
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % wide < wide - 1) {
                edges.add(new Edge(i, i + 1, Side.EAST));
            }
            if (i / wide < high - 1) {
                edges.add(new Edge(i, i + wide, Side.SOUTH));
            }
        }
        List<Edge> forcedOpen = new ArrayList<>();
        List<Edge> forcedClosed = new ArrayList<>();
        List<Edge> free = new ArrayList<>();
        for (Edge e : edges) {
            Boolean a = sides.get(e.a).get(e.side);
            Boolean b = sides.get(e.b).get(e.side.opposite());
            if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
                forcedOpen.add(e); // a door asked on one side and none on the other: the door wins (it connects)
            } else if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
                forcedClosed.add(e);
            } else {
                free.add(e);
            }
        }
        boolean anyLevel = false;
        for (int l : levels) {
            anyLevel |= l != FeatureSet.ANY;
        }
        // a few random starts, the one meeting most door levels kept (small dungeons: many starts are cheap)
        int starts = anyLevel ? Math.max(1, Math.min(24, 2400 / Math.max(1, edges.size()))) : 1;
        boolean[][] best = null;
        int bestScore = Integer.MAX_VALUE;
        for (int s = 0; s < starts; s++) {
            boolean[][] o = new boolean[n][4];
            for (Edge e : forcedOpen) {
                set(o, e, true);
            }
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (Edge e : forcedOpen) {
                union(parent, e.a, e.b);
            }
            List<Edge> order = new ArrayList<>(free);
            Collections.shuffle(order, random);
            for (Edge e : order) {
                if (union(parent, e.a, e.b)) {
                    set(o, e, true);
                }
            }
            List<Edge> against = new ArrayList<>(forcedClosed);
            Collections.shuffle(against, random);
            for (Edge e : against) {
                if (union(parent, e.a, e.b)) {
                    set(o, e, true); // the only way left to reach these rooms
                }
            }
            int score = anyLevel ? climb(o, order, levels, levelOf, wide, high, random) : 0;
            if (score < bestScore) {
                bestScore = score;
                best = o;
            }
        }
        int unmet = 0;
        for (Edge e : edges) {
            boolean isOpen = best[e.a][e.side.ordinal()];
            Boolean a = sides.get(e.a).get(e.side);
            Boolean b = sides.get(e.b).get(e.side.opposite());
            unmet += a != null && a != isOpen ? 1 : 0;
            unmet += b != null && b != isOpen ? 1 : 0;
        }
        return new DoorPlan(wide, high, best, unmet);
    }

    /**
     * Opens or closes free doors while that brings more rooms to their door level and keeps every room
     * reached; returns the rooms still off their level.
     */
    private static int climb(boolean[][] o, List<Edge> free, int[] levels, ToIntFunction<Set<Side>> levelOf, int wide,
                             int high, Random random) {
        int off = 0;
        for (int i = 0; i < o.length; i++) {
            off += offLevel(o, i, levels, levelOf);
        }
        List<Edge> order = new ArrayList<>(free);
        for (int pass = 0; pass < 8 && off > 0; pass++) {
            boolean changed = false;
            Collections.shuffle(order, random);
            for (Edge e : order) {
                if (levels[e.a] == FeatureSet.ANY && levels[e.b] == FeatureSet.ANY) {
                    continue;
                }
                int before = offLevel(o, e.a, levels, levelOf) + offLevel(o, e.b, levels, levelOf);
                boolean was = o[e.a][e.side.ordinal()];
                set(o, e, !was);
                int after = offLevel(o, e.a, levels, levelOf) + offLevel(o, e.b, levels, levelOf);
                if (after < before && (!was || connected(o, wide, high))) {
                    off += after - before;
                    changed = true;
                } else {
                    set(o, e, was);
                }
            }
            if (!changed) {
                break;
            }
        }
        return off;
    }

    private static int offLevel(boolean[][] o, int room, int[] levels, ToIntFunction<Set<Side>> levelOf) {
        return levels[room] == FeatureSet.ANY || levelOf.applyAsInt(openSides(o[room])) == levels[room] ? 0 : 1;
    }

    private static Set<Side> openSides(boolean[] sides) {
        Set<Side> out = EnumSet.noneOf(Side.class);
        for (Side s : Side.values()) {
            if (sides[s.ordinal()]) {
                out.add(s);
            }
        }
        return out;
    }

    private static void set(boolean[][] o, Edge e, boolean value) {
        o[e.a][e.side.ordinal()] = value;
        o[e.b][e.side.opposite().ordinal()] = value;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return false;
        }
        parent[ra] = rb;
        return true;
    }

    private static boolean connected(boolean[][] o, int wide, int high) {
        int n = wide * high;
        boolean[] seen = new boolean[n];
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
        seen[0] = true;
        int count = 1;
        while (!q.isEmpty()) {
            int i = q.poll();
            int[] next = {i + 1, i - 1, i - wide, i + wide};
            Side[] via = {Side.EAST, Side.WEST, Side.NORTH, Side.SOUTH};
            for (int k = 0; k < 4; k++) {
                if (o[i][via[k].ordinal()] && !seen[next[k]]) {
                    seen[next[k]] = true;
                    count++;
                    q.add(next[k]);
                }
            }
        }
        return count == n;
    }

    /** The room across {@code side} of room {@code i} (row by row) in a dungeon {@code wide} x {@code high}, or -1 outside it. */
    public static int neighbour(int i, Side side, int wide, int high) {
        int r = i / wide;
        int c = i % wide;
        return switch (side) {
            case WEST -> c > 0 ? i - 1 : -1;
            case EAST -> c < wide - 1 ? i + 1 : -1;
            case NORTH -> r > 0 ? i - wide : -1;
            case SOUTH -> r < high - 1 ? i + wide : -1;
        };
    }

    /** Whether room {@code room} (row by row) has a door on {@code side}. */
    public boolean open(int room, Side side) {
        return open[room][side.ordinal()];
    }

    /** The sides of room {@code room} with a door. */
    public Set<Side> openSides(int room) {
        return openSides(open[room]);
    }

    /** Rooms in the plan. */
    public int rooms() {
        return wide * high;
    }

    /** Rooms in a row. */
    public int wide() {
        return wide;
    }

    /** Asked sides (counted per room) the plan had to go against to keep every room reached. */
    public int unmetSides() {
        return unmetSides;
    }
}
