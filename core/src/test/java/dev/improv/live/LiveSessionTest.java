package dev.improv.live;

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
import dev.improv.api.Transition;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Real-time behaviour runs on a {@link ManualClock}: time moves only when the session's threads are
 * all waiting, so what these tests see is the same on an idle and on an overloaded machine.
 */
class LiveSessionTest {
    private static final long MS = 1_000_000L;
    /** Ten bars of the script below (nine at 240 bpm, one at 180) hold 455,700 frames; digest fewer. */
    private static final long DIGEST_SAMPLES = 440_000L * 2;
    private static final MusicControls START = new MusicControls(2, Key.C_MAJOR, Mood.CALM, 240);

    /**
     * Captures PCM from the first sound on into a digest (silence while the first bar is generated
     * is not part of the music) and counts frames.
     */
    private static class DigestOutput implements AudioOutput {
        final MessageDigest digest;
        long frames;
        long digested;
        double sumSquares;
        int peak;

        DigestOutput() throws Exception {
            digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public void write(short[] samples, int offset, int count) {
            for (int i = 0; i < count; i++) {
                peak = Math.max(peak, Math.abs(samples[offset + i]));
            }
            for (int i = 0; i < count && digested < DIGEST_SAMPLES; i++) {
                short s = samples[offset + i];
                if (digested == 0 && s == 0) {
                    continue;
                }
                digested++;
                digest.update((byte) s);
                digest.update((byte) (s >> 8));
                sumSquares += (double) s * s;
            }
            frames += count / 2;
        }

        double rms() {
            return Math.sqrt(sumSquares / Math.max(1, digested));
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
        Transition when = Transition.NEXT_BAR;

        Script(int stopAfterBars) {
            this.stopAfterBars = stopAfterBars;
        }

        @Override
        public void onBlock(LiveSession session, double position) {
            while (!changes.isEmpty() && changes.firstKey() <= position) {
                session.setControls(changes.pollFirstEntry().getValue(), when);
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

    /** The control script of {@link #run}, at these bar positions. */
    private static Script script(int bars) {
        Script script = new Script(bars);
        script.changes.put(3.4, START.withIntensity(6));
        script.changes.put(5.9, START.withIntensity(6).withKey(Key.parse("A minor")));
        script.changes.put(8.1, START.withIntensity(1).withTempo(180));
        script.stingerAt = 9.3;
        return script;
    }

    /** Not in real time: the script is applied by the playback thread after each block. */
    private static Run runFast(MusicEngine engine, long seed, int bars) throws Exception {
        return runFast(engine, seed, bars, Transition.NEXT_BAR);
    }

    private static Run runFast(MusicEngine engine, long seed, int bars, Transition when) throws Exception {
        DigestOutput out = new DigestOutput();
        Script script = script(bars);
        script.when = when;
        SessionSettings settings = new SessionSettings(seed, START, 2, 0.5, false);
        LiveSession session = LiveSession.start(() -> engine, settings, out, script);
        assertTrue(script.done.await(60, TimeUnit.SECONDS), "session did not reach bar " + bars);
        session.close();
        return new Run(out.digest.digest(), script, session.stats(), out.rms());
    }

    /**
     * In real time on a hand-advanced clock: the test thread plays the game, making each change
     * of the script as soon as playback has passed its position.
     */
    private static Run runRealTime(java.util.function.Function<SessionClock, MusicEngine> engine, long seed, int bars)
            throws Exception {
        ManualClock clock = new ManualClock(2);
        DigestOutput out = new DigestOutput();
        Script script = script(bars);
        Script heard = new Script(bars); // records what played; its changes stay empty
        MusicEngine music = engine.apply(clock);
        LiveSession session = LiveSession.start(() -> music, new SessionSettings(seed, START, 2, 0.5, true), out, heard, clock);
        try {
            while (session.position() < bars) {
                clock.advanceUntil(() -> session.position() >= Math.min(bars, nextEvent(script)), 60_000 * MS);
                script.onBlock(session, session.position());
            }
            return new Run(out.digest.digest(), heard, session.stats(), out.rms());
        } finally {
            clock.release();
            session.close();
        }
    }

    private static double nextEvent(Script s) {
        double next = s.changes.isEmpty() ? Double.MAX_VALUE : s.changes.firstKey();
        return s.stingerAt >= 0 ? Math.min(next, s.stingerAt) : next;
    }

    @Test
    void theOutputIsLevelledToTheTargetAndNeverClips() throws Exception {
        DigestOutput out = new DigestOutput();
        Script script = script(12);
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0), new SessionSettings(7, START, 2, 0.5, false),
                out, script);
        assertTrue(script.done.await(60, TimeUnit.SECONDS), "session did not reach bar 12");
        session.close();
        SessionStats stats = session.stats();
        assertTrue(out.peak <= dev.improv.music.Loudness.MAX_PEAK * 32768, "a sample over -1 dBFS: " + out.peak);
        assertEquals(out.peak / 32768.0, stats.outputPeak(), 1e-9, "the reported peak is the output's");
        double rmsDb = dev.improv.music.Loudness.dbfs(stats.outputRms());
        assertTrue(rmsDb > -22 && rmsDb < -16.5, "RMS " + rmsDb + " dBFS, aimed at -18");
    }

    @Test
    void changesTakeEffectAtTheNextBarLineOrTheOneAfterWhenTooLate() throws Exception {
        Run r = runRealTime(clock -> new ArpeggioEngine(4, 0, 0), 42, 12);
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
        // Requested at 9.3 (a fifth of a beat past beat 9.25): starts on the next beat, 9.5.
        assertTrue(r.stats().maxStingerLatencyBeats() > 0.7 && r.stats().maxStingerLatencyBeats() <= 1.0 + 0.1,
                "stinger latency " + r.stats().maxStingerLatencyBeats());
        assertEquals(0, r.stats().underruns());
        assertEquals(0, r.stats().staleBarsPlayed());
        assertEquals(0, r.stats().dropouts());
        assertTrue(r.rms() > 100, "the synthesizer made sound: rms " + r.rms());
    }

    @Test
    void sameSeedAndScriptGiveTheSameMusicHoweverSlowGenerationIs() throws Exception {
        Run fast = runFast(new ArpeggioEngine(4, 0, 0), 7, 10);
        Run fastSlowEngine = runFast(new ArpeggioEngine(4, 40, 99), 7, 10);
        // In real time bars last 1 s at 240 bpm; generation takes up to 0.45 s of each, so even the
        // bar after the change at 3.4 (0.6 s before its bar line, less the output's 93 ms lead) is in time.
        Run live = runRealTime(clock -> new ArpeggioEngine(4, 0, 0), 7, 10);
        Run liveSlowEngine = runRealTime(clock -> new ArpeggioEngine(4, 450, 99, clock), 7, 10);
        List<Run> runs = List.of(fastSlowEngine, live, liveSlowEngine);
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            assertEquals(fast.script().played.subList(0, 10), r.script().played.subList(0, 10), "bars of run " + i);
            assertArrayEquals(fast.sha(), r.sha(), "same PCM in run " + i);
        }
        assertTrue(liveSlowEngine.stats().realTimeFactor() < 20, "generation took time: rtf " + liveSlowEngine.stats().realTimeFactor());
        assertEquals(0, liveSlowEngine.stats().underruns());
        assertEquals(0, liveSlowEngine.stats().staleBarsPlayed());
        Run other = runFast(new ArpeggioEngine(4, 0, 0), 8, 2);
        assertTrue(!fast.script().played.subList(0, 2).equals(other.script().played.subList(0, 2)),
                "another seed gives other music");
    }

    @Test
    void pauseHoldsPlaybackAndResumeContinues() throws Exception {
        ManualClock clock = new ManualClock(2);
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(1, START, 2, 0.5, true), new DigestOutput(), null, clock);
        try {
            clock.advanceUntil(() -> session.position() >= 2, 10_000 * MS);
            session.pause();
            clock.advance(20 * MS); // the block in hand (rendered before the pause) is handed over
            clock.awaitIdle();
            double held = session.position();
            assertTrue(held < 2.05, "held at " + held);
            clock.advance(5_000 * MS);
            clock.awaitIdle();
            assertEquals(held, session.position(), "no progress while paused");
            session.resume();
            double resumedAt = clock.seconds();
            clock.advanceUntil(() -> session.position() >= held + 1, 10_000 * MS);
            // One bar (1 s at 240 bpm) after the resume, give or take the output's 93 ms lead.
            double took = clock.seconds() - resumedAt;
            assertTrue(took > 0.85 && took < 1.05, "a bar took " + took + " s after resuming");
            SessionStats s = session.stats();
            assertEquals(0, s.underruns());
            assertEquals(0, s.dropouts(), "the pause is not counted as synthesis falling behind");
        } finally {
            clock.release();
            session.close();
        }
    }

    @Test
    void slowGenerationInRealTimeCountsUnderrunsAndKeepsGoing() throws Exception {
        // One-beat bars at 240 bpm last 250 ms; generating each takes up to 400 ms.
        ManualClock clock = new ManualClock(2);
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(1, 400, 5, clock),
                new SessionSettings(1, START, 1, 0, true), new DigestOutput(), null, clock);
        try {
            clock.advanceUntil(() -> session.stats().barsPlayed() >= 8, 60_000 * MS);
            SessionStats s = session.stats();
            assertTrue(s.underruns() >= 1, "underruns " + s.underruns());
            assertTrue(s.underrunMillis() > 0);
            assertTrue(s.realTimeFactor() > 0.5 && s.realTimeFactor() < 2, "rtf " + s.realTimeFactor());
            assertTrue(clock.seconds() > 8 * 0.25, "waiting made 8 bars take longer than 2 s: " + clock.seconds());
        } finally {
            clock.release();
            session.close();
        }
    }

    /** The arpeggio engine, except that bar {@code index} made for intensity 7 takes {@code millis} once. */
    private static MusicEngine slowOnce(ManualClock clock, int index, long millis, boolean[] slowDone) {
        ArpeggioEngine fast = new ArpeggioEngine(4, 0, 0);
        return seed -> {
            var inner = fast.newBarStream(seed);
            return new dev.improv.api.BarStream() {
                @Override
                public Bar next(int i, MusicControls controls, dev.improv.api.Cancellation cancellation) {
                    if (controls.intensity() == 7 && i == index && !slowDone[0]) {
                        slowDone[0] = true;
                        ArpeggioEngine.work(clock, millis * MS, cancellation);
                    }
                    return inner.next(i, controls, cancellation);
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
    }

    @Test
    void inRealTimeALateRegenerationPlaysTheOldBarInsteadOfAGap() throws Exception {
        // Bar 3 made for intensity 7 takes 1.5 s; bars last 1 s (240 bpm), so it misses its bar line.
        ManualClock clock = new ManualClock(2);
        boolean[] slowDone = {false};
        MusicEngine engine = slowOnce(clock, 3, 1_500, slowDone);
        Script script = new Script(6);
        script.changes.put(2.3, START.withIntensity(7));
        LiveSession session = LiveSession.start(() -> engine, new SessionSettings(4, START, 2, 0.5, true),
                new DigestOutput(), script, clock);
        SessionStats s;
        try {
            clock.advanceUntil(() -> session.position() >= 6, 30_000 * MS);
            s = session.stats();
        } finally {
            clock.release();
            session.close();
        }
        assertTrue(slowDone[0], "the slow regeneration happened");
        assertEquals(2, script.playedWith.get(3).intensity(), "bar 3 came from before the change");
        assertEquals(7, script.playedWith.get(4).intensity(), "the change is heard from bar 4");
        assertEquals(1, s.staleBarsPlayed());
        assertEquals(0, s.underruns(), "no gap");
        assertTrue(s.maxControlLatencyBars() > 1.5 && s.maxControlLatencyBars() < 1.8, "latency " + s.maxControlLatencyBars());
    }

    @Test
    void aStalledPlayerCountsADropoutAndHandsTheGapToTheOutput() throws Exception {
        ManualClock clock = new ManualClock(2);
        long[] gap = {0};
        boolean[] stalled = {false};
        DigestOutput out = new DigestOutput() {
            @Override
            public void write(short[] samples, int offset, int count) {
                super.write(samples, offset, count);
                if (!stalled[0] && frames > 2 * AudioOutput.SAMPLE_RATE) {
                    stalled[0] = true;
                    ArpeggioEngine.work(clock, 300 * MS, new dev.improv.api.Cancellation()); // descheduled for 0.3 s
                }
            }

            @Override
            public void gap(long frames) {
                gap[0] += frames;
            }
        };
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(1, START, 2, 0.5, true), out, null, clock);
        try {
            clock.advanceUntil(() -> session.position() >= 4, 10_000 * MS);
            assertEquals(1, session.stats().dropouts());
            // 0.3 s late, less the 4,096 frames buffered ahead; the block in hand may be counted or not.
            long expected = 300 * AudioOutput.SAMPLE_RATE / 1000 - out.aheadFrames();
            assertTrue(Math.abs(gap[0] - expected) <= LiveSession.BLOCK_FRAMES, "gap " + gap[0] + " frames, expected about " + expected);
            assertEquals(0, session.stats().underruns());
        } finally {
            clock.release();
            session.close();
        }
    }

    /** Plays START in real time, asks for {@code change} at bar position {@code at} on the beat, and plays on to bar 6. */
    private static Run changeOnTheBeat(ManualClock clock, MusicEngine engine, double at, MusicControls change) throws Exception {
        Script heard = new Script(8);
        DigestOutput out = new DigestOutput();
        LiveSession session = LiveSession.start(() -> engine, new SessionSettings(3, START, 2, 0.5, true), out, heard, clock);
        try {
            clock.advanceUntil(() -> session.position() >= at, 30_000 * MS);
            session.setControls(change, Transition.NEXT_BEAT);
            clock.advanceUntil(() -> session.position() >= 6, 30_000 * MS);
            return new Run(out.digest.digest(), heard, session.stats(), out.rms());
        } finally {
            clock.release();
            session.close();
        }
    }

    @Test
    void aChangeOnTheBeatCutsTheBarPlayingShortAtTheNextBeat() throws Exception {
        Run r = changeOnTheBeat(new ManualClock(2), new ArpeggioEngine(4, 0, 0), 3.4, START.withIntensity(6));
        assertEquals(2, r.script().playedWith.get(3).intensity());
        assertEquals(6, r.script().playedWith.get(4).intensity(), "the next bar has the new controls");
        // Asked at 3.4 bars (beat 1.6 of bar 3): bar 4 starts on beat 2, a tenth of a bar later, not at 4.0.
        double latency = r.stats().maxControlLatencyBars();
        assertTrue(latency > 0.05 && latency < 0.15, "latency " + latency + " bars");
        assertEquals(0, r.stats().underruns());
        assertEquals(0, r.stats().staleBarsPlayed());
        assertEquals(0, r.stats().dropouts());
    }

    @Test
    void aChangeOnTheBeatWaitsForTheFirstBeatItsBarIsReadyFor() throws Exception {
        // Bar 4 made for intensity 7 takes 0.6 s (bars last 1 s, beats 0.25 s): asked at 3.1, it is
        // ready at about 3.7, so bar 3 is cut on its last beat, 3.75, and nothing is silent meanwhile.
        ManualClock clock = new ManualClock(2);
        boolean[] slowDone = {false};
        Run r = changeOnTheBeat(clock, slowOnce(clock, 4, 600, slowDone), 3.1, START.withIntensity(7));
        assertTrue(slowDone[0]);
        assertEquals(7, r.script().playedWith.get(4).intensity());
        double latency = r.stats().maxControlLatencyBars();
        assertTrue(latency > 0.6 && latency < 0.7, "latency " + latency + " bars");
        assertEquals(0, r.stats().underruns());
        assertEquals(0, r.stats().staleBarsPlayed());
    }

    @Test
    void changesOnTheBeatGiveTheSameMusicHoweverSlowGenerationIs() throws Exception {
        // Cut bars are shorter: 12 bars hold more than the samples digested.
        Run fast = runFast(new ArpeggioEngine(4, 0, 0), 7, 12, Transition.NEXT_BEAT);
        Run slow = runFast(new ArpeggioEngine(4, 40, 99), 7, 12, Transition.NEXT_BEAT);
        assertEquals(fast.script().played.subList(0, 12), slow.script().played.subList(0, 12));
        assertArrayEquals(fast.sha(), slow.sha());
        Run onBars = runFast(new ArpeggioEngine(4, 0, 0), 7, 10, Transition.NEXT_BAR);
        assertTrue(!java.util.Arrays.equals(fast.sha(), onBars.sha()), "cutting bars on the beat changes the music");
    }

    @Test
    void finishPlaysTheCadenceLetsItRingAndStops() throws Exception {
        ManualClock clock = new ManualClock(2);
        Script heard = new Script(100);
        DigestOutput out = new DigestOutput();
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(5, START.withKey(Key.parse("D")), 2, 0.5, true), out, heard, clock);
        try {
            clock.advanceUntil(() -> session.position() >= 2.3, 30_000 * MS);
            session.finish();
            session.setControls(START.withIntensity(7)); // too late: the music is ending
            clock.advanceUntil(() -> session.stats().finished(), 30_000 * MS);
            session.awaitEnd();
            SessionStats s = session.stats();
            assertEquals(5, heard.played.size(), "bars 0-2, then the two cadence bars");
            assertEquals(36 + 2 + 7, bassOf(heard.played.get(3)), "the dominant, A");
            assertEquals(36 + 2, bassOf(heard.played.get(4)), "then the tonic, D");
            assertEquals(2, heard.playedWith.get(4).intensity(), "the change after finish() was ignored");
            assertEquals(5, s.barsPlayed());
            // Five one-second bars, then two seconds of ringing out (give or take a block and the output's lead).
            assertTrue(Math.abs(out.frames - 7.0 * AudioOutput.SAMPLE_RATE) < 2 * LiveSession.BLOCK_FRAMES + out.aheadFrames(),
                    "frames " + out.frames);
            assertEquals(0, s.underruns());
            assertTrue(s.finished() && !s.failed());
        } finally {
            clock.release();
            session.close();
        }
    }

    @Test
    void anEngineWithoutACadenceEndsAtTheBarLine() throws Exception {
        ArpeggioEngine arpeggio = new ArpeggioEngine(4, 0, 0);
        MusicEngine noCadence = seed -> {
            var inner = arpeggio.newBarStream(seed);
            return new dev.improv.api.BarStream() {
                @Override
                public Bar next(int index, MusicControls controls, dev.improv.api.Cancellation cancellation) {
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
        Script heard = new Script(100);
        LiveSession session = LiveSession.start(() -> noCadence, new SessionSettings(5, START, 2, 0.5, false),
                new DigestOutput(), heard);
        while (session.position() < 1.5) {
            Thread.sleep(1);
        }
        session.finish();
        session.awaitEnd();
        assertTrue(session.stats().finished());
        int last = heard.played.size();
        assertTrue(last >= 2 && last <= 3, "ended at the next bar line (after the cutoff, the one after): " + last + " bars");
    }

    private static int bassOf(Bar bar) {
        return bar.notes().stream().filter(n -> n.channel() == 1).findFirst().orElseThrow().pitch();
    }

    @Test
    void aMidiOutputPortHearsEveryNoteAsItPlays() throws Exception {
        RecordingPortProvider.clear();
        Script heard = new Script(4);
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(2, START, 2, 0.5, false).withMidiOut("test port"), new DigestOutput(), heard);
        assertTrue(heard.done.await(60, TimeUnit.SECONDS));
        session.close();
        assertTrue(session.stats().failure() == null, session.stats().failure());
        List<javax.sound.midi.ShortMessage> ons = new ArrayList<>();
        for (javax.sound.midi.MidiMessage m : List.copyOf(RecordingPortProvider.RECEIVED)) {
            if (m instanceof javax.sound.midi.ShortMessage sm && sm.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON) {
                ons.add(sm);
            }
        }
        // The first four bars, note for note, in order (the port hears a note when it sounds).
        List<Integer> expected = sortedWithinOnsets(heard.played.subList(0, 4));
        assertTrue(ons.size() >= expected.size(), ons.size() + " note-ons for " + expected.size() + " notes");
        List<Integer> got = ons.subList(0, expected.size()).stream().map(javax.sound.midi.ShortMessage::getData1).toList();
        assertEquals(expected, got);
    }

    @Test
    void closingASessionMidBarLeavesNoNoteSoundingOnThePort() throws Exception {
        RecordingPortProvider.clear();
        CountDownLatch midBar = new CountDownLatch(1);
        // Each bar's bass is held the whole bar, so some note always sounds when the session is closed.
        LiveSession.PositionListener listener = new LiveSession.PositionListener() {
            @Override
            public void onBlock(LiveSession session, double position) {
                if (position >= 2.5) {
                    midBar.countDown();
                }
            }
        };
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(2, START, 2, 0.5, false).withMidiOut("test port"), new DigestOutput(), listener);
        assertTrue(midBar.await(60, TimeUnit.SECONDS));
        session.close();
        session.awaitEnd();
        int[][] held = new int[16][128];
        boolean[] played = new boolean[16];
        boolean[] allOff = new boolean[16];
        for (javax.sound.midi.MidiMessage m : List.copyOf(RecordingPortProvider.RECEIVED)) {
            if (!(m instanceof javax.sound.midi.ShortMessage sm)) {
                continue;
            }
            int ch = sm.getChannel();
            if (sm.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON && sm.getData2() > 0) {
                held[ch][sm.getData1()] = 1;
                played[ch] = true;
                allOff[ch] = false;
            } else if (sm.getCommand() == javax.sound.midi.ShortMessage.NOTE_OFF || sm.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON) {
                held[ch][sm.getData1()] = 0;
            } else if (sm.getCommand() == javax.sound.midi.ShortMessage.CONTROL_CHANGE && sm.getData1() == 123) {
                allOff[ch] = true;
            }
        }
        for (int ch = 0; ch < 16; ch++) {
            for (int key = 0; key < 128; key++) {
                assertEquals(0, held[ch][key], "channel " + ch + " key " + key + " still sounds after close");
            }
            assertEquals(played[ch], allOff[ch], "All Notes Off last on channel " + ch + " iff it played");
        }
    }

    /** Pitches of these bars in the order a port hears them: by onset, ties in the bar's own order. */
    private static List<Integer> sortedWithinOnsets(List<Bar> bars) {
        List<Integer> out = new ArrayList<>();
        for (Bar b : bars) {
            b.notes().stream().sorted(java.util.Comparator.comparingDouble(dev.improv.api.Note::startBeat))
                    .forEach(n -> out.add(n.pitch()));
        }
        return out;
    }

    @Test
    void anUnknownMidiPortFailsTheSessionNamingThePortsThereAre() throws Exception {
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(2, START, 2, 0.5, false).withMidiOut("no such synth"), new DigestOutput());
        session.awaitEnd();
        String failure = session.stats().failure();
        assertTrue(failure != null && failure.contains("no such synth") && failure.contains(RecordingPortProvider.NAME), failure);
    }

    @Test
    void aPortThatCannotBeOpenedFailsTheSessionNamingIt() throws Exception {
        LiveSession session = LiveSession.start(() -> new ArpeggioEngine(4, 0, 0),
                new SessionSettings(2, START, 2, 0.5, false).withMidiOut("busy"), new DigestOutput());
        session.awaitEnd();
        String failure = session.stats().failure();
        assertTrue(failure != null && failure.contains(RecordingPortProvider.BUSY_NAME + "' could not be opened")
                && failure.contains("device busy"), failure);
    }

    @Test
    void aLateCadencePlaysTheOldBarAndNothingAfterTheTonic() throws Exception {
        // Three bars ahead: when finish() comes at 2.3, bars 3-5 are made. The dominant (bar 3) then
        // takes 1.5 s, so the old bar 3 plays instead; the tonic (bar 4) ends the music, and the old
        // bar 5 must not play after it.
        ManualClock clock = new ManualClock(2);
        ArpeggioEngine arpeggio = new ArpeggioEngine(4, 0, 0);
        MusicEngine slowCadence = seed -> {
            var inner = arpeggio.newBarStream(seed);
            return new dev.improv.api.BarStream() {
                @Override
                public Bar next(int index, MusicControls controls, dev.improv.api.Cancellation cancellation) {
                    return inner.next(index, controls, cancellation);
                }

                @Override
                public Bar cadence(int index, MusicControls controls, int step, dev.improv.api.Cancellation cancellation) {
                    if (step == 0) {
                        ArpeggioEngine.work(clock, 1_500 * MS, cancellation);
                    }
                    return inner.cadence(index, controls, step, cancellation);
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
        Script heard = new Script(100);
        LiveSession session = LiveSession.start(() -> slowCadence, new SessionSettings(5, START, 3, 0.5, true),
                new DigestOutput(), heard, clock);
        try {
            clock.advanceUntil(() -> session.position() >= 2.3, 30_000 * MS);
            session.finish();
            clock.advanceUntil(() -> session.stats().finished(), 30_000 * MS);
            SessionStats s = session.stats();
            assertEquals(5, heard.played.size(), "bars 0-3, then the tonic");
            assertEquals(36, bassOf(heard.played.get(4)), "the tonic, C");
            assertEquals(1, s.staleBarsPlayed(), "the old bar 3 stood in for the late dominant");
            assertEquals(0, s.underruns());
        } finally {
            clock.release();
            session.close();
        }
    }

    @Test
    void aStingerPlaysInTheKeyTheEngineSaysItPlays() throws Exception {
        // The controls say C major, but this engine (like the band's battle preset) plays C minor:
        // the arpeggio C E G C must come out C Eb G C.
        ArpeggioEngine arpeggio = new ArpeggioEngine(4, 0, 0);
        MusicEngine minorMood = seed -> {
            var inner = arpeggio.newBarStream(seed);
            return new dev.improv.api.BarStream() {
                @Override
                public Bar next(int index, MusicControls controls, dev.improv.api.Cancellation cancellation) {
                    return inner.next(index, controls, cancellation);
                }

                @Override
                public Key key(MusicControls controls) {
                    return new Key(controls.key().tonic(), true);
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
        RecordingPortProvider.clear();
        Script script = new Script(4);
        script.stingerAt = 1.3;
        LiveSession session = LiveSession.start(() -> minorMood, new SessionSettings(2, START, 2, 0.5, false).withMidiOut("test port"),
                new DigestOutput(), script);
        assertTrue(script.done.await(60, TimeUnit.SECONDS));
        session.close();
        List<Integer> stinger = new ArrayList<>();
        for (javax.sound.midi.MidiMessage m : List.copyOf(RecordingPortProvider.RECEIVED)) {
            if (m instanceof javax.sound.midi.ShortMessage sm && sm.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON
                    && sm.getChannel() == 15) {
                stinger.add(sm.getData1());
            }
        }
        assertEquals(List.of(72, 75, 79, 84), stinger);
    }
}
