package dev.improv.level.sokoban;

import dev.improv.model.SamplingSettings;

/**
 * How a {@link PuzzleGenerator} samples and verifies.
 *
 * @param sampling     token sampling
 * @param attempts     samples per puzzle at most before it gives up
 * @param searchBudget states the backward search ({@link PullSearch}) may expand per sample before it settles
 *                     for the deepest level it finished
 * @param rejectCopies whether a sample equal (up to symmetry) to a training puzzle is rejected
 */
public record PuzzleSettings(SamplingSettings sampling, int attempts, int searchBudget, boolean rejectCopies) {
    /**
     * Plain sampling at temperature 1 with nothing cut: the player, boxes and goals are each a few
     * percent likely at any one cell, so a top-p cut (0.95, the default elsewhere) removes them nearly
     * everywhere and the count constraint then has to force them into the last cells, against the
     * bottom wall, where boxes are stuck.
     */
    public static final SamplingSettings SAMPLING = new SamplingSettings(1.0f, 0, 1.0f, 1.0f, 0);

    /**
     * 64 attempts: a hard puzzle needs about 2 samples (rooms) on average with the shipped model, so 64
     * fail only for a broken model. 50,000 states reach the hard band in every room that has it that we
     * have measured; a room whose backward search runs out settles for its deepest finished level.
     */
    public static final PuzzleSettings DEFAULT = new PuzzleSettings(SAMPLING, 64, 12_000, false);

    public PuzzleSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (searchBudget < 1) {
            throw new IllegalArgumentException("search budget must be at least 1, got " + searchBudget);
        }
    }

    public PuzzleSettings withAttempts(int n) {
        return new PuzzleSettings(sampling, n, searchBudget, rejectCopies);
    }

    public PuzzleSettings withRejectCopies(boolean reject) {
        return new PuzzleSettings(sampling, attempts, searchBudget, reject);
    }
}
