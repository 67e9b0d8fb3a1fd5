package dev.improv.demo;

/**
 * An axis-aligned box moving through the tile map (player, enemy): position of its bottom-left
 * corner and velocity in tiles and tiles per second; moves one axis at a time and stops at solid tiles.
 */
final class Body {
    float x;
    float y;
    final float width;
    final float height;
    float vx;
    float vy;
    boolean onGround;
    boolean hitWall;
    /** Tile bumped from below on the last move (x, y), or x = Integer.MIN_VALUE. */
    int bumpX = Integer.MIN_VALUE;
    int bumpY;

    Body(float x, float y, float width, float height) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    /** A copy for look-ahead simulations. */
    Body copy() {
        Body b = new Body(x, y, width, height);
        b.vx = vx;
        b.vy = vy;
        b.onGround = onGround;
        return b;
    }

    /** Moves by the velocity for {@code dt} seconds, resolving collisions with solid tiles. */
    void move(LevelMap map, float dt) {
        hitWall = false;
        bumpX = Integer.MIN_VALUE;
        x += vx * dt;
        int y0 = floor(y + 0.001f);
        int y1 = floor(y + height - 0.001f);
        if (vx > 0) {
            int tx = floor(x + width);
            for (int ty = y0; ty <= y1; ty++) {
                if (map.solid(tx, ty)) {
                    x = tx - width - 0.0001f;
                    vx = 0;
                    hitWall = true;
                    break;
                }
            }
        } else if (vx < 0) {
            int tx = floor(x);
            for (int ty = y0; ty <= y1; ty++) {
                if (map.solid(tx, ty)) {
                    x = tx + 1 + 0.0001f;
                    vx = 0;
                    hitWall = true;
                    break;
                }
            }
        }
        y += vy * dt;
        onGround = false;
        int x0 = floor(x + 0.001f);
        int x1 = floor(x + width - 0.001f);
        if (vy <= 0) {
            int ty = floor(y);
            for (int tx = x0; tx <= x1; tx++) {
                if (map.solid(tx, ty) && ty >= 0) {
                    y = ty + 1;
                    vy = 0;
                    onGround = true;
                    break;
                }
            }
        } else {
            int ty = floor(y + height);
            // Bump the tile under the body's centre first, as a player expects.
            int centre = floor(x + width / 2);
            for (int i = 0; i <= x1 - x0 + 1; i++) {
                int tx = i == 0 ? centre : x0 + i - 1;
                if (tx < x0 || tx > x1 || ty < 0) {
                    continue;
                }
                if (map.solid(tx, ty)) {
                    y = ty - height;
                    vy = 0;
                    bumpX = tx;
                    bumpY = ty;
                    break;
                }
            }
        }
    }

    /** Whether the two boxes overlap. */
    boolean overlaps(Body o) {
        return x < o.x + o.width && x + width > o.x && y < o.y + o.height && y + height > o.y;
    }

    float centreX() {
        return x + width / 2;
    }

    static int floor(float v) {
        return (int) Math.floor(v);
    }
}
