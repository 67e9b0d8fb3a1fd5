package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rewinding a session and generating again gives the same bars; other controls change only what follows. */
class BarGeneratorRewindTest {

    private static List<MidiBar> bars(BarGenerator s, int from, int to, MusicControls c) {
        List<MidiBar> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(s.nextBar(c));
        }
        return out;
    }

    @Test
    void rewindRegeneratesTheSameBarsEvenAcrossTheSlidingWindow() {
        for (int context : new int[] {512, 128}) {
            MusicGenerator g = MusicGeneratorTest.untrained(context);
            MusicControls a = MusicControls.DEFAULT.withIntensity(5);
            MusicControls b = a.withKey(Key.parse("E minor")).withIntensity(2);
            try (BarGenerator s = g.open(a, 9, SongRequest.DEFAULT_SAMPLING)) {
                List<MidiBar> first = bars(s, 0, 8, a);
                s.rewind(5);
                assertEquals(first.subList(5, 8), bars(s, 5, 8, a), "context " + context);
                s.rewind(3);
                List<MidiBar> changed = bars(s, 3, 8, b);
                assertNotEquals(first.subList(3, 8), changed);
                assertEquals(first.subList(0, 3), s.bars().subList(0, 3));
                s.rewind(3);
                assertEquals(changed, bars(s, 3, 8, b), "the changed continuation is reproducible too");
            }
        }
    }

    @Test
    void aBarStoppedHalfwayLeavesTheSessionAsBefore() {
        MusicGenerator g = MusicGeneratorTest.untrained(128);
        MusicControls a = MusicControls.DEFAULT.withIntensity(6);
        List<MidiBar> straight;
        try (BarGenerator s = g.open(a, 4, SongRequest.DEFAULT_SAMPLING)) {
            straight = bars(s, 0, 10, a);
        }
        try (BarGenerator s = g.open(a, 4, SongRequest.DEFAULT_SAMPLING)) {
            List<MidiBar> interrupted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int[] asked = {0};
                int stopAt = i % 5;
                // Stop each bar after a few tokens (none for bar 0), then make it again in full.
                MidiBar none = s.nextBar(a, () -> asked[0]++ >= stopAt);
                assertNull(none, "bar " + i + " was stopped");
                assertEquals(i, s.bars().size());
                interrupted.add(s.nextBar(a));
            }
            assertEquals(straight, interrupted);
            assertEquals(straight, s.bars());
        }
    }
}
