package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a top-down room is playable: its walls enclose it (no walkable tile on its outer ring but
 * doors) and every door, stair, key and goal can be reached from where the player comes in, walking
 * on walkable tiles (4 directions) and opening a locked door with a key picked up earlier.
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
        return null;
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
