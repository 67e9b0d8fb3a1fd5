package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.music.MidiBar;
import dev.improv.music.MidiFiles;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped music and drum models as a band: every layer at full intensity, moods as asked. */
class DefaultBandTest {

    private static Band band;

    @BeforeAll
    static void load() throws Exception {
        band = Band.loadDefault();
    }

    @Test
    void atIntensitySevenEveryBarHasHarmonyBassDrumsAndLead() {
        BandControls battle = BandControls.of(MoodLibrary.standard().get("battle"), 3);
        try (BandBarGenerator s = band.open(battle, 3)) {
            for (int i = 0; i < 4; i++) {
                MidiBar bar = s.nextBar(battle);
                Set<Integer> heard = new HashSet<>();
                bar.notes().forEach(n -> heard.add(n.track()));
                assertEquals(Set.of(0, 1, 2, 3), heard, "bar " + i + " layers heard (harmony 0, bass 1, drums 2, lead 3)");
            }
        }
    }

    @Test
    void aMoodSetsTempoMeterKeyAndInstrumentsOfTheFile() throws Exception {
        MoodPreset sad = MoodLibrary.standard().get("sad");
        BandControls controls = BandControls.of(sad, 5);
        Song read = MidiFiles.read(MidiFiles.toBytes(band.generate(4, controls, 5)), "sad.mid");
        assertEquals(controls.bpm(), read.bpmAt(0), 0.01);
        assertTrue(controls.bpm() >= sad.tempoLow() && controls.bpm() <= sad.tempoHigh());
        assertEquals(sad.meter(), read.meterAt(0));
        assertEquals(sad.key(), read.key());
        assertTrue(read.key().minor());
        assertEquals(sad.instruments().lead(), read.tracks().stream().filter(t -> t.name().equals("lead")).findFirst().orElseThrow().program());
        int drums = 0;
        for (MidiNote n : read.notes()) {
            drums += read.tracks().get(n.track()).drums() ? 1 : 0;
        }
        assertTrue(drums > 0, "the drums play on channel 10");
    }
}
