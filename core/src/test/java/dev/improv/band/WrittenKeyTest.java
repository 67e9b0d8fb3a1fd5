package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Key;
import dev.improv.music.MidiNote;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenKeyTest {

    @Test
    void theMoveToTheAskedTonicIsAThirdDownToAFifthUp() {
        assertEquals(0, WrittenKey.shift(Key.parse("G")));
        assertEquals(0, WrittenKey.shift(Key.parse("Gm")));
        assertEquals(-3, WrittenKey.shift(Key.parse("Em")));
        assertEquals(5, WrittenKey.shift(Key.parse("C")));
        assertEquals(7, WrittenKey.shift(Key.parse("Dm")));
        assertEquals(-4, WrittenKey.shift(Key.parse("Eb")));
        assertEquals(3, WrittenKey.shift(Key.parse("Bb")));
        for (int tonic = 0; tonic < 12; tonic++) {
            int shift = WrittenKey.shift(new Key(tonic, false));
            assertTrue(shift >= -4 && shift <= 7, tonic + " -> " + shift);
            assertEquals(tonic, Math.floorMod(WrittenKey.HOME.tonic() + shift, 12));
        }
    }

    private static List<Integer> pitches(List<MidiNote> notes) {
        return notes.stream().map(MidiNote::pitch).toList();
    }

    private static List<MidiNote> chord(int... pitches) {
        return java.util.Arrays.stream(pitches).mapToObj(p -> new MidiNote(1, p, 0, 480, 80)).toList();
    }

    @Test
    void gMajorChordsBecomeTheAskedMinorKeysChords() {
        Key em = Key.parse("Em");
        // I, IV, V, vi of G major -> i, iv, V (its leading tone D# kept), VI of E minor.
        assertEquals(List.of(52, 55, 59), pitches(WrittenKey.toAsked(chord(55, 59, 62), em)));
        assertEquals(List.of(57, 60, 64), pitches(WrittenKey.toAsked(chord(60, 64, 67), em)));
        assertEquals(List.of(59, 63, 66), pitches(WrittenKey.toAsked(chord(62, 66, 69), em)));
        assertEquals(List.of(60, 64, 67), pitches(WrittenKey.toAsked(chord(64, 67, 71), em)));
    }

    @Test
    void aNoteMovedOutOfMidiGoesAnOctaveTheOtherWay() {
        assertEquals(9, WrittenKey.moved(0, -3));
        assertEquals(120, WrittenKey.moved(127, 5));
        assertEquals(61, WrittenKey.moved(64, -3));
    }

    @Test
    void aMajorKeyIsOnlyMoved() {
        assertEquals(List.of(60, 64, 67), pitches(WrittenKey.toAsked(chord(55, 59, 62), Key.parse("C"))));
        List<MidiNote> g = chord(55, 59, 62);
        assertEquals(g, WrittenKey.toAsked(g, Key.parse("G")));
    }
}
