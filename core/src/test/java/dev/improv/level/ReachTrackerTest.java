package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReachTrackerTest {
    private final PlayabilityAgent agent = new PlayabilityAgent(Fixtures.legend(), Fixtures.arcs());
    private final TileGrid landing = Fixtures.grid(
            "----------------",
            "----------------",
            "----------------",
            "----------------",
            "XXXXXXXXXXXXXXXX");

    /** Ends in a pit 5 wide: the long hop (5 right) reaches the last column, in the air, and falls in. */
    private final TileGrid wideEdgePit = Fixtures.grid(
            "----------------",
            "----------------",
            "----------------",
            "----------------",
            "XXXXXXXXXXX-----");

    /** Ends in a pit 3 wide: a hop clears it onto whatever ground follows. */
    private final TileGrid narrowEdgePit = Fixtures.grid(
            "----------------",
            "----------------",
            "----------------",
            "----------------",
            "XXXXXXXXXXXXX---");

    @Test
    void aChunkLeftOnlyInTheAirMustComeDownOnTheLanding() {
        assertTrue(new ReachTracker(agent, 64, null).accepts(wideEdgePit), "crossed in the air: the checker's verdict");
        assertFalse(new ReachTracker(agent, 64, landing).accepts(wideEdgePit), "no way on over flat ground");
        assertTrue(new ReachTracker(agent, 64, landing).accepts(narrowEdgePit));
    }

    @Test
    void afterAnAcceptedChunkTheLandingItselfIsAlwaysAcceptedNext() {
        ReachTracker reach = new ReachTracker(agent, 64, landing);
        assertTrue(reach.accepts(narrowEdgePit));
        reach.append(narrowEdgePit);
        assertTrue(reach.accepts(landing));
    }
}
