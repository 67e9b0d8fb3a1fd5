package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngineProvider;
import dev.improv.live.RecordingPortProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlayCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void useTestEngine() {
        System.setProperty(MusicEngineProvider.PROPERTY, "scale-walk");
    }

    @AfterEach
    void restore() {
        System.clearProperty(MusicEngineProvider.PROPERTY);
    }

    @Test
    void printsOneJsonLineAndWritesTheWav() throws Exception {
        Path wav = dir.resolve("out.wav");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(bytes, true));
            rc = new CommandLine(new PlayCommand()).execute("--minutes", "0.5", "--fast", "--json", "--wav", wav.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc);
        String[] lines = bytes.toString().trim().split("\n");
        assertEquals(1, lines.length, "one JSON line: " + bytes);
        JsonNode j = new ObjectMapper().readTree(lines[0]);
        // 30 s at 112 bpm in 4/4 is 14 bars.
        assertTrue(j.get("bars_played").asInt() >= 13, lines[0]);
        assertEquals(0, j.get("underruns").asInt());
        assertTrue(j.get("control_changes").asInt() >= 2, lines[0]);
        assertTrue(j.get("max_control_latency_bars").asDouble() <= 1.0, lines[0]);
        assertTrue(j.get("generation_realtime_factor").asDouble() > 1, lines[0]);
        long dataBytes = Files.size(wav) - 44;
        assertTrue(dataBytes >= 30 * 44_100 * 4L, "30 s of 16-bit stereo: " + dataBytes);
    }

    @Test
    void aBadControlScriptIsOneClearMessage() throws Exception {
        Path script = dir.resolve("controls.json");
        Files.writeString(script, "{\"changes\": [{\"bar\": 2, \"intensity\": 11}]}");
        PlayCommand play = new PlayCommand();
        new CommandLine(play).parseArgs("--controls", script.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, play::call);
        assertTrue(e.getMessage().startsWith(script.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("intensity"), e.getMessage());
    }

    /** Runs improv play with these arguments; stdout and the exit code. */
    private static Object[] play(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(bytes, true));
            rc = new CommandLine(new PlayCommand()).execute(args);
        } finally {
            System.setOut(old);
        }
        return new Object[] {rc, bytes.toString()};
    }

    @Test
    void listsTheMidiPortsThereAre() {
        // The port is core's test port, a javax.sound.midi.spi.MidiDeviceProvider found by the JDK's service lookup.
        Object[] out = play("--list-midi-devices");
        assertEquals(0, out[0]);
        assertTrue(((String) out[1]).lines().anyMatch(l -> l.startsWith(RecordingPortProvider.NAME + " - ")), (String) out[1]);
    }

    @Test
    void playsThroughTheNamedPortNoteForNoteAndLeavesNoNoteOnWhenItStops() throws Exception {
        Path script = dir.resolve("steady.json");
        Files.writeString(script, "{\"start\": {\"intensity\": 3, \"key\": \"D\", \"mood\": \"calm\", \"tempo\": 120}}");
        RecordingPortProvider.clear();
        Object[] out = play("--midi-out", "improv TEST", "--controls", script.toString(), "--seed", "7",
                "--minutes", "0.25", "--fast", "--json");
        assertEquals(0, out[0], (String) out[1]);
        List<Integer> ons = new ArrayList<>();
        int[][] held = new int[16][128];
        for (MidiMessage m : List.copyOf(RecordingPortProvider.RECEIVED)) {
            if (m instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                ons.add(sm.getData1());
                held[sm.getChannel()][sm.getData1()] = 1;
            } else if (m instanceof ShortMessage sm && (sm.getCommand() == ShortMessage.NOTE_OFF || sm.getCommand() == ShortMessage.NOTE_ON)) {
                held[sm.getChannel()][sm.getData1()] = 0;
            }
        }
        // 15 s at 120 bpm is 7.5 bars: the first 7 bars of the engine, note for note, in order.
        List<Integer> expected = new ArrayList<>();
        MusicControls steady = new MusicControls(3, Key.parse("D"), Mood.CALM, 120);
        try (BarStream bars = new ScaleWalkMusicProvider().newEngine().newBarStream(7)) {
            for (int i = 0; i < 7; i++) {
                bars.next(i, steady, new Cancellation()).notes().forEach(n -> expected.add(n.pitch()));
            }
        }
        assertTrue(ons.size() >= expected.size(), ons.size() + " note-ons for " + expected.size());
        assertEquals(expected, ons.subList(0, expected.size()));
        for (int ch = 0; ch < 16; ch++) {
            for (int key = 0; key < 128; key++) {
                assertEquals(0, held[ch][key], "channel " + ch + " key " + key + " still on after play ended");
            }
        }
    }

    @Test
    void aMissingPortIsAnErrorNamingItAndThePortsThereAre() {
        PlayCommand play = new PlayCommand();
        new CommandLine(play).parseArgs("--midi-out", "Korg Nowhere", "--minutes", "0.1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, play::call);
        assertTrue(e.getMessage().startsWith("--midi-out: no MIDI output port named 'Korg Nowhere'"), e.getMessage());
        assertTrue(e.getMessage().contains(RecordingPortProvider.NAME), e.getMessage());
    }
}
