package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.AudioOutput;
import dev.improv.api.Bar;
import dev.improv.api.Key;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.SessionSettings;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import dev.improv.music.MusicGenerator;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.Track;
import dev.improv.live.LiveSession;
import dev.improv.live.SilentOutput;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The transformer music engine in a live session: control changes regenerate bars reproducibly. */
class TransformerMusicEngineTest {

    private static MusicEngine untrainedEngine() {
        MusicVocabulary vocab = MusicVocabulary.standard();
        ObjectMapper json = new ObjectMapper();
        ObjectNode meta = json.createObjectNode();
        meta.set("vocabulary", json.valueToTree(vocab.settings()));
        meta.set("tracks", json.valueToTree(List.of(new Track("melody", 0, 73), new Track("chords", 1, 0))));
        LanguageModel model = LanguageModel.random(new TransformerConfig(vocab.size(), 1, 32, 2, 256, 0f), 5)
                .withMetadata("test-music", meta);
        return TransformerMusicProvider.engine(new MusicGenerator(model, false));
    }

    /** Plays 8 bars with changes at bars 2.5 and 5.3; returns the bars played and their key tonic. */
    private static Map<Integer, Bar> play(int lookahead) throws Exception {
        MusicControls start = new MusicControls(3, Key.C_MAJOR, Mood.CALM, 240);
        Map<Integer, Bar> played = new TreeMap<>();
        CountDownLatch done = new CountDownLatch(1);
        boolean[] changed = new boolean[2];
        LiveSession.PositionListener script = new LiveSession.PositionListener() {
            @Override
            public void onBlock(LiveSession s, double position) {
                if (!changed[0] && position >= 2.5) {
                    s.setControls(start.withIntensity(7).withKey(Key.parse("G")));
                    changed[0] = true;
                }
                if (!changed[1] && position >= 5.3) {
                    s.setControls(start.withIntensity(1).withMood(Mood.DARK));
                    changed[1] = true;
                }
                if (position >= 8) {
                    done.countDown();
                }
            }

            @Override
            public void onBar(int index, Bar bar, MusicControls controls) {
                played.put(index, bar);
            }
        };
        MusicEngine engine = untrainedEngine();
        LiveSession session = LiveSession.start(() -> engine,
                new SessionSettings(21, start, lookahead, 0.5, false), new SilentOutput(), script);
        assertTrue(done.await(60, TimeUnit.SECONDS));
        session.close();
        return new TreeMap<>(((TreeMap<Integer, Bar>) played).headMap(8));
    }

    @Test
    void speculativeBarsThrownAwayNeverChangeWhatIsPlayed() throws Exception {
        Map<Integer, Bar> one = play(1);
        Map<Integer, Bar> four = play(4);
        assertEquals(8, one.size());
        assertEquals(one, four);
        // The changes were honoured: G major from bar 3 (bass and chords in G's scale), dark = C minor from bar 6.
        assertTrue(one.get(3).notes().size() > one.get(2).notes().size(), "intensity 7 is denser than 3");
        int[] cMinor = Key.parse("C minor").scale();
        long inMinor = one.get(7).notes().stream().filter(n -> contains(cMinor, n.pitch() % 12)).count();
        assertTrue(inMinor >= one.get(7).notes().size() / 2, "mostly C minor pitches in bar 7");
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
