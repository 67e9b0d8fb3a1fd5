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

    /**
     * Loads the engine over the game's own model (see {@link ModelSource}); called once, on a
     * generation thread. Engines that run no trained model refuse, which is the default.
     */
    default MusicEngine newEngine(ModelSource model) {
        throw new UnsupportedOperationException("the " + name() + " music engine runs no model of the game's own; "
                + "select a transformer engine to use " + model);
    }
}
