package dev.improv.level.dungeon;

/** A side of a room. A room's wall band on one side faces its neighbour's band on the {@link #opposite()} side. */
public enum Side {
    WEST, EAST, NORTH, SOUTH;

    public Side opposite() {
        return switch (this) {
            case WEST -> EAST;
            case EAST -> WEST;
            case NORTH -> SOUTH;
            case SOUTH -> NORTH;
        };
    }

    /** Whether the band on this side runs along a column (west, east) rather than a row. */
    public boolean vertical() {
        return this == WEST || this == EAST;
    }
}
