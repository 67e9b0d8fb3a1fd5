package dev.improv.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.MusicEngine;
import dev.improv.api.MusicEngineProvider;
import dev.improv.api.Note;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Music from an Improv service ({@code -Dimprov.remote.url=http://host:8080/}, its
 * {@code /v1/music/bars}); choose it with {@code -Dimprov.music.engine=remote}. The bars are those of
 * the in-process band engine (the default) for the same seed and controls: the service is stateless, so each
 * call carries the controls of every bar kept so far and the service replays them, or continues a
 * stream it kept from the call before. The deadline travels with the call and cancellation abandons
 * it (a live session then drops the bar as it drops a late local one); when the service fails or is
 * late, the rules engine plays that bar, as the authored grammar speaks for the remote dialogue engine.
 */
public final class RemoteMusicProvider implements MusicEngineProvider {
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
    public MusicEngine newEngine() {
        RemoteCall call = RemoteCall.improvService("v1/music/bars", "music");
        MusicEngine fallback = new RuleMusicProvider().newEngine();
        return seed -> new Stream(call, fallback.newBarStream(seed), seed);
    }

    /** The client's half of a bar stream: the controls of the bars kept, which the service replays. */
    private static final class Stream implements BarStream {
        private final RemoteCall call;
        private final BarStream fallback;
        private final long seed;
        /** Each kept bar's controls and cadence step (-1: an ordinary bar). */
        private final List<ObjectNode> kept = new ArrayList<>();

        Stream(RemoteCall call, BarStream fallback, long seed) {
            this.call = call;
            this.fallback = fallback;
            this.seed = seed;
        }

        @Override
        public Bar next(int index, MusicControls controls, Cancellation cancellation) {
            return bar(index, controls, -1, cancellation);
        }

        @Override
        public Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
            return bar(index, controls, step, cancellation);
        }

        private Bar bar(int index, MusicControls controls, int step, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            if (index != kept.size()) {
                throw new IllegalStateException("asked for bar " + index + " after " + kept.size());
            }
            ObjectNode asked = controls(controls, step);
            JsonNode answer = call.post(budget -> body(asked), cancellation);
            if (answer != null && answer.path("no_cadence").asBoolean()) {
                return null; // the service's engine has no cadence: the music ends before this bar
            }
            kept.add(asked);
            if (answer == null || !answer.path("notes").isArray()) {
                fallback.rewind(index);
                return step < 0 ? fallback.next(index, controls, cancellation) : fallback.cadence(index, controls, step, cancellation);
            }
            return bar(answer);
        }

        private ObjectNode body(ObjectNode asked) {
            ObjectNode body = RemoteCall.JSON.createObjectNode();
            body.put("seed", seed);
            ArrayNode bars = body.putArray("bars");
            kept.forEach(bars::add);
            bars.add(asked);
            return body;
        }

        private static ObjectNode controls(MusicControls c, int step) {
            ObjectNode o = RemoteCall.JSON.createObjectNode();
            o.put("intensity", c.intensity());
            o.put("key", c.key().shortName());
            o.put("mood", c.mood().name().toLowerCase(Locale.ROOT));
            o.put("tempo", c.tempoBpm());
            o.put("meter", c.meter().toString());
            if (step >= 0) {
                o.put("cadence", step);
            }
            return o;
        }

        private static Bar bar(JsonNode answer) {
            List<Note> notes = new ArrayList<>();
            for (JsonNode n : answer.path("notes")) {
                notes.add(new Note(n.path("channel").asInt(), n.path("pitch").asInt(), n.path("velocity").asInt(),
                        n.path("start").asDouble(), n.path("length").asDouble()));
            }
            Map<Integer, Integer> programs = new HashMap<>();
            answer.path("programs").fields().forEachRemaining(e -> programs.put(Integer.parseInt(e.getKey()), e.getValue().asInt()));
            return new Bar(answer.path("beats").asInt(), notes, programs);
        }

        /** The mode the service's transformer engine plays the controls in. */
        @Override
        public Key key(MusicControls controls) {
            return TransformerMusicProvider.forModel(controls).key();
        }

        @Override
        public void rewind(int index) {
            while (kept.size() > index) {
                kept.remove(kept.size() - 1);
            }
        }

        @Override
        public void close() {
            fallback.close();
        }
    }
}
