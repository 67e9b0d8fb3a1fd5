package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

/**
 * The tiles of a room's wall band on one side, {@code wall} tiles thick, stored outermost layer first
 * (so a west band and the east band it faces compare layer by layer without mirroring).
 *
 * @param side   the side it was read from
 * @param layers {@code layers[k][i]}: layer k from the outside, position i along the side
 *               (top to bottom for west/east, left to right for north/south)
 */
public record RoomBand(Side side, char[][] layers) {

    /** Reads the band of {@code room} on {@code side}. */
    public static RoomBand of(TileGrid room, Side side, int wall) {
        int along = side.vertical() ? room.rows() : room.columns();
        char[][] layers = new char[wall][along];
        for (int k = 0; k < wall; k++) {
            for (int i = 0; i < along; i++) {
                int[] rc = cell(room.rows(), room.columns(), side, k, i);
                layers[k][i] = room.at(rc[0], rc[1]);
            }
        }
        return new RoomBand(side, layers);
    }

    /** Room coordinates (row, column) of layer {@code k}, position {@code i} on {@code side}. */
    static int[] cell(int rows, int columns, Side side, int k, int i) {
        return switch (side) {
            case WEST -> new int[] {i, k};
            case EAST -> new int[] {i, columns - 1 - k};
            case NORTH -> new int[] {k, i};
            case SOUTH -> new int[] {rows - 1 - k, i};
        };
    }

    /** The same tiles placed on another side (the neighbour's facing side, or the learnt band moved). */
    public RoomBand on(Side other) {
        return new RoomBand(other, layers);
    }

    /** Whether any tile of the band is a door (legend tag "door"). */
    public boolean hasDoor(Legend legend) {
        for (char[] layer : layers) {
            for (char c : layer) {
                if (legend.hasTag(c, "door")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Positions along the side where the band holds a door, as a bit set (for line-up checks). */
    public long doorPositions(Legend legend) {
        long bits = 0;
        for (char[] layer : layers) {
            for (int i = 0; i < layer.length; i++) {
                if (legend.hasTag(layer[i], "door")) {
                    bits |= 1L << i;
                }
            }
        }
        return bits;
    }

    /** Rows of text, outermost layer first (the form stored in a model's metadata). */
    public String[] text() {
        String[] out = new String[layers.length];
        for (int k = 0; k < layers.length; k++) {
            out[k] = new String(layers[k]);
        }
        return out;
    }

    /** Writes the band into {@code room} on its side. */
    public TileGrid paint(TileGrid room) {
        TileGrid out = room;
        for (int k = 0; k < layers.length; k++) {
            for (int i = 0; i < layers[k].length; i++) {
                int[] rc = cell(room.rows(), room.columns(), side, k, i);
                out = out.with(rc[0], rc[1], layers[k][i]);
            }
        }
        return out;
    }
}
