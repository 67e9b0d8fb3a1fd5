package dev.improv.demo;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.utils.Align;
import dev.improv.api.SessionStats;
import java.util.Locale;

/**
 * Screen-space overlay: score, coins and lives always; speech bubbles over NPCs; and, toggled with
 * F1 or H, what the engines are doing (tokens/s, bars of music buffered ahead, chunks generated
 * ahead, the last line's latency and source). Render thread only.
 */
final class Hud {
    private static final Color PANEL = new Color(0.08f, 0.09f, 0.14f, 0.72f);
    private static final Color BUBBLE = new Color(1f, 0.99f, 0.94f, 0.96f);
    private static final Color INK = new Color(0.12f, 0.11f, 0.16f, 1f);
    private static final Color GOLD = new Color(1f, 0.84f, 0.3f, 1f);
    private static final Color STAT_LABEL = new Color(0.62f, 0.72f, 0.8f, 1f);
    private static final Color STAT_VALUE = new Color(0.75f, 0.95f, 0.85f, 1f);
    private static final Color SPEAKER = new Color(0.45f, 0.3f, 0.55f, 1f);

    final OrthographicCamera camera = new OrthographicCamera();
    private final Art art;
    private final BitmapFont font;
    private final GlyphLayout layout = new GlyphLayout();
    boolean engineStats = true;

    Hud(Art art, BitmapFont font) {
        this.art = art;
        this.font = font;
    }

    void resize(int width, int height) {
        camera.setToOrtho(false, width, height);
    }

    void draw(SpriteBatch batch, GameSession game, LevelView view, float fps) {
        batch.setProjectionMatrix(camera.combined);
        batch.begin();
        int w = (int) camera.viewportWidth;
        int h = (int) camera.viewportHeight;
        World world = game.world;
        drawBubbles(batch, game.npcs, view, w, h);
        panel(batch, 12, h - 44, 430, 34);
        font.setColor(Color.WHITE);
        font.draw(batch, String.format(Locale.ROOT, "SCORE %06d", world.score), 24, h - 20);
        font.setColor(GOLD);
        font.draw(batch, String.format(Locale.ROOT, "COINS %d", world.coins), 170, h - 20);
        font.setColor(Color.WHITE);
        font.draw(batch, "LIVES " + world.lives, 270, h - 20);
        font.draw(batch, game.npcs.place(), 340, h - 20);
        if (engineStats) {
            drawEngineStats(batch, game, w, h, fps);
        }
        if (!world.started()) {
            centred(batch, "Generating the first chunk of " + game.npcs.place() + "...", w, h / 2f);
        } else if (world.gameOver) {
            panel(batch, w / 2f - 200, h / 2f - 50, 400, 100);
            font.setColor(GOLD);
            centred(batch, "GAME OVER", w, h / 2f + 25);
            font.setColor(Color.WHITE);
            centred(batch, "score " + world.score + "  -  Enter or (A) to play again", w, h / 2f - 10);
        }
        font.setColor(Color.WHITE);
        batch.end();
    }

    /** The loading screen: what each engine is doing before play begins. */
    void drawLoading(SpriteBatch batch, GameSession game) {
        batch.setProjectionMatrix(camera.combined);
        batch.begin();
        int w = (int) camera.viewportWidth;
        int h = (int) camera.viewportHeight;
        panel(batch, w / 2f - 220, h / 2f - 90, 440, 180);
        font.setColor(GOLD);
        centred(batch, "Generating " + game.npcs.place(), w, h / 2f + 65);
        font.setColor(Color.WHITE);
        String[][] rows = game.loading.status(game.delivered());
        for (int i = 0; i < rows.length; i++) {
            font.setColor(STAT_LABEL);
            font.draw(batch, rows[i][0], w / 2f - 150, h / 2f + 25 - i * 26);
            font.setColor(Color.WHITE);
            font.draw(batch, rows[i][1], w / 2f - 80, h / 2f + 25 - i * 26);
        }
        font.setColor(STAT_LABEL);
        centred(batch, String.format(Locale.ROOT, "%.1f s", game.loading.seconds()), w, h / 2f - 62);
        font.setColor(Color.WHITE);
        batch.end();
    }

    private void drawEngineStats(SpriteBatch batch, GameSession game, int w, int h, float fps) {
        SessionStats s = game.director.stats();
        double ahead = game.barsAhead();
        String bars = ahead < 0 ? "off" : String.format(Locale.ROOT, "%.1f", ahead);
        String music = s == null ? "no music" : String.format(Locale.ROOT, "x%.1f real time%s", s.realTimeFactor(),
                s.audible() ? "" : " (silent)");
        String line = game.npcs.lastLatencyMs < 0 ? "-" : game.npcs.lastLatencyMs + " ms (" + game.npcs.lastSource + ")";
        String[][] rows = {
                {"music tokens/s", String.format(Locale.ROOT, "%.0f", game.tokensPerSecond)},
                {"bars ahead", bars + "   (intensity " + game.director.intensity() + ")"},
                {"music", music},
                {"chunks ahead", String.format(Locale.ROOT, "%.1f   (%d generated, %d authored)", game.chunksAhead(),
                        game.chunksGenerated, game.chunksAuthored)},
                {"last line", line},
                {"fps", String.format(Locale.ROOT, "%.0f", fps)}};
        // Two columns: the font is proportional, so labels padded with spaces would not line up.
        float pw = 380;
        float ph = rows.length * 20 + 16;
        float x = w - pw - 12;
        float y = h - 12 - ph;
        panel(batch, x, y, pw, ph);
        for (int i = 0; i < rows.length; i++) {
            float ry = y + ph - 10 - i * 20;
            font.setColor(STAT_LABEL);
            font.draw(batch, rows[i][0], x + 12, ry);
            font.setColor(STAT_VALUE);
            font.draw(batch, rows[i][1], x + 120, ry);
        }
    }

    private void drawBubbles(SpriteBatch batch, NpcSystem npcs, LevelView view, int w, int h) {
        for (Npc n : npcs.npcs) {
            if (n.speech != Npc.Speech.SPEAKING && n.speech != Npc.Speech.ASKED) {
                continue;
            }
            float[] head = view.toScreen(n.x + 0.5f, n.y + 1.1f, w, h);
            if (head[0] < -150 || head[0] > w + 150) {
                continue;
            }
            String text = n.speech == Npc.Speech.ASKED ? "..." : n.text;
            String who = n.persona.role();
            layout.setText(font, text, INK, 240, Align.left, true);
            float bw = Math.max(layout.width, 60) + 20;
            float bh = layout.height + 38;
            float bx = Math.max(8, Math.min(w - bw - 8, head[0] - bw / 2));
            float by = head[1] + 14;
            batch.setColor(BUBBLE);
            batch.draw(art.white, bx, by, bw, bh);
            batch.draw(art.white, bx + 2, by - 2, bw - 4, bh + 4); // rounded look: softened corners
            batch.draw(art.white, head[0] - 5, by - 10, 10, 10);   // the tail
            batch.draw(art.white, head[0] - 2, by - 14, 4, 4);
            batch.setColor(Color.WHITE);
            font.setColor(SPEAKER);
            font.draw(batch, who, bx + 10, by + bh - 8);
            font.draw(batch, layout, bx + 10, by + bh - 28);
        }
    }

    private void panel(SpriteBatch batch, float x, float y, float w, float h) {
        batch.setColor(PANEL);
        batch.draw(art.white, x, y, w, h);
        batch.setColor(Color.WHITE);
    }

    private void centred(SpriteBatch batch, String text, int w, float y) {
        layout.setText(font, text);
        font.draw(batch, text, (w - layout.width) / 2f, y);
    }
}
