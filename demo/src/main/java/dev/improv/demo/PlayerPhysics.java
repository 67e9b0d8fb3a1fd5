package dev.improv.demo;

import dev.improv.api.JumpArc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The player's movement rules, in tiles and seconds, shared by the game and the autopilot's
 * look-ahead. Tuned so a full running jump rises a little over 4 tiles and carries 9 or more tiles
 * across: the reach of the Super Mario jump arcs the level model's playability agent checks every
 * chunk with, so every chunk the engine accepts can be cleared.
 */
final class PlayerPhysics {
    static final float STEP = 1f / 60f;
    static final float RUN_SPEED = 9f;
    static final float GROUND_ACCEL = 45f;
    static final float AIR_ACCEL = 30f;
    static final float FRICTION = 50f;
    static final float GRAVITY = 34f;
    static final float JUMP_SPEED = 18.5f;
    /** Releasing the button while rising caps the speed here: short hops. */
    static final float RELEASE_SPEED = 6f;
    static final float MAX_FALL = 22f;
    static final float WIDTH = 0.7f;
    static final float HEIGHT = 0.9f;
    /** A jump pressed this many steps after leaving a ledge still counts (forgiving, like most platformers). */
    static final int COYOTE_STEPS = 5;

    private PlayerPhysics() {
    }

    /** Runner state the rules need between steps besides the body. */
    static final class State {
        boolean jumpHeld;
        int airSteps;

        State copy() {
            State s = new State();
            s.jumpHeld = jumpHeld;
            s.airSteps = airSteps;
            return s;
        }
    }

    /** Applies one step of input and gravity to {@code body} and moves it; returns true if it jumped. */
    static boolean step(Body body, State state, Controls in, LevelMap map) {
        float target = (in.right ? RUN_SPEED : 0) - (in.left ? RUN_SPEED : 0);
        float accel = body.onGround ? (target == 0 ? FRICTION : GROUND_ACCEL) : AIR_ACCEL;
        body.vx = approach(body.vx, target, accel * STEP);
        boolean jumped = false;
        boolean pressed = in.jump && !state.jumpHeld;
        if (pressed && state.airSteps <= COYOTE_STEPS) {
            body.vy = JUMP_SPEED;
            state.airSteps = COYOTE_STEPS + 1;
            jumped = true;
        }
        if (!in.jump && body.vy > RELEASE_SPEED) {
            body.vy = RELEASE_SPEED;
        }
        state.jumpHeld = in.jump;
        body.vy = Math.max(-MAX_FALL, body.vy - GRAVITY * STEP);
        body.move(map, STEP);
        state.airSteps = body.onGround ? 0 : state.airSteps + 1;
        return jumped;
    }

    private static float approach(float v, float target, float delta) {
        return v < target ? Math.min(target, v + delta) : Math.max(target, v - delta);
    }

    /**
     * This body's jumps as {@link JumpArc}s for {@link dev.improv.api.Reachability} (tile offsets of
     * the body's centre from take-off, dy negative upwards, mirrored for leftward jumps): a running
     * jump for several button-hold lengths, simulated in open air until it has fallen back 3 tiles
     * below take-off.
     */
    static List<JumpArc> arcs() {
        List<JumpArc> jumps = new ArrayList<>();
        for (int hold : new int[] {4, 8, 14, 24, 60}) {
            List<JumpArc.Offset> path = new ArrayList<>();
            for (int[] s : simulateArc(hold)) {
                path.add(new JumpArc.Offset(s[0], s[1]));
            }
            JumpArc right = new JumpArc(path);
            jumps.add(right);
            jumps.add(right.mirrored());
        }
        return jumps;
    }

    /** Tile offsets the centre of a running jump passes, in order, without repeats. */
    static List<int[]> simulateArc(int holdSteps) {
        float x = 0.5f;
        float y = 0f;
        float vx = RUN_SPEED;
        float vy = JUMP_SPEED;
        Set<Long> seen = new LinkedHashSet<>();
        List<int[]> out = new ArrayList<>();
        for (int step = 0; step < 400; step++) {
            if (step >= holdSteps && vy > RELEASE_SPEED) {
                vy = RELEASE_SPEED;
            }
            vy = Math.max(-MAX_FALL, vy - GRAVITY * STEP);
            x += vx * STEP;
            y += vy * STEP;
            int dx = (int) Math.floor(x);
            int dy = -(int) Math.floor(y + HEIGHT / 2);
            if ((dx != 0 || dy != 0) && seen.add(((long) dx << 32) ^ (dy & 0xffffffffL))) {
                out.add(new int[] {dx, dy});
            }
            if (dy >= 3) {
                break;
            }
        }
        return out;
    }

    /** Highest rise (tiles) and widest same-height distance (tiles) of a full jump, for checks. */
    static float[] fullJumpReach() {
        float rise = JUMP_SPEED * JUMP_SPEED / (2 * GRAVITY);
        float air = 2 * JUMP_SPEED / GRAVITY;
        return new float[] {rise, air * RUN_SPEED};
    }
}
