package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import java.util.List;
import org.junit.jupiter.api.Test;

class BassLineTest {

    private static List<MidiNote> chord(long tick, int... pitches) {
        return java.util.Arrays.stream(pitches).mapToObj(p -> new MidiNote(1, p, tick, 960, 70)).toList();
    }

    @Test
    void rootsAreFoundInAnyInversion() {
        assertEquals(0, BassLine.root(List.of(60, 64, 67)));  // C E G
        assertEquals(0, BassLine.root(List.of(64, 67, 72)));  // first inversion
        assertEquals(9, BassLine.root(List.of(57, 60, 64)));  // A minor
        assertEquals(7, BassLine.root(List.of(59, 62, 65, 67))); // G7 without its root at the bottom
    }

    @Test
    void theBassFollowsEachChordAndItsPatternGrowsWithIntensity() {
        List<MidiNote> chords = new java.util.ArrayList<>(chord(0, 60, 64, 67));
        chords.addAll(chord(960, 65, 69, 72)); // F from beat 3
        BassLine.Result calm = BassLine.bar(chords, -1, Meter.FOUR_FOUR, 480, 2, 2, 80);
        assertEquals(2, calm.notes().size(), "a held root per chord: " + calm.notes());
        assertEquals(0, calm.notes().get(0).pitch() % 12);
        assertEquals(5, calm.notes().get(1).pitch() % 12);
        assertEquals(960, calm.notes().get(1).startTick());
        assertEquals(5, calm.lastRoot());
        BassLine.Result busy = BassLine.bar(chords, -1, Meter.FOUR_FOUR, 480, 7, 2, 80);
        assertEquals(8, busy.notes().size(), "eighths at intensity 7");
        for (MidiNote n : busy.notes()) {
            assertTrue(n.pitch() >= 28 && n.pitch() < 28 + 24, "bass register: " + n.pitch());
            assertTrue(n.startTick() < 1920 && n.track() == 2);
            int pc = n.pitch() % 12;
            int root = n.startTick() < 960 ? 0 : 5;
            assertTrue(pc == root || pc == (root + 7) % 12, "root or fifth of the chord sounding: " + n);
        }
    }

    @Test
    void aBarWithoutAChordCarriesTheLastRoot() {
        BassLine.Result r = BassLine.bar(List.of(), 9, new Meter(3, 4), 480, 5, 2, 80);
        assertTrue(!r.notes().isEmpty());
        assertTrue(r.notes().stream().allMatch(n -> n.pitch() % 12 == 9 || n.pitch() % 12 == 4));
        assertEquals(9, r.lastRoot());
        assertTrue(BassLine.bar(List.of(), -1, Meter.FOUR_FOUR, 480, 5, 2, 80).notes().isEmpty());
    }
}
