package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayabilityAgentTest {
    private final PlayabilityAgent agent = new PlayabilityAgent(Fixtures.legend(), Fixtures.arcs());

    @Test
    void flatGroundWithEnemiesIsPlayable() {
        assertTrue(agent.playable(Fixtures.grid(
                "----------",
                "----------",
                "---E---E--",
                "XXXXXXXXXX")));
    }

    @Test
    void gapWithinTheLongArcIsPlayableAndWiderIsNot() {
        assertTrue(agent.playable(Fixtures.grid(
                "----------",
                "----------",
                "----------",
                "XXX----XXX"))); // 4 wide: the 5-column arc clears it
        assertFalse(agent.playable(Fixtures.grid(
                "-----------",
                "-----------",
                "-----------",
                "XXX-----XXX"))); // 5 wide: too far
    }

    @Test
    void wallTooHighBlocksAndAStepHelps() {
        assertFalse(agent.playable(Fixtures.grid(
                "-----X----",
                "-----X----",
                "-----X----",
                "-----X----",
                "XXXXXXXXXX")));
        assertTrue(agent.playable(Fixtures.grid(
                "----------",
                "-----X----",
                "----XX----",
                "---XXX----",
                "XXXXXXXXXX")));
    }

    @Test
    void fallingDriftsAColumnAStep() {
        // walk off the ledge at the left, drift right under the overhang, land, walk on
        assertTrue(agent.playable(Fixtures.grid(
                "XXX-------",
                "---XXXXXXX",
                "---X------",
                "----------",
                "XXXXXXXXXX")));
    }

    @Test
    void noStartingTileMeansUnplayable() {
        assertFalse(agent.playable(Fixtures.grid(
                "-----",
                "-----",
                "---XX")));
    }

    @Test
    void fullExplorationReportsReachableStates() {
        TileGrid g = Fixtures.grid(
                "------",
                "------",
                "XXXXXX");
        PlayabilityAgent.Reach reach = agent.explore(g, null, true);
        assertTrue(reach.crossed());
        for (int x = 0; x < 6; x++) {
            assertTrue(reach.canStand(x, 1));
        }
    }

    @Test
    void routeCrossesTheGapByAJumpThroughStandingPlaces() {
        TileGrid g = Fixtures.grid(
                "----------",
                "----------",
                "----------",
                "XXX----XXX");
        int[][] route = agent.route(g);
        PlayabilityAgent.Reach reach = agent.explore(g, null, true);
        assertTrue(route[0][0] <= 2, "starts in the three leftmost columns");
        assertEquals(9, route[route.length - 1][0], "ends on the last column");
        boolean jumped = false;
        for (int i = 0; i < route.length; i++) {
            // the last place may be in the air: the jump that reaches the last column ends the level
            assertTrue(i == route.length - 1 || reach.canStand(route[i][0], route[i][1]),
                    "a standing place: " + route[i][0] + "," + route[i][1]);
            if (i > 0) {
                int dx = route[i][0] - route[i - 1][0];
                assertTrue(dx != 0 || route[i][1] != route[i - 1][1], "every move goes somewhere");
                jumped |= route[i - 1][0] <= 2 && route[i][0] >= 7;
            }
        }
        assertTrue(jumped, "the gap is crossed in one move");
    }

    @Test
    void noRouteWhereTheAgentCannotCross() {
        assertNull(agent.route(Fixtures.grid(
                "-----------",
                "-----------",
                "-----------",
                "XXX-----XXX")));
    }
}
