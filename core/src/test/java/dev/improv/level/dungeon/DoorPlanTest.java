package dev.improv.level.dungeon;

import dev.improv.level.FeatureSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoorPlanTest {
    private static List<Map<Side, Boolean>> none(int n) {
        List<Map<Side, Boolean>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new EnumMap<>(Side.class));
        }
        return out;
    }

    private static int[] any(int n) {
        int[] l = new int[n];
        Arrays.fill(l, FeatureSet.ANY);
        return l;
    }

    /** Every room reached from room 0 through doors both rooms have; none leads out of the dungeon. */
    private static void assertConnectedAndLinedUp(DoorPlan p, int wide, int high) {
        boolean[] seen = new boolean[wide * high];
        ArrayDeque<Integer> q = new ArrayDeque<>(List.of(0));
        seen[0] = true;
        while (!q.isEmpty()) {
            int i = q.poll();
            for (Side s : Side.values()) {
                int n = DoorPlan.neighbour(i, s, wide, high);
                if (n < 0) {
                    assertFalse(p.open(i, s), "room " + i + " opens " + s + " out of the dungeon");
                    continue;
                }
                assertEquals(p.open(i, s), p.open(n, s.opposite()), "rooms " + i + " and " + n + " disagree");
                if (p.open(i, s) && !seen[n]) {
                    seen[n] = true;
                    q.add(n);
                }
            }
        }
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i], "room " + i + " is cut off");
        }
    }

    @Test
    void askedSidesHoldOnAllFourSidesAndTheRoomsStayConnected() {
        List<Map<Side, Boolean>> asks = none(12);
        asks.get(5).putAll(Map.of(Side.WEST, true, Side.NORTH, true, Side.EAST, false, Side.SOUTH, false));
        asks.get(10).put(Side.NORTH, false);
        for (long seed = 0; seed < 20; seed++) {
            DoorPlan p = DoorPlan.make(4, 3, asks, any(12), s -> FeatureSet.ANY, new Random(seed));
            assertConnectedAndLinedUp(p, 4, 3);
            assertTrue(p.open(5, Side.WEST) && p.open(5, Side.NORTH) && !p.open(5, Side.EAST) && !p.open(5, Side.SOUTH));
            assertFalse(p.open(10, Side.NORTH));
            assertEquals(0, p.unmetSides());
        }
    }

    @Test
    void aNoDoorThatWouldCutARoomOffIsOpenedAndCounted() {
        List<Map<Side, Boolean>> asks = none(2);
        asks.get(0).put(Side.EAST, false);
        DoorPlan p = DoorPlan.make(2, 1, asks, any(2), s -> FeatureSet.ANY, new Random(1));
        assertConnectedAndLinedUp(p, 2, 1);
        assertTrue(p.open(0, Side.EAST));
        assertEquals(1, p.unmetSides());
    }

    @Test
    void aNumberOfDoorsIsMetWhereTheGridAllowsIt() {
        // the level of a room is its number of doors (0..4 as none, few = 1, some = 2, many = 3+)
        int[] levels = new int[12];
        Arrays.fill(levels, 2);
        DoorPlan p = DoorPlan.make(4, 3, none(12), levels, s -> Math.min(3, s.size()), new Random(3));
        assertConnectedAndLinedUp(p, 4, 3);
        int met = 0;
        for (int i = 0; i < 12; i++) {
            met += p.openSides(i).size() == 2 ? 1 : 0;
        }
        assertTrue(met >= 10, "rooms with two doors: " + met + " of 12"); // a 4 x 3 grid has a cycle through all 12
    }
}
