package dev.improv.model;

import java.util.Locale;

/**
 * How a decoder stores its key/value cache. At batch 16 and a few hundred positions the cache is
 * read once per token per sequence (8 KB x position in float32 for the default size) and batching
 * cannot share it, so its bytes bound the step where the weights' no longer do.
 */
public enum CacheFormat {
    /** 4 bytes a value, exactly what the layers computed. */
    FP32,
    /**
     * 2 bytes a value: bfloat16 (the float's upper 16 bits, rounded to nearest even; 8 significant
     * bits, so a relative error of at most 2^-9), widened back by a shift when read.
     */
    BF16,
    /**
     * 1 byte a value plus one float scale per position and head: symmetric int8 over the head's
     * values (scale = max |x| / 127), a relative error of at most 1/254 of that head's largest value.
     * A quarter of FP32's bytes; the scores and weighted values apply the scales per position.
     */
    INT8;

    /** The format named {@code text} (fp32, bf16, int8; any case); fails naming the choices. */
    public static CacheFormat parse(String text) {
        for (CacheFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown cache format '" + text + "' (fp32, bf16, int8)");
    }

    /**
     * The system property {@code improv.cache} (fp32, bf16, int8), else INT8: it kept the held-out NLL of
     * every shipped model within 0.02% of fp32 and measured ahead of bf16 at batch 8 and 16 (half the
     * bytes a batch-16 step reads from the cache) and level at batch 1 (docs/benchmarks.md); bf16 and
     * fp32 stay as options, fp32 for comparisons that need the layers' exact values.
     */
    public static CacheFormat configured() {
        String p = System.getProperty("improv.cache");
        if (p == null) {
            return INT8;
        }
        try {
            return parse(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property improv.cache: " + e.getMessage());
        }
    }

    /** The lower-case name the CLI and the JSON use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code v} as bfloat16 bits, rounded to nearest even. */
    static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    /** The float a bfloat16 value stands for. */
    static float fromBf16(short b) {
        return Float.intBitsToFloat(b << 16);
    }
}
