package dev.improv.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Key;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodLibraryTest {

    @Test
    void theShippedMoodsAreTheSixAGameNeedsWithTheirModes() {
        MoodLibrary moods = MoodLibrary.standard();
        assertEquals(java.util.List.of("calm", "tense", "heroic", "sad", "battle", "victory"), moods.names());
        for (String minor : new String[] {"tense", "sad", "battle"}) {
            assertTrue(moods.get(minor).key().minor(), minor);
        }
        for (String major : new String[] {"calm", "heroic", "victory"}) {
            assertTrue(!moods.get(major).key().minor(), major);
        }
        assertTrue(moods.get("battle").intensity() > moods.get("calm").intensity());
        MoodPreset battle = moods.get("BATTLE");
        for (long seed = 0; seed < 50; seed++) {
            int bpm = battle.bpm(seed);
            assertTrue(bpm >= battle.tempoLow() && bpm <= battle.tempoHigh(), "bpm " + bpm);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> moods.get("spooky"));
        assertTrue(e.getMessage().contains("calm"), e.getMessage());
    }

    @Test
    void aDesignersFileIsReadAndABadFieldIsNamed(@TempDir Path dir) throws IOException {
        Path ok = dir.resolve("moods.json");
        Files.writeString(ok, """
                {"spooky": {"mode": "minor", "tonic": "C#", "tempo": [50, 60], "meter": "6/8", "intensity": 2,
                  "drumStyle": "jazz", "instruments": {"lead": 11, "harmony": 95, "bass": 32}}}""");
        MoodPreset spooky = MoodLibrary.load(ok).get("spooky");
        assertEquals(Key.parse("C#m"), spooky.key());
        assertEquals(8, spooky.phraseBars());
        assertEquals(95, spooky.instruments().harmony());

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"loud": {"mode": "minor", "tonic": "C", "tempo": [120, 130], "meter": "4/4", "intensity": 2,
                  "drumStyle": "rock", "instruments": {"lead": 300, "harmony": 0, "bass": 32}}}""");
        IOException e = assertThrows(IOException.class, () -> MoodLibrary.load(bad));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("'loud'") && e.getMessage().contains("lead"), e.getMessage());
        Files.writeString(bad, "{\"x\": {\"mode\": \"lydian\"}}");
        e = assertThrows(IOException.class, () -> MoodLibrary.load(bad));
        assertTrue(e.getMessage().contains("'mode'"), e.getMessage());
    }
}
