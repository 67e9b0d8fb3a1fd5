package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicSession;
import dev.improv.api.SessionStats;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The music follows the game: calm while exploring, tense near enemies and in danger, victory at a
 * checkpoint; speed, enemies and danger raise intensity; idling calms it.
 */
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
        assertEquals(Mood.CALM, running.mood(), "exploring");
        assertEquals(MusicDirector.tempoOf(Mood.CALM), running.tempoBpm());

        w.enemies.add(new Enemy(w.player.x + 6, w.player.y));
        MusicControls oneEnemy = MusicDirector.want(w, MusicControls.DEFAULT);
        assertEquals(Mood.TENSE, oneEnemy.mood(), "an enemy near");
        assertTrue(MusicDirector.tempoOf(Mood.TENSE) > MusicDirector.tempoOf(Mood.CALM));
        w.enemies.clear();

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

    /** A session that records what it is asked, for the director's side of the conversation. */
    private static final class RecordingSession implements MusicSession {
        final List<MusicControls> sent = new ArrayList<>();
        final List<Transition> on = new ArrayList<>();
        int stingers;
        MusicControls controls = MusicControls.DEFAULT;

        @Override
        public void setControls(MusicControls c, Transition when) {
            sent.add(c);
            on.add(when);
            controls = c;
        }

        @Override
        public MusicControls controls() {
            return controls;
        }

        @Override
        public void stinger(Stinger stinger) {
            stingers++;
        }

        @Override
        public void finish() {
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public SessionStats stats() {
            return null;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aCheckpointPlaysVictoryOnTheNextBeatThenTheGameSteersAgain() {
        World w = flatWorld();
        RecordingSession session = new RecordingSession();
        MusicDirector director = new MusicDirector(session);
        Controls right = new Controls();
        right.right = true;
        float dt = PlayerPhysics.STEP;
        int victoryAt = -1;
        for (int step = 0; step < 60 * 30 && w.checkpoints == 0; step++) {
            if (w.map.width() < w.player.x + 40) {
                w.append(FallbackChunks.make(0, LevelMap.DEFAULT_HEIGHT));
            }
            w.events.clear();
            w.step(right);
            director.update(w, w.events, dt);
            if (w.events.contains(World.Event.CHECKPOINT)) {
                victoryAt = session.sent.size() - 1;
            }
        }
        assertTrue(w.checkpoints == 1 && w.furthest >= World.CHECKPOINT_COLUMNS, "ran past the first checkpoint: " + w.furthest);
        assertEquals(Mood.VICTORY, session.sent.get(victoryAt).mood());
        assertEquals(Transition.NEXT_BEAT, session.on.get(victoryAt), "heard at once, on the beat");
        assertTrue(session.stingers >= 1);
        // Victory holds for its seconds, whatever the game does meanwhile; then exploring is calm again.
        w.events.clear();
        for (float t = 0; t < MusicDirector.VICTORY_SECONDS - 0.5f; t += dt) {
            director.update(w, w.events, dt);
        }
        assertEquals(Mood.VICTORY, session.controls().mood());
        for (float t = 0; t < 1.0f + MusicDirector.SETTLE_SECONDS; t += dt) {
            director.update(w, w.events, dt);
        }
        assertEquals(Mood.CALM, session.controls().mood());
        assertEquals(Transition.NEXT_BAR, session.on.get(session.on.size() - 1), "the game's own changes wait for the bar line");
    }
}
