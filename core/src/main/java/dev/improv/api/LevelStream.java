package dev.improv.api;

/**
 * A level engine's generator for one level, chunk after chunk, each continuing what was placed
 * before. Used by one thread at a time.
 */
public interface LevelStream extends AutoCloseable {

    /**
     * Generates the next chunk after everything {@link #append appended} so far, following
     * {@code prompt} (free text such as "many gaps, few enemies"; blank for anything). Does not
     * append it: a cancelled or late chunk leaves no trace.
     */
    LevelChunk generate(String prompt, Cancellation cancellation);

    /** Records {@code chunk} as placed in the level (generated or authored); the next chunk continues it. */
    void append(LevelChunk chunk);

    /** Frees the decoder. */
    @Override
    void close();
}
