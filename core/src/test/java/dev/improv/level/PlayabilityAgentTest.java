package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
