package dev.improv.demo;

import dev.improv.api.LevelChunk;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The game's rules without any drawing: the level so far, the player, enemies, coins, score and
 * lives. Advanced one fixed step at a time, so it runs the same in a window, headless and inside
 * the autopilot's look-ahead. Not thread-safe: the render thread owns it.
 */
final class World {
    static final int START_LIVES = 3;
    static final float INVULNERABLE_SECONDS = 2f;
    /** A checkpoint every four chunks of progress: a milestone the music celebrates. */
    static final int CHECKPOINT_COLUMNS = 64;

    /** Things that happened during a step, for music and effects. */
    enum Event { COIN, STOMP, HIT, FELL, GAME_OVER, JUMP, BUMP, CHECKPOINT }

    final LevelMap map = new LevelMap();
    final List<Enemy> enemies = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    Body player;
    final PlayerPhysics.State runner = new PlayerPhysics.State();
    int score;
    int coins;
    int lives = START_LIVES;
    boolean gameOver;
    float invulnerable;
    float time;
    /** Seconds the player has stood still (calm music). */
    float idle;
    /** Furthest column reached. */
    float furthest;
    /** Checkpoints passed (one every {@link #CHECKPOINT_COLUMNS} columns). */
    int checkpoints;
    int deaths;
    /** Steps the player pushed against the end of the generated level (the generator fell behind). */
    int edgeStalls;
    private float safeX;
    private float safeY;
    private final List<LevelMap.Spawn> pendingSpawns = new ArrayList<>();

    /** Adds a chunk at the level's end; the player appears once the first one is in. */
    void append(LevelChunk chunk) {
        int first = map.width();
        pendingSpawns.addAll(map.append(chunk));
        if (player == null) {
            spawnAtStart(first);
        }
    }

    private void spawnAtStart(int first) {
        for (int x = first + 1; x < map.width(); x++) {
            int g = map.groundLevel(x);
            if (g >= 0 && g < map.height() - 1) {
                safeX = x + 0.15f;
                safeY = g;
                break;
            }
        }
        player = new Body(safeX, safeY, PlayerPhysics.WIDTH, PlayerPhysics.HEIGHT);
    }

    /** Whether the level has started (the first chunk is in). */
    /** What lies in columns [from, to): enemies (waiting or walking), gaps in the ground, coins. */
    Ahead ahead(int from, int to) {
        int foes = 0;
        for (LevelMap.Spawn s : pendingSpawns) {
            foes += s.x() >= from && s.x() < to ? 1 : 0;
        }
        for (Enemy e : enemies) {
            foes += e.alive && e.body.x >= from && e.body.x < to ? 1 : 0;
        }
        int gaps = 0;
        int coinCount = 0;
        boolean inGap = false;
        for (int x = from; x < Math.min(to, map.width()); x++) {
            boolean gap = map.groundLevel(x) < 0;
            gaps += gap && !inGap ? 1 : 0;
            inGap = gap;
            for (int y = 0; y < map.height(); y++) {
                coinCount += map.at(x, y) == Tiles.COIN ? 1 : 0;
            }
        }
        return new Ahead(foes, gaps, coinCount, Math.min(to, map.width()) - from);
    }

    /** A stretch of road as an NPC would describe it. */
    record Ahead(int enemies, int gaps, int coins, int columns) { }

    boolean started() {
        return player != null;
    }

    /** One fixed step of {@link PlayerPhysics#STEP} seconds with the given controls. */
    void step(Controls in) {
        if (player == null || gameOver) {
            return;
        }
        time += PlayerPhysics.STEP;
        invulnerable = Math.max(0, invulnerable - PlayerPhysics.STEP);
        activateSpawns();
        if (PlayerPhysics.step(player, runner, in, map)) {
            events.add(Event.JUMP);
        }
        if (player.hitWall && in.right && Body.floor(player.x + player.width) >= map.width()) {
            edgeStalls++;
        }
        if (player.bumpX != Integer.MIN_VALUE) {
            bump(player.bumpX, player.bumpY);
        }
        collectCoins();
        boolean moving = Math.abs(player.vx) > 0.5f || !player.onGround;
        idle = moving ? 0 : idle + PlayerPhysics.STEP;
        furthest = Math.max(furthest, player.x);
        if ((int) (furthest / CHECKPOINT_COLUMNS) > checkpoints) {
            checkpoints++;
            events.add(Event.CHECKPOINT);
        }
        if (player.onGround && onSolidFooting()) {
            safeX = player.x;
            safeY = player.y;
        }
        stepEnemies();
        if (player.y < -2) {
            events.add(Event.FELL);
            loseLife(true);
        }
    }

    private boolean onSolidFooting() {
        // Both feet on ground, so a respawn here never drops straight into the pit again.
        int y = Body.floor(player.y) - 1;
        return map.solid(Body.floor(player.x), y) && map.solid(Body.floor(player.x + player.width), y);
    }

    private void activateSpawns() {
        // Enemies start walking only once they are about to come into view.
        for (Iterator<LevelMap.Spawn> it = pendingSpawns.iterator(); it.hasNext(); ) {
            LevelMap.Spawn s = it.next();
            if (s.x() < player.x + 24) {
                enemies.add(new Enemy(s.x(), s.y()));
                it.remove();
            }
        }
    }

    private void bump(int x, int y) {
        char c = map.at(x, y);
        if (c == Tiles.QUESTION) {
            map.set(x, y, Tiles.USED);
            coins++;
            score += 200;
            events.add(Event.COIN);
        } else if (c == Tiles.BRICK) {
            // Bricks break when bumped from below, as in the games the level model learnt from.
            map.set(x, y, Tiles.EMPTY);
            score += 50;
            events.add(Event.BUMP);
        } else {
            events.add(Event.BUMP);
        }
    }

    private void collectCoins() {
        int x0 = Body.floor(player.x);
        int x1 = Body.floor(player.x + player.width);
        int y0 = Body.floor(player.y);
        int y1 = Body.floor(player.y + player.height);
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                if (map.at(x, y) == Tiles.COIN) {
                    map.set(x, y, Tiles.EMPTY);
                    coins++;
                    score += 100;
                    events.add(Event.COIN);
                }
            }
        }
    }

    private void stepEnemies() {
        for (Iterator<Enemy> it = enemies.iterator(); it.hasNext(); ) {
            Enemy e = it.next();
            e.step(map);
            if (!e.alive || e.squashed > 0.5f || e.body.x < player.x - 30) {
                it.remove();
                continue;
            }
            if (e.squashed >= 0 || !player.overlaps(e.body)) {
                continue;
            }
            if (isStomp(player, e.body)) {
                e.squashed = 0;
                player.vy = PlayerPhysics.JUMP_SPEED * 0.6f;
                score += 100;
                events.add(Event.STOMP);
            } else if (invulnerable <= 0) {
                events.add(Event.HIT);
                loseLife(false);
            }
        }
    }

    /** A landing on an enemy from above (falling, feet in its upper half). */
    static boolean isStomp(Body player, Body enemy) {
        return player.vy < 0 && player.y > enemy.y + enemy.height * 0.4f;
    }

    private void loseLife(boolean fell) {
        lives--;
        deaths++;
        invulnerable = INVULNERABLE_SECONDS;
        if (lives <= 0) {
            gameOver = true;
            events.add(Event.GAME_OVER);
            return;
        }
        if (fell) {
            player.x = safeX;
            player.y = safeY;
            player.vx = 0;
            player.vy = 0;
        } else {
            player.vy = PlayerPhysics.JUMP_SPEED * 0.5f;
        }
    }

    /** Index of the chunk the given column lies in. */
    static int chunkOf(float column) {
        return (int) Math.floor(column / 16f);
    }
}
