package dev.improv.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.MusicControls;
import dev.improv.model.LanguageModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-key checkpoint score asks the held-out tunes' keys, and weighs major and minor alike. */
class HeldOutKeyScoreTest {

    private static LanguageModel untrained(long seed) {
        return MusicGeneratorTest.untrainedModel(256, seed);
    }

    private static Song heldOut(Key key, Meter meter, double bpm) {
        return new Song(480, key, List.of(new Track("melody", 0, 0)), List.of(new MidiNote(0, 60, 0, 480, 90)),
                List.of(new TempoChange(0, bpm)), List.of(new MeterChange(0, meter)));
    }

    @Test
    void majorAndMinorRequestsCountHalfEachWhateverTheirNumbers() {
        Song d = heldOut(Key.parse("D"), Meter.parse("6/8"), 110);
        Song g = heldOut(Key.parse("G"), Meter.FOUR_FOUR, 120);
        Song em = heldOut(Key.parse("Em"), Meter.parse("3/4"), 90);
        LanguageModel model = untrained(3);
        double score = new HeldOutKeyScore(List.of(d, g, em), 4, 2).score(model);

        // The same pieces tallied by hand: major seeds first (cycling D, G), then minor (Em alone).
        MusicGenerator generator = new MusicGenerator(model, false);
        KeyKeeping major = new KeyKeeping();
        KeyKeeping minor = new KeyKeeping();
        long seed = HeldOutKeyScore.FIRST_SEED;
        for (int i = 0; i < 4; i++) {
            Song s = i % 2 == 0 ? d : g;
            major.add(generator, controlsOf(s), 2, seed++);
        }
        for (int i = 0; i < 4; i++) {
            minor.add(generator, controlsOf(em), 2, seed++);
        }
        assertTrue(major.notes() > 0 && minor.notes() > 0);
        assertEquals((major.share() + minor.share()) / 2, score, 1e-12);
        assertNotEquals(major.share(), minor.share(), "the untrained model should differ by mode, or the test shows nothing");
        assertEquals(score, new HeldOutKeyScore(List.of(d, g, em), 4, 2).score(model), 0.0, "seeded: the same every time");
    }

    @Test
    void withoutMinorTunesOnlyMajorCounts() {
        Song g = heldOut(Key.parse("G"), Meter.FOUR_FOUR, 120);
        LanguageModel model = untrained(4);
        KeyKeeping major = new KeyKeeping();
        MusicGenerator generator = new MusicGenerator(model, false);
        for (int i = 0; i < 3; i++) {
            major.add(generator, controlsOf(g), 2, HeldOutKeyScore.FIRST_SEED + i);
        }
        assertEquals(major.share(), new HeldOutKeyScore(List.of(g), 3, 2).score(model), 1e-12);
    }

    @Test
    void noHeldOutTunesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeldOutKeyScore(List.of(), 4, 2));
        assertTrue(e.getMessage().contains("held-out"), e.getMessage());
    }

    private static MusicControls controlsOf(Song s) {
        return MusicControls.DEFAULT.withKey(s.key()).withMeter(s.meters().get(0).meter())
                .withTempo(s.tempos().get(0).bpm());
    }
}
