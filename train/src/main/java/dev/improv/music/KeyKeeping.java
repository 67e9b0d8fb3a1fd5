package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.MusicControls;

/**
 * How many of a two-part music model's notes fall in the key it was asked for, on the library's
 * default path ({@code MusicGenerator.generate(SongRequest.of(...))}): the figure behind
 * {@code improv eval music-key} and the in-key checkpoint choice of {@code improv train music}.
 * Track 0 is the melody, every other track the chords; a minor key is judged by its natural minor, and
 * its leading tone (the harmonic minor's raised seventh, which makes V a dominant) is counted apart so
 * that a model writing good minor harmony is not mistaken for one leaving the key.
 */
public final class KeyKeeping {
    private final long[] notes = new long[2];
    private final long[] inKey = new long[2];
    private long leadingTones;
    private int pieces;
    private int piecesAt80;

    /** Generates one piece of {@code bars} bars under {@code controls} and {@code seed} and counts its notes. */
    public void add(MusicGenerator generator, MusicControls controls, int bars, long seed) {
        count(generator.generate(SongRequest.of(bars, controls, seed)), controls.key());
    }

    /** Counts the notes of one piece asked in {@code key}. */
    void count(Song song, Key key) {
        int leadingTone = Math.floorMod(key.tonic() - 1, 12);
        long in = 0;
        for (MidiNote n : song.notes()) {
            int part = n.track() == 0 ? 0 : 1;
            notes[part]++;
            if (key.inScale(n.pitch())) {
                inKey[part]++;
                in++;
            } else if (key.minor() && Math.floorMod(n.pitch(), 12) == leadingTone) {
                leadingTones++;
            }
        }
        pieces++;
        if (in >= 0.8 * song.notes().size()) {
            piecesAt80++;
        }
    }

    /** Notes counted so far. */
    public long notes() {
        return notes[0] + notes[1];
    }

    /** Share of all notes in key (0 before any note). */
    public double share() {
        return (inKey[0] + inKey[1]) / (double) Math.max(1, notes());
    }

    /** Share of all notes that are a minor key's leading tone (0 in major), counted out of key by {@link #share()}. */
    public double leadingToneShare() {
        return leadingTones / (double) Math.max(1, notes());
    }

    /** Share of the melody's notes in key. */
    public double melodyShare() {
        return inKey[0] / (double) Math.max(1, notes[0]);
    }

    /** Share of the chords' notes in key. */
    public double chordShare() {
        return inKey[1] / (double) Math.max(1, notes[1]);
    }

    /** Pieces with at least 80% of their notes in key ({@code DefaultMusicModelTest}'s check). */
    public int piecesAt80() {
        return piecesAt80;
    }

    /** Pieces counted so far. */
    public int pieces() {
        return pieces;
    }
}
