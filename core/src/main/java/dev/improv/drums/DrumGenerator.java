package dev.improv.drums;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import java.io.IOException;

/**
 * Drum parts from a trained drum {@link LanguageModel}, bar by bar through {@link DrumBarGenerator}s.
 * Thread-safe: each session owns its decoder.
 *
 * <pre>{@code
 * DrumGenerator drums = DrumGenerator.loadDefault();
 * try (DrumBarGenerator s = drums.open(7, DrumGenerator.DEFAULT_SAMPLING)) {
 *     Bar groove = s.nextBar(new DrumControls("rock", Meter.FOUR_FOUR, 120, 4, false), 9);
 * }
 * }</pre>
 */
public final class DrumGenerator {

    /** Name of the default model resource (improv/models/drums/). */
    public static final String DEFAULT_MODEL = "drums";
    /** Key of the drum vocabulary in a model's metadata. */
    public static final String METADATA_VOCABULARY = "drumVocabulary";
    /** Sampling that keeps a groove steady yet alive. */
    public static final SamplingSettings DEFAULT_SAMPLING = new SamplingSettings(0.9f, 0, 0.95f, 1f, 0);

    private final LanguageModel model;
    private final DrumTokenizer tokenizer;

    /** A generator for {@code model}, whose metadata holds the drum vocabulary. */
    public DrumGenerator(LanguageModel model) {
        this.model = model;
        this.tokenizer = new DrumTokenizer(vocabularyOf(model.metadata()));
        if (tokenizer.vocabulary().size() > model.config().vocabSize()) {
            throw new IllegalArgumentException("model " + model.name() + " has " + model.config().vocabSize()
                    + " token ids but its drum vocabulary needs " + tokenizer.vocabulary().size());
        }
    }

    /** The default drum model from the classpath. */
    public static DrumGenerator loadDefault() throws IOException {
        return new DrumGenerator(LanguageModel.loadResource(DEFAULT_MODEL));
    }

    /** Reads the vocabulary from a model's metadata; a model without one is not a drum model. */
    public static DrumVocabulary vocabularyOf(JsonNode metadata) {
        JsonNode v = metadata == null ? null : metadata.get(METADATA_VOCABULARY);
        if (v == null) {
            throw new IllegalArgumentException("not a drum model: its metadata has no '" + METADATA_VOCABULARY + "'");
        }
        try {
            return new DrumVocabulary(new ObjectMapper().treeToValue(v, DrumVocabulary.Settings.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("drum model metadata: bad vocabulary: " + e.getMessage(), e);
        }
    }

    public DrumTokenizer tokenizer() {
        return tokenizer;
    }

    public LanguageModel model() {
        return model;
    }

    /** Opens a bar-by-bar drum part; same seed and controls, same drums. */
    public DrumBarGenerator open(long seed, SamplingSettings sampling) {
        return new DrumBarGenerator(model, tokenizer, seed, sampling);
    }
}
