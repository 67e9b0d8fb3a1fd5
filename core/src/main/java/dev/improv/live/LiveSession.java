package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicSession;
import dev.improv.api.SessionSettings;
import dev.improv.api.SessionStats;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Live adaptive music: a {@link BarGenerationLoop} thread generates bars ahead of playback into the
 * {@link Lookahead}, a {@link PlaybackLoop} thread hands them to the {@link BarScheduler} and writes
 * the rendered blocks, levelled by a {@link StreamNormaliser} (RMS aimed at -18 dBFS, peaks at most
 * -1 dBFS), to an {@link AudioOutput}; {@link PlaybackCounters} keep the statistics. The two
 * threads share only a {@link LiveState}; this class starts them and turns calls into requests.
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

    private final SessionSettings settings;
    private final LiveState state;
    private final PlaybackLoop playback;
    private volatile MusicControls requested;
    /** Set by {@link #finish()}: later control changes are ignored. */
    private volatile boolean finishing;
    private final Thread generator;
    private final Thread player;

    private LiveSession(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output,
                        PositionListener listener, SessionClock clock) {
        Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(output, "output");
        this.state = new LiveState(settings.controls(), Objects.requireNonNull(clock, "clock"), output);
        this.playback = new PlaybackLoop(state, settings, output, listener, this);
        this.requested = settings.controls();
        this.generator = new Thread(new BarGenerationLoop(state, engine, settings), "improv-music-generate");
        this.player = new Thread(playback, "improv-music-play");
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
        LiveState.Position p = state.position;
        // On the beat the change is made for the next bar, whatever the cutoff: if it is late, the bar
        // playing is simply not cut.
        int effective = when == Transition.NEXT_BEAT && p.playingBar() >= 0 ? p.playingBar() + 1 : effectiveBarForChange(p);
        playback.requestChange(controls, effective, p.renderedFrames(), p.barFrames(), when);
    }

    @Override
    public void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        LiveState.Position p = state.position;
        playback.requestChange(null, effectiveBarForChange(p), p.renderedFrames(), p.barFrames(), Transition.NEXT_BAR);
    }

    @Override
    public MusicControls controls() {
        return requested;
    }

    @Override
    public void stinger(Stinger stinger) {
        Objects.requireNonNull(stinger, "stinger");
        playback.requestStinger(stinger, state.position.renderedFrames());
    }

    @Override
    public void pause() {
        state.paused = true;
    }

    @Override
    public void resume() {
        state.paused = false;
        state.ringDoorbell();
    }

    /** Position of playback in bars: the bar playing plus the fraction of it already rendered. */
    public double position() {
        return state.position.bars();
    }

    @Override
    public SessionStats stats() {
        SessionStats s = state.published;
        if (s != null) {
            return s;
        }
        synchronized (state.lock) {
            return state.snapshot();
        }
    }

    /** Stops both threads (waiting up to a second for them) and closes the output. */
    @Override
    public void close() {
        synchronized (state.lock) {
            if (state.closed) {
                return;
            }
            state.end("session closed");
        }
        playback.stopPacing();
        state.ringDoorbell();
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

    /** The bar a change asked for now takes effect at: the next, or the one after if the cutoff has passed. */
    private int effectiveBarForChange(LiveState.Position p) {
        if (p.playingBar() < 0) {
            return 0;
        }
        double beatsIn = (p.renderedFrames() - p.barStart()) * (double) p.beats() / p.barFrames();
        double remaining = p.beats() - beatsIn;
        return p.playingBar() + (remaining < settings.controlCutoffBeats() ? 2 : 1);
    }
}
