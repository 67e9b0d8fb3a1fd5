package dev.improv.api;

/**
 * A request for one fixed-width chunk of a side-scrolling tile level.
 *
 * @param seed       same seed and request give the same chunk
 * @param chunkIndex position of the chunk from the level start, >= 0
 * @param difficulty 0 (gentle) to 7 (hard)
 * @param previous   the chunk just left of this one, so the new one continues it; null for the first
 */
public record LevelRequest(long seed, int chunkIndex, int difficulty, LevelChunk previous) {
    public LevelRequest {
        if (chunkIndex < 0) {
            throw new IllegalArgumentException("chunk index must be >= 0, got " + chunkIndex);
        }
        if (difficulty < 0 || difficulty > 7) {
            throw new IllegalArgumentException("difficulty must be 0-7, got " + difficulty);
        }
    }
}
