package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

/**
 * What a room holds inside its wall band, as a designer sees it: its layout (the tiles inside the
 * walls, entities drawn as the empty tile, since enemies move) and its furniture (the tiles inside
 * the walls that are neither the empty tile nor an entity: blocks, water, stairs). Used to tell a
 * bare room (an empty floor with enemies) and a room repeating another's layout. Stateless.
 */
public final class RoomInterior {
    /**
     * A room with fewer furniture tiles than this is bare. 23.5 % of the VGLC Zelda rooms are (98 of
     * 417: 90 with none, 8 with one stray tile); the next rooms have 2 (a pair of statues).
     */
    public static final int BARE_BELOW = 2;

    private final Legend legend;
    private final int wall;

    public RoomInterior(Legend legend, int wall) {
        this.legend = legend;
        this.wall = wall;
    }

    /** Tiles inside the walls that are neither the empty tile nor an entity. */
    public int furniture(TileGrid room) {
        int n = 0;
        for (int r = wall; r < room.rows() - wall; r++) {
            for (int c = wall; c < room.columns() - wall; c++) {
                n += isFloor(room.at(r, c)) ? 0 : 1;
            }
        }
        return n;
    }

    /** Whether the room is an empty floor, perhaps with enemies, inside its walls. */
    public boolean bare(TileGrid room) {
        return furniture(room) < BARE_BELOW;
    }

    /** The tiles inside the walls, row after row, entities as the empty tile: equal for rooms of one layout. */
    public String layout(TileGrid room) {
        StringBuilder out = new StringBuilder((room.rows() - 2 * wall) * (room.columns() - 2 * wall));
        for (int r = wall; r < room.rows() - wall; r++) {
            for (int c = wall; c < room.columns() - wall; c++) {
                char t = room.at(r, c);
                out.append(isFloor(t) ? legend.empty() : t);
            }
        }
        return out.toString();
    }

    /** How the inside of the room is mirrored (floor and entities as one). */
    RoomMirror.Axes axes(TileGrid room) {
        String layout = layout(room);
        int w = room.columns() - 2 * wall;
        int h = room.rows() - 2 * wall;
        boolean leftRight = true;
        boolean topBottom = true;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                char t = layout.charAt(r * w + c);
                leftRight &= t == layout.charAt(r * w + w - 1 - c);
                topBottom &= t == layout.charAt((h - 1 - r) * w + c);
            }
        }
        return leftRight && topBottom ? RoomMirror.Axes.BOTH : leftRight ? RoomMirror.Axes.LEFT_RIGHT
                : topBottom ? RoomMirror.Axes.TOP_BOTTOM : RoomMirror.Axes.NONE;
    }

    private boolean isFloor(char t) {
        return t == legend.empty() || legend.hasTag(t, "entity");
    }
}
