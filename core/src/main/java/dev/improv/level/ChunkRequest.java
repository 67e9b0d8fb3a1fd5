package dev.improv.level;

/**
 * What the next chunk should look like.
 *
 * @param prompt  free text such as "many pipes, few enemies" (blank: anything)
 * @param columns width of the chunk, 1 to 16
 */
public record ChunkRequest(String prompt, int columns) {
    public ChunkRequest {
        if (columns < 1 || columns > LevelTokenizer.CHUNK_COLUMNS) {
            throw new IllegalArgumentException("a chunk has 1 to " + LevelTokenizer.CHUNK_COLUMNS + " columns, got " + columns);
        }
        prompt = prompt == null ? "" : prompt;
    }

    /** A full-width chunk for a prompt. */
    public static ChunkRequest of(String prompt) {
        return new ChunkRequest(prompt, LevelTokenizer.CHUNK_COLUMNS);
    }
}
