package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole dungeon map (rooms side by side, VGLC style) as a player would find it: starting in
 * the first room (at its first door or stair, see {@link RoomCheck#entrance}), walking inside rooms and through doors into the facing door of the neighbouring
 * room, picking up keys for locked doors; every door must open onto floor and in each room reached the
 * player must reach at least half of the walkable tiles (doors aside), as in {@link RoomCheck}. Independent of how the map was made: it reads
 * only the map and the room shape.
 */
public final class DungeonMapCheck {
    private final Legend legend;
    private final RoomCheck rooms;
    private final int roomRows;
    private final int roomColumns;
    private final int wall;

    public DungeonMapCheck(Legend legend, int roomRows, int roomColumns, int wall) {
        this.legend = legend;
        this.rooms = new RoomCheck(legend);
        this.roomRows = roomRows;
        this.roomColumns = roomColumns;
        this.wall = wall;
    }

    /**
     * What a walk through the map found.
     *
     * @param rooms         rooms in the map (void rooms left out)
     * @param roomsReached  rooms the player can enter from the first room
     * @param targets       doors, stairs, keys and goals in the map
     * @param targetsReached those the player can reach
     * @param problems      what is wrong, one line each (holes in walls, doors that lead nowhere, unreachable places)
     */
    public record Report(int rooms, int roomsReached, int targets, int targetsReached, List<String> problems) {
        /** Whether every room and every door, stair, key and goal can be reached and nothing is wrong. */
        public boolean playable() {
            return problems.isEmpty();
        }
    }

    /** Walks the map from the entrance and says what it found. */
    public Report check(TileGrid map) {
        List<String> problems = new ArrayList<>();
        Layout layout = layout(map, problems);
        if (layout == null) {
            return new Report(0, 0, 0, 0, problems);
        }
        int wide = layout.wide();
        boolean[] present = layout.present();
        int count = layout.rooms();
        if (layout.start() < 0) {
            problems.add("the first room has no walkable tile");
            return new Report(count, 0, 0, 0, problems);
        }
        int cols = map.columns();
        boolean[] seen = reach(map, layout);
        int targets = 0;
        int reachedTargets = 0;
        boolean[] roomReached = new boolean[present.length];
        for (int i = 0; i < seen.length; i++) {
            int r = i / cols;
            int c = i % cols;
            int room = (r / roomRows) * wide + c / roomColumns;
            char t = map.at(r, c);
            if (seen[i]) {
                roomReached[room] = true;
            }
            if (present[room] && (legend.hasTag(t, "door") || legend.hasTag(t, "stair") || legend.hasTag(t, "key")
                    || legend.hasTag(t, "goal"))) {
                targets++;
                if (seen[i]) {
                    reachedTargets++;
                } else {
                    problems.add("'" + t + "' at row " + (r + 1) + ", column " + (c + 1) + " cannot be reached");
                }
            }
        }
        int reached = 0;
        for (int i = 0; i < present.length; i++) {
            if (present[i] && roomReached[i]) {
                reached++;
                int offset = (i / wide) * roomRows * cols + (i % wide) * roomColumns;
                int[] floor = rooms.floorReached(room(map, i / wide, i % wide), seen, offset, cols);
                if (!RoomCheck.enoughFloor(floor)) {
                    problems.add("room " + (i / wide + 1) + "," + (i % wide + 1) + ": the player reaches " + floor[0]
                            + " of its " + floor[1] + " walkable tiles (at least half needed)");
                }
            } else if (present[i]) {
                problems.add("room " + (i / wide + 1) + "," + (i % wide + 1) + " cannot be reached");
            }
        }
        return new Report(count, reached, targets, reachedTargets, problems);
    }

    /**
     * The map's rooms, where their doors lead and where the player starts.
     *
     * @param start the entrance cell (row * columns + column of the map), or -1 when the first room has no walkable tile
     */
    private record Layout(int high, int wide, boolean[] present, int rooms, Map<Integer, int[]> portals, int start) {
    }

    /** The map's layout, or null (and a problem) when it has no rooms; holes in walls and doors that lead nowhere go to {@code problems}. */
    private Layout layout(TileGrid map, List<String> problems) {
        if (map.rows() % roomRows != 0 || map.columns() % roomColumns != 0) {
            throw new IllegalArgumentException("a map of " + map.rows() + " x " + map.columns() + " tiles is not a grid of "
                    + roomRows + " x " + roomColumns + " rooms");
        }
        int high = map.rows() / roomRows;
        int wide = map.columns() / roomColumns;
        boolean[] present = new boolean[high * wide];
        int count = 0;
        int first = -1;
        for (int i = 0; i < present.length; i++) {
            TileGrid room = room(map, i / wide, i % wide);
            present[i] = !voidRoom(room);
            if (!present[i]) {
                continue;
            }
            count++;
            first = first < 0 ? i : first;
            String p = rooms.problem(room, List.of());
            if (p != null && p.startsWith("hole")) {
                problems.add("room " + (i / wide + 1) + "," + (i % wide + 1) + ": " + p);
            }
            String closed = rooms.closedDoor(room);
            if (closed != null) {
                problems.add("room " + (i / wide + 1) + "," + (i % wide + 1) + ": " + closed);
            }
        }
        if (first < 0) {
            problems.add("the map has no rooms");
            return null;
        }
        // door cells and where they lead
        int cols = map.columns();
        Map<Integer, int[]> portals = new HashMap<>();
        for (int i = 0; i < present.length; i++) {
            if (!present[i]) {
                continue;
            }
            int rr = i / wide;
            int rc = i % wide;
            for (Side side : Side.values()) {
                long here = RoomBand.of(room(map, rr, rc), side, wall).doorPositions(legend);
                if (here == 0) {
                    continue;
                }
                int nr = rr + (side == Side.NORTH ? -1 : side == Side.SOUTH ? 1 : 0);
                int nc = rc + (side == Side.WEST ? -1 : side == Side.EAST ? 1 : 0);
                boolean inside = nr >= 0 && nc >= 0 && nr < high && nc < wide && present[nr * wide + nc];
                long there = inside ? RoomBand.of(room(map, nr, nc), side.opposite(), wall).doorPositions(legend) : 0;
                if (there != here) {
                    problems.add("room " + (rr + 1) + "," + (rc + 1) + ": " + side.name().toLowerCase() + " door"
                            + (inside ? " does not line up with the next room's" : " leads out of the dungeon"));
                }
                if (!inside) {
                    continue;
                }
                List<Integer> theirs = doorCells(map, nr, nc, side.opposite());
                for (int cell : doorCells(map, rr, rc, side)) {
                    int pos = positionAlong(cell, cols, side);
                    int[] to = theirs.stream().filter(t -> positionAlong(t, cols, side) == pos).mapToInt(Integer::intValue).toArray();
                    portals.merge(cell, to, DungeonMapCheck::concat);
                }
            }
        }
        int inRoom = rooms.entrance(room(map, first / wide, first % wide));
        int start = inRoom < 0 ? -1
                : ((first / wide) * roomRows + inRoom / roomColumns) * cols + (first % wide) * roomColumns + inRoom % roomColumns;
        return new Layout(high, wide, present, count, portals, start);
    }

    private boolean[] reach(TileGrid map, Layout layout) {
        return rooms.reach(map, List.of(layout.start()), i -> layout.portals().getOrDefault(i, NO_PORTALS));
    }

    private static final int[] NO_PORTALS = new int[0];

    /**
     * One walk through the map for a designer to see, as map cells {row, column} from the entrance:
     * to each key the player can reach (nearest first), then to each stair and goal; in a map with none
     * of those, to the walkable tile farthest from the entrance. Each leg is a shortest walk over the
     * tiles {@link #check} finds reachable, through doors into the next room. Empty when the map has
     * no entrance.
     */
    public List<int[]> route(TileGrid map) {
        Layout layout = layout(map, new ArrayList<>());
        List<int[]> out = new ArrayList<>();
        if (layout == null || layout.start() < 0) {
            return out;
        }
        boolean[] seen = reach(map, layout);
        int cols = map.columns();
        List<Integer> keys = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            char t = map.at(i / cols, i % cols);
            if (seen[i] && legend.hasTag(t, "key")) {
                keys.add(i);
            } else if (seen[i] && (legend.hasTag(t, "stair") || legend.hasTag(t, "goal"))) {
                ends.add(i);
            }
        }
        int at = layout.start();
        out.add(new int[] {at / cols, at % cols});
        boolean fetch = !keys.isEmpty() || !ends.isEmpty();
        for (List<Integer> group : List.of(keys, ends)) {
            while (!group.isEmpty()) {
                Walk walk = walk(map, layout, seen, at);
                int next = -1;
                for (int g : group) {
                    int steps = walk.steps()[g];
                    next = steps >= 0 && (next < 0 || steps < walk.steps()[next]) ? g : next;
                }
                if (next < 0) {
                    break; // the rest lie behind a one-way door from here
                }
                group.remove(Integer.valueOf(next));
                at = leg(walk.parent(), at, next, cols, out);
            }
        }
        if (!fetch) {
            Walk walk = walk(map, layout, seen, at);
            int far = at;
            for (int i = 0; i < seen.length; i++) {
                far = walk.steps()[i] > walk.steps()[far] ? i : far;
            }
            leg(walk.parent(), at, far, cols, out);
        }
        return out;
    }

    /** Breadth-first parents and steps from a cell: parent -1 and steps -1 where not reached; the start is its own parent. */
    private record Walk(int[] parent, int[] steps) {
    }

    private Walk walk(TileGrid map, Layout layout, boolean[] seen, int from) {
        int cols = map.columns();
        int[] parent = new int[seen.length];
        int[] steps = new int[seen.length];
        java.util.Arrays.fill(parent, -1);
        java.util.Arrays.fill(steps, -1);
        parent[from] = from;
        steps[from] = 0;
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(from);
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int r = i / cols;
            int c = i % cols;
            int[] jumps = layout.portals().getOrDefault(i, NO_PORTALS);
            int[] next = new int[4 + jumps.length];
            next[0] = r > 0 ? i - cols : -1;
            next[1] = r < map.rows() - 1 ? i + cols : -1;
            next[2] = c > 0 ? i - 1 : -1;
            next[3] = c < cols - 1 ? i + 1 : -1;
            System.arraycopy(jumps, 0, next, 4, jumps.length);
            for (int j : next) {
                if (j >= 0 && seen[j] && parent[j] == -1) {
                    parent[j] = i;
                    steps[j] = steps[i] + 1;
                    queue.add(j);
                }
            }
        }
        return new Walk(parent, steps);
    }

    /** Appends the walk from {@code from} to {@code to} (its first cell left out: already there) and returns {@code to}. */
    private static int leg(int[] parent, int from, int to, int cols, List<int[]> out) {
        List<int[]> back = new ArrayList<>();
        for (int i = to; i != from; i = parent[i]) {
            back.add(new int[] {i / cols, i % cols});
        }
        for (int k = back.size() - 1; k >= 0; k--) {
            out.add(back.get(k));
        }
        return to;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A door cell's position along its side (row for west/east, column for north/south) within its room. */
    private int positionAlong(int cell, int cols, Side side) {
        return side.vertical() ? (cell / cols) % roomRows : (cell % cols) % roomColumns;
    }

    /** Map cells of the walkable door tiles in a room's band on one side. */
    private List<Integer> doorCells(TileGrid map, int rr, int rc, Side side) {
        List<Integer> out = new ArrayList<>();
        int along = side.vertical() ? roomRows : roomColumns;
        for (int k = 0; k < wall; k++) {
            for (int i = 0; i < along; i++) {
                int[] p = RoomBand.cell(roomRows, roomColumns, side, k, i);
                int r = rr * roomRows + p[0];
                int c = rc * roomColumns + p[1];
                char t = map.at(r, c);
                if (legend.hasTag(t, "door") && !legend.hasTag(t, "solid")) { // locked doors too: the fill opens them
                    out.add(r * map.columns() + c);
                }
            }
        }
        return out;
    }

    private TileGrid room(TileGrid map, int rr, int rc) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < roomRows; r++) {
            out.add(map.row(rr * roomRows + r).substring(rc * roomColumns, (rc + 1) * roomColumns));
        }
        return TileGrid.ofRows(out);
    }

    private boolean voidRoom(TileGrid room) {
        for (int r = 0; r < room.rows(); r++) {
            for (int c = 0; c < room.columns(); c++) {
                if (!legend.hasTag(room.at(r, c), "void")) {
                    return false;
                }
            }
        }
        return true;
    }
}
