package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.MusicControls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

public class MusicGeneratorTest {

    /** An untrained model with the music vocabulary: generation must be well-formed whatever the weights say. */
    public static MusicGenerator untrained(int context) {
        return new MusicGenerator(untrainedModel(context, 5), false);
    }

    /** The untrained two-track music model behind {@link #untrained}, with weights from {@code seed}. */
    public static LanguageModel untrainedModel(int context, long seed) {
        MusicVocabulary vocab = MusicVocabulary.standard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = json.createObjectNode();
        meta.set("vocabulary", json.valueToTree(vocab.settings()));
        meta.set("tracks", json.valueToTree(List.of(new Track("melody", 0, 0), new Track("chords", 1, 0))));
        return LanguageModel.random(new TransformerConfig(vocab.size(), 1, 32, 2, context, 0f), seed)
                .withMetadata("test-music", meta);
    }

    @Test
    void sameSeedSameSongOtherSeedOtherSong() {
        MusicGenerator g = untrained(256);
        MusicControls c = MusicControls.DEFAULT.withKey(Key.parse("D"));
        Song a = g.generate(SongRequest.of(4, c, 11));
        Song b = g.generate(SongRequest.of(4, c, 11));
        Song other = g.generate(SongRequest.of(4, c, 12));
        assertEquals(a.notes(), b.notes());
        assertNotEquals(a.notes(), other.notes());
        assertEquals(Key.parse("D"), a.key());
    }

    @Test
    void notesPerBarFollowTheIntensityAndStayInsideTheBar() {
        MusicGenerator g = untrained(128); // small context: also exercises the sliding window
        MusicVocabulary v = g.tokenizer().vocabulary();
        double previousMean = -1;
        try (BarGenerator s = g.open(MusicControls.DEFAULT, 3, SongRequest.DEFAULT_SAMPLING)) {
            for (int intensity = 1; intensity <= 7; intensity++) {
                MusicControls c = MusicControls.DEFAULT.withIntensity(intensity);
                int[] range = v.notesFor(intensity, c.meter().quarters());
                int total = 0;
                for (int i = 0; i < 4; i++) {
                    MidiBar bar = s.nextBar(c);
                    int n = bar.notes().size();
                    assertTrue(n >= range[0] && n <= range[1], "intensity " + intensity + " bar has " + n + " notes, wanted " + range[0] + ".." + range[1]);
                    for (MidiNote note : bar.notes()) {
                        assertTrue(note.startTick() < bar.lengthTicks());
                    }
                    total += n;
                }
                double mean = total / 4.0;
                assertTrue(mean > previousMean, "mean notes per bar must rise with intensity: " + previousMean + " then " + mean);
                previousMean = mean;
            }
        }
    }

    @Test
    void meterAndTempoChangesApplyAtTheNextBar() {
        MusicGenerator g = untrained(256);
        try (BarGenerator s = g.open(MusicControls.DEFAULT, 9, SongRequest.DEFAULT_SAMPLING)) {
            MidiBar first = s.nextBar(MusicControls.DEFAULT);
            MidiBar second = s.nextBar(MusicControls.DEFAULT.withMeter(new Meter(3, 4)).withTempo(90));
            assertEquals(Meter.FOUR_FOUR, first.meter());
            assertEquals(new Meter(3, 4), second.meter());
            assertEquals(90, second.bpm());
            for (MidiNote n : second.notes()) {
                assertTrue(n.startTick() < second.lengthTicks());
            }
            Song song = s.song();
            assertEquals(2, song.meters().size());
            assertEquals(first.lengthTicks(), song.meters().get(1).tick());
            assertThrows(IllegalArgumentException.class, () -> s.nextBar(MusicControls.DEFAULT.withMeter(new Meter(11, 16))));
        }
    }

    @Test
    void primeOpensTheContinuation() {
        MusicGenerator g = untrained(256);
        Song prime = MusicTokenizerTest.tune();
        Song song = g.generate(SongRequest.of(2, MusicControls.DEFAULT.withMeter(new Meter(3, 4)), 4).withPrime(prime));
        Song primeBack = g.tokenizer().decode(g.tokenizer().encode(prime));
        List<MidiNote> start = song.notes().subList(0, primeBack.notes().size());
        assertEquals(primeBack.notes(), start);
        assertEquals(3, song.tracks().size());
        assertTrue(song.notes().size() > primeBack.notes().size());
    }
}
