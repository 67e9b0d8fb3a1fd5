package dev.improv.level.dungeon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;
import java.util.List;
import org.junit.jupiter.api.Test;

class DungeonMapCheckTest {
    private final Legend legend = DungeonFixtures.legend();
    private final DungeonMapCheck check = new DungeonMapCheck(legend, 7, 7, 1);

    /** Two rooms joined east-west; a key in the first, a stair behind a locked door in the second. */
    private static final TileGrid KEY_THEN_STAIR = DungeonFixtures.grid(
            "WWWWWWWWWWWWWW",
            "W.....WW..W..W",
            "W.....WW..W..W",
            "W.....DD..L.SW",
            "W.....WW..W..W",
            "Wk....WW..W..W",
            "WWWWWWWWWWWWWW");

    @Test
    void theRouteFetchesTheKeyBeforeTheStair() {
        assertTrue(check.check(KEY_THEN_STAIR).playable(), check.check(KEY_THEN_STAIR).problems().toString());
        List<int[]> route = check.route(KEY_THEN_STAIR);
        assertArrayEquals(new int[] {3, 6}, route.get(0), "the entrance: the first door in reading order");
        assertArrayEquals(new int[] {3, 12}, route.get(route.size() - 1), "it ends on the stair");
        int key = indexOf(route, 5, 1);
        int lock = indexOf(route, 3, 10);
        assertTrue(key > 0 && lock > key, "the key at row 6, column 2 comes before the locked door");
        for (int i = 1; i < route.size(); i++) {
            int[] a = route.get(i - 1);
            int[] b = route.get(i);
            assertEquals(1, Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]), "one tile a step (these doors touch)");
            char t = KEY_THEN_STAIR.at(b[0], b[1]);
            assertTrue(t != 'W', "never through a wall: row " + b[0] + ", column " + b[1]);
        }
        // shortest legs: 7 steps to the key, 11 back and across to the lock, 2 to the stair
        assertEquals(1 + 7 + 11 + 2, route.size());
    }

    @Test
    void withNothingToFetchTheRouteGoesToTheFarthestTile() {
        TileGrid room = DungeonFixtures.grid(
                "WWWWWWW",
                "W.....W",
                "W.BBB.W",
                "D.B...W",
                "W.BBBBW",
                "W.....W",
                "WWWWWWW");
        List<int[]> route = check.route(room);
        assertArrayEquals(new int[] {3, 0}, route.get(0));
        // the pocket inside the blocks is the farthest: through the top and down the right side
        assertArrayEquals(new int[] {3, 3}, route.get(route.size() - 1));
        assertEquals(1 + 11, route.size());
    }

    private static int indexOf(List<int[]> route, int row, int column) {
        for (int i = 0; i < route.size(); i++) {
            if (route.get(i)[0] == row && route.get(i)[1] == column) {
                return i;
            }
        }
        return -1;
    }
}
