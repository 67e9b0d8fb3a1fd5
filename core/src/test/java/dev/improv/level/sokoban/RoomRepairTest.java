package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomRepairTest {
    @Test
    void aWalledOffGoalGetsThePassageWithFewestOpenedWalls() {
        Puzzle p = Puzzle.parse("#######\n#@$ #.#\n#   ###\n#######");
        Puzzle fixed = RoomRepair.join(p);
        assertEquals("#######\n#@$  .#\n#   ###\n#######\n", fixed.toText());
        assertTrue(new PushSolver().solve(fixed).solved());
    }

    @Test
    void aBoxInACornerMovesToTheNearestLiveCell() {
        Puzzle p = Puzzle.parse("######\n#$   #\n#  @.#\n######");
        Puzzle fixed = RoomRepair.join(p);
        assertEquals("######\n#    #\n# $@.#\n######\n", fixed.toText());
        assertEquals(2, new PushSolver().solve(fixed).pushes());
    }

    @Test
    void aSoundRoomIsLeftAlone() {
        Puzzle p = Puzzle.parse("#####\n#@$.#\n#####");
        assertSame(p, RoomRepair.join(p));
    }
}
