package dev.improv.level.sokoban;

import dev.improv.model.LogitConstraint;

/**
 * Keeps a sampled puzzle countable while it is decoded: exactly one player and as many boxes and
 * goals as the game has. A kind that is complete is forbidden; when the cells left are just enough
 * for what is missing, only missing kinds are allowed. Also forbids a box in a corner whose walls
 * are already known (above and to the left): it could never be moved to a goal.
 */
final class PuzzleConstraint implements LogitConstraint {
    private final PuzzleTokenizer tok;
    private final int boxes;
    private final int start;

    /**
     * @param start history index of the first cell token
     */
    PuzzleConstraint(PuzzleTokenizer tok, int boxes, int start) {
        this.tok = tok;
        this.boxes = boxes;
        this.start = start;
    }

    @Override
    public void apply(int[] history, int length, float[] logits) {
        int[] count = new int[PuzzleTokenizer.CELLS.length()];
        for (int i = start; i < length; i++) {
            count[tok.kindOf(history[i])]++;
        }
        int cell = length - start;
        int left = tok.cells() - cell;
        int missingPlayer = 1 - count[PuzzleTokenizer.PLAYER];
        int missingBoxes = boxes - count[PuzzleTokenizer.BOX];
        int missingGoals = boxes - count[PuzzleTokenizer.GOAL];
        for (int t = 0; t < logits.length; t++) {
            if (!tok.isCell(t)) {
                logits[t] = Float.NEGATIVE_INFINITY;
            }
        }
        if (missingPlayer == 0) {
            forbid(logits, PuzzleTokenizer.PLAYER);
        }
        if (missingBoxes == 0) {
            forbid(logits, PuzzleTokenizer.BOX);
        }
        if (missingGoals == 0) {
            forbid(logits, PuzzleTokenizer.GOAL);
        }
        if (left <= missingPlayer + missingBoxes + missingGoals) {
            forbid(logits, PuzzleTokenizer.WALL);
            forbid(logits, PuzzleTokenizer.FLOOR);
        }
        int row = cell / tok.columns();
        int col = cell % tok.columns();
        boolean wallAbove = row == 0 || tok.kindOf(history[length - tok.columns()]) == PuzzleTokenizer.WALL;
        boolean wallLeft = col == 0 || tok.kindOf(history[length - 1]) == PuzzleTokenizer.WALL;
        if (wallAbove && wallLeft && logits[tok.cellToken(PuzzleTokenizer.BOX)] != Float.NEGATIVE_INFINITY
                && hasOtherChoice(logits, PuzzleTokenizer.BOX)) {
            forbid(logits, PuzzleTokenizer.BOX);
        }
    }

    private void forbid(float[] logits, int kind) {
        logits[tok.cellToken(kind)] = Float.NEGATIVE_INFINITY;
    }

    private boolean hasOtherChoice(float[] logits, int kind) {
        for (int k = 0; k < PuzzleTokenizer.CELLS.length(); k++) {
            if (k != kind && logits[tok.cellToken(k)] != Float.NEGATIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }
}
