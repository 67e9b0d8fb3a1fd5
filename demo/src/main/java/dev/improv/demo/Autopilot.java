package dev.improv.demo;

import dev.improv.api.Reachability;
import dev.improv.api.StandingSpots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bot that plays the game. The api's {@link Reachability} (the playability agent every generated
 * chunk passes), given this player's own jump arcs, finds the standing spots reachable from where
 * the player stands; the bot then tries a few
 * moves (walk, or a running jump with the button held for different times) through the real
 * physics, with enemies moving ahead, and takes the safe move that lands on an agent-reachable
 * spot furthest along. Controls come out one fixed step at a time, exactly as a player's would.
 */
final class Autopilot {
    private static final int WINDOW = 32;
    private static final int[] HOLDS = {0, 2, 4, 7, 10, 15, 22, 60};
    /** Steps to keep running right during a jump; after that the player lets go to land short (on a narrow block). */
    private static final int[] RUNS = {1000, 30, 20, 12, 6};
    /** Steps to rise straight up before running, tried only when no move gets far (a low ceiling ahead). */
    private static final int[] DELAYS = {0, 6, 12, 20};
    private static final int WALK_STEPS = 18;
    private static final int MAX_STEPS = 150;

    private final Reachability agent;
    private int holdLeft = -1;       // steps to keep holding jump in the current jump, -1: not jumping
    private int jumpSteps;
    private int runLeft;
    private float stallX = Float.NaN;
    private int stallSteps;
    private int backOff;
    private int delayLeft;
    private boolean waiting;
    private StandingSpots reach;
    private int reachX0;
    private long reachKey = Long.MIN_VALUE;
    /** Moves planned so far, and how many found no safe option. */
    int plans;
    int stuck;

    Autopilot() {
        this.agent = Reachability.of(legend(), PlayerPhysics.arcs());
    }

    /** The demo's tiles as a VGLC legend (tile to tags) for {@link Reachability}. */
    static Map<Character, List<String>> legend() {
        return Map.ofEntries(
                Map.entry(Tiles.EMPTY, List.of("empty")),
                Map.entry(Tiles.COIN, List.of("coin")),
                Map.entry(Tiles.ENEMY, List.of("enemy")),
                Map.entry(Tiles.GROUND, List.of("solid")),
                Map.entry(Tiles.BRICK, List.of("solid")),
                Map.entry(Tiles.QUESTION, List.of("solid")),
                Map.entry(Tiles.USED, List.of("solid")),
                Map.entry(Tiles.PIPE_TOP_LEFT, List.of("solid")),
                Map.entry(Tiles.PIPE_TOP_RIGHT, List.of("solid")),
                Map.entry(Tiles.PIPE_LEFT, List.of("solid")),
                Map.entry(Tiles.PIPE_RIGHT, List.of("solid")),
                Map.entry(Tiles.CANNON_TOP, List.of("solid")),
                Map.entry(Tiles.CANNON, List.of("solid")));
    }

    /** Fills {@code out} with this step's controls for the player of {@code world}. */
    void control(World world, Controls out) {
        out.clear();
        Body p = world.player;
        if (p == null || world.gameOver) {
            return;
        }
        if (holdLeft >= 0) {
            jumpSteps++;
            if (p.onGround && jumpSteps > 2) {
                holdLeft = -1; // landed: plan the next move
            } else {
                // In the middle of a planned jump: hold the button and run as planned.
                if (delayLeft > 0) {
                    delayLeft--;
                } else {
                    out.right = runLeft > 0;
                    runLeft--;
                }
                out.jump = holdLeft > 0;
                holdLeft = Math.max(0, holdLeft - 1);
                return;
            }
        }
        if (!p.onGround) {
            out.right = true;
            return;
        }
        plan(world, out);
    }

    private void plan(World world, Controls out) {
        plans++;
        if (Math.abs(world.player.x - stallX) > 0.5f) {
            stallX = world.player.x;
            stallSteps = 0;
        } else if (++stallSteps > 120) {
            // No move got anywhere for 2 s (a ceiling the look-ahead cannot thread): back off for a
            // run-up and try again.
            stallSteps = 0;
            backOff = 20;
        }
        if (backOff > 0) {
            backOff--;
            out.left = true;
            return;
        }
        updateReach(world);
        double best = Double.NEGATIVE_INFINITY;
        int bestHold = -2;
        int bestRun = 0;
        int bestDelay = 0;
        for (int delay : DELAYS) {
            if (delay > 0 && best - world.player.x > 1.5) {
                break; // jumping straight up first is only for getting past a ceiling
            }
            for (int hold : HOLDS) {
                for (int run : RUNS) {
                    if (hold == 0 && (run != RUNS[0] || delay > 0)) {
                        continue;
                    }
                    double score = simulate(world, hold, delay, run);
                    if (hold > 0) {
                        score -= 0.6; // walking is calmer to watch; jump when it gains something
                    }
                    if (run != RUNS[0]) {
                        score -= 0.3; // and a full run looks better than stopping short
                    }
                    if (score > best) {
                        best = score;
                        bestHold = hold;
                        bestRun = run;
                        bestDelay = delay;
                    }
                }
            }
        }
        double wait = simulate(world, -1, 0, 0);
        if (wait > best + 0.5 || best == Double.NEGATIVE_INFINITY) {
            // Nothing ahead is safe right now (an enemy coming): wait for it to come closer.
            waiting = true;
            if (best == Double.NEGATIVE_INFINITY && wait == Double.NEGATIVE_INFINITY) {
                stuck++;
                out.right = true;
                out.jump = true;
                holdLeft = 60;
                runLeft = 1000;
                delayLeft = 0;
                jumpSteps = 0;
            }
            return;
        }
        waiting = false;
        out.right = bestDelay == 0;
        if (bestHold > 0) {
            out.jump = !world.runner.jumpHeld;
            holdLeft = out.jump ? bestHold - 1 : -1;
            delayLeft = Math.max(0, bestDelay - 1);
            runLeft = bestDelay > 0 ? bestRun : bestRun - 1;
            jumpSteps = 0;
        }
    }

    /**
     * Plays a move forward on copies of the player and enemies: {@code hold} = 0 walks right,
     * &gt; 0 jumps holding the button that many steps, -1 stands still; the player runs right for
     * {@code runSteps} steps after the first {@code delay}. Returns the column reached
     * (with a bonus when the landing spot is one the agent found reachable), or -infinity if the
     * player would fall into a pit or run into an enemy.
     */
    private double simulate(World world, int hold, int delay, int runSteps) {
        Body b = world.player.copy();
        PlayerPhysics.State s = world.runner.copy();
        s.jumpHeld = false;
        List<Body> foes = new ArrayList<>();
        for (Enemy e : world.enemies) {
            if (e.squashed < 0 && Math.abs(e.body.x - b.x) < 14) {
                foes.add(e.body.copy());
            }
        }
        Controls c = new Controls();
        LevelMap map = world.map;
        int limit = hold == 0 ? WALK_STEPS : hold < 0 ? 40 : MAX_STEPS;
        for (int step = 0; step < limit || !b.onGround; step++) {
            if (step > MAX_STEPS) {
                break;
            }
            c.set(false, step >= delay && step < delay + runSteps, hold > 0 && step < hold);
            PlayerPhysics.step(b, s, c, map);
            if (b.y < -0.5f) {
                return Double.NEGATIVE_INFINITY;
            }
            for (Body f : foes) {
                f.x += f.vx * PlayerPhysics.STEP;
                if (b.overlaps(f) && world.invulnerable < 0.5f && !World.isStomp(b, f)) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            if (hold > 0 && step > hold && b.onGround) {
                break;
            }
        }
        double score = b.x;
        if (reach != null && b.onGround) {
            int cx = Body.floor(b.centreX()) - reachX0;
            int row = map.height() - 1 - Body.floor(b.y + 0.01f);
            if (cx >= 0 && cx < reach.columns() && row >= -1 && row < reach.rows() && reach.canStand(cx, row)) {
                score += 1.0;
            }
        }
        return score;
    }

    private void updateReach(World world) {
        Body p = world.player;
        int px = Body.floor(p.centreX());
        int py = Body.floor(p.y + 0.01f);
        long key = ((long) px << 40) ^ ((long) py << 20) ^ world.map.width();
        if (key == reachKey) {
            return;
        }
        reachKey = key;
        int x0 = Math.max(0, px - 1);
        int x1 = Math.min(world.map.width(), x0 + WINDOW);
        int h = world.map.height();
        if (x1 - x0 < 2) {
            reach = null;
            return;
        }
        List<String> rows = new ArrayList<>(h);
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < h; row++) {
            sb.setLength(0);
            for (int x = x0; x < x1; x++) {
                sb.append(world.map.at(x, h - 1 - row));
            }
            rows.add(sb.toString());
        }
        int row = h - 1 - py;
        reach = agent.explore(rows, px - x0, row);
        reachX0 = x0;
    }

    /** Whether the bot is holding back (waiting for an enemy to pass) on this step. */
    boolean waiting() {
        return waiting;
    }
}
