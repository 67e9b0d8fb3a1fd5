package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Reachability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The player's physics against the jumps the level model's playability agent assumes. */
class PlayerPhysicsTest {
    /** The two longest rightward Super Mario arcs the agent uses (VGLC estimated jumps), as (dx, dy), dy up negative. */
    private static final int[][][] SMB_LONG_ARCS = {
            {{0, -1}, {1, -1}, {1, -2}, {2, -2}, {2, -3}, {3, -3}, {3, -4}, {4, -4}, {5, -4}, {5, -4}, {6, -4},
                    {6, -3}, {7, -3}, {8, -3}, {8, -2}, {8, -1}, {9, -1}, {9, 0}},
            {{0, -1}, {1, -1}, {1, -2}, {2, -2}, {2, -3}, {3, -3}, {3, -3}, {4, -3}, {5, -3}, {5, -2}, {6, -2},
                    {6, -1}, {7, -1}, {7, 0}}};

    @Test
    void aFullRunningJumpPassesEveryTileOfTheLongestAgentArcs() {
        for (int[][] arc : SMB_LONG_ARCS) {
            for (int[] step : arc) {
                int dx = step[0];
                int rise = -step[1];
                float best = feetHeightBestIn(dx, dx + 1);
                assertTrue(best >= rise - 0.25f, "at column +" + dx + " the agent's arc is " + rise
                        + " tiles up, the player's feet reach only " + best);
            }
        }
    }

    /** Highest the feet get while the body's centre is in columns [from, to) of a full running jump from tile 0. */
    private static float feetHeightBestIn(float from, float to) {
        float best = Float.NEGATIVE_INFINITY;
        for (float t = 0; t < 2; t += 0.001f) {
            float x = 0.5f + PlayerPhysics.RUN_SPEED * t;
            float y = PlayerPhysics.JUMP_SPEED * t - PlayerPhysics.GRAVITY * t * t / 2;
            if (x >= from && x < to) {
                best = Math.max(best, y);
            }
        }
        return best;
    }

    @Test
    void theAgentWithThePlayersOwnArcsCrossesWhatThePlayerCan() {
        Reachability agent = Reachability.of(Autopilot.legend(), PlayerPhysics.arcs());
        // A 5-tile pit, then a 4-tile step up: within a full jump (standing on the bottom-left tile).
        List<String> crossable = List.of(
                "--------------------",
                "--------------------",
                "--------------XXXXXX",
                "--------------XXXXXX",
                "--------------XXXXXX",
                "--------------XXXXXX",
                "XXXXX-----XXXXXXXXXX");
        assertTrue(agent.explore(crossable, 0, 5).crossed());
        assertTrue(agent.explore(crossable, 0, 5).canStand(19, 1), "on top of the step");
        // A 12-tile pit is beyond any jump.
        List<String> pit = List.of(
                "--------------------",
                "XXX------------XXXXX");
        assertTrue(!agent.explore(pit, 0, 0).crossed());
        assertTrue(agent.explore(pit, 0, 0).canStand(2, 0), "walking along the ledge");
    }

    @Test
    void theAutopilotClearsAuthoredChunksWithoutDying() {
        World world = new World();
        for (int i = 0; i < 14; i++) {
            world.append(FallbackChunks.make(i, LevelMap.DEFAULT_HEIGHT));
        }
        Autopilot bot = new Autopilot();
        Controls c = new Controls();
        List<World.Event> events = new ArrayList<>();
        for (int step = 0; step < 60 * 25; step++) {
            bot.control(world, c);
            world.step(c);
            events.addAll(world.events);
            world.events.clear();
        }
        assertEquals(0, world.deaths, "events: " + events);
        assertTrue(world.furthest > 14 * 16 - 20, "reached column " + world.furthest);
        assertTrue(world.coins > 5, "coins on the way: " + world.coins);
    }
}
