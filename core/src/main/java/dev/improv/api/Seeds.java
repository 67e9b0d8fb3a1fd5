package dev.improv.api;

/**
 * Seeds made from seeds, the same on every JVM and machine: the game's world seed and an NPC's
 * number give that NPC's line seed, a level's seed and a chunk's index give the chunk's. Improv's
 * generators derive every seed they use this way, so "same seed, same content" rests on this file.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** Mixes several values (a seed, a stream index, request fields) into one well-spread seed. */
    public static long mix(long... values) {
        long h = GOLDEN_GAMMA;
        for (long v : values) {
            h = scramble(h ^ v) + GOLDEN_GAMMA;
        }
        return h;
    }

    /**
     * SplitMix64's output function: a bijection of the 64-bit values in which every input bit
     * changes about half the output bits.
     */
    public static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
