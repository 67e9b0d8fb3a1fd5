package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The SIMD kernels compute what the plain loops compute, up to float rounding. */
class KernelsTest {
    private final Kernels vector = new VectorKernels();
    private final Kernels scalar = new ScalarKernels();

    private static float[] values(int n) {
        SeededRandom r = new SeededRandom(11);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((r.nextDouble() - 0.5) * 16); // covers both tails of erf and the middle
        }
        v[0] = 0f;
        v[1] = -0f;
        v[2] = 40f;
        v[3] = -40f;
        return v;
    }

    @Test
    void geluMatchesTheScalarFormIncludingTheTail() {
        float[] a = values(1003); // not a multiple of the lane count
        float[] b = a.clone();
        vector.gelu(a, 1, 1003);
        scalar.gelu(b, 1, 1003);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-6 * Math.max(1, Math.abs(b[i])), "at " + i);
        }
    }

    @Test
    void maxFindsTheLargestWhereverItIs() {
        for (int n : new int[] {1, 7, 16, 31, 32, 33, 100}) {
            for (int at = 0; at < n; at += Math.max(1, n / 5)) {
                float[] a = values(n + 5);
                for (int i = 0; i < a.length; i++) {
                    a[i] = -Math.abs(a[i]) - 1; // all negative, so a zero start would be wrong
                }
                a[2 + at] = -0.5f;
                a[0] = 100f; // outside the range: must be ignored
                a[a.length - 1] = 100f;
                for (Kernels k : new Kernels[] {vector, scalar}) {
                    assertEquals(-0.5f, k.max(a, 2, 2 + n), 0f, k.getClass().getSimpleName() + " n " + n + " max at " + at);
                }
            }
        }
    }

    @Test
    void expShiftSumMatchesTheScalarForm() {
        float[] a = values(517);
        float[] b = a.clone();
        float sa = vector.expShiftSum(a, 3, 517, 8f);
        float sb = scalar.expShiftSum(b, 3, 517, 8f);
        assertEquals(sb, sa, 1e-5 * sb);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 1e-6 * Math.max(1e-3, Math.abs(b[i])), "at " + i);
        }
    }

    @Test
    void attentionKernelsMatchTheScalarForms() {
        for (int dims : new int[] {64, 72, 24, 7}) { // 72: the 64-column path plus a remainder
            for (int n : new int[] {1, 8, 37, 100}) {
                int stride = 101;
                float[] kt = values(3 + dims * stride);
                float[] q = values(5 + dims);
                float[] a = new float[n + 2];
                float[] b = new float[n + 2];
                vector.transposedDots(q, 5, 0.125f, kt, 3, stride, dims, a, 2, n);
                scalar.transposedDots(q, 5, 0.125f, kt, 3, stride, dims, b, 2, n);
                for (int p = 0; p < a.length; p++) {
                    assertEquals(b[p], a[p], 1e-4, "score " + p + " of " + n + ", dims " + dims);
                }
                float[] w = values(4 + n);
                float[] v = values(6 + n * dims);
                float[] c = new float[dims + 1];
                float[] e = new float[dims + 1];
                vector.weightedRowSum(w, 4, 0.5f, v, 6, dims, n, c, 1);
                scalar.weightedRowSum(w, 4, 0.5f, v, 6, dims, n, e, 1);
                for (int j = 0; j < c.length; j++) {
                    assertEquals(e[j], c[j], 1e-3, "value " + j + " of " + dims + ", n " + n);
                }
            }
        }
    }

    @Test
    void blockedKeyScoresEqualPlainDotProducts() {
        int block = Kernels.KEY_BLOCK;
        for (int dims : new int[] {64, 24, 7}) {
            for (int n : new int[] {1, 15, 16, 17, 32, 33, 100}) {
                int blocks = (n + block - 1) / block;
                float[] keys = values(n * dims); // position-major: key p is keys[p*dims ..]
                float[] q = values(5 + dims);
                float[] kb = new float[3 + blocks * block * dims];
                for (int p = 0; p < n; p++) {
                    for (int j = 0; j < dims; j++) {
                        kb[3 + p / block * dims * block + j * block + p % block] = keys[p * dims + j];
                    }
                }
                for (Kernels k : new Kernels[] {vector, scalar}) {
                    float[] got = new float[2 + blocks * block];
                    k.blockedDots(q, 5, 0.125f, kb, 3, dims, got, 2, n);
                    for (int p = 0; p < n; p++) {
                        double expected = 0;
                        for (int j = 0; j < dims; j++) {
                            expected += (double) q[5 + j] * keys[p * dims + j];
                        }
                        expected *= 0.125;
                        assertEquals(expected, got[2 + p], 1e-4 * Math.max(1, Math.abs(expected)),
                                k.getClass().getSimpleName() + " score " + p + " of " + n + ", dims " + dims);
                    }
                }
            }
        }
    }

    @Test
    void theVectorApiIsUsedWhenPresentAndTheScalarLoopsWhenNot() {
        // The test JVM runs with --add-modules jdk.incubator.vector (pom.xml); the consumer check runs without.
        assertEquals(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                Kernels.best() instanceof VectorKernels, "best() follows the module's presence");
        assertEquals(VectorKernels.class, Kernels.Holder.pick(true, false).getClass());
        assertEquals(ScalarKernels.class, Kernels.Holder.pick(false, false).getClass());
        assertEquals(ScalarKernels.class, Kernels.Holder.pick(true, true).getClass(), "-Dimprov.scalar=true forces the loops");
    }

    @Test
    void packedMultiRowProductEqualsTheRowKernel() {
        int in = 19;
        int out = 87; // five full panels (pairs and a single in the second section) and a partial last one
        float[] w = values(in * out);
        float[] bias = values(out);
        float[] packed = LinearWeights.pack(w, in, out);
        for (Kernels k : new Kernels[] {vector, scalar}) {
            for (int rows : new int[] {1, 2, 4, 5, 6, 7, 8, 10, 11, 13, 15, 16}) {
                float[] x = values(rows * in);
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] expected = values(rows * out);
                    float[] got = expected.clone();
                    scalar.matmulRows(w, accumulate ? bias : null, x, expected, in, out, rows, 0, out, accumulate);
                    // In two parallel-style sections, as the decoder calls it.
                    k.matmulPacked(packed, accumulate ? bias : null, x, got, in, out, rows, 0, 1, accumulate);
                    k.matmulPacked(packed, accumulate ? bias : null, x, got, in, out, rows, 1, 6, accumulate);
                    for (int i = 0; i < got.length; i++) {
                        assertEquals(expected[i], got[i], 1e-3 * Math.max(1, Math.abs(expected[i])),
                                k.getClass().getSimpleName() + " rows " + rows + " at " + i);
                    }
                }
            }
        }
    }

    @Test
    void bf16RoundsToNearestEvenAndWidensBackExactly() {
        assertEquals(1.5f, CacheFormat.fromBf16(CacheFormat.toBf16(1.5f)), 0f, "representable values survive");
        assertEquals(-0.375f, CacheFormat.fromBf16(CacheFormat.toBf16(-0.375f)), 0f);
        float one = 1f;
        float halfUlp = Math.ulp(1f) * 65536 / 2; // half a bf16 step at 1
        assertEquals(one, CacheFormat.fromBf16(CacheFormat.toBf16(one + halfUlp)), 0f, "a tie goes to the even neighbour");
        assertEquals(one + 2 * halfUlp, CacheFormat.fromBf16(CacheFormat.toBf16(one + halfUlp * 1.01f)), 0f, "past the tie rounds up");
        for (float v : values(1000)) {
            assertEquals(v, CacheFormat.fromBf16(CacheFormat.toBf16(v)), Math.abs(v) / 256 + 1e-30f, "within 2^-9 relative of " + v);
        }
    }

    @Test
    void int8CacheValuesComeBackWithinHalfAStep() {
        for (Kernels k : new Kernels[] {vector, scalar}) {
            for (int stride : new int[] {1, 2}) { // a value's consecutive bytes, a key's strided ones
                String what = k.getClass().getSimpleName() + " stride " + stride;
                float[] x = values(70);
                byte[] q = new byte[3 + 64 * stride + 1];
                float scale = k.quantizeInt8(x, 5, 64, q, 3, stride, new float[64]);
                float max = 0;
                for (int i = 0; i < 64; i++) {
                    max = Math.max(max, Math.abs(x[5 + i]));
                }
                assertEquals(max / 127f, scale, 0f, what + ": the scale maps the largest value to 127");
                for (int i = 0; i < 64; i++) {
                    assertEquals(x[5 + i], q[3 + stride * i] * scale, scale / 2 * 1.0001f, what + " value " + i);
                    assertTrue(Math.abs(q[3 + stride * i]) <= 127, what + " value " + i + " in the symmetric range");
                }
                assertEquals(0, q[2], what + ": before the first write stays untouched");
                assertEquals(0, q[3 + 64 * stride], what + ": after the last write stays untouched");
                if (stride == 2) {
                    assertEquals(0, q[4], what + ": between the strided writes stays untouched");
                }
            }
            byte[] zeros = new byte[4];
            assertEquals(0f, k.quantizeInt8(new float[4], 0, 4, zeros, 0, 1, new float[4]), 0f,
                    k.getClass().getSimpleName() + ": all zeros: scale 0");
            assertArrayEquals(new byte[4], zeros);
        }
    }

    /**
     * The vector rounding gives Math.round's steps exactly, halves (both signs) and the float just
     * under 1/2 included, through both of its stores (consecutive bytes from the vector, strided ones
     * one at a time) and their scalar tails.
     */
    @Test
    void int8RoundingIsMathRoundInBothKernels() {
        float[] x = new float[70];
        float[] tricky = {127f, -2.5f, 2.5f, -0.5f, 0.5f, 0.49999997f, -0.49999997f, 1.5f, -1.5f, 126.5f, -126.5f,
            0.50000006f, -0.50000006f, 3.4999998f, -3.4999998f, 0f, -0f, -127f, -126f, 1f, -1f, 64f, -64f, -128f / 1.0079f};
        System.arraycopy(tricky, 0, x, 3, tricky.length);
        float[] random = values(70);
        for (int i = 3 + tricky.length; i < x.length; i++) {
            x[i] = random[i] * 127f / 8f;
        }
        for (int n : new int[] {64, 67, 5, 16, 31}) {
            for (Kernels k : new Kernels[] {vector, scalar}) {
                for (int stride : new int[] {1, 3}) {
                    byte[] q = new byte[2 + n * stride];
                    float scale = k.quantizeInt8(x, 3, n, q, 2, stride, new float[n]);
                    float max = 0;
                    for (int i = 0; i < n; i++) {
                        max = Math.max(max, Math.abs(x[3 + i]));
                    }
                    assertEquals(max / 127f, scale, 0f);
                    float inv = 127f / max;
                    for (int i = 0; i < n; i++) {
                        assertEquals((byte) Math.round(x[3 + i] * inv), q[2 + i * stride],
                                k.getClass().getSimpleName() + " n " + n + " stride " + stride + " at " + i + " (" + x[3 + i] + ")");
                    }
                }
            }
        }
    }

    @Test
    void layerNormMatchesADoublePrecisionNorm() {
        for (int n : new int[] {256, 64, 19, 5}) {
            float[] in = values(7 + n);
            float[] gamma = values(n + 3);
            float[] beta = values(n + 9);
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += in[7 + i];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                var += (in[7 + i] - mean) * (in[7 + i] - mean);
            }
            var /= n;
            for (Kernels k : new Kernels[] {vector, scalar}) {
                float[] out = new float[7 + n + 2];
                k.layerNorm(in, out, 7, gamma, beta, n, 1e-5f);
                for (int i = 0; i < n; i++) {
                    double expected = (in[7 + i] - mean) / Math.sqrt(var + 1e-5) * gamma[i] + beta[i];
                    assertEquals(expected, out[7 + i], 1e-5 * Math.max(1, Math.abs(expected)),
                            k.getClass().getSimpleName() + " n " + n + " at " + i);
                }
                assertEquals(0f, out[6], 0f, "before the row stays untouched");
                assertEquals(0f, out[7 + n], 0f, "after the row stays untouched");
            }
        }
    }

    /**
     * Both int8 attention kernels against double-precision sums of the cache times its per-position
     * scales: the shipped models' head sizes (16 to 64) and odd ones, counts at the edges of blocks,
     * of vectors and of the key kernel's quarters (whose last vectors repeat).
     */
    @Test
    void int8AttentionKernelsEqualSumsOfTheScaledCache() {
        int block = Kernels.KEY_BLOCK;
        for (int dims : new int[] {64, 48, 32, 24, 16, 7, 1}) {
            for (int n : new int[] {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 129, 257}) {
                int blocks = (n + block - 1) / block;
                float[] keys = values(blocks * block * dims);
                byte[] kb = new byte[3 + blocks * block * dims];
                byte[] vr = new byte[6 + n * dims];
                for (int i = 0; i < keys.length; i++) {
                    kb[3 + i] = (byte) Math.round(keys[i] * 40);
                    if (i < n * dims) {
                        vr[6 + i] = (byte) Math.round(keys[keys.length - 1 - i] * 40);
                    }
                }
                float[] kScale = values(2 + blocks * block);
                float[] vScale = values(5 + n);
                float[] q = values(5 + dims);
                float[] w = values(4 + n);
                for (Kernels k : new Kernels[] {vector, scalar}) {
                    String what = k.getClass().getSimpleName() + " n " + n + ", dims " + dims;
                    float[] got = new float[2 + blocks * block];
                    k.blockedDotsInt8(q, 5, 0.125f, kb, 3, kScale, 2, dims, got, 2, n);
                    for (int p = 0; p < n; p++) {
                        double expected = 0;
                        for (int j = 0; j < dims; j++) {
                            expected += (double) q[5 + j] * kb[3 + p / block * dims * block + j * block + p % block];
                        }
                        expected *= 0.125 * kScale[2 + p];
                        assertEquals(expected, got[2 + p], 1e-4 * Math.max(1, Math.abs(expected)), what + " score " + p);
                    }
                    float[] sums = new float[1 + dims];
                    k.weightedRowSumInt8(w, 4, 0.5f, vr, 6, vScale, 5, dims, n, sums, 1);
                    for (int j = 0; j < dims; j++) {
                        double expected = 0;
                        for (int p = 0; p < n; p++) {
                            expected += (double) w[4 + p] * vScale[5 + p] * vr[6 + p * dims + j];
                        }
                        expected *= 0.5;
                        assertEquals(expected, sums[1 + j], 1e-4 * Math.max(1, Math.abs(expected)), what + " value " + j);
                    }
                }
            }
        }
    }

    /** Both bf16 attention kernels against double-precision sums of the widened cache. */
    @Test
    void bf16AttentionKernelsEqualSumsOfTheWidenedCache() {
        int block = Kernels.KEY_BLOCK;
        for (int dims : new int[] {64, 32, 72, 24, 7}) { // 32: one group of pairs; 72: groups and a tail
            for (int n : new int[] {1, 15, 16, 17, 33, 100}) {
                int blocks = (n + block - 1) / block;
                float[] keys = values(n * dims);
                short[] kb = new short[3 + blocks * block * dims];
                short[] vr = new short[6 + n * dims];
                for (int p = 0; p < n; p++) {
                    for (int j = 0; j < dims; j++) {
                        kb[3 + Kernels.bf16KeyIndex(p, j, dims)] = CacheFormat.toBf16(keys[p * dims + j]);
                        vr[6 + p * dims + Kernels.bf16ValueIndex(j, dims)] = CacheFormat.toBf16(keys[(n - 1 - p) * dims + j]);
                    }
                }
                float[] q = values(5 + dims);
                float[] w = values(4 + n);
                for (Kernels k : new Kernels[] {vector, scalar}) {
                    String what = k.getClass().getSimpleName() + " n " + n + ", dims " + dims;
                    float[] got = new float[2 + blocks * block];
                    k.blockedDotsBf16(q, 5, 0.125f, kb, 3, dims, got, 2, n);
                    for (int p = 0; p < n; p++) {
                        double expected = 0;
                        for (int j = 0; j < dims; j++) {
                            expected += (double) q[5 + j] * CacheFormat.fromBf16(CacheFormat.toBf16(keys[p * dims + j]));
                        }
                        expected *= 0.125;
                        assertEquals(expected, got[2 + p], 1e-4 * Math.max(1, Math.abs(expected)), what + " score " + p);
                    }
                    float[] sums = new float[1 + dims];
                    k.weightedRowSumBf16(w, 4, 0.5f, vr, 6, dims, n, sums, 1);
                    for (int j = 0; j < dims; j++) {
                        double expected = 0;
                        for (int p = 0; p < n; p++) {
                            expected += (double) w[4 + p] * CacheFormat.fromBf16(CacheFormat.toBf16(keys[(n - 1 - p) * dims + j]));
                        }
                        expected *= 0.5;
                        assertEquals(expected, sums[1 + j], 1e-4 * Math.max(1, Math.abs(expected)), what + " value " + j);
                    }
                }
            }
        }
    }

    /** The paired bf16 layouts put every (position, component) in its own slot of the block or row. */
    @Test
    void bf16LayoutsAreOneToOne() {
        int block = Kernels.KEY_BLOCK;
        for (int dims : new int[] {64, 32, 72, 24, 7, 1}) {
            boolean[] seen = new boolean[block * dims];
            for (int p = 0; p < block; p++) {
                for (int j = 0; j < dims; j++) {
                    int at = Kernels.bf16KeyIndex(p, j, dims);
                    assertTrue(at >= 0 && at < seen.length && !seen[at], "key " + p + "," + j + " of dims " + dims);
                    seen[at] = true;
                    assertEquals(at + block * dims, Kernels.bf16KeyIndex(p + block, j, dims), "the next block");
                }
            }
            boolean[] row = new boolean[dims];
            for (int j = 0; j < dims; j++) {
                int at = Kernels.bf16ValueIndex(j, dims);
                assertTrue(at >= 0 && at < dims && !row[at], "value " + j + " of dims " + dims);
                row[at] = true;
            }
        }
        // The pairing itself: components 0 and 1 of a key are neighbours, value components 0 and 16 too.
        assertEquals(Kernels.bf16KeyIndex(3, 0, 64) + 1, Kernels.bf16KeyIndex(3, 1, 64));
        assertEquals(Kernels.bf16ValueIndex(0, 64) + 1, Kernels.bf16ValueIndex(16, 64));
    }

    @Test
    void theVectorShapeIsWideOnlyWhereTheJvmCompilesIt() {
        assertEquals(512, VectorKernels.pickShape(512, null).vectorBitSize());
        assertEquals(256, VectorKernels.pickShape(512, "256").vectorBitSize(), "-Dimprov.vectorBits=256 forces the narrow shape");
        assertEquals(256, VectorKernels.pickShape(256, null).vectorBitSize(), "no 512-bit vectors on an AVX2 JVM");
        assertEquals(256, VectorKernels.pickShape(256, "512").vectorBitSize(), "never emulated 512-bit vectors");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> VectorKernels.pickShape(512, "1024"));
        assertEquals("-Dimprov.vectorBits must be 256 or 512, got '1024'", e.getMessage());
    }

    /** Symmetric per-row int8 of {@link #values}: every weight within half a step of its row's scale. */
    @Test
    void int8QuantizationIsWithinHalfAStepPerRow() {
        int in = 19;
        int out = 37;
        float[] w = values(in * out);
        java.util.Arrays.fill(w, 5 * in, 6 * in, 0f); // a row of zeros
        byte[] q = new byte[in * out];
        float[] scale = new float[48];
        LinearWeights.quantize(w, in, out, q, scale);
        assertEquals(0f, scale[5], "a zero row gets scale 0");
        for (int o = 0; o < out; o++) {
            float max = 0;
            for (int j = 0; j < in; j++) {
                max = Math.max(max, Math.abs(w[o * in + j]));
                assertEquals(w[o * in + j], scale[o] * q[o * in + j], scale[o] / 2 * 1.0001f + 1e-7f, "row " + o + " at " + j);
            }
            assertEquals(max / 127f, scale[o], 1e-7f, "row " + o + "'s scale");
        }
    }

    @Test
    void int8KernelsEqualTheProductOfTheWidenedWeights() {
        int out = 87; // panel pairs, a single full panel and a partial last one
        for (int in : new int[] {19, 64, 256}) { // remainders, whole 32-wide steps
            float[] w = values(in * out);
            byte[] q = new byte[in * out];
            float[] scale = new float[96];
            LinearWeights.quantize(w, in, out, q, scale);
            byte[] packed = LinearWeights.pack(q, in, out);
            float[] bias = values(out);
            for (Kernels k : new Kernels[] {vector, scalar}) {
                float[] wide = new float[k.wideScratch(in)];
                // 5-6 rows: the 6-row tile; 7 and up: 8-row tiles, then 4-row ones from the floats or a 6-row tile
                for (int rows : new int[] {1, 2, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16, 20, 22, 24}) {
                    float[] x = values(rows * in);
                    for (boolean accumulate : new boolean[] {false, true}) {
                        float[] start = values(rows * out);
                        float[] got = start.clone();
                        String what = k.getClass().getSimpleName() + " in " + in + " rows " + rows + " accumulate " + accumulate;
                        if (rows == 1) {
                            k.matmulRowsInt8(q, scale, accumulate ? bias : null, x, got, in, 0, 20, accumulate);
                            k.matmulRowsInt8(q, scale, accumulate ? bias : null, x, got, in, 20, out, accumulate);
                        } else {
                            k.matmulPackedInt8(packed, scale, wide, accumulate ? bias : null, x, got, in, out, rows, 0, 1, accumulate);
                            k.matmulPackedInt8(packed, scale, wide, accumulate ? bias : null, x, got, in, out, rows, 1, 6, accumulate);
                        }
                        for (int r = 0; r < rows; r++) {
                            for (int o = 0; o < out; o++) {
                                double expected = (accumulate ? start[r * out + o] + bias[o] : 0);
                                for (int j = 0; j < in; j++) {
                                    expected += (double) scale[o] * q[o * in + j] * x[r * in + j];
                                }
                                assertEquals(expected, got[r * out + o], 2e-5 * in * Math.max(1, Math.abs(expected)),
                                        what + " at row " + r + " output " + o);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void widenedPanelsEqualScaleTimesByteInBothKernels() {
        int in = 23;
        int out = 40;
        float[] w = values(in * out);
        byte[] q = new byte[in * out];
        float[] scale = new float[48];
        LinearWeights.quantize(w, in, out, q, scale);
        byte[] packed = LinearWeights.pack(q, in, out);
        for (Kernels k : new Kernels[] {vector, scalar}) {
            for (int pn = 0; pn < 3; pn++) {
                int at = 5 + pn * 16 * in; // panels side by side, as the paired tile reads them
                float[] wide = new float[5 + 3 * 16 * in];
                k.widenPanel(packed, scale, pn, in, wide, at);
                for (int j = 0; j < in; j++) {
                    for (int c = 0; c < 16; c++) {
                        int o = pn * 16 + c;
                        float expected = o < out ? scale[o] * q[o * in + j] : 0f;
                        assertEquals(expected, wide[at + j * 16 + c], 0f, k.getClass().getSimpleName() + " panel " + pn);
                    }
                }
            }
        }
    }
}
