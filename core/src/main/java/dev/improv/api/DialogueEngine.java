package dev.improv.api;

/** Service-provider interface for NPC lines; {@link #generate} may be called from several threads at once. */
public interface DialogueEngine extends AutoCloseable {

    /** Generates one line; same request, same line. Calls {@code cancellation.throwIfCancelled()} between tokens. */
    DialogueLine generate(DialogueRequest request, Cancellation cancellation);

    /** Frees shared resources (weights); default does nothing. */
    @Override
    default void close() {
    }
}
