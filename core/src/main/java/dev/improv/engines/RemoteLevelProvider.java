package dev.improv.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Cancellation;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngine;
import dev.improv.api.LevelEngineProvider;
import dev.improv.api.LevelStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Levels from an Improv service ({@code -Dimprov.remote.url=http://host:8080/}, its
 * {@code /v1/levels/stream}); choose it with {@code -Dimprov.level.engine=remote}. The game is the
 * service's built-in one named by {@code -Dimprov.level.game} (default smb), and the chunks are those
 * of the in-process transformer engine for the same seed and prompts: the service is stateless, so
 * each call carries the stream so far (the prompts since the last authored chunk) and the service
 * replays it, or continues a stream it kept from the call before. The deadline travels with the call
 * and cancellation abandons it; a chunk the service fails to make in time fails like a late local
 * one, and the game's authored chunk takes its place ({@code LevelFeed.placeInstead}).
 */
public final class RemoteLevelProvider implements LevelEngineProvider {
    @Override
    public String name() {
        return "remote";
    }

    /** Never the default: a game chooses a server deliberately. */
    @Override
    public int rank() {
        return 0;
    }

    @Override
    public LevelEngine newEngine() {
        RemoteCall call = RemoteCall.improvService("v1/levels/stream", "level");
        String game = System.getProperty(TransformerLevelProvider.GAME_PROPERTY, "smb");
        return seed -> new Stream(call, game, seed);
    }

    /** The client's half of a stream: what the service needs to make the next chunk. */
    private static final class Stream implements LevelStream {
        private final RemoteCall call;
        private final String game;
        private final long seed;
        /** Authored chunks placed so far: the in-process stream reseeds at each. */
        private int segment;
        /** Index of the first chunk of this segment. */
        private int segmentStart;
        /** Prompts of the chunks generated in this segment. */
        private final List<String> prompts = new ArrayList<>();

        Stream(RemoteCall call, String game, long seed) {
            this.call = call;
            this.game = game;
            this.seed = seed;
        }

        @Override
        public LevelChunk generate(String prompt, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            List<String> asked = new ArrayList<>(prompts);
            asked.add(prompt);
            JsonNode answer = call.post(budget -> body(asked), cancellation);
            if (answer == null || !answer.path("rows").isArray()) {
                // As a late or failed local chunk: the feed's caller places its authored chunk instead.
                throw new IllegalStateException("the level service at " + System.getProperty(RemoteCall.URL_PROPERTY)
                        + " gave no chunk in time");
            }
            List<String> rows = new ArrayList<>();
            answer.path("rows").forEach(r -> rows.add(r.asText()));
            prompts.add(prompt);
            return new LevelChunk(segmentStart + prompts.size() - 1, rows, true);
        }

        private ObjectNode body(List<String> asked) {
            ObjectNode body = RemoteCall.JSON.createObjectNode();
            body.put("game", game);
            body.put("seed", seed);
            body.put("segment", segment);
            body.put("start", segmentStart);
            ArrayNode p = body.putArray("prompts");
            asked.forEach(p::add);
            return body;
        }

        @Override
        public void place(LevelChunk chunk) {
            segment++;
            segmentStart = chunk.index() + 1;
            prompts.clear();
        }

        @Override
        public void close() {
            // nothing held here; the service forgets kept streams by itself
        }
    }
}
