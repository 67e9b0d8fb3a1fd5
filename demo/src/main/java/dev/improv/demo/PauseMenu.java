package dev.improv.demo;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.OrthographicCamera;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import dev.improv.demo.InputMap.Action;
import java.util.Locale;

/**
 * The pause menu: resume, music volume, a seed field and "new world", quit. Driven by the player's
 * presses from keyboard or gamepad (up/down choose, left/right change, confirm acts, pause or back
 * resumes, erase deletes a seed digit) and by typed digits; what the player chose is read back by
 * the game. Render thread only.
 */
final class PauseMenu {
    enum Item { RESUME, VOLUME, SEED, NEW_WORLD, QUIT }

    private static final Color SELECTED = new Color(0.6f, 1f, 0.8f, 1);

    boolean open;
    float volume = 0.8f;
    String seedText;
    private int selected;
    /** Set when the player asked for a new world; the game clears it. */
    Long newWorldSeed;
    boolean quit;

    PauseMenu(long seed) {
        this.seedText = Long.toString(seed);
    }

    /** Handles a press while open; returns true if it was used. */
    boolean press(Action action) {
        if (!open) {
            return false;
        }
        Item item = Item.values()[selected];
        switch (action) {
            case PAUSE, BACK -> open = false;
            case UP -> selected = (selected + Item.values().length - 1) % Item.values().length;
            case DOWN -> selected = (selected + 1) % Item.values().length;
            case LEFT -> change(item, -1);
            case RIGHT -> change(item, 1);
            case ERASE -> {
                if (item == Item.SEED && !seedText.isEmpty()) {
                    seedText = seedText.substring(0, seedText.length() - 1);
                }
            }
            case CONFIRM -> act(item);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Types a digit into the seed field when it is selected. */
    boolean keyTyped(char c) {
        if (open && Item.values()[selected] == Item.SEED && Character.isDigit(c) && seedText.length() < 18) {
            seedText += c;
            return true;
        }
        return false;
    }

    private void change(Item item, int direction) {
        if (item == Item.VOLUME) {
            volume = Math.max(0, Math.min(1, Math.round((volume + direction * 0.1f) * 10) / 10f));
        } else if (item == Item.SEED) {
            seedText = Long.toString(seed() + direction);
        }
    }

    private void act(Item item) {
        switch (item) {
            case RESUME -> open = false;
            case SEED, NEW_WORLD -> {
                newWorldSeed = seed();
                open = false;
            }
            case QUIT -> quit = true;
            default -> { }
        }
    }

    /** The seed in the field (0 when it holds no digit, e.g. a lone "-" left by erasing). */
    long seed() {
        return seedText.isEmpty() || seedText.equals("-") ? 0 : Long.parseLong(seedText);
    }

    void draw(SpriteBatch batch, OrthographicCamera screen, BitmapFont font, Art art) {
        if (!open) {
            return;
        }
        float w = screen.viewportWidth;
        float h = screen.viewportHeight;
        batch.setProjectionMatrix(screen.combined);
        batch.begin();
        batch.setColor(0, 0, 0, 0.55f);
        batch.draw(art.white, 0, 0, w, h);
        float pw = 560; // wide enough for the controls line at the bottom
        float ph = 260;
        float x = (w - pw) / 2;
        float y = (h - ph) / 2;
        batch.setColor(0.1f, 0.12f, 0.2f, 0.95f);
        batch.draw(art.white, x, y, pw, ph);
        batch.setColor(Color.WHITE);
        font.setColor(1f, 0.84f, 0.3f, 1);
        font.draw(batch, "PAUSED", x + 24, y + ph - 20);
        String[] labels = {
                "Resume",
                String.format(Locale.ROOT, "Music volume   < %3d%% >", Math.round(volume * 100)),
                "Seed           [" + seedText + "_]",
                "New world",
                "Quit"};
        for (int i = 0; i < labels.length; i++) {
            boolean sel = i == selected;
            font.setColor(sel ? SELECTED : Color.LIGHT_GRAY);
            font.draw(batch, (sel ? "> " : "  ") + labels[i], x + 36, y + ph - 64 - i * 32);
        }
        font.setColor(Color.GRAY);
        font.draw(batch, "arrows/stick: choose, change   digits: seed   Enter/A: select   Esc/Start: resume", x + 14, y + 22);
        font.setColor(Color.WHITE);
        batch.end();
    }
}
