package dev.improv.engines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.JumpArc;
import dev.improv.api.Reachability;
import dev.improv.api.ReachabilityProvider;
import dev.improv.api.StandingSpots;
import dev.improv.level.JumpArcs;
import dev.improv.level.Legend;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.TileGrid;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** The api's {@link Reachability} answered by the level package's {@link PlayabilityAgent}, the check every platformer chunk passes. */
public final class AgentReachabilityProvider implements ReachabilityProvider {

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public Reachability newReachability(Map<Character, List<String>> legend, List<JumpArc> jumps) {
        PlayabilityAgent agent = new PlayabilityAgent(new Legend(legend), JumpArcs.fromJson(toJson(jumps)));
        return (rows, column, row) -> {
            TileGrid grid = TileGrid.ofRows(rows);
            int w = grid.columns();
            boolean[] starts = new boolean[(grid.rows() + 1) * w];
            if (column >= 0 && column < w && row >= -1 && row < grid.rows()) {
                starts[(row + 1) * w + column] = true;
            }
            PlayabilityAgent.Reach reach = agent.explore(grid, starts, true);
            BitSet spots = new BitSet(starts.length);
            boolean[] reachable = reach.reachable();
            for (int i = 0; i < reachable.length; i++) {
                spots.set(i, reachable[i]);
            }
            return new StandingSpots(spots, w, grid.rows(), reach.crossed());
        };
    }

    /** The arcs in the JSON form {@link JumpArcs#fromJson} reads (and validates). */
    private static ObjectNode toJson(List<JumpArc> jumps) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode arcs = root.putArray("jumps");
        for (JumpArc arc : jumps) {
            ArrayNode a = arcs.addArray();
            for (JumpArc.Offset o : arc.path()) {
                a.addArray().add(o.dx()).add(o.dy());
            }
        }
        return root;
    }
}
