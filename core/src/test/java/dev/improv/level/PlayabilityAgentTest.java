package dev.improv.level;

import java.util.List;
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
        List<PlayabilityAgent.Step> route = agent.route(g);
        PlayabilityAgent.Reach reach = agent.explore(g, null, true);
        assertTrue(route.get(0).x() <= 2, "starts in the three leftmost columns");
        assertEquals(PlayabilityAgent.Move.START, route.get(0).move());
        assertEquals(9, route.get(route.size() - 1).x(), "ends on the last column");
        boolean jumped = false;
        for (int i = 0; i < route.size(); i++) {
            PlayabilityAgent.Step step = route.get(i);
            // the last place may be in the air: the jump that reaches the last column ends the level
            assertTrue(i == route.size() - 1 || reach.canStand(step.x(), step.y()), "a standing place: " + step);
            if (i > 0) {
                PlayabilityAgent.Step before = route.get(i - 1);
                assertTrue(step.x() != before.x() || step.y() != before.y(), "every move goes somewhere");
                assertTrue(step.move() != PlayabilityAgent.Move.WALK || Math.abs(step.x() - before.x()) == 1, "a walk is one tile");
                if (before.x() <= 2 && step.x() >= 7) {
                    jumped = true;
                    assertEquals(PlayabilityAgent.Move.JUMP, step.move());
                }
            }
        }
        assertTrue(jumped, "the gap is crossed in one move");
    }

    @Test
    void walkingOffALedgeIsAFall() {
        List<PlayabilityAgent.Step> route = agent.route(Fixtures.grid(
                "XXX-------",
                "---XXXXXXX",
                "---X------",
                "----------",
                "XXXXXXXXXX"));
        assertTrue(route.stream().anyMatch(s -> s.move() == PlayabilityAgent.Move.FALL || s.move() == PlayabilityAgent.Move.JUMP), route.toString());
        assertEquals(9, route.get(route.size() - 1).x());
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
