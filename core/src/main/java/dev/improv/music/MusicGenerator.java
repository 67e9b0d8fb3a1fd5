package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import java.io.IOException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Generates music with a trained music {@link LanguageModel}: whole pieces with {@link #generate},
 * or bar by bar with a {@link BarGenerator}. Thread-safe: each session owns its own decoder.
 *
 * <pre>{@code
 * MusicGenerator generator = MusicGenerator.loadDefault();
 * Song song = generator.generate(SongRequest.of(16, MusicControls.DEFAULT.withKey(Key.parse("G")), 7));
 * try (BarGenerator live = generator.open(MusicControls.DEFAULT, 7, SongRequest.DEFAULT_SAMPLING)) {
 *     MidiBar bar = live.nextBar(MusicControls.DEFAULT.withIntensity(6));
 * }
 * }</pre>
 */
public final class MusicGenerator {

    /** Name of the default model resource (improv/models/music/). */
    public static final String DEFAULT_MODEL = "music";
    /** Key of the music section in a model's metadata. */
    static final String METADATA_VOCABULARY = "vocabulary";
    static final String METADATA_TRACKS = "tracks";

    private final LanguageModel model;
    private final MusicTokenizer tokenizer;
    private final List<Track> tracks;
    private final boolean parallel;

    /** A generator for {@code model}, whose metadata holds the music vocabulary and the default tracks. */
    public MusicGenerator(LanguageModel model) {
        this(model, true);
    }

    /**
     * A generator whose sessions decode on the calling thread only if {@code parallel} is false
     * (for a game that keeps the other cores for its renderer).
     */
    public MusicGenerator(LanguageModel model, boolean parallel) {
        this.model = model;
        this.parallel = parallel;
        try {
            this.tokenizer = new MusicTokenizer(vocabularyOf(model.metadata()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model.source() + ": " + e.getMessage(), e);
        }
        if (tokenizer.vocabulary().size() > model.config().vocabSize()) {
            throw new IllegalArgumentException("model " + model.name() + " has " + model.config().vocabSize()
                    + " token ids but its music vocabulary needs " + tokenizer.vocabulary().size());
        }
        this.tracks = tracksOf(model.metadata());
    }

    /** The default music model from the classpath. */
    public static MusicGenerator loadDefault() throws IOException {
        return new MusicGenerator(LanguageModel.loadResource(DEFAULT_MODEL));
    }

    /** Reads the vocabulary from a model's metadata; a model without one is not a music model. */
    static MusicVocabulary vocabularyOf(JsonNode metadata) {
        JsonNode v = metadata == null ? null : metadata.get(METADATA_VOCABULARY);
        if (v == null) {
            throw new IllegalArgumentException("not a music model: its metadata has no '" + METADATA_VOCABULARY + "'");
        }
        try {
            return new MusicVocabulary(new ObjectMapper().treeToValue(v, MusicVocabulary.Settings.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? dev.improv.io.BoundedFiles.describe("metadata.vocabulary", j) : "metadata.vocabulary: " + e.getMessage();
            throw new IllegalArgumentException(why, e);
        }
    }

    private static List<Track> tracksOf(JsonNode metadata) {
        JsonNode t = metadata.get(METADATA_TRACKS);
        if (t == null || !t.isArray() || t.isEmpty()) {
            return List.of(new Track("melody", 0, 0), new Track("chords", 1, 0));
        }
        try {
            return List.of(new ObjectMapper().treeToValue(t, Track[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("music model metadata: bad tracks: " + e.getMessage(), e);
        }
    }

    public MusicTokenizer tokenizer() {
        return tokenizer;
    }

    public LanguageModel model() {
        return model;
    }

    /** A batch-1 decoder for a session. */
    dev.improv.model.Decoder newDecoder() {
        return model.newDecoder(1, parallel);
    }

    /** The tracks a fresh piece gets (what the model was trained on). */
    public List<Track> tracks() {
        return tracks;
    }

    /** Opens a bar-by-bar session that starts a new piece. */
    public BarGenerator open(MusicControls first, long seed, SamplingSettings sampling) {
        return new BarGenerator(this, first, seed, sampling, null, BarGenerator.DEFAULT_OFF_SCALE_PENALTY);
    }

    /** Opens a bar-by-bar session; {@code prime} (may be null) is continued rather than a new piece begun. */
    public BarGenerator open(MusicControls first, long seed, SamplingSettings sampling, Song prime, float offScalePenalty) {
        return new BarGenerator(this, first, seed, sampling, prime, offScalePenalty);
    }

    /** Generates a whole piece; same request, same song. */
    public Song generate(SongRequest request) {
        return generate(request, bar -> request.controls());
    }

    /**
     * Generates a whole piece whose bar {@code i} (from 0) is played with {@code controlsOfBar.apply(i)},
     * e.g. an intensity that rises section by section; the request's controls open the piece.
     */
    public Song generate(SongRequest request, IntFunction<MusicControls> controlsOfBar) {
        try (BarGenerator session = open(request.controls(), request.seed(), request.sampling(), request.prime(),
                request.offScalePenalty())) {
            for (int i = 0; i < request.bars(); i++) {
                session.nextBar(controlsOfBar.apply(i));
            }
            return session.song();
        }
    }
}
