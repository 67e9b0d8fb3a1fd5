package dev.improv.demo;

/** A walking enemy: paces along, turns at walls, falls off ledges, dies when stomped. */
final class Enemy {
    static final float SPEED = 2f;
    final Body body;
    boolean alive = true;
    /** Seconds since it was stomped (drawn flat for a moment), or -1. */
    float squashed = -1;

    Enemy(float x, float y) {
        body = new Body(x + 0.1f, y, 0.8f, 0.8f);
        body.vx = -SPEED;
    }

    void step(LevelMap map) {
        if (squashed >= 0) {
            squashed += PlayerPhysics.STEP;
            return;
        }
        float before = body.vx;
        body.vy = Math.max(-PlayerPhysics.MAX_FALL, body.vy - PlayerPhysics.GRAVITY * PlayerPhysics.STEP);
        body.move(map, PlayerPhysics.STEP);
        if (body.hitWall) {
            body.vx = -before;
        }
        if (body.y < -2) {
            alive = false;
        }
    }
}
