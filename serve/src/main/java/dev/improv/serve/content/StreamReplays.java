package dev.improv.serve.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Bar;
import dev.improv.api.BarStream;
import dev.improv.api.Cancellation;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelStream;
import dev.improv.api.MusicControls;
import dev.improv.api.Note;
import dev.improv.engines.TransformerLevelProvider;
import dev.improv.engines.BandMusicProvider;
import dev.improv.level.GameLevels;
import dev.improv.band.Band;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The service's half of the api's remote level and music engines: runs the in-process default engines'
 * streams (the level transformer, the band) through the steps a call carries and answers the next chunk or bar, continuing a
 * stream kept from the call before when the steps extend it. Thread-safe: a kept stream is taken by
 * one call at a time.
 */
final class StreamReplays {
    private final ObjectMapper json = new ObjectMapper();
    /** Streams between calls: a game plays a few at a time each. */
    private final KeptStreams<LevelStream> levelStreams = new KeptStreams<>(64);
    private final KeptStreams<BarStream> barStreams = new KeptStreams<>(64);
    private final Function<String, GameLevels> games;
    private final Supplier<Band> band;

    /** Over the workshop's shared models: games by built-in name, and the band over the music and drum models. */
    StreamReplays(Function<String, GameLevels> games, Supplier<Band> band) {
        this.games = games;
        this.band = band;
    }

    /**
     * The next chunk of a remote level engine's stream: the in-process transformer engine's stream
     * after the same steps (authored chunks placed, then a chunk for each prompt), continued from the
     * stream kept at the previous call when there is one, else replayed.
     */
    ObjectNode levelStream(LevelStreamJob job) {
        List<String> prompts = job.prompts();
        String last = prompts.get(prompts.size() - 1);
        LevelStream stream = levelStreams.take(steps(job, prompts.size() - 1));
        try {
            if (stream == null) {
                stream = TransformerLevelProvider.engine(games.apply(job.game()).tileModel()).newStream(job.seed());
                for (int i = 0; i < job.segment(); i++) {
                    stream.place(LevelChunk.authored(job.start() - 1, List.of("-"))); // each reseeds, as in the game's stream
                }
                for (String p : prompts.subList(0, prompts.size() - 1)) {
                    stream.generate(p, new Cancellation());
                }
            }
            LevelChunk chunk = stream.generate(last, new Cancellation());
            levelStreams.keep(steps(job, prompts.size()), stream);
            ObjectNode out = json.createObjectNode();
            out.put("game", job.game());
            out.put("index", chunk.index());
            chunk.rows().forEach(out.putArray("rows")::add);
            return out;
        } catch (IllegalArgumentException e) {
            KeptStreams.close(stream);
            throw new BadRequest("prompts", e.getMessage()); // an unknown feature word
        } catch (RuntimeException e) {
            if (stream != null) {
                KeptStreams.close(stream);
            }
            throw e;
        }
    }

    private String steps(LevelStreamJob job, int prompts) {
        try {
            return job.game() + " " + job.seed() + " " + job.segment() + " " + job.start() + " "
                    + json.writeValueAsString(job.prompts().subList(0, prompts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The next bar of a remote music engine's stream: the in-process band engine's bar stream (the api's
     * default music engine)
     * after the same bars, continued from the stream kept at the previous call when there is one, else
     * replayed. {@code no_cadence} when the engine has none (it has: kept for the api's contract).
     */
    ObjectNode barStream(BarStreamJob job) {
        List<BarStreamJob.Controls> bars = job.bars();
        int index = bars.size() - 1;
        BarStream stream = barStreams.take(steps(job, index));
        try {
            if (stream == null) {
                stream = BandMusicProvider.engine(band.get()).newBarStream(job.seed());
                for (int i = 0; i < index; i++) {
                    if (play(stream, i, bars.get(i)) == null) {
                        throw new BadRequest("bars[" + i + "].cadence", "this engine has no cadence: no bar was kept there");
                    }
                }
            }
            Bar bar = play(stream, index, bars.get(index));
            ObjectNode out = json.createObjectNode();
            out.put("index", index);
            if (bar == null) {
                barStreams.keep(steps(job, index), stream);
                out.put("no_cadence", true);
                return out;
            }
            barStreams.keep(steps(job, index + 1), stream);
            out.put("beats", bar.beats());
            ArrayNode notes = out.putArray("notes");
            for (Note n : bar.notes()) {
                notes.addObject().put("channel", n.channel()).put("pitch", n.pitch()).put("velocity", n.velocity())
                        .put("start", n.startBeat()).put("length", n.lengthBeats());
            }
            ObjectNode programs = out.putObject("programs");
            bar.programs().forEach((channel, program) -> programs.put(Integer.toString(channel), program));
            return out;
        } catch (RuntimeException e) {
            if (stream != null) {
                KeptStreams.close(stream);
            }
            throw e;
        }
    }

    private static Bar play(BarStream stream, int index, BarStreamJob.Controls c) {
        String field = "bars[" + index + "]";
        int step = c.cadenceStep(field);
        MusicControls controls = c.toApi(field);
        return step < 0 ? stream.next(index, controls, new Cancellation()) : stream.cadence(index, controls, step, new Cancellation());
    }

    private String steps(BarStreamJob job, int bars) {
        try {
            return job.seed() + " " + json.writeValueAsString(job.bars().subList(0, bars));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
