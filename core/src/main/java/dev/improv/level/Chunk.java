package dev.improv.level;

/**
 * One generated piece of level, ready to append to what came before.
 *
 * @param index       0 for the first chunk of a stream
 * @param firstColumn absolute column of this chunk's left edge
 * @param tiles       the chunk's tiles (model height x up to 16 columns)
 * @param requested   feature levels asked for ({@link FeatureSet#ANY} where open)
 * @param measured    feature levels measured on {@code tiles}
 * @param attempts    samples drawn before this one was accepted
 * @param repaired    true if no sample was acceptable and the chunk was repaired instead
 */
public record Chunk(int index, int firstColumn, TileGrid tiles, int[] requested, int[] measured,
                    int attempts, boolean repaired) implements ChunkAttempt {

    /** Whether every requested feature level was met. */
    public boolean matchesRequest() {
        for (int i = 0; i < requested.length; i++) {
            if (requested[i] != FeatureSet.ANY && requested[i] != measured[i]) {
                return false;
            }
        }
        return true;
    }
}
