package dev.improv.model;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts tokens run through every CPU decoder in this JVM (prompt feeds and sampled tokens alike),
 * so a game's HUD or a benchmark can show tokens per second without reaching into the generators.
 * Thread-safe and cheap: one uncontended add per decoding step.
 */
public final class DecodeCounter {
    private static final LongAdder TOKENS = new LongAdder();

    private DecodeCounter() {
    }

    /** Tokens decoded so far by all decoders (a batch step counts one token per stream). */
    public static long tokens() {
        return TOKENS.sum();
    }

    static void add(int tokens) {
        TOKENS.add(tokens);
    }
}
