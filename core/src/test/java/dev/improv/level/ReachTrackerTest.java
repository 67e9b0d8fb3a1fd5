package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReachTrackerTest {
    private final PlayabilityAgent agent = new PlayabilityAgent(Fixtures.legend(), Fixtures.arcs());
    private final LevelTokenizer tok = new LevelTokenizer(5, "X-?E<>[]S", '-', Fixtures.features());
    private final TileGrid landing = Fixtures.grid(
            "----------------",
            "----------------",
            "----------------",
            "----------------",
            "XXXXXXXXXXXXXXXX");

    private ReachTracker tracker(boolean withLanding) {
        return new ReachTracker(agent, 64, Fixtures.legend(), tok, withLanding);
    }

    @Test
    void theLastRepairIsTheLanding() {
        assertEquals(landing, tracker(true).repairs(null, 16).get(0));
    }

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
        assertTrue(tracker(false).accepts(wideEdgePit), "crossed in the air: the checker's verdict");
        assertFalse(tracker(true).accepts(wideEdgePit), "no way on over flat ground");
        assertTrue(tracker(true).accepts(narrowEdgePit));
    }

    @Test
    void afterAnAcceptedChunkTheLandingItselfIsAlwaysAcceptedNext() {
        ReachTracker reach = tracker(true);
        assertTrue(reach.accepts(narrowEdgePit));
        reach.append(narrowEdgePit);
        assertTrue(reach.accepts(landing));
    }
}
