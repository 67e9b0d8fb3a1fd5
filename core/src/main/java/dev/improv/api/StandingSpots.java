package dev.improv.api;

import java.util.BitSet;

/**
 * The tiles a platformer player can stand in, found by {@link Reachability#explore}: rows top to
 * bottom as in {@link LevelChunk}, with row -1 standing on top of the top row.
 */
public final class StandingSpots {
    private final BitSet spots;
    private final int columns;
    private final int rows;
    private final boolean crossed;

    /**
     * @param spots   bit {@code (row + 1) * columns + column} set where the player can stand
     * @param columns tiles across
     * @param rows    tiles down
     * @param crossed whether the player can get to the last column (standing or in the air)
     */
    public StandingSpots(BitSet spots, int columns, int rows, boolean crossed) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("columns and rows must be >= 1, got " + columns + "x" + rows);
        }
        this.spots = (BitSet) spots.clone();
        this.columns = columns;
        this.rows = rows;
        this.crossed = crossed;
    }

    /** Whether the player can stand in {@code column} of {@code row} (-1: on top of the top row); false outside. */
    public boolean canStand(int column, int row) {
        return column >= 0 && column < columns && row >= -1 && row < rows && spots.get((row + 1) * columns + column);
    }

    /** Whether the player can get to the last column: the tiles can be crossed from where it started. */
    public boolean crossed() {
        return crossed;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }
}
