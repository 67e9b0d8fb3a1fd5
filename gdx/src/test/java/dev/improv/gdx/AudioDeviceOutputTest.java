package dev.improv.gdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.ApplicationAdapter;
import dev.improv.api.Improv;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicSession;
import dev.improv.api.Mood;
import dev.improv.api.SessionSettings;
import dev.improv.live.ArpeggioEngine;
import dev.improv.live.LiveSession;
import org.junit.jupiter.api.Test;

class AudioDeviceOutputTest {

    @Test
    void musicStreamsToTheHeadlessDeviceAtTheSpeedOfSound() throws Exception {
        Headless headless = new Headless();
        double[] bars = new double[2];
        long[] nanos = new long[2];
        boolean[] audible = {true};
        headless.run(new ApplicationAdapter() {
            ImprovGdx improv;
            MusicSession music;

            @Override
            public void create() {
                improv = new ImprovGdx(Improv.builder().optMusicEngine(() -> new ArpeggioEngine(4, 0, 0)).build());
                // 240 bpm, 4 beats: one bar a second.
                music = improv.startMusic(SessionSettings.of(3).withControls(new MusicControls(3, Key.C_MAJOR, Mood.CALM, 240)));
                new Thread(() -> {
                    try {
                        LiveSession live = (LiveSession) music;
                        while (live.position() < 0.3) {
                            Thread.sleep(5);
                        }
                        nanos[0] = System.nanoTime();
                        bars[0] = live.position();
                        Thread.sleep(1000);
                        nanos[1] = System.nanoTime();
                        bars[1] = live.position();
                        audible[0] = music.stats().audible();
                        headless.done.countDown();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).start();
            }

            @Override
            public void dispose() {
                music.close();
                improv.close();
            }
        }, 20);
        double seconds = (nanos[1] - nanos[0]) / 1e9;
        double played = bars[1] - bars[0];
        assertFalse(audible[0], "the headless backend's device is a mock: the session knows it is silent");
        // Paced by the clock: without pacing the synthesizer would race 20-40x ahead.
        assertEquals(seconds, played, 0.25, "played " + played + " bars (1 per second) in " + seconds + " s");
        assertTrue(played > 0.7);
    }
}
