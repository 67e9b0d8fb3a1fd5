package dev.improv.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.TextureRegion;

/**
 * The demo's pixel art: one 128x128 sheet, {@code sprites.png} in {@code assets/}, of 16x16 cells in
 * this order, row by row: tiles, pipes, cannon, coin, the player (4), an enemy (3), the NPC body and
 * robe, scenery, and a white cell for tinted rectangles. Edit the PNG in any image editor.
 */
final class Art implements AutoCloseable {
    static final int CELL = 16;
    /** Found like any libGDX asset (Gdx.files.internal): in the run directory, else on the classpath. */
    static final String SHEET_FILE = "sprites.png";

    final Texture texture;
    final TextureRegion groundTop;
    final TextureRegion ground;
    final TextureRegion brick;
    final TextureRegion question;
    final TextureRegion used;
    final TextureRegion pipeTopLeft;
    final TextureRegion pipeTopRight;
    final TextureRegion pipeLeft;
    final TextureRegion pipeRight;
    final TextureRegion cannonTop;
    final TextureRegion cannon;
    final TextureRegion coin;
    final TextureRegion[] player; // stand, run1, run2, jump
    final TextureRegion[] enemy;  // walk1, walk2, flat
    final TextureRegion npcBody;
    final TextureRegion npcRobe;
    final TextureRegion cloud;
    final TextureRegion hill;
    final TextureRegion white;

    /** Loads the sheet and uploads it; call on the render thread with a GL context. */
    Art() {
        texture = new Texture(Gdx.files.internal(SHEET_FILE));
        int i = 0;
        groundTop = region(i++);
        ground = region(i++);
        brick = region(i++);
        question = region(i++);
        used = region(i++);
        pipeTopLeft = region(i++);
        pipeTopRight = region(i++);
        pipeLeft = region(i++);
        pipeRight = region(i++);
        cannonTop = region(i++);
        cannon = region(i++);
        coin = region(i++);
        player = new TextureRegion[] {region(i++), region(i++), region(i++), region(i++)};
        enemy = new TextureRegion[] {region(i++), region(i++), region(i++)};
        npcBody = region(i++);
        npcRobe = region(i++);
        cloud = region(i++);
        hill = region(i++);
        white = new TextureRegion(texture, (i % 8) * CELL + 4, (i / 8) * CELL + 4, 8, 8);
    }

    private TextureRegion region(int index) {
        return new TextureRegion(texture, (index % 8) * CELL, (index / 8) * CELL, CELL, CELL);
    }

    @Override
    public void close() {
        texture.dispose();
    }
}
