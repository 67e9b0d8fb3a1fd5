package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiFilesTest {

    /**
     * Type 0, 96 ticks a quarter: tempo 100 then 150 at tick 384, 4/4 then 3/4 at tick 384, key of D,
     * a melody on channel 0 written with running status (note-on velocity 0 as note-off), a chord
     * note on channel 1 and a kick drum on channel 10.
     */
    static byte[] typeZero() {
        return SmfBytes.header(0, 1, 96).track(
                0x00, 0xFF, 0x51, 0x03, 0x09, 0x27, 0xC0,       // tempo 600000 us = 100 bpm
                0x00, 0xFF, 0x58, 0x04, 0x04, 0x02, 0x18, 0x08, // 4/4
                0x00, 0xFF, 0x59, 0x02, 0x02, 0x00,             // D major
                0x00, 0x90, 60, 100,                            // C4 on
                0x60, 62, 90,                                   // running status: D4 on at 96
                0x00, 60, 0,                                    //   C4 off at 96
                0x00, 0x91, 50, 70,                             // channel 1 D3 on at 96
                0x00, 0x99, 36, 120,                            // drum kick on at 96
                0x30, 0x89, 36, 0,                              // kick off at 144
                0x30, 0x90, 62, 0,                              // D4 off at 192
                0x00, 0x81, 50, 0,                              // D3 off at 192
                0x81, 0x40, 0xFF, 0x51, 0x03, 0x06, 0x1A, 0x80, // tick 384: 150 bpm
                0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 0x18, 0x08, // 3/4
                0x00, 0x90, 64, 80,                             // E4 on at 384
                0x60, 0x80, 64, 0,                              // off at 480
                0x00, 0xFF, 0x2F, 0x00).bytes();
    }

    @Test
    void readsTypeZeroWithRunningStatusDrumsAndTempoAndMeterChanges() throws Exception {
        Song song = MidiFiles.read(typeZero(), "t0.mid");
        assertEquals(96, song.ticksPerQuarter());
        assertEquals(Key.parse("D"), song.key());
        assertEquals(3, song.tracks().size(), "one track per channel");
        assertTrue(song.tracks().stream().anyMatch(Track::drums));
        assertEquals(List.of(new TempoChange(0, 100), new TempoChange(384, 150)), song.tempos());
        assertEquals(List.of(new MeterChange(0, new Meter(4, 4)), new MeterChange(384, new Meter(3, 4))), song.meters());
        assertEquals(5, song.notes().size());
        MidiNote first = song.notes().get(0);
        assertEquals(60, first.pitch());
        assertEquals(0, first.startTick());
        assertEquals(96, first.durationTicks());
        assertEquals(100, first.velocity());
        int drumTrack = song.tracks().indexOf(song.tracks().stream().filter(Track::drums).findFirst().orElseThrow());
        MidiNote kick = song.notes().stream().filter(n -> n.track() == drumTrack).findFirst().orElseThrow();
        assertEquals(36, kick.pitch());
        assertEquals(48, kick.durationTicks());
        assertEquals(List.of(0L, 384L, 672L), song.barStarts(700));
        // 384 ticks at 100 bpm = 2.4 s, then 96 at 150 bpm = 0.4 s
        assertEquals(2.8, song.secondsAt(480), 1e-9);
    }

    @Test
    void writeThenReadGivesTheSameSong(@TempDir Path dir) throws Exception {
        Song song = MidiFiles.read(typeZero(), "t0.mid");
        Path file = dir.resolve("out.mid");
        MidiFiles.write(song, file);
        Song again = MidiFiles.read(file);
        assertEquals(song.notes(), again.notes());
        assertEquals(song.tempos().size(), again.tempos().size());
        for (int i = 0; i < song.tempos().size(); i++) {
            assertEquals(song.tempos().get(i).bpm(), again.tempos().get(i).bpm(), 0.01);
        }
        assertEquals(song.meters(), again.meters());
        assertEquals(song.key(), again.key());
        assertEquals(song.tracks().stream().map(Track::channel).toList(), again.tracks().stream().map(Track::channel).toList());
    }

    @Test
    void overlappingNotesOfOnePitchAreCutSoNoteOffsPairUp() throws Exception {
        Song song = new Song(96, Key.C_MAJOR, List.of(new Track("a", 0, 0), new Track("b", 0, 0)),
                List.of(new MidiNote(0, 60, 0, 200, 90), new MidiNote(1, 60, 96, 96, 90), new MidiNote(1, 62, 0, 96, 90),
                        new MidiNote(0, 62, 0, 50, 90)),
                List.of(new TempoChange(0, 120)), List.of(new MeterChange(0, Meter.FOUR_FOUR)));
        Song back = MidiFiles.read(MidiFiles.toBytes(song), "overlap.mid");
        List<MidiNote> c4 = back.notes().stream().filter(n -> n.pitch() == 60).toList();
        assertEquals(2, c4.size());
        assertEquals(96, c4.get(0).durationTicks(), "the first C4 ends where the second starts");
        assertEquals(1, back.notes().stream().filter(n -> n.pitch() == 62).count(), "a same-start duplicate is one note");
    }

    @Test
    void readsTypeOneWithSeveralTracksOnOneChannel() throws Exception {
        byte[] bytes = SmfBytes.header(1, 2, 480)
                .track(0x00, 0x90, 72, 90, 0x83, 0x60, 0x80, 72, 0, 0x00, 0xFF, 0x2F, 0x00)
                .track(0x00, 0x90, 48, 90, 0x00, 52, 90, 0x8F, 0x00, 48, 0, 0x00, 52, 0, 0x00, 0xFF, 0x2F, 0x00)
                .bytes();
        Song song = MidiFiles.read(bytes, "t1.mid");
        assertEquals(2, song.tracks().size());
        assertEquals(3, song.notes().size());
        assertEquals(List.of(0, 1, 1), song.notes().stream().map(MidiNote::track).toList());
        assertEquals(1920, song.notes().get(1).durationTicks());
    }

    @Test
    void corruptFilesFailWithAMessageNamingFileAndFault() {
        assertMessage(new byte[] {1, 2, 3}, "too short");
        assertMessage("RIFF....RMIDdata".getBytes(), "not a Standard MIDI File");
        assertMessage(SmfBytes.header(2, 1, 96).track(0x00, 0xFF, 0x2F, 0x00).bytes(), "format 2");
        assertMessage(SmfBytes.header(1, 1, 0xE728).track(0x00, 0xFF, 0x2F, 0x00).bytes(), "SMPTE");
        // A chunk claiming two gigabytes: refused from the length field, nothing allocated.
        assertMessage(SmfBytes.header(1, 1, 96).ascii("MTrk").u32(0x7FFFFFF0L).raw(0, 0x90, 60, 90).bytes(),
                "claims 2147483632 bytes");
        assertMessage(SmfBytes.header(1, 3, 96).track(0x00, 0xFF, 0x2F, 0x00).bytes(), "announces 3 tracks");
        assertMessage(SmfBytes.header(0, 1, 96).track(0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 90).bytes(),
                "longer than 4 bytes");
        assertMessage(SmfBytes.header(0, 1, 96).track(0x00, 60, 90, 0x00, 0xFF, 0x2F, 0x00).bytes(), "no running status");
        assertMessage(SmfBytes.header(0, 1, 96).track(0x00, 0xFF, 0x03, 0x7F, 'a', 'b').bytes(), "meta event");
        assertMessage(SmfBytes.header(0, 1, 96).track(0x00, 0x90, 0xC0, 90).bytes(), "top bit");
    }

    @Test
    void everyTruncationAndByteFlipEndsInACleanErrorOrASong() {
        byte[] good = typeZero();
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            try {
                MidiFiles.read(truncated, "cut.mid");
                if (cut < good.length - 4) {
                    fail("a file cut at byte " + cut + " of " + good.length + " was accepted");
                }
            } catch (InvalidMidiFileException e) {
                assertTrue(e.getMessage().startsWith("cut.mid: "), e.getMessage());
            }
        }
        for (int i = 0; i < good.length; i++) {
            for (int value : new int[] {0x00, 0x7F, 0x80, 0xFF}) {
                byte[] flipped = good.clone();
                flipped[i] = (byte) value;
                try {
                    MidiFiles.read(flipped, "flip.mid");
                } catch (InvalidMidiFileException e) {
                    assertTrue(e.getMessage().startsWith("flip.mid: "), e.getMessage());
                }
            }
        }
    }

    @Test
    void missingFileAndHugeFileAreRefusedByPath(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.mid");
        Files.write(bad, new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 1, 0, 1, 0, 96, 'M', 'T', 'r', 'k', 0, 0, 1, 0});
        InvalidMidiFileException e = assertThrows(InvalidMidiFileException.class, () -> MidiFiles.read(bad));
        assertTrue(e.getMessage().contains("bad.mid"), e.getMessage());
    }

    private static void assertMessage(byte[] bytes, String expected) {
        InvalidMidiFileException e = assertThrows(InvalidMidiFileException.class, () -> MidiFiles.read(bytes, "x.mid"));
        assertTrue(e.getMessage().startsWith("x.mid: ") && e.getMessage().contains(expected), e.getMessage());
    }
}
