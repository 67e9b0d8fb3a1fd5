package dev.improv.level.sokoban;

/**
 * A verified puzzle, or why none could be made.
 *
 * @param puzzle   the puzzle (null when none was made)
 * @param pushes   its fewest pushes, found by {@link PushSolver}
 * @param solution a solution of that many pushes, in order, each {row, column, direction} of the box
 *                 pushed (directions up, down, left, right: 0 to 3), checked by the rules before the
 *                 puzzle was returned; {@link SolutionWalk} turns it into the player's steps (empty when
 *                 none was made)
 * @param band     its difficulty band
 * @param matchesRequest whether the band is the one asked for (always true for "any")
 * @param novel    whether it differs, up to symmetry, from every training puzzle
 * @param boxesMoved whether the boxes were placed by the backward search rather than where the model put them
 * @param attempts samples drawn
 * @param failure  why no puzzle was made (null when one was)
 */
public record PuzzleResult(Puzzle puzzle, int pushes, java.util.List<int[]> solution, int band, boolean matchesRequest, boolean novel, boolean boxesMoved, int attempts,
                           String failure) {
    /** Whether a puzzle was made. */
    public boolean made() {
        return puzzle != null;
    }

    static PuzzleResult failed(int attempts, String why) {
        return new PuzzleResult(null, -1, java.util.List.of(), -1, false, false, false, attempts, why);
    }
}
