package dev.improv.level.sokoban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SolutionWalkTest {
    private static final Puzzle AROUND = Puzzle.parse("#######\n#     #\n#  $@.#\n#     #\n#######");

    @Test
    void thePlayerWalksAroundTheBoxToPushIt() {
        // the box at row 2, column 3 goes right twice: the player must first get to its left side
        List<SolutionWalk.PlayerMove> walk = SolutionWalk.of(AROUND, List.of(new int[] {2, 3, 3}, new int[] {2, 4, 3}));
        assertEquals(new SolutionWalk.PlayerMove(2, 4, false), walk.get(0));
        assertEquals(7, walk.size(), "start, four steps around the box, two pushes: " + walk);
        assertEquals(new SolutionWalk.PlayerMove(2, 2, false), walk.get(4));
        assertEquals(new SolutionWalk.PlayerMove(2, 3, true), walk.get(5));
        assertEquals(new SolutionWalk.PlayerMove(2, 4, true), walk.get(6));
        for (int i = 1; i < walk.size(); i++) {
            SolutionWalk.PlayerMove a = walk.get(i - 1);
            SolutionWalk.PlayerMove b = walk.get(i);
            assertEquals(1, Math.abs(a.row() - b.row()) + Math.abs(a.column() - b.column()), "one cell a step");
            assertTrue(AROUND.at(b.row(), b.column()) != Puzzle.WALL);
        }
        assertFalse(walk.get(3).push());
    }

    @Test
    void aPushThatCannotBeMadeIsAnError() {
        // no box at row 1, column 1
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SolutionWalk.of(AROUND, List.<int[]>of(new int[] {1, 1, 3})));
        assertTrue(e.getMessage().contains("row 2, column 2"), e.getMessage());
        // up once is fine (the player walks below the box), up again would push it into the wall
        assertThrows(IllegalArgumentException.class,
                () -> SolutionWalk.of(AROUND, List.of(new int[] {2, 3, 0}, new int[] {1, 3, 0})));
    }
}
