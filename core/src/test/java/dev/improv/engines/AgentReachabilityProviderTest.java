package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.JumpArc;
import dev.improv.api.Reachability;
import dev.improv.api.StandingSpots;
import dev.improv.level.JumpArcs;
import dev.improv.level.Legend;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.TileGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The api's Reachability, found through ServiceLoader, answers as the level package's agent does. */
class AgentReachabilityProviderTest {
    private static final Map<Character, List<String>> LEGEND = Map.of('-', List.of("empty"), 'X', List.of("solid"));
    /** A jump two up and three across, and its mirror. */
    private static final JumpArc HOP = new JumpArc(List.of(new JumpArc.Offset(0, -1), new JumpArc.Offset(1, -2),
            new JumpArc.Offset(2, -2), new JumpArc.Offset(3, -1), new JumpArc.Offset(3, 0)));
    private static final List<String> ROWS = List.of(
            "----------",
            "------XX--",
            "--X---XX--",
            "XXXX--XXXX");

    @Test
    void standingSpotsAreTheAgentsFromTheSameStart() {
        Reachability reach = Reachability.of(LEGEND, List.of(HOP, HOP.mirrored()));
        StandingSpots spots = reach.explore(ROWS, 0, 2);

        PlayabilityAgent agent = new PlayabilityAgent(new Legend(LEGEND), JumpArcs.fromJson(arcsJson()));
        TileGrid grid = TileGrid.ofRows(ROWS);
        boolean[] starts = new boolean[(grid.rows() + 1) * grid.columns()];
        starts[3 * grid.columns()] = true;
        PlayabilityAgent.Reach expected = agent.explore(grid, starts, true);
        int standable = 0;
        for (int row = -1; row < grid.rows(); row++) {
            for (int x = 0; x < grid.columns(); x++) {
                assertEquals(expected.canStand(x, row), spots.canStand(x, row), "column " + x + ", row " + row);
                standable += spots.canStand(x, row) ? 1 : 0;
            }
        }
        assertEquals(expected.crossed(), spots.crossed());
        assertTrue(spots.canStand(1, 2), "a walk to the right");
        assertTrue(spots.canStand(3, 2), "a hop over the block");
        assertFalse(spots.canStand(7, 0), "the tower is higher than this hop");
        assertFalse(spots.crossed());
        assertEquals(3, standable, "the start, a step right and the hop's landing");
        assertFalse(spots.canStand(-1, 0));
        assertFalse(spots.canStand(10, 0));
    }

    @Test
    void aStartInTheAirReachesNothing() {
        StandingSpots spots = Reachability.of(LEGEND, List.of(HOP)).explore(ROWS, 4, 0);
        assertFalse(spots.crossed());
        for (int row = -1; row < ROWS.size(); row++) {
            for (int x = 0; x < 10; x++) {
                assertFalse(spots.canStand(x, row));
            }
        }
    }

    @Test
    void aLegendWithoutAnEmptyTileIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reachability.of(Map.of('X', List.of("solid")), List.of(HOP)));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    /** The same two arcs in the agent's own JSON form. */
    private static JsonNode arcsJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode jumps = root.putArray("jumps");
        for (JumpArc arc : List.of(HOP, HOP.mirrored())) {
            ArrayNode a = jumps.addArray();
            arc.path().forEach(o -> a.addArray().add(o.dx()).add(o.dy()));
        }
        return root;
    }
}
