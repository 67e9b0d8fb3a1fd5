package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlScriptTest {
    @TempDir
    Path dir;

    @Test
    void defaultScriptChangesIntensityAndKeySeveralTimesAndRepeats() {
        ControlScript s = ControlScript.defaultScript();
        assertEquals(2, s.start().intensity());
        List<ControlScript.Change> first = s.timeline(32);
        assertTrue(first.stream().filter(c -> c.intensity() != null).count() >= 5);
        assertTrue(first.stream().filter(c -> c.key() != null).count() >= 3);
        List<ControlScript.Change> two = s.timeline(64);
        assertEquals(2 * first.size(), two.size());
        assertEquals(first.get(0).bar() + 32, two.get(first.size()).bar());
    }

    @Test
    void mistakesNameFileLineAndField() throws Exception {
        Path bad = dir.resolve("controls.json");
        Files.writeString(bad, "{\n \"changes\": [\n  {\"bar\": 1.5, \"intensity\": 3},\n  {\"bar\": 2.5, \"key\": \"H minor\"}\n ]\n}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ControlScript.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("H minor"), e.getMessage());

        Files.writeString(bad, "{\n \"changes\": [\n  {\"bar\": 1.5, \"loudness\": 3}\n ]\n}\n");
        e = assertThrows(IllegalArgumentException.class, () -> ControlScript.read(bad));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("loudness"), e.getMessage());

        Files.writeString(bad, "{\"changes\": [{\"bar\": 4}, {\"bar\": 2}]}");
        e = assertThrows(IllegalArgumentException.class, () -> ControlScript.read(bad));
        assertTrue(e.getMessage().contains("changes[1].bar"), e.getMessage());
    }

    @Test
    void aRepeatShorterThanABarIsRefusedBeforeTheTimelineGrowsWithoutBound() throws Exception {
        Path bad = dir.resolve("tiny-repeat.json");
        Files.writeString(bad, "{\"changes\": [{\"bar\": 0, \"intensity\": 3}], \"repeat_bars\": 1e-9}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ControlScript.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":") && e.getMessage().contains("repeat_bars"), e.getMessage());
    }

    @Test
    void parsesKeysAndMoods() throws Exception {
        Path ok = dir.resolve("ok.json");
        Files.writeString(ok, "{\"start\": {\"key\": \"Bbm\", \"tempo\": 90}, \"changes\": [{\"bar\": 1, \"mood\": \"dark\", \"stinger\": true}]}");
        ControlScript s = ControlScript.read(ok);
        assertEquals(new Key(10, true), s.start().key());
        assertEquals(90, s.start().tempoBpm());
        assertTrue(s.changes().get(0).stinger());
    }

    @Test
    void changesOnTheBeatAndAFinish() throws Exception {
        Path ok = dir.resolve("beat.json");
        Files.writeString(ok, "{\"changes\": [{\"bar\": 1, \"mood\": \"battle\", \"on\": \"beat\"}, {\"bar\": 2, \"intensity\": 1},"
                + " {\"bar\": 3, \"finish\": true}]}");
        List<ControlScript.Change> c = ControlScript.read(ok).timeline(10);
        assertEquals(dev.improv.api.Transition.NEXT_BEAT, c.get(0).on());
        assertEquals(dev.improv.api.Mood.BATTLE, c.get(0).mood());
        assertEquals(dev.improv.api.Transition.NEXT_BAR, c.get(1).on(), "the bar line unless told");
        assertTrue(c.get(2).finish() && !c.get(2).changesControls());

        Path bad = dir.resolve("bad-on.json");
        Files.writeString(bad, "{\"changes\": [{\"bar\": 1, \"intensity\": 3, \"on\": \"half-bar\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ControlScript.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ":") && e.getMessage().contains("half-bar"), e.getMessage());
    }
}
