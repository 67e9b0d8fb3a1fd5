package dev.improv.engines;

import dev.improv.api.ModelSource;
import dev.improv.model.LanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Reads the game's own model for an engine: a {@link ModelSource} becomes a domain's generator. */
final class ModelSources {
    private ModelSources() {
    }

    /**
     * The domain's generator over the model in {@code source}; an unreadable model, or one of
     * another domain, fails naming the source.
     */
    static <T> T load(ModelSource source, String domain, Function<LanguageModel, T> generator) {
        LanguageModel model;
        try (InputStream config = source.openConfig(); InputStream weights = source.openWeights()) {
            model = LanguageModel.read(source.name(), config, source.configName(), weights, source.weightsName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the " + domain + " model " + source + ": " + e.getMessage(), e);
        }
        try {
            return generator.apply(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use " + source + " as the " + domain + " model: "
                    + e.getMessage(), e);
        }
    }
}
