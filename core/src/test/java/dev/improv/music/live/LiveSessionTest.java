package dev.improv.music.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.Mood;
import dev.improv.api.SessionSettings;
import dev.improv.api.SessionStats;
import dev.improv.api.Stinger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveSessionTest {
    /** Ten bars of the script below (nine at 240 bpm, one at 180) hold 455,700 frames; digest fewer. */
    private static final long DIGEST_SAMPLES = 440_000L * 2;
    private static final MusicControls START = new MusicControls(2, Key.C_MAJOR, Mood.CALM, 240);

    /** Captures PCM into a digest and counts frames; stops the test after enough. */
    private static final class DigestOutput implements AudioOutput {
        final MessageDigest digest;
        long frames;
        double sumSquares;

        DigestOutput() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(short[] samples, int offset, int count) {
            for (int i = 0; i < count && frames * 2 + i < DIGEST_SAMPLES; i++) {
                short s = samples[offset + i];
                digest.update((byte) s);
                digest.update((byte) (s >> 8));
                sumSquares += (double) s * s;
            }
            frames += count / 2;
        }

        @Override
        public boolean blocksInRealTime() {
            return false;
        }

        @Override
        public boolean isAudible() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** A control script in bar positions, applied from the playback thread like `improv play` does. */
    private static final class Script implements LiveSession.PositionListener {
        final TreeMap<Double, MusicControls> changes = new TreeMap<>();
        final Map<Integer, MusicControls> playedWith = new TreeMap<>();
        final List<Bar> played = new ArrayList<>();
        final int stopAfterBars;
        final CountDownLatch done = new CountDownLatch(1);
        double stingerAt = -1;

        Script(int stopAfterBars) {
            this.stopAfterBars = stopAfterBars;
        }

        @Override
        public void onBlock(LiveSession session, double position) {
            while (!changes.isEmpty() && changes.firstKey() <= position) {
                session.setControls(changes.pollFirstEntry().getValue());
            }
            if (stingerAt >= 0 && position >= stingerAt) {
                session.stinger(Stinger.arpeggio());
                stingerAt = -1;
            }
            if (position >= stopAfterBars) {
                done.countDown();
            }
        }

        @Override
        public void onBar(int index, Bar bar, MusicControls controls) {
            playedWith.put(index, controls);
            played.add(bar);
        }
    }

    private record Run(byte[] sha, Script script, SessionStats stats, double rms) {
    }

    private static Run run(MusicEngine engine, long seed, double cutoffBeats) throws Exception {
        return run(engine, seed, cutoffBeats, 12);
    }

    private static Run run(MusicEngine engine, long seed, double cutoffBeats, int bars) throws Exception {
        DigestOutput out = new DigestOutput();
        Script script = new Script(bars);
        script.changes.put(3.4, START.withIntensity(6));
        script.changes.put(5.9, START.withIntensity(6).withKey(Key.parse("A minor")));
        script.changes.put(8.1, START.withIntensity(1).withTempo(180));
        script.stingerAt = 9.3;
        SessionSettings settings = new SessionSettings(seed, START, 2, cutoffBeats, false);
        LiveSession session = LiveSession.start(() -> engine, settings, out, script);
        assertTrue(script.done.await(60, TimeUnit.SECONDS), "session did not reach bar " + bars);
        session.close();
        // Compare the same span of sound: 12 bars at 240 bpm then 180 bpm.
        return new Run(out.digest.digest(), script, session.stats(), Math.sqrt(out.sumSquares / Math.max(1, out.frames * 2)));
    }

    @Test
    void changesTakeEffectAtTheNextBarLineOrTheOneAfterWhenTooLate() throws Exception {
        Run r = run(new ArpeggioEngine(4, 0, 0), 42, 0.5);
        Map<Integer, MusicControls> with = r.script().playedWith;
        assertEquals(2, with.get(3).intensity());
        assertEquals(6, with.get(4).intensity(), "change at 3.4 plays from bar 4");
        assertEquals(Key.C_MAJOR, with.get(6).key(), "change at 5.9 is within the last half beat");
        assertEquals(Key.A_MINOR, with.get(7).key(), "so it plays from bar 7");
        assertEquals(180, with.get(9).tempoBpm());
        assertEquals(240, with.get(8).tempoBpm());
        // 5.9 -> bar 7 is 1.1 bars; the others are under a bar. Block granularity adds < 0.05.
        assertTrue(r.stats().maxControlLatencyBars() > 1.05 && r.stats().maxControlLatencyBars() < 1.15,
                "latency " + r.stats().maxControlLatencyBars());
        assertTrue(r.stats().maxStingerLatencyBeats() <= 1.0 + 0.1, "stinger latency " + r.stats().maxStingerLatencyBeats());
        assertEquals(0, r.stats().underruns());
        assertTrue(r.rms() > 100, "the synthesizer made sound: rms " + r.rms());
    }

    @Test
    void sameSeedAndScriptGiveTheSameMusicHoweverSlowGenerationIs() throws Exception {
        Run fast = run(new ArpeggioEngine(4, 0, 0), 7, 0.5, 10);
        Run slow = run(new ArpeggioEngine(4, 40, 99), 7, 0.5, 10);
        assertEquals(fast.script().played.subList(0, 10), slow.script().played.subList(0, 10));
        assertArrayEquals(fast.sha(), slow.sha(), "same PCM");
        Run other = run(new ArpeggioEngine(4, 0, 0), 8, 0.5, 2);
        assertTrue(!fast.script().played.subList(0, 2).equals(other.script().played.subList(0, 2)),
                "another seed gives other music");
    }

    @Test
    void pauseHoldsPlaybackAndResumeContinues() throws Exception {
        DigestOutput out = new DigestOutput();
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(1, START, 2, 0.5, false), out, null);
        while (session.position() < 2) {
            Thread.sleep(5);
        }
        session.pause();
        Thread.sleep(50);
        double held = session.position();
        Thread.sleep(200);
        assertEquals(held, session.position(), "no progress while paused");
        session.resume();
        while (session.position() < held + 1) {
            Thread.sleep(5);
        }
        session.close();
        assertEquals(0, session.stats().underruns());
    }

    @Test
    void slowGenerationInRealTimeCountsUnderrunsAndKeepsGoing() throws Exception {
        // One-beat bars at 240 bpm last 250 ms; generating each takes up to 400 ms.
        DigestOutput out = new DigestOutput();
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(1, 400, 5),
                new SessionSettings(1, START, 1, 0, true), out, null);
        while (session.stats().barsPlayed() < 4) {
            Thread.sleep(10);
        }
        session.close();
        SessionStats s = session.stats();
        assertTrue(s.underruns() >= 1, "underruns " + s.underruns());
        assertTrue(s.underrunMillis() > 0);
        assertTrue(s.realTimeFactor() > 0 && s.realTimeFactor() < 2, "rtf " + s.realTimeFactor());
    }

    @org.junit.jupiter.api.Disabled("flaky: depends on wall-clock timing of the bar clock versus the "
            + "generation thread; failed 2 of 4 full runs, on a busy and on an idle machine. "
            + "Needs a test clock instead of real time.")
    @Test
    void inRealTimeALateRegenerationPlaysTheOldBarInsteadOfAGap() throws Exception {
        // Bar 3 made for intensity 7 takes 1.5 s; bars last 1 s (240 bpm), so it misses its bar line.
        ArpeggioEngine fast = new ArpeggioEngine(4, 0, 0);
        boolean[] slowDone = {false};
        MusicEngine engine = seed -> {
            var inner = fast.newBarStream(seed);
            return new dev.improv.api.BarStream() {
                @Override
                public Bar next(int index, MusicControls controls, dev.improv.api.Cancellation cancellation) {
                    if (controls.intensity() == 7 && index == 3 && !slowDone[0]) {
                        slowDone[0] = true;
                        long end = System.nanoTime() + 1_500_000_000L;
                        while (System.nanoTime() < end) {
                            Thread.onSpinWait();
                        }
                    }
                    return inner.next(index, controls, cancellation);
                }

                @Override
                public void rewind(int index) {
                    inner.rewind(index);
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        };
        Script script = new Script(6);
        script.changes.put(2.3, START.withIntensity(7));
        LiveSession session = LiveSession.start(() -> engine, new SessionSettings(4, START, 2, 0.5, true),
                new DigestOutput(), script);
        assertTrue(script.done.await(30, TimeUnit.SECONDS));
        session.close();
        SessionStats s = session.stats();
        assertEquals(2, script.playedWith.get(3).intensity(), "bar 3 came from before the change");
        assertEquals(7, script.playedWith.get(4).intensity(), "the change is heard from bar 4");
        assertEquals(1, s.staleBarsPlayed());
        assertEquals(0, s.underruns(), "no gap");
        assertTrue(s.maxControlLatencyBars() > 1.5 && s.maxControlLatencyBars() < 1.8, "latency " + s.maxControlLatencyBars());
    }
}
