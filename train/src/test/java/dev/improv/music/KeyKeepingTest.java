package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes in key are counted against the natural minor; the leading tone is counted apart. */
class KeyKeepingTest {

    private static Song piece(Key key, int... pitches) {
        List<MidiNote> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new MidiNote(i % 2, pitches[i], 480L * i, 480, 90));
        }
        return new Song(480, key, List.of(new Track("melody", 0, 0), new Track("chords", 1, 0)), notes,
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
    }

    @Test
    void aMinorKeysLeadingToneIsOutOfKeyButCountedApart() {
        KeyKeeping tally = new KeyKeeping();
        // A minor: A C E in key, G# the leading tone, F# neither.
        tally.count(piece(Key.parse("Am"), 57, 60, 64, 56, 66), Key.parse("Am"));
        assertEquals(5, tally.notes());
        assertEquals(3 / 5.0, tally.share(), 1e-12);
        assertEquals(1 / 5.0, tally.leadingToneShare(), 1e-12);
        assertEquals(0, tally.piecesAt80());
    }

    @Test
    void majorKeysHaveNoLeadingToneCount() {
        KeyKeeping tally = new KeyKeeping();
        // G major: F# is in key, G# (one below A, as in A minor) is simply out of key.
        tally.count(piece(Key.parse("G"), 55, 66, 56, 59, 62), Key.parse("G"));
        assertEquals(4 / 5.0, tally.share(), 1e-12);
        assertEquals(0, tally.leadingToneShare(), 0.0);
        assertEquals(1, tally.piecesAt80());
    }
}
