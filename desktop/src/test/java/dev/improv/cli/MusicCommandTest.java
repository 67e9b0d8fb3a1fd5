package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MidiFiles;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import dev.improv.music.Track;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code improv music} as a user runs it, on the shipped models: what the MIDI file holds, read back. */
class MusicCommandTest {

    @TempDir
    Path dir;

    /** Runs the command line, expects exit code 0 and returns its JSON line. */
    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(out, true));
            rc = ImprovCommand.run(args);
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc, out.toString());
        return new ObjectMapper().readTree(out.toString().strip());
    }

    private static List<String> trackNames(Song song) {
        return song.tracks().stream().map(Track::name).toList();
    }

    @Test
    void theDefaultIsTheBandInGMajorFourFour() throws Exception {
        Path midi = dir.resolve("song.mid");
        JsonNode line = run("music", "--bars", "4", "--seed", "3", "--out", midi.toString());
        Song song = MidiFiles.read(midi);
        assertEquals(List.of("harmony", "bass", "drums", "lead"), trackNames(song));
        assertTrue(song.tracks().get(2).drums(), "the drums play the General MIDI kit on channel 10");
        assertEquals(Key.parse("G"), song.key());
        assertEquals(Meter.FOUR_FOUR, song.meterAt(0));
        assertEquals(120, song.bpmAt(0), 0.01);
        Set<Integer> heard = new HashSet<>();
        song.notes().forEach(n -> heard.add(n.track()));
        assertEquals(Set.of(0, 1, 2, 3), heard, "intensity 4: every layer plays");
        assertEquals("band", line.path("engine").asText());
        assertEquals(4, line.path("tracks").asInt());
    }

    @Test
    void theTransformerEngineWritesMelodyAndChordsInTheAskedKeyAndMeter() throws Exception {
        Path midi = dir.resolve("jig.mid");
        JsonNode line = run("music", "--engine", "transformer", "--bars", "4", "--key", "D", "--meter", "6/8", "--tempo", "100",
                "--seed", "3", "--out", midi.toString());
        Song song = MidiFiles.read(midi);
        assertEquals(2, song.tracks().size(), trackNames(song).toString());
        assertTrue(song.tracks().stream().noneMatch(Track::drums));
        assertEquals(Key.parse("D"), song.key());
        assertEquals(Meter.parse("6/8"), song.meterAt(0));
        assertEquals(100, song.bpmAt(0), 0.01);
        assertEquals("transformer", line.path("engine").asText());
    }

    @Test
    void sectionsBringLayersInAtTheirBar() throws Exception {
        Path midi = dir.resolve("sections.mid");
        JsonNode line = run("music", "--sections", "2:1,2:6", "--mood", "tense", "--seed", "2", "--out", midi.toString());
        Song song = MidiFiles.read(midi);
        List<Long> starts = song.barStarts(song.endTick());
        assertEquals(4, line.path("bars").asInt());
        assertEquals("[\"2:1\",\"2:6\"]", line.path("sections").toString());
        assertEquals(Meter.FOUR_FOUR, song.meterAt(0));
        assertTrue(song.key().minor(), "tense is a minor mood");
        Set<String> quiet = new HashSet<>();
        Set<String> busy = new HashSet<>();
        for (MidiNote n : song.notes()) {
            (n.startTick() < starts.get(2) ? quiet : busy).add(song.tracks().get(n.track()).name());
        }
        assertEquals(Set.of("harmony", "bass"), quiet, "intensity 1: harmony and bass");
        assertEquals(Set.of("harmony", "bass", "drums", "lead"), busy, "intensity 6: every layer");
        assertFalse(line.has("intensity"), line.toString());
    }
}
