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
}
