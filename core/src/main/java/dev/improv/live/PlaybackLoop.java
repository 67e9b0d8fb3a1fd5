package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.SessionSettings;
import dev.improv.api.Stinger;
import dev.improv.api.Transition;
import dev.improv.music.MidiPorts;
import dev.improv.music.SynthStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sound.midi.Soundbank;

/**
 * A live session's playback thread: takes bars from the {@link Lookahead} (waiting, or playing a
 * stale bar, when generation is late), hands them and stingers to the {@link BarScheduler}, applies
 * queued control changes at each block, and writes the rendered blocks, levelled by a
 * {@link StreamNormaliser} and paced by a {@link Pacer}, to the {@link AudioOutput}. Requests reach
 * it through lock-free queues, so callers never wait on audio.
 */
final class PlaybackLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());
    private static final int BLOCK_FRAMES = LiveSession.BLOCK_FRAMES;
    private static final double RATE = AudioOutput.SAMPLE_RATE;

    private record StingerRequest(Stinger stinger, long requestFrame) {
    }

    /** A control change (or, with null controls, the request to finish) from bar {@code effectiveBar}. */
    private record ControlRequest(MusicControls controls, int effectiveBar, long requestFrame, long barFrames,
                                  Transition when) {
    }

    private final LiveState state;
    private final Object lock;
    private final SessionClock clock;
    private final Lookahead lookahead;
    private final PlaybackCounters counters;
    private final SessionSettings settings;
    private final AudioOutput output;
    private final LiveSession.PositionListener listener;
    /** The session the listener hears about. */
    private final LiveSession session;
    /** Paces playback by the clock when the output does not block; its wait ends when the session closes. */
    private final Pacer pacer;
    /** Live output at a steady level without clipping. */
    private final StreamNormaliser normaliser = new StreamNormaliser(2, AudioOutput.SAMPLE_RATE);
    private final ConcurrentLinkedQueue<StingerRequest> stingers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ControlRequest> controlRequests = new ConcurrentLinkedQueue<>();
    /** The bar whose readiness cuts the bar before it short on a beat, or -1. */
    private int cutForBar = -1;
    /** The cut comes on a beat after this frame (the request's). */
    private long cutAfterFrame;

    PlaybackLoop(LiveState state, SessionSettings settings, AudioOutput output, LiveSession.PositionListener listener,
                 LiveSession session) {
        this.state = state;
        this.lock = state.lock;
        this.clock = state.clock;
        this.lookahead = state.lookahead;
        this.counters = state.counters;
        this.settings = settings;
        this.output = output;
        this.listener = listener;
        this.session = session;
        this.pacer = new Pacer(RATE, Math.max(BLOCK_FRAMES, output.aheadFrames()), clock);
    }

    // ---- requests (any thread, lock-free) ----

    /** Queues a control change from bar {@code effectiveBar} (null controls: finish there), asked for at {@code requestFrame}. */
    void requestChange(MusicControls controls, int effectiveBar, long requestFrame, long barFrames, Transition when) {
        controlRequests.add(new ControlRequest(controls, effectiveBar, requestFrame, barFrames, when));
    }

    /** Queues a stinger asked for at {@code requestFrame}; it starts on the next beat. */
    void requestStinger(Stinger stinger, long requestFrame) {
        stingers.add(new StingerRequest(stinger, requestFrame));
    }

    /** Ends the pacer's wait, so a closing session's player stops at once. */
    void stopPacing() {
        pacer.stop();
    }

    // ---- the loop ----

    @Override
    public void run() {
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
                boolean wasPaused = state.paused;
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
                if (cutForBar == nextBar && cutForBar == state.playingBar + 1) {
                    long cut = cutOnBeat(blockStart, nextBarStart);
                    if (cut >= 0) {
                        scheduler.cut(cut);
                        synchronized (lock) {
                            state.playingBarBeats = (int) Math.round((cut - state.playingBarStart)
                                    * (double) state.playingBarBeats / state.playingBarFrames);
                            state.playingBarFrames = cut - state.playingBarStart;
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
                        state.playingBar = nextBar;
                        state.playingBarStart = nextBarStart;
                        state.playingBarFrames = frames;
                        state.playingBarBeats = rb.bar().beats();
                        state.playingKey = rb.key();
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
                    listener.onBlock(session, state.position.bars());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            state.fail("music playback failed: " + e.getMessage()); // its message names the file, without the class
        } catch (RuntimeException | Error e) {
            state.fail("music playback failed: " + e);
        } finally {
            synchronized (lock) {
                state.publish();
            }
            output.close();
        }
    }

    /** Applies queued control changes (lock held). */
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
            if (r.when() == Transition.NEXT_BEAT && effective == state.playingBar + 1) {
                cutForBar = effective;
                cutAfterFrame = r.requestFrame();
            }
        }
        if (any) {
            clock.signalAll(lock);
        }
    }

    /**
     * The frame of the beat at which the bar playing is cut for {@link #cutForBar}, or -1 not yet: the
     * first beat after the request inside this block whose bar is ready (in real time) or, when not in
     * real time, the first beat after the request, waiting for its bar (so the music does not depend
     * on the machine's speed). A beat at or past the bar line ends the attempt.
     */
    private long cutOnBeat(long blockStart, long barLine) throws InterruptedException {
        double framesPerBeat = state.playingBarFrames / (double) state.playingBarBeats;
        long from = Math.max(blockStart, cutAfterFrame + 1);
        long beat = Math.max(1, (long) Math.ceil((from - state.playingBarStart) / framesPerBeat));
        long frame = state.playingBarStart + Math.round(beat * framesPerBeat);
        if (frame >= barLine) {
            cutForBar = -1;
            return -1;
        }
        if (frame >= blockStart + BLOCK_FRAMES) {
            return -1;
        }
        synchronized (lock) {
            while (!settings.realTime() && !lookahead.hasFresh(cutForBar) && !state.closed && cutForBar >= 0) {
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
            state.renderedFrames = framesAfter;
            while (!barEnds.isEmpty() && barEnds.peek() <= state.renderedFrames) {
                barEnds.poll();
                counters.barsPlayed++;
            }
            counters.dropouts = pacer.dropouts();
            counters.outputPeak = normaliser.peak();
            counters.outputRms = normaliser.rms();
            counters.limitedSamples = normaliser.limitedSamples();
            state.publish();
        }
    }

    /** After the cadence: renders {@link LiveSession#RING_OUT_SECONDS} more so the last chord decays, then ends the session. */
    private void ringOut(BarScheduler scheduler, short[] block, long synthFrames, boolean pace, ArrayDeque<Long> barEnds)
            throws IOException, InterruptedException {
        long frames = synthFrames;
        long end = synthFrames + Math.round(LiveSession.RING_OUT_SECONDS * RATE);
        while (frames < end && !state.ending) {
            frames += BLOCK_FRAMES;
            playBlock(scheduler, block, frames, pace, barEnds);
        }
        synchronized (lock) {
            state.finished = true;
            state.end("the music ended");
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
        synchronized (state.doorbell) {
            while (state.paused && !state.ending) {
                clock.await(state.doorbell, 0);
            }
        }
        synchronized (lock) {
            return !state.closed;
        }
    }

    /**
     * Takes bar {@code index} from the lookahead, waiting if generation is behind (an underrun,
     * except before the first bar). While waiting in real time it plays silence, as a device would.
     * The first bar waits for the second as well (when the lookahead holds two): the sound starts with one bar in hand, so a second
     * bar that is slow to come (a cold JIT, a busy machine) does not stall the music one bar in.
     */
    private Lookahead.ReadyBar takeBar(int index, Pacer pacer, short[] silence) throws InterruptedException {
        boolean waiting = false;
        long waitStart = 0;
        while (true) {
            synchronized (lock) {
                if (lookahead.ended(index)) {
                    return null; // after the cadence: no bar, not even a stale one
                }
                boolean preroll = index == 0 && settings.lookaheadBars() >= 2 && !lookahead.has(1) && !lookahead.ended(1) && !state.ending;
                Lookahead.ReadyBar rb = preroll ? null : lookahead.takeFresh(index);
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
                if (state.closed) {
                    return null;
                }
                if (!waiting && index > 0 && !state.paused && lookahead.stale(index) == null) {
                    counters.underruns++;
                    waiting = true;
                    waitStart = clock.nanoTime();
                }
                applyControlRequests();
                state.publish();
                clock.await(lock, (long) (BLOCK_FRAMES * 1e9 / RATE));
                if (lookahead.has(index) || state.closed) {
                    // With a stale bar at hand never fill with silence: it plays once the buffer runs low.
                    continue;
                }
            }
            // Fill with silence only once the sound already buffered has run out, as a device would.
            if (settings.realTime() && !state.paused && (pacer == null || pacer.aheadSeconds() < 0.05)) {
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
            barStart = state.playingBarStart;
            barFrames = state.playingBarFrames;
            beats = state.playingBarBeats;
            key = state.playingKey != null ? state.playingKey : lookahead.controlsAt(0).key();
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
