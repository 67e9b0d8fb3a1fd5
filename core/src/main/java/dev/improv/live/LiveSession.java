package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.GenerationCancelledException;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicSession;
import dev.improv.api.SessionSettings;
import dev.improv.api.SessionStats;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import dev.improv.music.MidiPorts;
import dev.improv.music.SynthStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.sound.midi.Soundbank;

/**
 * Live adaptive music: one thread generates bars ahead of playback into the {@link Lookahead},
 * another hands them to the {@link BarScheduler} and writes the rendered blocks, levelled by a
 * {@link StreamNormaliser} (RMS aimed at -18 dBFS, peaks at most -1 dBFS), to an {@link AudioOutput};
 * {@link PlaybackCounters} keep the statistics.
 *
 * <p>Quantisation: a control change made while bar {@code p} plays is used from bar {@code p + 1}
 * (bar {@code p + 2} if fewer than {@code controlCutoffBeats} beats of bar {@code p} remain);
 * already-generated bars from there on are thrown away and made again. A stinger starts on the
 * next beat. A change asked for on the beat ({@link Transition#NEXT_BEAT}) is made for bar
 * {@code p + 1}, and bar {@code p} is cut short at the first beat after the request at which that
 * bar is ready (in real time; otherwise at the first beat, waiting for it), at worst at its bar line.
 * {@link #finish()} has the engine play its cadence from the next bar line, lets it ring out and
 * stops. Because each bar depends only on the seed, the bars kept before it and its controls,
 * the same seed and the same changes at the same positions give the same music whenever
 * generation keeps up (always when not in real time, where playback waits for it). In real time a
 * regeneration that misses its bar line is not waited for if a bar made with the old controls
 * exists: that bar plays (counted in {@code staleBarsPlayed}) and the change is heard a bar later;
 * only with nothing to play does playback wait (an underrun); a stale bar at hand is never replaced
 * by silence. Every public method returns at once without taking a lock the session's threads hold
 * while they work (requests go through lock-free queues that the playback thread applies at its next
 * block, about 12 ms later), so a render thread never waits on audio or generation; all are
 * thread-safe.
 *
 * <p>All timing (pacing, bar lines, waits, the statistics' durations) reads a {@link SessionClock}:
 * the wall clock in a game, a hand-advanced clock in tests.
 */
public final class LiveSession implements MusicSession {
    /** Frames rendered per step: about 11.6 ms, the granularity of stinger timing and scripted changes. */
    public static final int BLOCK_FRAMES = 512;
    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());
    private static final double RATE = AudioOutput.SAMPLE_RATE;
    /** Seconds the last chord of a cadence rings before the session stops. */
    static final double RING_OUT_SECONDS = 2.0;

    /** Hears what the playback thread does; called on that thread, so keep it quick. */
    public interface PositionListener {
        /** After each block, with the playback position in bars (2.5 = the middle of the third bar). */
        default void onBlock(LiveSession session, double barPosition) {
        }

        /** When bar {@code index} is scheduled for playback, with the controls it was made with. */
        default void onBar(int index, Bar bar, MusicControls controls) {
        }
    }

    private record StingerRequest(Stinger stinger, long requestFrame) {
    }

    /** A control change (or, with null controls, the request to finish) from bar {@code effectiveBar}. */
    private record ControlRequest(MusicControls controls, int effectiveBar, long requestFrame, long barFrames,
                                  Transition when) {
    }

    /** Where playback stands, published by the playback thread after every block. */
    private record Position(int playingBar, long barStart, long barFrames, int beats, long renderedFrames) {
        double bars() {
            return playingBar < 0 ? 0 : playingBar + Math.min(1.0, (renderedFrames - barStart) / (double) barFrames);
        }
    }

    private final SessionSettings settings;
    private final AudioOutput output;
    private final Supplier<MusicEngine> engine;
    private final PositionListener listener;
    private final SessionClock clock;
    /** Paces playback by the clock when the output does not block; its wait ends when the session closes. */
    private final Pacer pacer;
    /** Live output at a steady level without clipping (playback thread only). */
    private final StreamNormaliser normaliser = new StreamNormaliser(2, AudioOutput.SAMPLE_RATE);
    /** What a paused player waits on; {@link #resume()} and {@link #close()} ring it. */
    private final Object doorbell = new Object();

    // Everything below is guarded by lock; neither thread holds it while generating or rendering.
    private final Object lock = new Object();
    private final Lookahead lookahead;
    private final PlaybackCounters counters = new PlaybackCounters();
    private final ConcurrentLinkedQueue<StingerRequest> stingers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ControlRequest> controlRequests = new ConcurrentLinkedQueue<>();
    private volatile MusicControls requested;
    private volatile Position position = new Position(-1, 0, 1, 4, 0);
    private volatile SessionStats published;
    private volatile boolean paused;
    /** Set with {@code closed}, readable without the lock (by a paused player). */
    private volatile boolean ending;
    /** Set by {@link #finish()}: later control changes are ignored. */
    private volatile boolean finishing;
    private boolean finished;
    /** The bar whose readiness cuts the bar before it short on a beat, or -1 (playback thread). */
    private int cutForBar = -1;
    /** The cut comes on a beat after this frame (the request's). */
    private long cutAfterFrame;
    private volatile String failure;
    private int playingBar = -1;
    private long playingBarStart;
    private long playingBarFrames = 1;
    private int playingBarBeats = 4;
    /** The key of the bar playing, as its engine made it: stingers play in it. */
    private Key playingKey;
    private long renderedFrames;
    private boolean closed;

    private final Thread generator;
    private final Thread player;

    private LiveSession(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output,
                        PositionListener listener, SessionClock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.output = Objects.requireNonNull(output, "output");
        this.listener = listener;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pacer = new Pacer(RATE, Math.max(BLOCK_FRAMES, output.aheadFrames()), clock);
        this.lookahead = new Lookahead(settings.controls());
        this.requested = settings.controls();
        this.generator = new Thread(this::generateLoop, "improv-music-generate");
        this.player = new Thread(this::playLoop, "improv-music-play");
        generator.setDaemon(true);
        player.setDaemon(true);
        // The player feeds the sound device: it must win over generation for a core.
        player.setPriority(Thread.MAX_PRIORITY);
        generator.setPriority(Thread.NORM_PRIORITY);
    }

    /** Starts a session and returns at once; the engine is obtained on the session's generation thread. */
    public static LiveSession start(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output) {
        return start(engine, settings, output, null);
    }

    /** As {@link #start(Supplier, SessionSettings, AudioOutput)}, calling {@code listener} after every block (may be null). */
    public static LiveSession start(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output,
                                    PositionListener listener) {
        return start(engine, settings, output, listener, SessionClock.SYSTEM);
    }

    /**
     * As {@link #start(Supplier, SessionSettings, AudioOutput, PositionListener)}, playing by
     * {@code clock} instead of the wall clock (a test's hand-advanced clock).
     */
    public static LiveSession start(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output,
                                    PositionListener listener, SessionClock clock) {
        LiveSession s = new LiveSession(engine, settings, output, listener, clock);
        s.generator.start();
        s.player.start();
        return s;
    }

    // ---- controls (any thread, lock-free) ----

    @Override
    public void setControls(MusicControls controls, Transition when) {
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(when, "when");
        if (finishing) {
            return;
        }
        requested = controls;
        Position p = position;
        // On the beat the change is made for the next bar, whatever the cutoff: if it is late, the bar
        // playing is simply not cut.
        int effective = when == Transition.NEXT_BEAT && p.playingBar() >= 0 ? p.playingBar() + 1 : effectiveBarForChange(p);
        controlRequests.add(new ControlRequest(controls, effective, p.renderedFrames(), p.barFrames(), when));
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        Position p = position;
        controlRequests.add(new ControlRequest(null, effectiveBarForChange(p), p.renderedFrames(), p.barFrames(),
                Transition.NEXT_BAR));
    }

    @Override
    public MusicControls controls() {
        return requested;
    }

    @Override
    public void stinger(Stinger stinger) {
        Objects.requireNonNull(stinger, "stinger");
        stingers.add(new StingerRequest(stinger, position.renderedFrames()));
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        ringDoorbell();
    }

    private void ringDoorbell() {
        synchronized (doorbell) {
            clock.signalAll(doorbell);
        }
    }

    /** Position of playback in bars: the bar playing plus the fraction of it already rendered. */
    public double position() {
        return position.bars();
    }

    @Override
    public SessionStats stats() {
        SessionStats s = published;
        if (s != null) {
            return s;
        }
        synchronized (lock) {
            return snapshot();
        }
    }

    /** Statistics now (lock held). */
    private SessionStats snapshot() {
        return counters.snapshot(lookahead.barsAhead(position.bars()), output.isAudible(), failure, finished);
    }

    /** Stops both threads (waiting up to a second for them) and closes the output. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            ending = true;
            lookahead.cancelGenerating("session closed");
            clock.signalAll(lock);
        }
        pacer.stop();
        ringDoorbell();
        try {
            player.join(1000);
            generator.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the playback thread has ended (after {@link #close()} or a failure). For tools. */
    public void awaitEnd() throws InterruptedException {
        player.join();
    }

    // ---- scheduling rules ----

    private int effectiveBarForChange(Position p) {
        if (p.playingBar() < 0) {
            return 0;
        }
        double beatsIn = (p.renderedFrames() - p.barStart()) * (double) p.beats() / p.barFrames();
        double remaining = p.beats() - beatsIn;
        return p.playingBar() + (remaining < settings.controlCutoffBeats() ? 2 : 1);
    }

    /** Applies queued control changes (playback thread, lock held). */
    private void applyControlRequests() {
        boolean any = false;
        for (ControlRequest r; (r = controlRequests.poll()) != null; ) {
            any = true;
            cutForBar = -1;
            if (r.controls() == null) {
                lookahead.finish(r.effectiveBar());
                continue;
            }
            int effective = lookahead.change(r.effectiveBar(), r.controls());
            counters.changeRequested(effective, r.requestFrame(), r.barFrames());
            if (r.when() == Transition.NEXT_BEAT && effective == playingBar + 1) {
                cutForBar = effective;
                cutAfterFrame = r.requestFrame();
            }
        }
        if (any) {
            clock.signalAll(lock);
        }
    }

    /** Publishes position and counters for lock-free readers (lock held). */
    private void publish() {
        position = new Position(playingBar, playingBarStart, playingBarFrames, playingBarBeats, renderedFrames);
        published = snapshot();
    }

    // ---- generation thread ----

    private void generateLoop() {
        BarStream stream = null;
        int streamNext = 0;
        try {
            MusicEngine music = engine.get();
            while (true) {
                int index;
                int cadenceStep;
                MusicControls controls;
                Cancellation token = new Cancellation();
                synchronized (lock) {
                    while (!closed && !lookahead.wantsMore(playingBar, settings.lookaheadBars())) {
                        clock.await(lock, 0);
                    }
                    if (closed) {
                        return;
                    }
                    index = lookahead.startGenerating(token, clock.nanoTime());
                    controls = lookahead.controlsAt(index);
                    cadenceStep = lookahead.cadenceStep(index);
                }
                if (stream == null) {
                    stream = music.newBarStream(settings.seed());
                }
                if (streamNext != index) {
                    stream.rewind(index);
                }
                streamNext = index;
                long t0 = clock.nanoTime();
                Bar bar;
                boolean noCadence = false;
                try {
                    bar = cadenceStep < 0 ? stream.next(index, controls, token) : stream.cadence(index, controls, cadenceStep, token);
                    noCadence = bar == null;
                    streamNext = noCadence ? index : index + 1;
                } catch (GenerationCancelledException e) {
                    bar = null;
                }
                double seconds = (clock.nanoTime() - t0) / 1e9;
                synchronized (lock) {
                    if (noCadence && !token.isCancelled()) {
                        lookahead.noCadence(index);
                        clock.signalAll(lock);
                    }
                    double musicSeconds = bar == null ? 0 : bar.beats() * 60.0 / controls.tempoBpm();
                    counters.generated(seconds, bar != null, musicSeconds, stream.tokensDecoded());
                    if (lookahead.finishGenerating(index, bar, controls, stream.key(controls), token)) {
                        clock.signalAll(lock);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            fail("music generation failed: " + e);
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }

    private void fail(String message) {
        synchronized (lock) {
            if (failure == null && !closed) {
                failure = message;
                LOG.log(System.Logger.Level.ERROR, "improv: " + message + "; the music stops");
            }
            closed = true;
            ending = true;
            clock.signalAll(lock);
        }
        ringDoorbell();
    }

    // ---- playback thread ----

    private void playLoop() {
        if (!output.isAudible()) {
            LOG.log(System.Logger.Level.WARNING, "improv: no sound device; the music session keeps running silently");
        }
        boolean pace = settings.realTime() && !output.blocksInRealTime();
        short[] block = new short[BLOCK_FRAMES * 2];
        short[] silence = new short[BLOCK_FRAMES * 2];
        ArrayDeque<Long> barEnds = new ArrayDeque<>();
        long nextBarStart = 0;
        int nextBar = 0;
        long synthFrames = 0;
        try (BarScheduler scheduler = new BarScheduler(soundbank(), BLOCK_FRAMES); MidiPorts.Opened port = midiOut()) {
            if (port != null) {
                scheduler.tap(port.receiver());
            }
            // Start the clock once the synthesizer is ready: loading its soundfont takes a while.
            pacer.restart();
            while (true) {
                boolean wasPaused = paused;
                if (!waitWhilePaused()) {
                    return;
                }
                if (wasPaused) {
                    pacer.restart();
                }
                long blockStart = synthFrames;
                synchronized (lock) {
                    applyControlRequests();
                }
                if (cutForBar == nextBar && cutForBar == playingBar + 1) {
                    long cut = cutOnBeat(blockStart, nextBarStart);
                    if (cut >= 0) {
                        scheduler.cut(cut);
                        synchronized (lock) {
                            playingBarBeats = (int) Math.round((cut - playingBarStart) * (double) playingBarBeats / playingBarFrames);
                            playingBarFrames = cut - playingBarStart;
                        }
                        barEnds.pollLast();
                        barEnds.add(cut);
                        nextBarStart = cut;
                    }
                }
                while (nextBarStart < blockStart + BLOCK_FRAMES) {
                    Lookahead.ReadyBar rb = takeBar(nextBar, pace ? pacer : null, silence);
                    if (rb == null) {
                        if (isEnd(nextBar)) {
                            ringOut(scheduler, block, synthFrames, pace, barEnds);
                        }
                        return;
                    }
                    long frames = Math.round(rb.bar().beats() * 60.0 / rb.controls().tempoBpm() * RATE);
                    scheduler.schedule(rb.bar(), nextBarStart, frames);
                    synchronized (lock) {
                        playingBar = nextBar;
                        playingBarStart = nextBarStart;
                        playingBarFrames = frames;
                        playingBarBeats = rb.bar().beats();
                        playingKey = rb.key();
                        lookahead.dispatched(nextBar);
                        if (!rb.stale()) {
                            counters.freshBarStarts(nextBar, nextBarStart);
                        }
                        clock.signalAll(lock);
                    }
                    if (listener != null) {
                        listener.onBar(nextBar, rb.bar(), rb.controls());
                    }
                    barEnds.add(nextBarStart + frames);
                    nextBarStart += frames;
                    nextBar++;
                }
                playStingers(scheduler, blockStart);
                synthFrames += BLOCK_FRAMES;
                playBlock(scheduler, block, synthFrames, pace, barEnds);
                if (listener != null) {
                    listener.onBlock(this, position.bars());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            fail("music playback failed: " + e);
        } finally {
            synchronized (lock) {
                publish();
            }
            output.close();
        }
    }

    /**
     * The frame of the beat at which the bar playing is cut for {@link #cutForBar}, or -1 not yet: the
     * first beat after the request inside this block whose bar is ready (in real time) or, when not in
     * real time, the first beat after the request, waiting for its bar (so the music does not depend
     * on the machine's speed). A beat at or past the bar line ends the attempt.
     */
    private long cutOnBeat(long blockStart, long barLine) throws InterruptedException {
        double framesPerBeat = playingBarFrames / (double) playingBarBeats;
        long from = Math.max(blockStart, cutAfterFrame + 1);
        long beat = Math.max(1, (long) Math.ceil((from - playingBarStart) / framesPerBeat));
        long frame = playingBarStart + Math.round(beat * framesPerBeat);
        if (frame >= barLine) {
            cutForBar = -1;
            return -1;
        }
        if (frame >= blockStart + BLOCK_FRAMES) {
            return -1;
        }
        synchronized (lock) {
            while (!settings.realTime() && !lookahead.hasFresh(cutForBar) && !closed && cutForBar >= 0) {
                clock.await(lock, (long) (BLOCK_FRAMES * 1e9 / RATE));
                applyControlRequests();
            }
            if (cutForBar < 0 || !lookahead.hasFresh(cutForBar)) {
                return -1;
            }
        }
        cutForBar = -1;
        return frame;
    }

    private boolean isEnd(int index) {
        synchronized (lock) {
            return lookahead.ended(index);
        }
    }

    /**
     * Renders one block, writes it (at the clock's pace when {@code pace}), and counts the bars whose
     * end it passed; {@code framesAfter} is the synthesized frame count with this block.
     */
    private void playBlock(BarScheduler scheduler, short[] block, long framesAfter, boolean pace, ArrayDeque<Long> barEnds)
            throws IOException, InterruptedException {
        scheduler.render(block);
        normaliser.process(block, block.length);
        output.write(block, 0, block.length);
        if (pace) {
            long gap = pacer.produced(BLOCK_FRAMES);
            if (gap > 0) {
                output.gap(gap);
            }
        }
        synchronized (lock) {
            renderedFrames = framesAfter;
            while (!barEnds.isEmpty() && barEnds.peek() <= renderedFrames) {
                barEnds.poll();
                counters.barsPlayed++;
            }
            counters.dropouts = pacer.dropouts();
            counters.outputPeak = normaliser.peak();
            counters.outputRms = normaliser.rms();
            counters.limitedSamples = normaliser.limitedSamples();
            publish();
        }
    }

    /** After the cadence: renders {@link #RING_OUT_SECONDS} more so the last chord decays, then ends the session. */
    private void ringOut(BarScheduler scheduler, short[] block, long synthFrames, boolean pace, ArrayDeque<Long> barEnds)
            throws IOException, InterruptedException {
        long frames = synthFrames;
        long end = synthFrames + Math.round(RING_OUT_SECONDS * RATE);
        while (frames < end && !ending) {
            frames += BLOCK_FRAMES;
            playBlock(scheduler, block, frames, pace, barEnds);
        }
        synchronized (lock) {
            finished = true;
            closed = true;
            ending = true;
            lookahead.cancelGenerating("the music ended");
            clock.signalAll(lock);
        }
    }

    /** The MIDI output port of the settings, opened, or null for none. */
    private MidiPorts.Opened midiOut() throws IOException {
        if (settings.midiOut() == null) {
            return null;
        }
        try {
            return MidiPorts.open(settings.midiOut());
        } catch (javax.sound.midi.MidiUnavailableException e) {
            throw new IOException("MIDI out: " + e.getMessage(), e);
        }
    }

    /** The game's soundbank (loading one takes a noticeable part of a second), or null for the synthesizer's own. */
    private Soundbank soundbank() throws IOException {
        return settings.soundbank() == null ? null : SynthStream.loadSoundbank(settings.soundbank());
    }

    /** Returns false once the session is closed; while paused, parks until resumed or closed. */
    private boolean waitWhilePaused() throws InterruptedException {
        synchronized (doorbell) {
            while (paused && !ending) {
                clock.await(doorbell, 0);
            }
        }
        synchronized (lock) {
            return !closed;
        }
    }

    /**
     * Takes bar {@code index} from the lookahead, waiting if generation is behind (an underrun,
     * except before the first bar). While waiting in real time it plays silence, as a device would.
     */
    private Lookahead.ReadyBar takeBar(int index, Pacer pacer, short[] silence) throws InterruptedException {
        boolean waiting = false;
        long waitStart = 0;
        while (true) {
            synchronized (lock) {
                if (lookahead.ended(index)) {
                    return null; // after the cadence: no bar, not even a stale one
                }
                Lookahead.ReadyBar rb = lookahead.takeFresh(index);
                if (rb == null && settings.realTime() && (pacer == null || pacer.aheadSeconds() < 0.05)) {
                    // Regeneration for new controls is late and the sound buffered is running out:
                    // play what was made with the old controls rather than a gap; the change is
                    // then heard a bar later.
                    rb = lookahead.stale(index);
                    if (rb != null) {
                        counters.staleBarsPlayed++;
                        LOG.log(System.Logger.Level.INFO, "improv: bar " + index + " plays with the previous controls: "
                                + lookahead.generatingNow(clock.nanoTime()));
                    }
                }
                if (rb != null) {
                    if (waiting) {
                        counters.underrunNanos += clock.nanoTime() - waitStart;
                    }
                    return rb;
                }
                if (closed) {
                    return null;
                }
                if (!waiting && index > 0 && !paused && lookahead.stale(index) == null) {
                    counters.underruns++;
                    waiting = true;
                    waitStart = clock.nanoTime();
                }
                applyControlRequests();
                publish();
                clock.await(lock, (long) (BLOCK_FRAMES * 1e9 / RATE));
                if (lookahead.has(index) || closed) {
                    // With a stale bar at hand never fill with silence: it plays once the buffer runs low.
                    continue;
                }
            }
            // Fill with silence only once the sound already buffered has run out, as a device would.
            if (settings.realTime() && !paused && (pacer == null || pacer.aheadSeconds() < 0.05)) {
                output.write(silence, 0, silence.length);
                if (pacer != null) {
                    long gap = pacer.produced(BLOCK_FRAMES);
                    if (gap > 0) {
                        output.gap(gap);
                    }
                }
            }
        }
    }

    /** Starts waiting stingers on the next beat of the bar playing, in the key playing. */
    private void playStingers(BarScheduler scheduler, long blockStart) {
        if (stingers.isEmpty()) {
            return;
        }
        List<StingerRequest> due = new ArrayList<>();
        for (StingerRequest r; (r = stingers.poll()) != null; ) {
            due.add(r);
        }
        long barStart;
        long barFrames;
        int beats;
        Key key;
        synchronized (lock) {
            barStart = playingBarStart;
            barFrames = playingBarFrames;
            beats = playingBarBeats;
            key = playingKey != null ? playingKey : lookahead.controlsAt(0).key();
        }
        double framesPerBeat = barFrames / (double) beats;
        long beatIndex = (long) Math.ceil((blockStart - barStart) / framesPerBeat);
        long start = barStart + Math.round(beatIndex * framesPerBeat);
        for (StingerRequest r : due) {
            scheduler.schedule(r.stinger(), key, start, framesPerBeat);
            synchronized (lock) {
                counters.stingerStarted((start - r.requestFrame()) / framesPerBeat);
            }
        }
    }
}
