package dev.improv.live;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.GenerationCancelledException;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.SessionSettings;
import java.util.function.Supplier;

/**
 * A live session's generation thread: makes the bars the {@link Lookahead} wants, up to
 * {@link SessionSettings#lookaheadBars()} ahead of the bar playing, rewinding the bar stream when
 * a control change throws bars away. Ends when the session closes or on a failure.
 */
final class BarGenerationLoop implements Runnable {
    private final LiveState state;
    private final Object lock;
    private final SessionClock clock;
    private final Lookahead lookahead;
    private final Supplier<MusicEngine> engine;
    private final SessionSettings settings;

    BarGenerationLoop(LiveState state, Supplier<MusicEngine> engine, SessionSettings settings) {
        this.state = state;
        this.lock = state.lock;
        this.clock = state.clock;
        this.lookahead = state.lookahead;
        this.engine = engine;
        this.settings = settings;
    }

    @Override
    public void run() {
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
                    while (!state.closed && !lookahead.wantsMore(state.playingBar, settings.lookaheadBars())) {
                        clock.await(lock, 0);
                    }
                    if (state.closed) {
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
                    state.counters.generated(seconds, bar != null, musicSeconds, stream.tokensDecoded());
                    if (lookahead.finishGenerating(index, bar, controls, stream.key(controls), token)) {
                        clock.signalAll(lock);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            state.fail("music generation failed: " + e);
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
