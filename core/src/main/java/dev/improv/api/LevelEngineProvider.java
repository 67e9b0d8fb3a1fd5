package dev.improv.api;

/**
 * Registers a {@link LevelEngine}: list the class in
 * {@code META-INF/services/dev.improv.api.LevelEngineProvider}; override with {@code -Dimprov.level.engine=NAME}.
 */
public interface LevelEngineProvider extends Ranked {
    /** System property naming the provider to use instead of the highest-ranked one. */
    String PROPERTY = "improv.level.engine";

    /** Loads the engine (called once, on a generation thread). */
    LevelEngine newEngine();

    /**
     * Loads the engine over the game's own model (see {@link ModelSource}); called once, on a
     * generation thread. Engines that run no trained model refuse, which is the default.
     */
    default LevelEngine newEngine(ModelSource model) {
        throw new UnsupportedOperationException("the " + name() + " level engine runs no model of the game's own; "
                + "select a transformer engine to use " + model);
    }
}
