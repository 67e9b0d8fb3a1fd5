package dev.improv.api;

/**
 * Registers a {@link DialogueEngine}: list the class in
 * {@code META-INF/services/dev.improv.api.DialogueEngineProvider}; override with {@code -Dimprov.dialogue.engine=NAME}.
 */
public interface DialogueEngineProvider extends Ranked {
    /** System property naming the provider to use instead of the highest-ranked one. */
    String PROPERTY = "improv.dialogue.engine";

    /** Loads the engine (called once, on a generation thread). */
    DialogueEngine newEngine();

    /**
     * Loads the engine over the game's own model (see {@link ModelSource}); called once, on a
     * generation thread. Engines that run no trained model refuse, which is the default.
     */
    default DialogueEngine newEngine(ModelSource model) {
        throw new UnsupportedOperationException("the " + name() + " dialogue engine runs no model of the game's own; "
                + "select a transformer engine to use " + model);
    }
}
