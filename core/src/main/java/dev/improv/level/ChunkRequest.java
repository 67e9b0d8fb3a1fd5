package dev.improv.level;

/**
 * What the next chunk should look like.
 *
 * @param prompt  free text such as "many pipes, few enemies" (blank: anything)
 * @param columns width of the chunk, 1 to the game's chunk width ({@link LevelTokenizer#chunkColumns()}),
 *                or {@link #FULL} for the game's whole chunk (a platformer's 16 columns, a dungeon's room)
 */
public record ChunkRequest(String prompt, int columns) {
    /** The game's full chunk width. */
    public static final int FULL = 0;

    public ChunkRequest {
        if (columns < 0) {
            throw new IllegalArgumentException("a chunk has at least 1 column, got " + columns);
        }
        prompt = prompt == null ? "" : prompt;
    }

    /** A full-width chunk for a prompt. */
    public static ChunkRequest of(String prompt) {
        return new ChunkRequest(prompt, FULL);
    }
}
