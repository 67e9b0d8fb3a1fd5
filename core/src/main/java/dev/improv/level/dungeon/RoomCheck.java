package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a top-down room is playable: its walls enclose it (no walkable tile on its outer ring but
 * doors), every door, stair, key and goal can be reached from where the player comes in, walking
 * on walkable tiles (4 directions) and opening a locked door with a key picked up earlier, and the
 * player gets into the room: every door tile opens onto a walkable tile, and from where it comes in
 * the player reaches at least half of the room's walkable tiles (doors aside). A door onto water, or
 * onto a sliver of floor walled in by water, is no way into a room.
 *
 * <p>Tile meanings come from legend tags: walkable = "passable" and neither "solid" nor "hazard";
 * "door", "stair", "key" and "goal" are targets; "locked" tiles need a key (one key opens one lock).
 * Thread-safe and stateless.
 */
public final class RoomCheck {
    private final Legend legend;

    public RoomCheck(Legend legend) {
        this.legend = legend;
    }

    /** Whether a tile can be walked on without a key. */
    public boolean walkable(char tile) {
        return legend.hasTag(tile, "passable") && !legend.hasTag(tile, "solid") && !legend.hasTag(tile, "hazard")
                && !legend.hasTag(tile, "locked");
    }

    private boolean target(char tile) {
        return legend.hasTag(tile, "door") || legend.hasTag(tile, "stair") || legend.hasTag(tile, "key")
                || legend.hasTag(tile, "goal");
    }

    /**
     * Why the room is not playable, or null when it is.
     *
     * @param room    the room
     * @param entries cells (row * columns + column) the player may enter by; empty: the first door or
     *                stair in reading order, else the first walkable cell
     */
    public String problem(TileGrid room, List<Integer> entries) {
        int rows = room.rows();
        int cols = room.columns();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean ring = r == 0 || c == 0 || r == rows - 1 || c == cols - 1;
                char t = room.at(r, c);
                if (ring && walkable(t) && !legend.hasTag(t, "door")) {
                    return "hole in the outer wall at row " + (r + 1) + ", column " + (c + 1) + " ('" + t + "')";
                }
            }
        }
        String closed = closedDoor(room);
        if (closed != null) {
            return closed;
        }
        List<Integer> starts = new ArrayList<>(entries);
        if (starts.isEmpty()) {
            int start = entrance(room);
            if (start < 0) {
                return "no walkable tile";
            }
            starts.add(start);
        }
        boolean[] seen = reach(room, starts);
        for (int i = 0; i < rows * cols; i++) {
            char t = room.at(i / cols, i % cols);
            if (target(t) && !seen[i]) {
                return describe(t) + " at row " + (i / cols + 1) + ", column " + (i % cols + 1) + " cannot be reached";
            }
        }
        int[] floor = floorReached(room, seen);
        if (!enoughFloor(floor)) {
            return "the player reaches " + floor[0] + " of the room's " + floor[1] + " walkable tiles (at least half needed)";
        }
        return null;
    }

    /**
     * Why a door of the room opens onto nothing to walk on (no walkable tile but doors next to one of
     * its tiles: water or a block right behind it), or null when every door opens onto floor.
     */
    public String closedDoor(TileGrid room) {
        int rows = room.rows();
        int cols = room.columns();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!legend.hasTag(room.at(r, c), "door")) {
                    continue;
                }
                boolean open = false;
                for (int[] n : new int[][] {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}}) {
                    if (n[0] >= 0 && n[1] >= 0 && n[0] < rows && n[1] < cols) {
                        char t = room.at(n[0], n[1]);
                        open |= walkable(t) && !legend.hasTag(t, "door");
                    }
                }
                if (!open) {
                    return "the door at row " + (r + 1) + ", column " + (c + 1) + " opens onto no floor";
                }
            }
        }
        return null;
    }

    /**
     * Of the room's walkable tiles that are not doors: how many {@code seen} marks, and how many there
     * are. {@code seen} may cover a whole map; the room then starts at cell {@code offset} of a map
     * {@code stride} tiles wide.
     */
    int[] floorReached(TileGrid room, boolean[] seen, int offset, int stride) {
        int reached = 0;
        int all = 0;
        for (int r = 0; r < room.rows(); r++) {
            for (int c = 0; c < room.columns(); c++) {
                char t = room.at(r, c);
                if (walkable(t) && !legend.hasTag(t, "door")) {
                    all++;
                    reached += seen[offset + r * stride + c] ? 1 : 0;
                }
            }
        }
        return new int[] {reached, all};
    }

    private int[] floorReached(TileGrid room, boolean[] seen) {
        return floorReached(room, seen, 0, room.columns());
    }

    /** Whether {reached, all} walkable tiles let the player into the room: at least one, and at least half. */
    static boolean enoughFloor(int[] floor) {
        return floor[0] >= 1 && 2 * floor[0] >= floor[1];
    }

    /**
     * Where the player starts in a room entered from outside the map (the dungeon's first room): its
     * first walkable door or stair in reading order, else its first walkable tile; -1 if none.
     */
    public int entrance(TileGrid room) {
        int any = -1;
        for (int i = 0; i < room.rows() * room.columns(); i++) {
            char t = room.at(i / room.columns(), i % room.columns());
            if (target(t) && walkable(t)) {
                return i;
            }
            if (any < 0 && walkable(t)) {
                any = i;
            }
        }
        return any;
    }

    private String describe(char t) {
        for (String tag : new String[] {"locked", "door", "stair", "key", "goal"}) {
            if (legend.hasTag(t, tag)) {
                return tag + " '" + t + "'";
            }
        }
        return "'" + t + "'";
    }

    /** Flood fill from {@code starts}; a locked tile at the frontier opens while keys picked up exceed locks opened. */
    boolean[] reach(TileGrid room, List<Integer> starts) {
        return reach(room, starts, i -> NO_PORTALS);
    }

    private static final int[] NO_PORTALS = new int[0];

    /**
     * The same fill over a grid with extra one-way steps: {@code portals.apply(cell)} lists the cells
     * a walker on {@code cell} may step to besides its four neighbours (a door to the facing door of
     * the next room).
     */
    boolean[] reach(TileGrid room, List<Integer> starts, java.util.function.IntFunction<int[]> portals) {
        int rows = room.rows();
        int cols = room.columns();
        boolean[] seen = new boolean[rows * cols];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        ArrayDeque<Integer> locked = new ArrayDeque<>();
        for (int s : starts) {
            if (!seen[s]) {
                seen[s] = true;
                queue.add(s);
            }
        }
        int keys = 0;
        while (true) {
            while (!queue.isEmpty()) {
                int i = queue.poll();
                if (legend.hasTag(room.at(i / cols, i % cols), "key")) {
                    keys++;
                }
                int r = i / cols;
                int c = i % cols;
                int[] jumps = portals.apply(i);
                int[][] steps = new int[4 + jumps.length][];
                steps[0] = new int[] {r - 1, c};
                steps[1] = new int[] {r + 1, c};
                steps[2] = new int[] {r, c - 1};
                steps[3] = new int[] {r, c + 1};
                for (int p = 0; p < jumps.length; p++) {
                    steps[4 + p] = new int[] {jumps[p] / cols, jumps[p] % cols};
                }
                for (int[] s : steps) {
                    if (s[0] < 0 || s[1] < 0 || s[0] >= rows || s[1] >= cols) {
                        continue;
                    }
                    int j = s[0] * cols + s[1];
                    char t = room.at(s[0], s[1]);
                    if (seen[j]) {
                        continue;
                    }
                    if (walkable(t)) {
                        seen[j] = true;
                        queue.add(j);
                    } else if (legend.hasTag(t, "locked") && !locked.contains(j)) {
                        locked.add(j);
                    }
                }
            }
            if (keys == 0 || locked.isEmpty()) {
                return seen;
            }
            int j = locked.poll();
            if (!seen[j]) {
                keys--;
                seen[j] = true;
                queue.add(j);
            }
        }
    }
}
