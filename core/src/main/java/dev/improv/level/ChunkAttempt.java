package dev.improv.level;

/**
 * What {@link LevelGenerator#tryNextChunk} made: a {@link Chunk}, or {@link NoChunk} saying why none
 * could be made, like WaveFunctionCollapse's run that ends in success or contradiction. The caller
 * decides: ask again (another draw), ask with another prompt, or place an authored chunk.
 */
public sealed interface ChunkAttempt permits Chunk, ChunkAttempt.NoChunk {

    /**
     * No playable chunk: every sample was a dead end or unplayable in context, and no repair
     * (ground filled in, bare ground) was playable either. The generator is left as before the call.
     *
     * @param column  the level column the chunk would have started at
     * @param samples how many chunks were drawn
     * @param reason  one sentence for a log or an error message
     */
    record NoChunk(int column, int samples, String reason) implements ChunkAttempt {
    }
}
