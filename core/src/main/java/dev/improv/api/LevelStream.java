package dev.improv.api;

/**
 * A level engine's generator for one level, chunk after chunk, each continuing the level so far.
 * Used by one thread at a time.
 */
public interface LevelStream extends AutoCloseable {

    /**
     * Generates the next chunk, following {@code prompt} (free text such as "many gaps, few
     * enemies"; blank for anything); it becomes part of the level.
     */
    LevelChunk generate(String prompt, Cancellation cancellation);

    /**
     * Puts the game's authored chunk at {@code chunk.index()} (typically where a generated chunk
     * missed its deadline), forgetting any generated chunk from that index on; the next generated
     * chunk comes after it. Engines continue from it as well as they can (see each engine's notes).
     */
    void place(LevelChunk chunk);

    /** Frees the decoder. */
    @Override
    void close();
}
