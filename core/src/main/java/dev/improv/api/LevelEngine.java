package dev.improv.api;

/** Service-provider interface for levels; {@link #newStream} may be called from several threads at once. */
public interface LevelEngine extends AutoCloseable {

    /** A generator for a new level; same seed and same prompts give the same level. */
    LevelStream newStream(long seed);

    /** Frees shared resources (weights); default does nothing. */
    @Override
    default void close() {
    }
}
