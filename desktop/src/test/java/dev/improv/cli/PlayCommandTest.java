package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.MusicEngineProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
