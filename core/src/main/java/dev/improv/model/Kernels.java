package dev.improv.model;

/**
 * The few numeric loops a decode step spends its time in. Two implementations: {@link VectorKernels}
 * (SIMD through jdk.incubator.vector, used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}) and {@link ScalarKernels} (plain loops, always works).
 */
interface Kernels {

    /**
     * For rows {@code o} in [from, to) and streams {@code b} in [0, batch):
     * {@code y[b*out+o] = (accumulate ? y[b*out+o] : 0) + bias[o] + dot(w[o*in ..], x[b*in ..])}.
     * {@code bias} may be null.
     */
    void matmulRows(float[] w, float[] bias, float[] x, float[] y, int in, int out, int batch,
                    int from, int to, boolean accumulate);

    /**
     * The same product as {@link #matmulRows} over weights packed by {@link LinearWeights#pack}, for
     * panels [panelFrom, panelTo) (outputs [16*panelFrom, min(out, 16*panelTo))) and rows [0, rows):
     * the multi-row kernel, which reuses each loaded weight for a tile of rows.
     */
    default void matmulPacked(float[] panels, float[] bias, float[] x, float[] y, int in, int out, int rows,
                              int panelFrom, int panelTo, boolean accumulate) {
        for (int pn = panelFrom; pn < panelTo; pn++) {
            matmulPanel(panels, pn * in * LinearWeights.PANEL, bias, x, y, in, out, rows, pn, accumulate);
        }
    }

    /**
     * One panel of {@link #matmulPacked}: panel {@code pn}'s weights start at {@code panels[base]}
     * (16 per input index), its outputs are [16*pn, min(out, 16*pn+16)).
     */
    void matmulPanel(float[] panels, int base, float[] bias, float[] x, float[] y, int in, int out, int rows,
                     int pn, boolean accumulate);

    /**
     * {@link #matmulRows} for one row over int8 weights {@code q} ({@code (out, in)} row-major) with a
     * scale per output: {@code y[o] = (accumulate ? y[o] : 0) + bias[o] + scale[o] * dot(q[o*in ..], x)},
     * o in [from, to). The scale is applied once per output, after the integer-valued dot product.
     */
    void matmulRowsInt8(byte[] q, float[] scale, float[] bias, float[] x, float[] y, int in, int from, int to,
                        boolean accumulate);

    /**
     * {@link #matmulPacked} over int8 panels (packed as {@link LinearWeights#pack(byte[], int, int)}):
     * each panel is widened once per call into {@code wide} (at least {@link #wideScratch} floats, the
     * caller's per-thread scratch, so it stays in L1/L2) and multiplied into every row tile, so each
     * byte crosses the memory bus once per step for all rows. (The vector form widens inside its first
     * row tile and applies the scales to the finished sums.)
     */
    default void matmulPackedInt8(byte[] panels, float[] scale, float[] wide, float[] bias, float[] x, float[] y,
                                  int in, int out, int rows, int panelFrom, int panelTo, boolean accumulate) {
        for (int pn = panelFrom; pn < panelTo; pn++) {
            widenPanel(panels, scale, pn, in, wide, 0);
            matmulPanel(wide, 0, bias, x, y, in, out, rows, pn, accumulate);
        }
    }

    /** Floats of per-thread scratch {@link #matmulPackedInt8} needs for {@code in}-wide panels. */
    default int wideScratch(int in) {
        return LinearWeights.PANEL * in;
    }

    /**
     * {@code wide[at + j*16 + c] = scale[16*pn + c] * panels[(pn*in + j)*16 + c]} for j in [0, in), c in
     * [0, 16): one int8 panel as float32 weights.
     */
    void widenPanel(byte[] panels, float[] scale, int pn, int in, float[] wide, int at);

    /** Dot product of {@code n} values. */
    float dot(float[] a, int aOffset, float[] b, int bOffset, int n);

    /** {@code y[yOffset+i] += alpha * x[xOffset+i]} for i in [0, n). */
    void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n);

    /**
     * Attention scores against a transposed cache: for p in [0, n),
     * {@code out[outOffset+p] = scale * sum_j q[qOffset+j] * kt[ktOffset + j*stride + p]}, j in [0, dims).
     */
    void transposedDots(float[] q, int qOffset, float scale, float[] kt, int ktOffset, int stride, int dims,
                        float[] out, int outOffset, int n);

    /** Positions per block of a {@link #blockedDots} key cache. */
    int KEY_BLOCK = 16;

    /**
     * Attention scores against a key cache blocked by {@link #KEY_BLOCK} positions: position p's
     * component j is at {@code kb[kbOffset + (p / 16) * dims * 16 + j * 16 + p % 16]}, so the keys of
     * positions [0, n) are one contiguous run of memory. For p in [0, n) rounded up to a whole block,
     * {@code out[outOffset+p] = scale * sum_j q[qOffset+j] * key(p, j)}; scores past n are scratch.
     */
    void blockedDots(float[] q, int qOffset, float scale, float[] kb, int kbOffset, int dims,
                     float[] out, int outOffset, int n);

    /**
     * {@code out[outOffset+j] = scale * sum_p w[wOffset+p] * v[vOffset + p*dims + j]} for j in [0, dims),
     * p in [0, n): attention weights applied to the cached values. The same product as
     * {@link #transposedDots} (weights over rows of stride {@code dims}), so it is that kernel.
     */
    default void weightedRowSum(float[] w, int wOffset, float scale, float[] v, int vOffset, int dims, int n,
                                float[] out, int outOffset) {
        transposedDots(w, wOffset, scale, v, vOffset, dims, n, out, outOffset, dims);
    }

    /**
     * {@link #blockedDots} over a bfloat16 key cache (see {@link CacheFormat#BF16}) blocked by 16
     * positions like the float one, but with components paired: position p's component j is at
     * {@code kb[kbOffset + bf16KeyIndex(p, j, dims)]}.
     */
    void blockedDotsBf16(float[] q, int qOffset, float scale, short[] kb, int kbOffset, int dims,
                         float[] out, int outOffset, int n);

    /**
     * {@link #weightedRowSum} over bfloat16 value rows of {@code dims} shorts, component j of row p at
     * {@code v[vOffset + p*dims + bf16ValueIndex(j, dims)]}.
     */
    void weightedRowSumBf16(float[] w, int wOffset, float scale, short[] v, int vOffset, int dims, int n,
                            float[] out, int outOffset);

    /**
     * Where a bfloat16 key cache keeps position p's component j, from the start of its run: in p's
     * block of 16 positions, components 2m and 2m+1 of one position are neighbours ([m][position][2]),
     * so one 32-bit lane holds both and widening them is a shift and a mask, no conversion; a last
     * odd component is a row of 16 positions on its own.
     */
    static int bf16KeyIndex(int p, int j, int dims) {
        int block = p / KEY_BLOCK * KEY_BLOCK * dims;
        int lane = p % KEY_BLOCK;
        if (j < dims - dims % 2) {
            return block + j / 2 * 2 * KEY_BLOCK + 2 * lane + j % 2;
        }
        return block + j * KEY_BLOCK + lane;
    }

    /**
     * Where a bfloat16 value row keeps component j: in each whole group of 32 components, j and j+16
     * are neighbours (lane i of the group's 32-bit lanes holds components i and i+16), so the lanes'
     * low and high halves widen to two runs of consecutive components; components past the last
     * whole group stay in order.
     */
    static int bf16ValueIndex(int j, int dims) {
        if (j >= dims / 32 * 32) {
            return j;
        }
        return j / 32 * 32 + 2 * (j % 16) + j % 32 / 16;
    }

    /**
     * {@link #blockedDots} over an int8 key cache (see {@link CacheFormat#INT8}), same layout, with
     * position p's scale at {@code kScale[kScaleOffset + p]}: {@code out[outOffset+p] = scale *
     * kScale[..p] * sum_j q[qOffset+j] * key(p, j)}. Scales are read up to n rounded to a whole block.
     */
    void blockedDotsInt8(float[] q, int qOffset, float scale, byte[] kb, int kbOffset, float[] kScale, int kScaleOffset,
                         int dims, float[] out, int outOffset, int n);

    /**
     * {@link #weightedRowSum} over int8 values (see {@link CacheFormat#INT8}), same layout, with
     * position p's scale at {@code vScale[vScaleOffset + p]}: {@code out[outOffset+j] = scale * sum_p
     * w[wOffset+p] * vScale[..p] * v[vOffset + p*dims + j]}.
     */
    void weightedRowSumInt8(float[] w, int wOffset, float scale, byte[] v, int vOffset, float[] vScale,
                            int vScaleOffset, int dims, int n, float[] out, int outOffset);

    /**
     * Symmetric int8 of {@code x[from .. from+n)}, as {@link CacheFormat#INT8} stores a key or value:
     * {@code q[at + i*stride] = Math.round(x[from+i] * (127 / max|x|))} (all 0 when every x is 0);
     * returns the scale {@code max|x| / 127}. {@code rounded} is n floats of scratch.
     */
    float quantizeInt8(float[] x, int from, int n, byte[] q, int at, int stride, float[] rounded);

    /**
     * One row's layer norm: {@code out[at+i] = (in[at+i] - mean) / sqrt(var + eps) * gamma[i] + beta[i]}
     * for i in [0, n), mean and (biased) variance over the row.
     */
    void layerNorm(float[] in, float[] out, int at, float[] gamma, float[] beta, int n, float eps);

    /** {@code a[i] = gelu(a[i])} for i in [from, to) (see {@link Gelu}). */
    void gelu(float[] a, int from, int to);

    /** The largest of {@code a[from .. to)} (to > from): the softmax's shift. */
    float max(float[] a, int from, int to);

    /** {@code a[i] = exp(a[i] - shift)} for i in [from, to); returns the sum of the new values. */
    float expShiftSum(float[] a, int from, int to, float shift);

    /**
     * {@code out[i] = StrictMath.exp(x[i])} for i in [0, n), bit for bit (a sampler's draws must not depend on
     * the machine); {@code x} may be {@code out}. The vector kernels run fdlibm's algorithm in lanes ({@link StrictExp}).
     */
    default void strictExp(double[] x, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = StrictMath.exp(x[i]);
        }
    }

    /** The fastest implementation this JVM can run. */
    static Kernels best() {
        return Holder.BEST;
    }

    /** Lazy holder: VectorKernels is only loaded when its module is present. */
    final class Holder {
        private static final System.Logger LOG = System.getLogger(Kernels.class.getName());
        static final Kernels BEST = pick();

        private static Kernels pick() {
            return pick(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), Boolean.getBoolean("improv.scalar"));
        }

        /** SIMD when the Vector API module is present and not switched off; else the scalar loops, said once in the log. */
        static Kernels pick(boolean vectorModule, boolean scalarAsked) {
            if (vectorModule && !scalarAsked) {
                try {
                    return new VectorKernels();
                } catch (LinkageError e) {
                    if (e.getCause() instanceof IllegalArgumentException bad) {
                        throw bad; // a bad -Dimprov.vectorBits: say so rather than decode slowly
                    }
                    LOG.log(System.Logger.Level.WARNING, "improv: the Vector API failed to load (" + e
                            + "); decoding with scalar loops, slower");
                    return new ScalarKernels();
                }
            }
            if (!scalarAsked) {
                LOG.log(System.Logger.Level.INFO, "improv: jdk.incubator.vector is not present; decoding with scalar"
                        + " loops, slower (add the JVM flag --add-modules jdk.incubator.vector)");
            }
            return new ScalarKernels();
        }

        private Holder() {
        }
    }
}
