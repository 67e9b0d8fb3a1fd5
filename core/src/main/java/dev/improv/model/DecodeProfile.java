package dev.improv.model;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where decoding time goes, summed over every CPU decoder in this JVM while {@link #enable} is on:
 * nanoseconds in weight matmuls (with the fused bias and GELU), writing each token's key and value
 * into the cache, attention over the cache, layer norms, and the rest (embedding). For {@code
 * improv bench model --profile}; off by default, when it costs one boolean read per section.
 */
public final class DecodeProfile {

    /** The parts a step is split into. */
    public enum Part { MATMUL, CACHE_WRITES, ATTENTION, NORMS, OTHER }

    static volatile boolean on;
    private static final LongAdder[] NANOS = new LongAdder[Part.values().length];

    static {
        for (int i = 0; i < NANOS.length; i++) {
            NANOS[i] = new LongAdder();
        }
    }

    private DecodeProfile() {
    }

    /** Starts (or stops) timing; the sums keep what was timed before. */
    public static void enable(boolean enabled) {
        on = enabled;
    }

    /** Clears the sums. */
    public static void reset() {
        for (LongAdder a : NANOS) {
            a.reset();
        }
    }

    /** Nanoseconds spent in {@code part} since the last reset, over all decoding threads' callers. */
    public static long nanos(Part part) {
        return NANOS[part.ordinal()].sum();
    }

    /** Adds the time since {@code since} to {@code part} and returns now (or 0 when off). */
    static long lap(Part part, long since) {
        if (!on) {
            return 0;
        }
        long now = System.nanoTime();
        if (since != 0) {
            NANOS[part.ordinal()].add(now - since);
        }
        return now;
    }
}
