package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Bar;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.Note;
import org.junit.jupiter.api.Test;

class RuleMusicProviderTest {
    @Test
    void intensityAddsNotesAndEveryPitchedNoteIsInTheKey() {
        Key key = Key.parse("E minor");
        int previous = -1;
        for (int level = 0; level < 8; level++) {
            MusicControls c = new MusicControls(level, key, Mood.CALM, 120);
            int notes = 0;
            for (int bar = 0; bar < 8; bar++) {
                Bar b = RuleMusicProvider.bar(3, bar, c);
                for (Note n : b.notes()) {
                    if (n.channel() != 9) {
                        assertTrue(key.scale().length == 7 && contains(key.scale(), n.pitch() % 12),
                                "pitch " + n.pitch() + " is in " + key);
                    }
                }
                notes += b.notes().size();
            }
            assertTrue(notes > previous, "intensity " + level + " has more notes than the one below");
            previous = notes;
        }
    }

    @Test
    void sameSeedSameBarOtherSeedOtherMelody() {
        MusicControls c = new MusicControls(5, Key.C_MAJOR, Mood.BRIGHT, 120);
        assertEquals(RuleMusicProvider.bar(1, 4, c), RuleMusicProvider.bar(1, 4, c));
        assertTrue(!RuleMusicProvider.bar(1, 4, c).equals(RuleMusicProvider.bar(2, 4, c)));
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
