package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import org.junit.jupiter.api.Test;

/** The music follows the game: speed, enemies and danger raise intensity; idling calms it. */
class MusicDirectorTest {

    private static World flatWorld() {
        World w = new World();
        w.append(FallbackChunks.make(0, LevelMap.DEFAULT_HEIGHT)); // index 0: flat, no gap, no enemy
        return w;
    }

    @Test
    void intensityRisesWithSpeedAndEnemiesAndTurnsTenseInDanger() {
        World w = flatWorld();
        MusicControls standing = MusicDirector.want(w, MusicControls.DEFAULT);
        w.player.vx = PlayerPhysics.RUN_SPEED;
        MusicControls running = MusicDirector.want(w, MusicControls.DEFAULT);
        assertTrue(running.intensity() > standing.intensity(), standing + " -> " + running);
        assertEquals(Mood.BRIGHT, running.mood());

        w.enemies.add(new Enemy(w.player.x + 3, w.player.y));
        w.enemies.add(new Enemy(w.player.x + 5, w.player.y));
        MusicControls crowded = MusicDirector.want(w, MusicControls.DEFAULT);
        assertTrue(crowded.intensity() > running.intensity(), running + " -> " + crowded);
        assertEquals(Mood.TENSE, crowded.mood());

        w.enemies.clear();
        w.lives = 1;
        assertEquals(Mood.TENSE, MusicDirector.want(w, MusicControls.DEFAULT).mood());
    }

    @Test
    void idlingCalmsTheMusic() {
        World w = flatWorld();
        Controls none = new Controls();
        for (int i = 0; i < 60 * 4; i++) {
            w.step(none);
        }
        MusicControls calm = MusicDirector.want(w, MusicControls.DEFAULT.withIntensity(6));
        assertEquals(Mood.CALM, calm.mood());
        assertEquals(1, calm.intensity());
    }
}
