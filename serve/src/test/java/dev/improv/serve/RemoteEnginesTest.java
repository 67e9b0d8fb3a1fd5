package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Improv;
import dev.improv.api.Key;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngineProvider;
import dev.improv.api.LevelFeed;
import dev.improv.api.Mood;
import dev.improv.api.MusicClip;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.MusicRequest;
import dev.improv.api.Outcome;
import dev.improv.api.Providers;
import dev.improv.engines.RemoteDialogueProvider;
import dev.improv.engines.RemoteMusicProvider;
import dev.improv.engines.RuleMusicProvider;
import dev.improv.engines.BandMusicProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A game switched to the remote level and music engines by one property gets, through the api with
 * its deadlines, the chunks and bars the in-process engines make for the same seed and steps
 * (authored chunks placed, bars rewound under new controls, a cadence); with the server gone, a chunk
 * fails as a late one does (the game places its own) and the rules engine plays the bar. Against a
 * real {@code improv serve} on loopback.
 */
class RemoteEnginesTest {
    private static final String[] PROPERTIES = {LevelEngineProvider.PROPERTY, MusicEngineProvider.PROPERTY,
            RemoteDialogueProvider.URL_PROPERTY};
    private static final List<String> PROMPTS = List.of("many pipes", "", "few enemies");
    private static final MusicControls CALM = new MusicControls(2, Key.C_MAJOR, Mood.CALM, 100);
    private static final MusicControls DARK = new MusicControls(6, Key.parse("Am"), Mood.DARK, 130);

    @AfterEach
    void clear() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }

    /** Three chunks, an authored chunk where the fourth would be, then two more: what a game's feed asks. */
    private static List<List<String>> level() {
        List<List<String>> chunks = new ArrayList<>();
        try (Improv improv = Improv.open(); LevelFeed feed = improv.level(7)) {
            for (String p : PROMPTS) {
                chunks.add(chunk(feed.next(p, Duration.ofSeconds(60)).await()));
            }
            feed.placeInstead(LevelChunk.authored(3, chunks.get(2)));
            chunks.add(chunk(feed.next("many gaps", Duration.ofSeconds(60)).await()));
            chunks.add(chunk(feed.next("", Duration.ofSeconds(60)).await()));
        }
        return chunks;
    }

    private static List<String> chunk(Outcome<LevelChunk> o) {
        assertEquals(Outcome.Status.COMPLETED, o.status(), o.message());
        return o.value().rows();
    }

    /** Bars under changing controls, a rewind, then the closing cadence: what a live session asks. */
    private static List<Bar> bars(MusicEngine engine) {
        List<Bar> bars = new ArrayList<>();
        try (BarStream s = engine.newBarStream(11)) {
            Cancellation c = new Cancellation();
            bars.add(s.next(0, CALM, c));
            s.next(1, CALM, c);
            s.rewind(1); // the controls changed under a bar made ahead
            bars.add(s.next(1, DARK, c));
            bars.add(s.next(2, DARK, c));
            bars.add(s.cadence(3, DARK, 0, c));
            bars.add(s.cadence(4, DARK, 1, c));
        }
        return bars;
    }

    @Test
    void theRemoteEnginesGiveTheInProcessEnginesChunksAndBars() throws Exception {
        // References first: a node installs its batcher for every decoder in this JVM.
        List<List<String>> local = level();
        List<Bar> localBars = bars(new BandMusicProvider().newEngine());
        MusicClip localClip;
        try (Improv improv = Improv.open()) {
            localClip = improv.compose(new MusicRequest(3, CALM, 4), Duration.ofSeconds(60)).await().value();
        }
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 8))) {
            System.setProperty(RemoteDialogueProvider.URL_PROPERTY, node.uri().toString());
            System.setProperty(LevelEngineProvider.PROPERTY, "remote");
            assertEquals(local, level(), "the remote level engine's chunks");
            // The stream it kept has moved on: this one is replayed from the seed, to the same chunk.
            var replayed = Http.json(Http.post(node.uri(), "v1/levels/stream",
                    "{\"game\":\"smb\",\"seed\":7,\"prompts\":[\"many pipes\",\"\",\"few enemies\"]}"));
            List<String> rows = new ArrayList<>();
            replayed.path("rows").forEach(r -> rows.add(r.asText()));
            assertEquals(2, replayed.path("index").asInt());
            assertEquals(local.get(2), rows, "a replayed stream");

            System.setProperty(MusicEngineProvider.PROPERTY, "remote");
            MusicEngineProvider chosen = Providers.select(MusicEngineProvider.class, MusicEngineProvider.PROPERTY,
                    getClass().getClassLoader());
            assertEquals(RemoteMusicProvider.class, chosen.getClass(), "found by ServiceLoader, chosen by name");
            assertEquals(localBars, bars(chosen.newEngine()), "the remote music engine's bars");
            var bar = Http.json(Http.post(node.uri(), "v1/music/bars", "{\"seed\":11,\"bars\":[{\"intensity\":2,\"key\":\"C\","
                    + "\"mood\":\"calm\",\"tempo\":100},{\"intensity\":6,\"key\":\"Am\",\"mood\":\"dark\",\"tempo\":130},"
                    + "{\"intensity\":6,\"key\":\"Am\",\"mood\":\"dark\",\"tempo\":130}]}"));
            assertEquals(localBars.get(2).notes().size(), bar.path("notes").size(), "a replayed bar stream: " + bar);
            assertEquals(localBars.get(2).notes().get(0).pitch(), bar.path("notes").get(0).path("pitch").asInt());
            try (Improv improv = Improv.open()) {
                Outcome<MusicClip> clip = improv.compose(new MusicRequest(3, CALM, 4), Duration.ofSeconds(60)).await();
                assertEquals(Outcome.Status.COMPLETED, clip.status(), clip.message());
                assertEquals(localClip, clip.value(), "a whole clip through the api");
            }
        }
    }

    @Test
    void withTheServerGoneAChunkFailsAndTheRulesPlay() throws Exception {
        URI gone;
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 1))) {
            gone = node.uri();
        }
        System.setProperty(RemoteDialogueProvider.URL_PROPERTY, gone.toString());
        System.setProperty(LevelEngineProvider.PROPERTY, "remote");
        try (Improv improv = Improv.open(); LevelFeed feed = improv.level(7)) {
            Outcome<LevelChunk> o = feed.next("many pipes", Duration.ofSeconds(10)).await();
            assertEquals(Outcome.Status.FAILED, o.status(), "as a local chunk that could not be made: the game places its own");
        }
        Bar fallback = new RemoteMusicProvider().newEngine().newBarStream(11).next(0, CALM, new Cancellation());
        assertEquals(new RuleMusicProvider().newEngine().newBarStream(11).next(0, CALM, new Cancellation()), fallback);
        assertFalse(fallback.notes().isEmpty());
    }

    @Test
    void aCancelledCallIsAbandoned() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 1))) {
            System.setProperty(RemoteDialogueProvider.URL_PROPERTY, node.uri().toString());
            Cancellation cancelled = new Cancellation();
            cancelled.cancel("the controls changed");
            BarStream s = new RemoteMusicProvider().newEngine().newBarStream(1);
            org.junit.jupiter.api.Assertions.assertThrows(dev.improv.api.GenerationCancelledException.class,
                    () -> s.next(0, CALM, cancelled));
            assertNotNull(s.next(0, CALM, new Cancellation()), "the bar is asked again, as after a local cancel");
        }
    }
}
