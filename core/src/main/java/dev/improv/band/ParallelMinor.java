package dev.improv.band;

import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns music written in a major key into its parallel harmonic minor: the third and sixth degrees
 * go down a semitone, the leading tone stays (so V is still a major dominant and cadences resolve).
 * The melody/chord model learned from a corpus that is almost all major: asked for A minor it writes
 * C or G major (0 of 8 seeds came out minor by the Krumhansl-Kessler key finder), but in a major key
 * it is at home; this mapping of its major makes I i, IV iv and vi VI, a classic way of changing mode.
 * The band writes in G major and maps that ({@link WrittenKey}).
 */
public final class ParallelMinor {

    private ParallelMinor() {
    }

    /** The pitch moved into the harmonic minor of {@code tonic} (a pitch class). */
    public static int pitch(int pitch, int tonic) {
        int degree = Math.floorMod(pitch - tonic, 12);
        return degree == 4 || degree == 9 ? pitch - 1 : pitch;
    }

    /** Every note of {@code notes} moved into the harmonic minor of {@code tonic}. */
    public static List<MidiNote> notes(List<MidiNote> notes, int tonic) {
        List<MidiNote> out = new ArrayList<>(notes.size());
        for (MidiNote n : notes) {
            out.add(new MidiNote(n.track(), pitch(n.pitch(), tonic), n.startTick(), n.durationTicks(), n.velocity()));
        }
        return out;
    }
}
