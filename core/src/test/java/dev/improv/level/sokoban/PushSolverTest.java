package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushSolverTest {
    /** Boxoban unfiltered/train/000 #0; the independent checker sokoban_solvable.py finds 12 pushes. */
    static final String BOXOBAN_12 = String.join("\n",
            "##########",
            "#@ #######",
            "#.$#######",
            "#   ######",
            "#.$ ######",
            "#  #######",
            "# $ ######",
            "#$ . #####",
            "# .  #####",
            "##########");

    private final PushSolver solver = new PushSolver();

    @Test
    void oneBoxOnePush() {
        PushSolver.Verdict v = solver.solve(Puzzle.parse("#####\n#@$.#\n#####"));
        assertEquals(PushSolver.Status.SOLVED, v.status());
        assertEquals(1, v.pushes());
    }

    @Test
    void countsPushesNotWalks() {
        // The player walks around the box, then pushes it left twice.
        PushSolver.Verdict v = solver.solve(Puzzle.parse("######\n#.  @#\n# ## #\n#  $ #\n#    #\n######"));
        assertTrue(v.solved());
        // Box at (3,3) to goal (1,1): up 2, left 2 = 4 pushes at best.
        assertEquals(4, v.pushes());
    }

    @Test
    void fewestPushesOfARealPuzzleMatchTheIndependentChecker() {
        PushSolver.Verdict v = solver.solve(Puzzle.parse(BOXOBAN_12));
        assertEquals(PushSolver.Status.SOLVED, v.status());
        assertEquals(12, v.pushes());
    }

    @Test
    void aBoxInACornerIsUnsolvable() {
        PushSolver.Verdict v = solver.solve(Puzzle.parse("#####\n#$ .#\n# @ #\n#####"));
        assertEquals(PushSolver.Status.UNSOLVABLE, v.status());
    }

    @Test
    void boxesBlockingEachOtherAreUnsolvable() {
        // Two boxes side by side against the top wall can only slide along it, never reach the goals below.
        PushSolver.Verdict v = solver.solve(Puzzle.parse("######\n#$$  #\n#  @ #\n#..  #\n######"));
        assertEquals(PushSolver.Status.UNSOLVABLE, v.status());
    }

    @Test
    void invalidPuzzlesSayWhy() {
        assertEquals(PushSolver.Status.INVALID, solver.solve(Puzzle.parse("#####\n#@$.@\n#####")).status());
        assertTrue(solver.solve(Puzzle.parse("#####\n#@$. \n#####")).why().contains("walk off"));
        assertTrue(solver.solve(Puzzle.parse("#####\n#@$$#\n#. .#\n#####")).why().contains("3 goals")
                || solver.solve(Puzzle.parse("#####\n#@$ #\n#. .#\n#####")).why().contains("goals"));
        assertTrue(solver.solve(Puzzle.parse("######\n#@#$.#\n######")).why().contains("out of the player's reach"));
    }

    @Test
    void aTinyBudgetGivesUnknownNotAWrongAnswer() {
        PushSolver.Verdict v = new PushSolver(3).solve(Puzzle.parse(BOXOBAN_12));
        assertEquals(PushSolver.Status.UNKNOWN, v.status());
    }
}
