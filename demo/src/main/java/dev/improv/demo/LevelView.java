package dev.improv.demo;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;

/**
 * Draws the world in tile units: sky, parallax hills and clouds, the tiles, coins, enemies, NPCs and
 * the player, with a camera that follows the player. Render thread only.
 */
final class LevelView {
    private static final Color SKY_TOP = new Color(0x6ec6f5ff);
    private static final Color SKY_BOTTOM = new Color(0xc8ecffff);
    private static final Color HILL_FAR = new Color(0x9fd39aff);
    private static final Color HILL_NEAR = new Color(0x6fbf73ff);

    final OrthographicCamera camera = new OrthographicCamera();
    private final Art art;
    private float animation;

    LevelView(Art art) {
        this.art = art;
        camera.position.y = 8;
    }

    /** Fits {@code rows} tiles (plus a margin) to the window height. */
    void resize(int width, int height, int rows) {
        float tilesHigh = rows + 1;
        camera.viewportHeight = tilesHigh;
        camera.viewportWidth = tilesHigh * width / (float) height;
        camera.update();
    }

    /** Moves the camera to keep the player a third of the way in (never left of the level start). */
    void follow(World world) {
        float target = world.player == null ? camera.viewportWidth / 2 : world.player.x + camera.viewportWidth / 6;
        camera.position.x = Math.max(camera.viewportWidth / 2, target);
        // Rise with the player when a jump from a high tower would leave the top of the view.
        float y = camera.viewportHeight / 2;
        if (world.player != null && world.player.y + 2.5f > camera.viewportHeight) {
            y = world.player.y + 2.5f - camera.viewportHeight / 2;
        }
        camera.position.y += (y - camera.position.y) * 0.2f;
        camera.update();
    }

    void draw(SpriteBatch batch, World world, NpcSystem npcs, float dt) {
        animation += dt;
        batch.setProjectionMatrix(camera.combined);
        batch.begin();
        batch.disableBlending(); // the sky is opaque: no need to blend a screenful of pixels
        drawSky(batch);
        drawTiles(batch, world.map);
        for (Npc n : npcs.npcs) {
            drawNpc(batch, n);
        }
        for (Enemy e : world.enemies) {
            TextureRegion r = e.squashed >= 0 ? art.enemy[2] : art.enemy[((int) (animation * 4)) % 2];
            boolean flip = e.body.vx > 0;
            batch.draw(r, flip ? e.body.x + 0.9f : e.body.x - 0.1f, e.body.y, flip ? -1 : 1, 1);
        }
        drawPlayer(batch, world);
        batch.end();
    }

    private void drawSky(SpriteBatch batch) {
        float left = camera.position.x - camera.viewportWidth / 2;
        float bottom = camera.position.y - camera.viewportHeight / 2;
        float w = camera.viewportWidth;
        float h = camera.viewportHeight;
        TextureRegion px = art.white;
        // A vertical gradient from two bands, then hills and clouds moving slower than the ground.
        for (int i = 0; i < 12; i++) {
            float t = i / 11f;
            batch.setColor(SKY_BOTTOM.r + (SKY_TOP.r - SKY_BOTTOM.r) * t, SKY_BOTTOM.g + (SKY_TOP.g - SKY_BOTTOM.g) * t,
                    SKY_BOTTOM.b + (SKY_TOP.b - SKY_BOTTOM.b) * t, 1);
            batch.draw(px, left, bottom + h * i / 12f, w, h / 12f + 0.05f);
        }
        batch.setColor(Color.WHITE);
        batch.enableBlending();
        parallax(batch, art.cloud, 0.15f, 7f, 3f, 2.2f, left, w, null);
        parallax(batch, art.cloud, 0.25f, 11f, 3.5f, 4.3f, left, w, null);
        parallax(batch, art.hill, 0.35f, 13f, 6f, -0.5f, left, w, HILL_FAR);
        parallax(batch, art.hill, 0.55f, 9f, 4.5f, -0.5f, left, w, HILL_NEAR);
        batch.setColor(Color.WHITE);
    }

    /** Repeats a sprite every {@code spacing} tiles, scrolling at {@code factor} of the camera's speed. */
    private void parallax(SpriteBatch batch, TextureRegion r, float factor, float spacing, float size, float yFromTop,
                          float left, float w, Color tint) {
        float top = camera.position.y + camera.viewportHeight / 2;
        float shift = left * factor;
        float y = tint == null ? top - yFromTop - size / 2 : camera.position.y - camera.viewportHeight / 2 + 1.5f + yFromTop;
        batch.setColor(tint == null ? Color.WHITE : tint);
        float start = (float) Math.floor((left - shift) / spacing) * spacing;
        for (float x = start; x < left - shift + w + spacing; x += spacing) {
            float jitter = (float) Math.floorMod((int) (x / spacing) * 37, 5) * 0.6f;
            batch.draw(r, x + shift + jitter, y, size, size);
        }
    }

    private void drawTiles(SpriteBatch batch, LevelMap map) {
        int x0 = (int) Math.floor(camera.position.x - camera.viewportWidth / 2) - 1;
        int x1 = (int) Math.ceil(camera.position.x + camera.viewportWidth / 2) + 1;
        float bob = (float) Math.sin(animation * 5) * 0.06f;
        for (int x = Math.max(0, x0); x < Math.min(map.width(), x1); x++) {
            for (int y = 0; y < map.height(); y++) {
                char c = map.at(x, y);
                if (c == Tiles.COIN) {
                    float squeeze = 0.75f + 0.25f * (float) Math.abs(Math.cos(animation * 3 + x));
                    batch.draw(art.coin, x + (1 - squeeze) / 2, y + bob, squeeze, 1);
                    continue;
                }
                TextureRegion r = region(c, map, x, y);
                if (r != null) {
                    batch.draw(r, x, y, 1, 1);
                }
            }
        }
    }

    private TextureRegion region(char c, LevelMap map, int x, int y) {
        return switch (c) {
            case Tiles.EMPTY, Tiles.ENEMY -> null;
            case Tiles.GROUND -> map.at(x, y + 1) == Tiles.GROUND ? art.ground : art.groundTop;
            case Tiles.BRICK -> art.brick;
            case Tiles.QUESTION -> art.question;
            case Tiles.USED -> art.used;
            case Tiles.PIPE_TOP_LEFT -> art.pipeTopLeft;
            case Tiles.PIPE_TOP_RIGHT -> art.pipeTopRight;
            case Tiles.PIPE_LEFT -> art.pipeLeft;
            case Tiles.PIPE_RIGHT -> art.pipeRight;
            case Tiles.CANNON_TOP -> art.cannonTop;
            case Tiles.CANNON -> art.cannon;
            default -> art.used;
        };
    }

    private void drawNpc(SpriteBatch batch, Npc n) {
        int rgb = n.persona.robeRgb();
        batch.setColor(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f, 1);
        batch.draw(art.npcRobe, n.x, n.y, 1, 1);
        batch.setColor(Color.WHITE);
        batch.draw(art.npcBody, n.x, n.y, 1, 1);
    }

    private void drawPlayer(SpriteBatch batch, World world) {
        Body p = world.player;
        if (p == null) {
            return;
        }
        if (world.invulnerable > 0 && ((int) (world.invulnerable * 12)) % 2 == 0) {
            return; // blink while invulnerable
        }
        TextureRegion r;
        if (!p.onGround) {
            r = art.player[3];
        } else if (Math.abs(p.vx) > 0.5f) {
            r = art.player[1 + ((int) (world.time * 10)) % 2];
        } else {
            r = art.player[0];
        }
        boolean left = p.vx < -0.1f;
        float x = p.x - 0.15f;
        batch.draw(r, left ? x + 1 : x, p.y, left ? -1 : 1, 1);
    }

    /** Screen position (pixels, y up) of a world point, for bubbles. */
    float[] toScreen(float x, float y, int screenW, int screenH) {
        float sx = (x - (camera.position.x - camera.viewportWidth / 2)) / camera.viewportWidth * screenW;
        float sy = (y - (camera.position.y - camera.viewportHeight / 2)) / camera.viewportHeight * screenH;
        return new float[] {sx, sy};
    }
}
