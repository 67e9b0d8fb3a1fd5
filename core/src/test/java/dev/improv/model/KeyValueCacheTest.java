package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyValueCacheTest {
    /** The bench sets this figure against the read bandwidth: it must be what the arrays hold per position. */
    @ParameterizedTest
    @EnumSource(CacheFormat.class)
    void bytesPerPositionIsWhatTheArraysHoldPerSlotAndPosition(CacheFormat format) {
        int[][] shapes = {{4, 16, 4, 64, 512}, {2, 3, 3, 7, 40}, {1, 1, 2, 24, 17}, {3, 5, 1, 72, 66}};
        for (int[] s : shapes) {
            int layers = s[0], slots = s[1], heads = s[2], headSize = s[3], ctx = s[4];
            KeyValueCache cache = KeyValueCache.allocate(format, layers, slots, heads, headSize, ctx);
            long positions = (long) slots * cache.ctxBlocks; // allocated whole key blocks
            assertEquals(cache.allocatedBytes(), positions * KeyValueCache.bytesPerPosition(format, layers, heads, headSize),
                    format + " " + java.util.Arrays.toString(s));
        }
    }

    @Test
    void theDefaultSizesFiguresAreTheOnesTheDocsUse() {
        TransformerConfig c = TransformerConfig.benchmarkDefault();
        LanguageModel m = LanguageModel.random(c, 1);
        assertEquals(2_176, m.withCacheFormat(CacheFormat.INT8).cacheBytesPerPosition());
        assertEquals(4_096, m.withCacheFormat(CacheFormat.BF16).cacheBytesPerPosition());
        assertEquals(8_192, m.withCacheFormat(CacheFormat.FP32).cacheBytesPerPosition());
    }
}
