package dev.improv.api;

/** Service-provider interface for level chunks; {@link #generate} may be called from several threads at once. */
public interface LevelEngine extends AutoCloseable {

    /** Generates one chunk; same request, same chunk. Calls {@code cancellation.throwIfCancelled()} between tokens. */
    LevelChunk generate(LevelRequest request, Cancellation cancellation);

    /** Frees shared resources (weights); default does nothing. */
    @Override
    default void close() {
    }
}
