package dev.improv.model;

import java.lang.reflect.Array;

/**
 * The keys and values of every layer, slot and head, in one {@link CacheFormat}: where a token's
 * key and value go when it is fed, and the two reads attention makes of them (scores of a query
 * against the keys, the values weighted by the softmax). Allocated once, for {@code slots}
 * sequences of the whole context.
 *
 * <p>Keys are stored transposed in blocks of 16 positions, [slot][head][block][headSize][16], so a
 * query's scores are vector lanes over positions (no reduction per position) and the keys of a
 * sequence's positions so far are one contiguous run: a batch-16 step's caches do not fit in cache,
 * and 64 interleaved strided streams (one per component, an earlier unblocked layout) starved the
 * prefetcher. Values are rows, [slot][head][position][headSize].
 */
abstract class KeyValueCache {
    final int heads;
    final int headSize;
    /** Positions of one (slot, head) rounded up to whole key blocks. */
    final int ctxBlocks;

    private KeyValueCache(int heads, int headSize, int ctxBlocks) {
        this.heads = heads;
        this.headSize = headSize;
        this.ctxBlocks = ctxBlocks;
    }

    /** An empty cache of {@code format} for {@code slots} sequences of {@code ctx} positions. */
    static KeyValueCache allocate(CacheFormat format, int layers, int slots, int heads, int headSize, int ctx) {
        int ctxBlocks = (ctx + Kernels.KEY_BLOCK - 1) / Kernels.KEY_BLOCK * Kernels.KEY_BLOCK;
        long values = (long) slots * heads * ctxBlocks * headSize;
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(slots + " sequences of " + ctx + " positions do not fit one cache array");
        }
        return switch (format) {
            case FP32 -> new Float32(layers, (int) values, heads, headSize, ctxBlocks);
            case BF16 -> new Bfloat16(layers, (int) values, heads, headSize, ctxBlocks);
            case INT8 -> new Int8(layers, (int) values, slots, heads, headSize, ctxBlocks);
        };
    }

    /**
     * Bytes of keys, values and scales one sequence's cache holds per position over all {@code layers}: what a
     * step at position p reads p + 1 times per sequence (2,176 for the default size in int8, 4,096 in bf16,
     * 8,192 in fp32), to set against the machine's read bandwidth.
     */
    static long bytesPerPosition(CacheFormat format, int layers, int heads, int headSize) {
        long values = 2L * layers * heads * headSize; // keys and values
        return switch (format) {
            case FP32 -> 4 * values;
            case BF16 -> 2 * values;
            case INT8 -> values + 2L * layers * heads * Float.BYTES; // a scale per position, head, key and value
        };
    }

    /** Bytes this cache's arrays hold, every layer, slot and position (for tests and benchmarks). */
    abstract long allocatedBytes();

    /**
     * Stores head {@code head}'s key {@code src[keyAt .. +headSize)} and value {@code src[valueAt ..
     * +headSize)} of {@code slot} at {@code position} in layer {@code layer}.
     */
    abstract void write(Kernels k, int layer, int slot, int head, int position, float[] src, int keyAt, int valueAt);

    /**
     * {@code out[outAt + p] = scale * q . key(p)} for the positions p in [0, n) of (layer, slot,
     * head), rounded up to a whole block (the scores past n are scratch).
     */
    abstract void scores(Kernels k, int layer, int slot, int head, float[] q, int qAt, float scale,
                         float[] out, int outAt, int n);

    /** {@code out[outAt + j] = scale * sum_p w[wAt + p] * value(p)[j]}, p in [0, n), j in [0, headSize). */
    abstract void weightedValues(Kernels k, int layer, int slot, int head, float[] w, int wAt, float scale, int n,
                                 float[] out, int outAt);

    /** Where (slot, head)'s run of keys or values starts in a layer's array. */
    final int base(int slot, int head) {
        return (slot * heads + head) * ctxBlocks * headSize;
    }

    /** Where component 0 of position {@code p}'s key is, from {@link #base}: its block, then its lane. */
    static int keyOffset(int p, int headSize) {
        return p / Kernels.KEY_BLOCK * headSize * Kernels.KEY_BLOCK + p % Kernels.KEY_BLOCK;
    }

    /** Elements of every layer's array. */
    private static long length(Object[] perLayer) {
        long n = 0;
        for (Object a : perLayer) {
            n += Array.getLength(a);
        }
        return n;
    }

    /** 4 bytes a value, exactly what the layers computed. */
    private static final class Float32 extends KeyValueCache {
        private final float[][] keys;
        private final float[][] values;

        Float32(int layers, int size, int heads, int headSize, int ctxBlocks) {
            super(heads, headSize, ctxBlocks);
            keys = new float[layers][size];
            values = new float[layers][size];
        }

        @Override
        long allocatedBytes() {
            return Float.BYTES * (length(keys) + length(values));
        }

        @Override
        void write(Kernels k, int layer, int slot, int head, int position, float[] src, int keyAt, int valueAt) {
            int base = base(slot, head);
            int kAt = base + keyOffset(position, headSize);
            float[] kc = keys[layer];
            for (int j = 0; j < headSize; j++) {
                kc[kAt + j * Kernels.KEY_BLOCK] = src[keyAt + j];
            }
            System.arraycopy(src, valueAt, values[layer], base + position * headSize, headSize);
        }

        @Override
        void scores(Kernels k, int layer, int slot, int head, float[] q, int qAt, float scale, float[] out, int outAt,
                    int n) {
            k.blockedDots(q, qAt, scale, keys[layer], base(slot, head), headSize, out, outAt, n);
        }

        @Override
        void weightedValues(Kernels k, int layer, int slot, int head, float[] w, int wAt, float scale, int n,
                            float[] out, int outAt) {
            k.weightedRowSum(w, wAt, scale, values[layer], base(slot, head), headSize, n, out, outAt);
        }
    }

    /**
     * 2 bytes a value (see {@link CacheFormat#BF16}), components paired as {@link Kernels#bf16KeyIndex}
     * and {@link Kernels#bf16ValueIndex} say, so the kernels widen them with a shift or a mask.
     */
    private static final class Bfloat16 extends KeyValueCache {
        private final short[][] keys;
        private final short[][] values;

        Bfloat16(int layers, int size, int heads, int headSize, int ctxBlocks) {
            super(heads, headSize, ctxBlocks);
            keys = new short[layers][size];
            values = new short[layers][size];
        }

        @Override
        long allocatedBytes() {
            return Short.BYTES * (length(keys) + length(values));
        }

        @Override
        void write(Kernels k, int layer, int slot, int head, int position, float[] src, int keyAt, int valueAt) {
            int base = base(slot, head);
            short[] kc = keys[layer];
            short[] vc = values[layer];
            // Kernels.bf16KeyIndex and bf16ValueIndex, walked without a division per value (a token's write is on the batch-1 path).
            int kAt = base + Kernels.bf16KeyIndex(position, 0, headSize);
            int paired = headSize - headSize % 2;
            for (int j = 0; j < paired; j += 2) {
                kc[kAt + j * Kernels.KEY_BLOCK] = CacheFormat.toBf16(src[keyAt + j]);
                kc[kAt + j * Kernels.KEY_BLOCK + 1] = CacheFormat.toBf16(src[keyAt + j + 1]);
            }
            if (paired < headSize) {
                kc[base + Kernels.bf16KeyIndex(position, paired, headSize)] = CacheFormat.toBf16(src[keyAt + paired]);
            }
            int vAt = base + position * headSize;
            int grouped = headSize / 32 * 32;
            for (int g = 0; g < grouped; g += 32) {
                for (int i = 0; i < 16; i++) {
                    vc[vAt + g + 2 * i] = CacheFormat.toBf16(src[valueAt + g + i]);
                    vc[vAt + g + 2 * i + 1] = CacheFormat.toBf16(src[valueAt + g + 16 + i]);
                }
            }
            for (int j = grouped; j < headSize; j++) {
                vc[vAt + j] = CacheFormat.toBf16(src[valueAt + j]);
            }
        }

        @Override
        void scores(Kernels k, int layer, int slot, int head, float[] q, int qAt, float scale, float[] out, int outAt,
                    int n) {
            k.blockedDotsBf16(q, qAt, scale, keys[layer], base(slot, head), headSize, out, outAt, n);
        }

        @Override
        void weightedValues(Kernels k, int layer, int slot, int head, float[] w, int wAt, float scale, int n,
                            float[] out, int outAt) {
            k.weightedRowSumBf16(w, wAt, scale, values[layer], base(slot, head), headSize, n, out, outAt);
        }
    }

    /**
     * 1 byte a value plus a float scale per position and head (see {@link CacheFormat#INT8}); the
     * scales are [slot][head][position], so a block's 16 key scales are one run.
     */
    private static final class Int8 extends KeyValueCache {
        private final byte[][] keys;
        private final byte[][] values;
        private final float[][] keyScales;
        private final float[][] valueScales;
        private final float[] rounded; // quantize's scratch: writes come from the one thread stepping

        Int8(int layers, int size, int slots, int heads, int headSize, int ctxBlocks) {
            super(heads, headSize, ctxBlocks);
            keys = new byte[layers][size];
            values = new byte[layers][size];
            keyScales = new float[layers][slots * heads * ctxBlocks];
            valueScales = new float[layers][slots * heads * ctxBlocks];
            rounded = new float[headSize];
        }

        @Override
        long allocatedBytes() {
            long n = 0;
            for (int l = 0; l < keys.length; l++) {
                n += keys[l].length + values[l].length + Float.BYTES * ((long) keyScales[l].length + valueScales[l].length);
            }
            return n;
        }

        private int scaleBase(int slot, int head) {
            return (slot * heads + head) * ctxBlocks;
        }

        @Override
        void write(Kernels k, int layer, int slot, int head, int position, float[] src, int keyAt, int valueAt) {
            int base = base(slot, head);
            int s = scaleBase(slot, head) + position;
            keyScales[layer][s] = k.quantizeInt8(src, keyAt, headSize, keys[layer], base + keyOffset(position, headSize),
                    Kernels.KEY_BLOCK, rounded);
            valueScales[layer][s] = k.quantizeInt8(src, valueAt, headSize, values[layer], base + position * headSize, 1,
                    rounded);
        }

        @Override
        void scores(Kernels k, int layer, int slot, int head, float[] q, int qAt, float scale, float[] out, int outAt,
                    int n) {
            k.blockedDotsInt8(q, qAt, scale, keys[layer], base(slot, head), keyScales[layer], scaleBase(slot, head),
                    headSize, out, outAt, n);
        }

        @Override
        void weightedValues(Kernels k, int layer, int slot, int head, float[] w, int wAt, float scale, int n,
                            float[] out, int outAt) {
            k.weightedRowSumInt8(w, wAt, scale, values[layer], base(slot, head), valueScales[layer],
                    scaleBase(slot, head), headSize, n, out, outAt);
        }
    }
}
