package dev.improv.model;

/**
 * SplitMix64: a tiny generator whose output depends only on the seed, on every JVM and machine.
 * Used instead of {@link java.util.Random} so that "same seed, same request, same content" is a
 * property of this file alone.
 */
public final class SeededRandom {
    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** Mixes several values (seed, stream index, request fields) into one well-spread seed. */
    public static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long v : values) {
            h = finish(h ^ v) + 0x9E3779B97F4A7C15L;
        }
        return h;
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return finish(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** The state, for checkpoints; {@code new SeededRandom(state())} continues the same sequence. */
    public long state() {
        return state;
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
