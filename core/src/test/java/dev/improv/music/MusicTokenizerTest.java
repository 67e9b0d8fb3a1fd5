package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.music.MusicVocabulary.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MusicTokenizerTest {

    private final MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());

    /** A 6/8 jig-like tune with a triplet, a chord track, drums, a meter change to 3/4 and a tempo change. */
    static Song tune() {
        int q = 96;
        List<MidiNote> notes = new ArrayList<>();
        long t = 0;
        for (int bar = 0; bar < 4; bar++) { // 6/8: six eighths per bar
            for (int e = 0; e < 6; e++) {
                notes.add(new MidiNote(0, 62 + (e * 2 + bar) % 12, t + e * q / 2, q / 2, 90));
            }
            notes.add(new MidiNote(1, 50, t, q * 3 / 2, 70));
            notes.add(new MidiNote(1, 54, t, q * 3 / 2, 70));
            notes.add(new MidiNote(1, 57, t + q * 3 / 2, q * 3 / 2, 70));
            notes.add(new MidiNote(2, 36, t, q / 4, 120));
            t += 3 * q;
        }
        // 3/4 bar with an eighth-note triplet on beat 1 and a dotted quarter.
        notes.add(new MidiNote(0, 64, t, q / 3, 80));
        notes.add(new MidiNote(0, 66, t + q / 3, q / 3, 80));
        notes.add(new MidiNote(0, 67, t + 2 * q / 3, q / 3, 80));
        notes.add(new MidiNote(0, 69, t + q, q * 3 / 2, 100));
        notes.add(new MidiNote(1, 45, t, 3 * q, 70));
        List<Track> tracks = List.of(new Track("melody", 0, 73), new Track("chords", 1, 0), new Track("drums", 9, 0));
        return new Song(q, Key.parse("D"), tracks, notes,
                List.of(new TempoChange(0, 120), new TempoChange(t, 96)),
                List.of(new MeterChange(0, new Meter(6, 8)), new MeterChange(t, new Meter(3, 4))));
    }

    @Test
    void vocabularyIsWellUnder512() {
        int size = MusicVocabulary.standard().size();
        assertTrue(size < 400, "vocabulary has " + size + " tokens");
    }

    @Test
    void everyNoteSurvivesTheRoundTrip() {
        Song song = tune();
        RoundTrip.Result r = RoundTrip.measure(tokenizer, song);
        assertEquals(song.notes().size(), r.notes());
        assertEquals(r.notes(), r.survived());
        Song back = tokenizer.decode(tokenizer.encode(song));
        assertEquals(song.key(), back.key());
        assertEquals(List.of(new Meter(6, 8), new Meter(3, 4)), back.meters().stream().map(MeterChange::meter).toList());
        assertEquals(96, back.tempos().get(back.tempos().size() - 1).bpm(), 1e-9);
        assertTrue(back.tracks().get(2).drums());
        assertEquals(72 / 8 * 8, back.tracks().get(0).program(), "melody keeps its instrument family");
    }

    @Test
    void tokensFollowTheGrammarAndIntensityCountsNotes() {
        MusicVocabulary v = tokenizer.vocabulary();
        int[] tokens = tokenizer.encode(tune());
        assertEquals(v.id(Kind.BOS, 0), tokens[0]);
        assertEquals(v.id(Kind.EOS, 0), tokens[tokens.length - 1]);
        List<Integer> intensities = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (v.kindOf(tokens[i]) == Kind.INTENSITY) {
                intensities.add(v.value(tokens[i]));
            }
            if (v.kindOf(tokens[i]) == Kind.PITCH) {
                assertEquals(Kind.DURATION, v.kindOf(tokens[i + 1]), "a pitch is followed by its duration");
            }
        }
        // 6/8 bars: 10 notes over 3 quarters = 3.33 a quarter -> class 5; the 3/4 bar: 5 notes / 3 = 1.67 -> class 2
        assertEquals(List.of(5, 5, 5, 5, 2), intensities);
        assertEquals(5, v.intensityOf(10, 3));
        int[] range = v.notesFor(5, 3);
        assertEquals(9, range[0]);
        assertEquals(10, range[1]);
    }

    @Test
    void unknownMeterIsAClearError() {
        Song song = new Song(96, Key.C_MAJOR, List.of(new Track("", 0, 0)), List.of(new MidiNote(0, 60, 0, 96, 90)),
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, new Meter(11, 16))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tokenizer.encode(song));
        assertTrue(e.getMessage().contains("11/16"), e.getMessage());
    }

    @Test
    void keysParseAndEstimate() {
        assertEquals(new Key(10, false), Key.parse("Bb"));
        assertEquals(new Key(1, true), Key.parse("C#m"));
        assertEquals(new Key(9, true), Key.parse("A minor"));
        assertEquals(Key.parse("A"), Key.fromSignature(3, false));
        assertEquals(Key.parse("Gm"), Key.fromSignature(-2, true));
        assertEquals(-2, Key.parse("Gm").sharps());
        assertEquals(3, Key.parse("A").sharps());
        int[] counts = new int[12];
        for (int pc : new int[] {7, 9, 11, 0, 2, 4, 6, 7, 7, 2}) {
            counts[pc]++;
        }
        assertEquals(Key.parse("G"), Key.estimate(counts));
        assertThrows(IllegalArgumentException.class, () -> Key.parse("H"));
    }
}
