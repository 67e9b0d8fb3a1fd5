package dev.improv.engines;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Note;
import dev.improv.api.Seeds;
import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A music engine with no model: a chord progression chosen by mood, with bass, chords, a seeded
 * melody on the chord and scale tones, and drums from intensity 3 up; denser and louder as
 * intensity rises. It costs microseconds a bar, so it suits tiny devices and is the peer the
 * transformer's real-time factor is compared with. Select it with {@code -Dimprov.music.engine=rules}.
 */
public final class RuleMusicProvider implements MusicEngineProvider {
    private static final int MELODY = 0;
    private static final int BASS = 1;
    private static final int CHORDS = 2;
    private static final int DRUMS = 9;

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public MusicEngine newEngine() {
        return RuleMusicProvider::stream;
    }

    /** Scale degrees (0-based) of the chord roots, four bars a cycle. */
    private static int[] progression(MusicControls c) {
        if (c.mood() == Mood.TENSE) {
            return new int[] {0, 1, 4, 0};
        }
        if (c.key().minor() || c.mood() == Mood.DARK) {
            return new int[] {0, 5, 2, 6};
        }
        return c.mood() == Mood.BRIGHT ? new int[] {0, 4, 5, 3} : new int[] {0, 3, 4, 0};
    }

    private static BarStream stream(long seed) {
        return new BarStream() {
            @Override
            public Bar next(int index, MusicControls controls, Cancellation cancellation) {
                cancellation.throwIfCancelled();
                return bar(seed, index, controls);
            }

            @Override
            public Key key(MusicControls controls) {
                return keyOf(controls);
            }

            /** The dominant's chord, then the tonic's at the quietest level of the controls' layers. */
            @Override
            public Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
                cancellation.throwIfCancelled();
                return step == 0 ? bar(seed, index, controls, 4) : bar(seed, index, controls.withIntensity(Math.min(1, controls.intensity())), 0);
            }

            @Override
            public void rewind(int index) {
                // Each bar depends only on the seed, its index and its controls: nothing to forget.
            }

            @Override
            public void close() {
            }
        };
    }

    /** The controls' key, in minor when the mood is dark. */
    static Key keyOf(MusicControls c) {
        return c.key().minor() || c.mood() != Mood.DARK ? c.key() : new Key(c.key().tonic(), true);
    }

    static Bar bar(long seed, int index, MusicControls c) {
        return bar(seed, index, c, progression(c)[index % 4]);
    }

    /** Bar {@code index} on the chord of scale degree {@code degree} (0-based). */
    private static Bar bar(long seed, int index, MusicControls c, int degree) {
        // A built-in mood mixes in its place in the list (as the enum's ordinal did), a game's own its name.
        int mood = c.mood().isBuiltIn() ? Mood.values().indexOf(c.mood()) : c.mood().name().hashCode();
        SeededRandom r = new SeededRandom(Seeds.mix(seed, index, c.intensity(), mood));
        Key key = keyOf(c);
        int[] scale = key.scale();
        int level = c.intensity();
        int loud = 56 + level * 8;
        List<Note> notes = new ArrayList<>();
        // Bass: the root, on every beat from intensity 4, on 1 and 3 below.
        int root = 36 + scale[degree];
        for (int beat = 0; beat < 4; beat += level >= 4 ? 1 : 2) {
            notes.add(new Note(BASS, root, loud, beat, level >= 4 ? 0.9 : 1.9));
        }
        // Chords: a triad held for the bar, or struck on each beat when intense.
        int[] triad = {scale[degree], scale[(degree + 2) % 7], scale[(degree + 4) % 7]};
        double chordLength = level >= 5 ? 1 : 4;
        for (double t = 0; t < 4; t += chordLength) {
            for (int pc : triad) {
                notes.add(new Note(CHORDS, 60 + pc - (pc > 7 ? 12 : 0), loud - 16, t, chordLength * 0.95));
            }
        }
        // Melody: intensity sets the rhythm (whole notes to sixteenths); steps move along the scale.
        if (level >= 1) {
            double step = new double[] {4, 2, 1, 1, 0.5, 0.5, 0.25, 0.25}[level];
            int pos = 2 + r.nextInt(3);
            for (double t = 0; t < 4; t += step) {
                if (r.nextInt(8) < (level >= 6 ? 1 : 2)) {
                    continue; // a rest now and then
                }
                pos = Math.max(0, Math.min(13, pos + r.nextInt(5) - 2));
                boolean onBeat = t == Math.floor(t);
                int d = onBeat ? (degree + 2 * (pos % 3)) % 7 : pos % 7;
                int pitch = 72 + scale[d] + (pos >= 7 ? 12 : 0) - 12;
                notes.add(new Note(MELODY, pitch, loud, t, step * 0.9));
            }
        }
        // Drums: kick and snare from intensity 3, hats from 5.
        if (level >= 3) {
            for (int beat = 0; beat < 4; beat++) {
                notes.add(new Note(DRUMS, beat % 2 == 0 ? 36 : 38, loud, beat, 0.25));
            }
            if (level >= 5) {
                for (double t = 0; t < 4; t += 0.5) {
                    notes.add(new Note(DRUMS, 42, loud - 20, t, 0.25));
                }
            }
        }
        int melodyProgram = c.mood() == Mood.DARK || c.mood() == Mood.TENSE ? 71 : 73;
        return new Bar(4, notes, Map.of(MELODY, melodyProgram, BASS, 33, CHORDS, level >= 5 ? 0 : 48, DRUMS, 0));
    }
}
