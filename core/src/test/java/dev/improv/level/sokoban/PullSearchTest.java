package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backward search's depth is the forward solver's fewest pushes, and its solutions play by the rules. */
class PullSearchTest {
    private final PushSolver solver = new PushSolver();
    private final PullSearch search = new PullSearch(50_000);

    @Test
    void placedPuzzlesNeedExactlyTheirDepthInPushes() {
        List<Puzzle> rooms = List.of(Puzzle.parse(PushSolverTest.BOXOBAN_12),
                Puzzle.parse("########\n#@     #\n# #$ # #\n#  .   #\n# ## $ #\n#   .  #\n########"),
                Puzzle.parse("#######\n#@ $ .#\n# ### #\n#  $ .#\n#######"));
        int checked = 0;
        for (Puzzle room : rooms) {
            for (int target = 1; target <= 14; target++) {
                for (long seed = 0; seed < 3; seed++) {
                    PullSearch.Placement p = search.place(room, 1, Integer.MAX_VALUE, target, seed);
                    assertNotNull(p, room.toText());
                    PushSolver.Verdict v = solver.solve(p.puzzle());
                    assertTrue(v.solved(), p.puzzle().toText());
                    assertEquals(v.pushes(), p.pushes(), p.puzzle().toText());
                    assertTrue(p.pushes() <= target);
                    assertTrue(PushReplay.solves(p.puzzle(), p.solution()), p.puzzle().toText());
                    assertEquals(room.count(c -> c == Puzzle.WALL), p.puzzle().count(c -> c == Puzzle.WALL));
                    assertEquals(goals(room), goals(p.puzzle()));
                    checked++;
                }
            }
        }
        assertEquals(3 * 14 * 3, checked);
    }

    @Test
    void aRoomAsSampledIsKeptWhenItsOwnBoxesAreInTheBand() {
        Puzzle room = Puzzle.parse(PushSolverTest.BOXOBAN_12); // 12 pushes
        PullSearch.Placement kept = search.place(room, 10, 14, 14, 1);
        assertFalse(kept.moved());
        assertSame(room, kept.puzzle());
        assertEquals(12, kept.pushes());
        assertTrue(PushReplay.solves(room, kept.solution()));
        PullSearch.Placement moved = search.place(room, 5, 8, 6, 1); // too hard for 5-8: boxes move
        assertTrue(moved.moved());
        assertEquals(6, moved.pushes());
    }

    @Test
    void aRoomWithNoDeepEnoughStateSettlesForItsDeepest() {
        // One box, one corridor: the box can be at most 3 pushes from its goal.
        Puzzle room = Puzzle.parse("#######\n#@$  .#\n#######");
        PullSearch.Placement p = search.place(room, 1, 20, 20, 0);
        assertEquals(3, p.pushes());
        assertEquals("#@$  .#", p.puzzle().grid().row(1));
        assertNull(search.place(Puzzle.parse("#####\n#@*##\n#####"), 1, 5, 5, 0)); // no push is possible at all
    }

    @Test
    void theReplayRejectsSolutionsThatBreakTheRules() {
        Puzzle p = Puzzle.parse("######\n#@$ .#\n######");
        assertTrue(PushReplay.solves(p, List.of(new int[] {1, 2, 3}, new int[] {1, 3, 3})));
        assertFalse(PushReplay.solves(p, List.of(new int[] {1, 2, 3})));                        // box not on its goal yet
        assertFalse(PushReplay.solves(p, List.of(new int[] {1, 2, 2})));                        // player cannot get behind it
        assertFalse(PushReplay.solves(p, List.of(new int[] {1, 3, 3}, new int[] {1, 4, 3})));   // no box there
        assertFalse(PushReplay.solves(Puzzle.parse("#####\n#@$#.\n#####"), List.of(new int[] {1, 2, 3}))); // into a wall
    }

    private static List<Integer> goals(Puzzle p) {
        List<Integer> at = new ArrayList<>();
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.columns(); c++) {
                if (Puzzle.isGoal(p.at(r, c))) {
                    at.add(r * p.columns() + c);
                }
            }
        }
        return at;
    }
}
