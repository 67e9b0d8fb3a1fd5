package dev.improv.api;

/**
 * Registers a {@link MusicEngine} with Improv: list the implementing class in
 * {@code META-INF/services/dev.improv.api.MusicEngineProvider}. Selected by rank, or by name with
 * {@code -Dimprov.music.engine=NAME}.
 */
public interface MusicEngineProvider extends Ranked {
    /** System property naming the provider to use instead of the highest-ranked one. */
    String PROPERTY = "improv.music.engine";

    /** Loads the engine (may read model weights: Improv calls this on a generation thread, once). */
    MusicEngine newEngine();
}
