package dev.improv.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A short motif a live session plays on the next beat when a game event happens (a pickup, a hit).
 *
 * @param notes   the motif, onsets in beats from the beat it starts on
 * @param program General MIDI program the motif plays with
 * @param transposeToKey true to move the motif (written in C) into the session's current key
 */
public record Stinger(List<Note> notes, int program, boolean transposeToKey) {
    public Stinger {
        notes = List.copyOf(notes);
        if (notes.isEmpty()) {
            throw new IllegalArgumentException("a stinger needs at least one note");
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be 0-127, got " + program);
        }
    }

    /** A rising tonic arpeggio in sixteenths (written in C, follows the session's key): a generic "pickup" sound. */
    public static Stinger arpeggio() {
        List<Note> notes = new ArrayList<>();
        int[] pitches = {72, 76, 79, 84};
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new Note(15, pitches[i], 110, i * 0.25, i == pitches.length - 1 ? 1.0 : 0.25));
        }
        return new Stinger(notes, 9 /* glockenspiel */, true);
    }
}
