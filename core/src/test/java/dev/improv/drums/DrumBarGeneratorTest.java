package dev.improv.drums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.music.MidiBar;
import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrumBarGeneratorTest {

    private final DrumGenerator drums = DrumFixtures.untrained(128);

    @Test
    void everyBarHoldsItsIntensitysHitsInsideTheBarOnGeneralMidiDrumNotes() {
        DrumVocabulary v = drums.tokenizer().vocabulary();
        java.util.Set<Integer> kit = new java.util.HashSet<>();
        for (DrumKit.Piece p : DrumKit.Piece.values()) {
            kit.add(p.note);
        }
        try (DrumBarGenerator s = drums.open(5, DrumGenerator.DEFAULT_SAMPLING)) {
            for (Meter meter : List.of(Meter.FOUR_FOUR, new Meter(6, 8), new Meter(3, 4))) {
                for (int intensity = 0; intensity < DrumVocabulary.INTENSITIES; intensity++) {
                    MidiBar bar = s.nextBar(new DrumControls("rock", meter, 120, intensity, intensity == 7), 2);
                    int[] range = v.hitsFor(intensity, meter.quarters());
                    int n = bar.notes().size();
                    assertTrue(n >= range[0] && n <= range[1], meter + " intensity " + intensity + ": " + n + " hits, wanted " + range[0] + ".." + range[1]);
                    for (MidiNote note : bar.notes()) {
                        assertTrue(note.startTick() < bar.lengthTicks(), "hit after the bar: " + note);
                        assertTrue(kit.contains(note.pitch()), "not a kit note: " + note.pitch());
                        assertEquals(2, note.track());
                    }
                }
            }
        }
    }

    @Test
    void rewindMakesTheSameBarsAgainAcrossAStyleChange() {
        List<DrumControls> plan = List.of(new DrumControls("rock", Meter.FOUR_FOUR, 120, 3, false),
                new DrumControls("rock", Meter.FOUR_FOUR, 120, 5, true),
                new DrumControls("jazz", Meter.FOUR_FOUR, 96, 2, false),
                new DrumControls("jazz", Meter.FOUR_FOUR, 96, 4, false));
        try (DrumBarGenerator s = drums.open(9, DrumGenerator.DEFAULT_SAMPLING)) {
            List<MidiBar> first = new ArrayList<>();
            plan.forEach(c -> first.add(s.nextBar(c, 0)));
            s.rewind(1);
            for (int i = 1; i < plan.size(); i++) {
                assertEquals(first.get(i).notes(), s.nextBar(plan.get(i), 0).notes(), "bar " + i);
            }
            s.rewind(3);
            MidiBar other = s.nextBar(new DrumControls("jazz", Meter.FOUR_FOUR, 96, 7, false), 0);
            assertNotEquals(first.get(3).notes(), other.notes());
        }
    }
}
