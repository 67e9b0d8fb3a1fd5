package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.improv.music.MidiNote;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarmonyVoicingTest {

    private static MidiNote n(int pitch, long start, long length, int velocity) {
        return new MidiNote(0, pitch, start, length, velocity);
    }

    @Test
    void chordsInTheBassOctaveAreRaisedIntoCloseVoicingFromC3() {
        // G major as the corpus writes it (G2 B2 D3), then C major with C3 already at the floor.
        List<MidiNote> voiced = HarmonyVoicing.voiced(List.of(n(43, 0, 96, 70), n(47, 0, 96, 70), n(50, 0, 96, 70),
                n(48, 96, 96, 70), n(52, 96, 96, 70), n(31, 96, 96, 70)));
        assertEquals(List.of(n(55, 0, 96, 70), n(59, 0, 96, 70), n(50, 0, 96, 70),
                n(48, 96, 96, 70), n(52, 96, 96, 70), n(55, 96, 96, 70)), voiced);
    }

    @Test
    void aSlashBassThatLandsOnAChordToneIsPlayedOnce() {
        // C/E: E1 under C2 E2 G2; E1 and E2 both land on E3, the longer one is kept.
        List<MidiNote> voiced = HarmonyVoicing.voiced(List.of(n(28, 0, 192, 60), n(36, 0, 96, 70), n(40, 0, 96, 70),
                n(43, 0, 96, 70)));
        assertEquals(List.of(n(52, 0, 192, 60), n(48, 0, 96, 70), n(55, 0, 96, 70)), voiced);
    }

    @Test
    void theSamePitchAtAnotherOnsetIsAnotherNote() {
        List<MidiNote> voiced = HarmonyVoicing.voiced(List.of(n(40, 0, 48, 70), n(40, 48, 48, 70)));
        assertEquals(List.of(n(52, 0, 48, 70), n(52, 48, 48, 70)), voiced);
    }
}
