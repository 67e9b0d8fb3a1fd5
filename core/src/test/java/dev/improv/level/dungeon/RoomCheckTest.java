package dev.improv.level.dungeon;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomCheckTest {
    private final RoomCheck check = new RoomCheck(DungeonFixtures.legend());

    @Test
    void anOpenRoomWithDoorsIsPlayable() {
        assertNull(check.problem(DungeonFixtures.corpus().get(0), List.of()));
    }

    @Test
    void aHoleInTheOuterWallIsNamed() {
        String p = check.problem(DungeonFixtures.grid(
                "WWWWWWW",
                "W.....W",
                "W......",
                "W.....W",
                "WWWWWWW"), List.of());
        assertEquals("hole in the outer wall at row 3, column 7 ('.')", p);
    }

    @Test
    void aDoorBehindBlocksOrWaterCannotBeReached() {
        String p = check.problem(DungeonFixtures.grid(
                "WWWWWWW",
                "W...B.W",
                "D...B.D",
                "W...~.W",
                "WWWWWWW"), List.of(2 * 7));
        assertEquals("door 'D' at row 3, column 7 cannot be reached", p);
    }

    @Test
    void aLockedDoorOpensOnlyAfterAKeyIsPickedUp() {
        String locked = String.join("\n",
                "WWWWWWW",
                "W..B..W",
                "D..L..D",
                "W..B..W",
                "WWWWWWW");
        String noKey = check.problem(DungeonFixtures.grid(locked.split("\n")), List.of(2 * 7));
        assertTrue(noKey != null && noKey.contains("cannot be reached"), noKey);
        String withKey = locked.replaceFirst("W\\.\\.B\\.\\.W", "Wk.B..W");
        assertNull(check.problem(DungeonFixtures.grid(withKey.split("\n")), List.of(2 * 7)));
    }
}
