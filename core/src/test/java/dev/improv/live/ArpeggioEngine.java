package dev.improv.live;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.Note;
import dev.improv.api.Seeds;
import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small rule-based music engine for session tests: a seeded arpeggio in the requested key whose
 * note count follows intensity and whose first pitch continues from the previous bar's last one.
 * Optionally slow (a random time per bar on a session clock), to show that timing never changes the music.
 */
public final class ArpeggioEngine implements MusicEngine {
    private final int beats;
    private final long maxDelayMillis;
    private final long delaySeed;
    private final SessionClock clock;

    public ArpeggioEngine(int beats, long maxDelayMillis, long delaySeed) {
        this(beats, maxDelayMillis, delaySeed, SessionClock.SYSTEM);
    }

    /** Takes its random time per bar on {@code clock} (a test's hand-advanced clock). */
    public ArpeggioEngine(int beats, long maxDelayMillis, long delaySeed, SessionClock clock) {
        this.beats = beats;
        this.maxDelayMillis = maxDelayMillis;
        this.delaySeed = delaySeed;
        this.clock = clock;
    }

    /** Takes {@code nanos} of {@code clock}, in slices, ending early (with an exception) when cancelled. */
    static void work(SessionClock clock, long nanos, Cancellation cancellation) {
        long end = clock.nanoTime() + nanos;
        try {
            for (long left; (left = end - clock.nanoTime()) > 0; ) {
                cancellation.throwIfCancelled();
                clock.sleep(Math.min(left, 10_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public BarStream newBarStream(long seed) {
        return new BarStream() {
            private final List<Integer> lastPitch = new ArrayList<>();
            private final SeededRandom delays = new SeededRandom(delaySeed);

            @Override
            public Bar next(int index, MusicControls controls, Cancellation cancellation) {
                if (index != lastPitch.size()) {
                    throw new IllegalStateException("asked for bar " + index + " after " + lastPitch.size());
                }
                if (maxDelayMillis > 0) {
                    work(clock, delays.nextInt((int) maxDelayMillis + 1) * 1_000_000L, cancellation);
                }
                SeededRandom r = new SeededRandom(Seeds.mix(seed, index));
                int[] scale = controls.key().scale();
                int count = 2 + controls.intensity() * 2;
                int degree = lastPitch.isEmpty() ? 0 : (lastPitch.get(index - 1) + 2) % 7;
                List<Note> notes = new ArrayList<>();
                double step = beats / (double) count;
                for (int i = 0; i < count; i++) {
                    degree = (degree + 1 + r.nextInt(3)) % 7;
                    notes.add(new Note(0, 60 + scale[degree], 60 + controls.intensity() * 8, i * step, step));
                }
                // The bass states the key on every bar: tests read the key back from it.
                notes.add(new Note(1, 36 + controls.key().tonic(), 90, 0, beats));
                lastPitch.add(degree);
                return new Bar(beats, notes, Map.of(0, 0, 1, 32));
            }

            /** A cadence the tests can read back: the bass on the dominant, then on the tonic. */
            @Override
            public Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
                if (index != lastPitch.size()) {
                    throw new IllegalStateException("asked for bar " + index + " after " + lastPitch.size());
                }
                lastPitch.add(0);
                int root = controls.key().tonic() + (step == 0 ? 7 : 0);
                return new Bar(beats, List.of(new Note(0, 60 + root, 80, 0, beats), new Note(1, 36 + root, 90, 0, beats)),
                        Map.of(0, 0, 1, 32));
            }

            @Override
            public void rewind(int index) {
                while (lastPitch.size() > index) {
                    lastPitch.remove(lastPitch.size() - 1);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
