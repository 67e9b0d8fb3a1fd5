package dev.improv.level.dungeon;

import dev.improv.level.TileGrid;
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

    @Test
    void aDoorOntoASliverOfFloorWalledInByWaterIsNoWayIn() {
        String p = check.problem(DungeonFixtures.grid(
                "WWWWWWW",
                "W~~~~.W",
                "D.~...W",
                "W~~...W",
                "WWWWWWW"), List.of(2 * 7));
        assertEquals("the player reaches 1 of the room's 8 walkable tiles (at least half needed)", p);
        assertNull(check.problem(DungeonFixtures.grid(
                "WWWWWWW",
                "W~~...W",
                "D.....W",
                "W~~...W",
                "WWWWWWW"), List.of(2 * 7)), "water the player walks around is fine");
    }

    @Test
    void aDoorOntoWaterIsNamed() {
        TileGrid room = DungeonFixtures.grid(
                "WWWWWWW",
                "W.....W",
                "D~....D",
                "W.....W",
                "WWWWWWW");
        assertEquals("the door at row 3, column 1 opens onto no floor", check.closedDoor(room));
        assertEquals("the door at row 3, column 1 opens onto no floor", check.problem(room, List.of(2 * 7 + 6)));
        assertNull(check.closedDoor(DungeonFixtures.corpus().get(0)));
    }
}
