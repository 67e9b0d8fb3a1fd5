package dev.improv.level.sokoban;

import dev.improv.model.SamplingSettings;

/**
 * How a {@link PuzzleGenerator} samples and verifies.
 *
 * @param sampling     token sampling
 * @param attempts     samples per puzzle at most before it gives up
 * @param solverBudget states the solver may expand per sample; a sample it cannot settle is rejected
 * @param rejectCopies whether a sample equal (up to symmetry) to a training puzzle is rejected
 */
public record PuzzleSettings(SamplingSettings sampling, int attempts, int solverBudget, boolean rejectCopies) {
    /**
     * Plain sampling at temperature 1 with nothing cut: the player, boxes and goals are each a few
     * percent likely at any one cell, so a top-p cut (0.95, the default elsewhere) removes them nearly
     * everywhere and the count constraint then has to force them into the last cells, against the
     * bottom wall, where boxes are stuck.
     */
    public static final SamplingSettings SAMPLING = new SamplingSettings(1.0f, 0, 1.0f, 1.0f, 0);

    /**
     * 64 attempts: a hard puzzle needs about 3 samples on average with the shipped model, so 64 fail
     * only for a broken model. 50,000 states settle all but the rarest Boxoban puzzles in well under
     * 50 ms; the independent checker's budget is 200,000, so what we accept it accepts too.
     */
    public static final PuzzleSettings DEFAULT = new PuzzleSettings(SAMPLING, 64, 50_000, false);

    public PuzzleSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (solverBudget < 1) {
            throw new IllegalArgumentException("solver budget must be at least 1, got " + solverBudget);
        }
    }

    public PuzzleSettings withAttempts(int n) {
        return new PuzzleSettings(sampling, n, solverBudget, rejectCopies);
    }

    public PuzzleSettings withRejectCopies(boolean reject) {
        return new PuzzleSettings(sampling, attempts, solverBudget, reject);
    }
}
