package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.MusicControls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.LanguageModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped music model: it loads from the classpath, and its intensity control is real. */
class DefaultMusicModelTest {

    private static MusicGenerator generator;

    @BeforeAll
    static void load() throws Exception {
        generator = new MusicGenerator(LanguageModel.loadResource(MusicGenerator.DEFAULT_MODEL), false);
    }

    @Test
    void meanNotesPerBarRiseWithIntensityFromOneToSeven() {
        double previous = -1;
        StringBuilder means = new StringBuilder();
        for (int intensity = 1; intensity <= 7; intensity++) {
            MusicControls controls = MusicControls.DEFAULT.withKey(Key.parse("G")).withIntensity(intensity);
            Song song = generator.generate(SongRequest.of(4, controls, 40 + intensity));
            double mean = song.notes().size() / 4.0;
            means.append(intensity).append(':').append(mean).append(' ');
            assertTrue(mean > previous, "notes per bar must rise with intensity: " + means);
            previous = mean;
        }
    }

    @Test
    void generatesTheRequestedBarsInKeyAndMeter() {
        MusicControls controls = MusicControls.DEFAULT.withKey(Key.parse("D")).withMeter(new Meter(6, 8)).withTempo(100);
        Song song = generator.generate(SongRequest.of(4, controls, 3));
        assertEquals(new Meter(6, 8), song.meterAt(0));
        assertEquals(100, song.bpmAt(0), 1e-9);
        long inKey = song.notes().stream().filter(n -> controls.key().inScale(n.pitch())).count();
        assertTrue(inKey >= 0.8 * song.notes().size(), inKey + " of " + song.notes().size() + " notes in D major");
        long barTicks = controls.meter().ticksPerBar(song.ticksPerQuarter());
        assertTrue(song.notes().stream().allMatch(n -> n.startTick() < 4 * barTicks), "every note starts inside the 4 bars");
    }
}
