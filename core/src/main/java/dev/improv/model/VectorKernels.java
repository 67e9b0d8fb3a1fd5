package dev.improv.model;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops in one vector shape per JVM: 512-bit where C2 compiles 512-bit vectors to single
 * instructions (AVX-512), else 256-bit. A Zen 5 core issues two 512-bit FMAs a cycle, twice the
 * 256-bit rate, which is what the multi-row tile (compute-bound at batch 16) needs. One shape, not
 * 512-bit for some loops and 256-bit for others: the Vector API's shared methods (FloatVector.add,
 * fma, intoArray) then see both vector classes in their type profiles, C2 can no longer tell a
 * vector's class where two inlined paths merge, and every operation after that ran boxed (300 MB
 * allocated per batch-16 step, 7x slower). {@code -Dimprov.vectorBits=256} forces the narrow shape
 * (for A/B runs, and for CPUs that split 512-bit operations in two, such as Zen 4). Results differ
 * between the shapes by float rounding only (the lane count changes the order of some sums).
 * Batch-1 decoding reads every weight once per token, so its loops are memory-bound: several
 * independent accumulators keep enough loads in flight, and batching streams reuses each loaded row.
 */
final class VectorKernels implements Kernels {
    /** The shape of every vector here (see the class comment). */
    static final VectorSpecies<Float> S = pickShape(FloatVector.SPECIES_PREFERRED.vectorBitSize(),
            System.getProperty("improv.vectorBits"));
    private static final int L = S.length();
    /** Bytes that widen to one float vector (8 or 16). */
    private static final VectorSpecies<Byte> BYTES = L == 16 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    /** Pairs of bfloat16 values, one pair per lane of a float vector (see {@link Kernels#bf16KeyIndex}). */
    private static final VectorSpecies<Short> PAIRS = L == 16 ? ShortVector.SPECIES_512 : ShortVector.SPECIES_256;
    /** Zeros: the bias and start values of a tile that has none. */
    private static final float[] ZEROS = new float[2 * LinearWeights.PANEL];
    /** Ones: the scales of float32 weights, which have none. */
    private static final float[] ONES = ones(2 * LinearWeights.PANEL);

    private static float[] ones(int n) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, 1f);
        return a;
    }

    /** 512-bit lanes when the JVM has them and {@code asked} (bits, from -Dimprov.vectorBits) does not say 256. */
    static VectorSpecies<Float> pickShape(int preferredBits, String asked) {
        if (asked != null && !asked.equals("256") && !asked.equals("512")) {
            throw new IllegalArgumentException("-Dimprov.vectorBits must be 256 or 512, got '" + asked + "'");
        }
        boolean wide = preferredBits >= 512 && !"256".equals(asked);
        return wide ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    }

    /**
     * Fewest rows an 8-row tile takes (the rest repeat its last row): 5 to 7 rows in one 8-row tile do
     * the FMAs of two 4-row tiles but load each weight once, and for int8 weights widen them in the
     * tile instead of in a pass of their own. The service's half-batches are often 5 to 7 rows. With
     * int8 weights (the default) groups of 5 or 6 rows take the 6-row tile instead, and 7 the 8-row one.
     */
    private static final int TILE8_FROM = 5;
    /** Fewest rows the int8 8-row tile takes; 5 or 6 go through {@link #tile6Widening}. */
    private static final int INT8_TILE8_FROM = 7;

    /**
     * At 512 bits a panel is one vector, so full panels go two at a time through {@link #tile8} (8
     * rows x 2 vectors; groups of 5 to 7 rows too), the last 1 to 4 rows through {@link #tile} (4 rows
     * x 2 vectors, as at 256 bits); a lone panel goes through {@link #tileOne}.
     */
    @Override
    public void matmulPacked(float[] panels, float[] bias, float[] x, float[] y, int in, int out, int rows,
                             int panelFrom, int panelTo, boolean accumulate) {
        int width = LinearWeights.PANEL;
        int pn = panelFrom;
        if (L == width) {
            for (; pn + 2 <= panelTo && (pn + 2) * width <= out; pn += 2) {
                int base = pn * in * width;
                int r = 0;
                for (; rows - r >= TILE8_FROM; r += 8) {
                    tile8(panels, base, base + in * width, x, r, rows, in, y, bias, ONES, 0, pn * width, out, accumulate);
                }
                for (; r < rows; r += 4) {
                    tile(panels, base, base + in * width, x, r, rows, in, y, bias, ONES, 0, pn * width, out, accumulate);
                }
            }
        }
        for (; pn < panelTo; pn++) {
            matmulPanel(panels, pn * in * width, bias, x, y, in, out, rows, pn, accumulate);
        }
    }

    /**
     * Pairs of full panels at 512 bits: each group of 8 rows (or 7) goes through {@link #tile8Widening},
     * a last group of 5 or 6 through {@link #tile6Widening}; both widen the bytes inside the tile. Only
     * when 1 to 4 rows are left does the 8-row tile also store the floats in {@code wide} for their
     * 4-row tiles. Every tile applies the scales to its finished sums. A separate widening pass
     * (convert, scale, store, then load again in each tile) took 15% of a batch-16 step, 40% as long as
     * the tiles; widening again in the second 8-row tile is cheaper than storing the floats in the
     * first and loading them in the second (session 14).
     */
    @Override
    public void matmulPackedInt8(byte[] panels, float[] scale, float[] wide, float[] bias, float[] x, float[] y,
                                 int in, int out, int rows, int panelFrom, int panelTo, boolean accumulate) {
        int width = LinearWeights.PANEL;
        int pn = panelFrom;
        if (L == width) {
            for (; pn + 2 <= panelTo && (pn + 2) * width <= out; pn += 2) {
                int o = pn * width;
                int r = 0;
                for (; rows - r >= INT8_TILE8_FROM; r += 8) {
                    boolean keep = rows - r > 8 && rows - r - 8 < TILE8_FROM; // 4-row tiles come next
                    tile8Widening(panels, pn * in * width, wide, keep, x, r, rows, in, y, bias, scale, o, out, accumulate);
                }
                if (rows - r >= TILE8_FROM) {
                    tile6Widening(panels, pn * in * width, x, r, rows, in, y, bias, scale, o, out, accumulate);
                    r = rows;
                }
                if (r == 0) {
                    widenBytes(panels, pn * in * width, 2 * in * width, wide);
                }
                for (; r < rows; r += 4) {
                    tile(wide, 0, in * width, x, r, rows, in, y, bias, scale, o, o, out, accumulate);
                }
            }
        }
        for (; pn < panelTo; pn++) {
            widenPanel(panels, scale, pn, in, wide, 0);
            matmulPanel(wide, 0, bias, x, y, in, out, rows, pn, accumulate);
        }
    }

    /** {@code wide[i] = q[from + i]} for i in [0, n) (n a multiple of L): bytes as floats, unscaled. */
    private static void widenBytes(byte[] q, int from, int n, float[] wide) {
        for (int i = 0; i < n; i += L) {
            widen(q, from + i).intoArray(wide, i);
        }
    }

    @Override
    public int wideScratch(int in) {
        return (L == LinearWeights.PANEL ? 2 : 1) * LinearWeights.PANEL * in;
    }

    @Override
    public void matmulRows(float[] w, float[] bias, float[] x, float[] y, int in, int out, int batch,
                           int from, int to, boolean accumulate) {
        for (int o = from; o < to; o++) {
            int row = o * in;
            float b0 = bias == null ? 0f : bias[o];
            int b = 0;
            for (; b + 4 <= batch; b += 4) {
                rowTimesFour(w, row, x, b * in, in, y, b * out + o, out, b0, accumulate);
            }
            for (; b < batch; b++) {
                float s = dot(w, row, x, b * in, in) + b0;
                int yi = b * out + o;
                y[yi] = accumulate ? y[yi] + s : s;
            }
        }
    }

    /**
     * Tiles of 4 rows by 2 vectors of outputs (one 16-output panel at 256 bits): 8 accumulators, two
     * weight vectors and a broadcast stay
     * in registers, and the panel stays in L1/L2 while the row tiles pass over it. The tile method has
     * no calls but vector intrinsics: an earlier 6-row tile whose stores went through a helper method
     * was too big for C2 to keep every vector in registers, so it boxed vectors in its inner loop
     * (about 100 MB allocated per batch-16 step) and ran slower per token than batch 1. A last tile of
     * fewer rows repeats its last row in the spare accumulators (the same values, stored twice).
     */
    @Override
    public void matmulPanel(float[] panels, int base, float[] bias, float[] x, float[] y, int in, int out, int rows,
                            int pn, boolean accumulate) {
        int o = pn * LinearWeights.PANEL;
        if (o + LinearWeights.PANEL > out) {
            ScalarKernels.packedPanel(panels, base, bias, x, y, in, out, rows, pn, accumulate);
            return;
        }
        for (int r = 0; r < rows; r += 4) {
            if (L == LinearWeights.PANEL) {
                tileOne(panels, base, x, r, rows, in, y, bias, o, out, accumulate);
            } else {
                tile(panels, base, base + L, x, r, rows, in, y, bias, ONES, 0, o, out, accumulate);
            }
        }
    }

    /**
     * Rows [r, min(r+4, rows)) times two vectors of weights, {@code p[pa + 16j ..]} for outputs [o, o+L)
     * and {@code p[pb + 16j ..]} for [o+L, o+2L): each loaded weight vector is used four times. The
     * sums end as {@code sum * s[so ..] + bias + (y when accumulating)} (s: the int8 scales of the
     * outputs, or ONES), then a plain store. Arrays are chosen, never vectors: a vector merged from two
     * branches can lose its exact class in C2.
     */
    private static void tile(float[] p, int pa, int pb, float[] x, int r, int rows, int in, float[] y,
                             float[] bias, float[] s, int so, int o, int out, boolean accumulate) {
        int y0 = r * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        int x0 = r * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            int step = j * LinearWeights.PANEL;
            FloatVector w0 = FloatVector.fromArray(S, p, pa + step);
            FloatVector w1 = FloatVector.fromArray(S, p, pb + step);
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + j]);
            c00 = w0.fma(a0, c00);
            c01 = w1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(S, x[x1 + j]);
            c10 = w0.fma(a1, c10);
            c11 = w1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(S, x[x2 + j]);
            c20 = w0.fma(a2, c20);
            c21 = w1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(S, x[x3 + j]);
            c30 = w0.fma(a3, c30);
            c31 = w1.fma(a3, c31);
        }
        float[] b = bias == null ? ZEROS : bias;
        int bo = bias == null ? 0 : o;
        float[] acc = accumulate ? y : ZEROS;
        int z = accumulate ? 1 : 0; // y offsets count only when accumulating (ZEROS is read at 0 and L)
        FloatVector s0 = FloatVector.fromArray(S, s, so);
        FloatVector s1 = FloatVector.fromArray(S, s, so + L);
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
        // All of y is read before any store: rows past the end repeat the last row, whose sums are then
        // stored twice with identical values.
        c30 = c30.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y3)));
        c31 = c31.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y3 + L)));
        c20 = c20.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y2)));
        c21 = c21.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y2 + L)));
        c10 = c10.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y1)));
        c11 = c11.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y1 + L)));
        c00 = c00.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y0)));
        c01 = c01.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y0 + L)));
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c00.intoArray(y, y0);
        c01.intoArray(y, y0 + L);
    }

    /**
     * Rows [r, min(r+8, rows)) times two 512-bit vectors of weights (two panels): 16 accumulators, two
     * weight vectors and a broadcast take 19 of the 32 vector registers, and each loaded weight vector
     * is used eight times, half the weight loads per FMA of {@link #tile}. No calls but intrinsics. The
     * sums end as in {@link #tile}, and as there rows past the end repeat the last row.
     */
    private static void tile8(float[] p, int pa, int pb, float[] x, int r, int rows, int in, float[] y,
                              float[] bias, float[] s, int so, int o, int out, boolean accumulate) {
        int y0 = (r + 0) * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        int y4 = Math.min(r + 4, rows - 1) * out + o;
        int y5 = Math.min(r + 5, rows - 1) * out + o;
        int y6 = Math.min(r + 6, rows - 1) * out + o;
        int y7 = Math.min(r + 7, rows - 1) * out + o;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        int x0 = (r + 0) * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        int x4 = Math.min(r + 4, rows - 1) * in;
        int x5 = Math.min(r + 5, rows - 1) * in;
        int x6 = Math.min(r + 6, rows - 1) * in;
        int x7 = Math.min(r + 7, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            int step = j * LinearWeights.PANEL;
            FloatVector w0 = FloatVector.fromArray(S, p, pa + step);
            FloatVector w1 = FloatVector.fromArray(S, p, pb + step);
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + j]);
            c00 = w0.fma(a0, c00);
            c01 = w1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(S, x[x1 + j]);
            c10 = w0.fma(a1, c10);
            c11 = w1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(S, x[x2 + j]);
            c20 = w0.fma(a2, c20);
            c21 = w1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(S, x[x3 + j]);
            c30 = w0.fma(a3, c30);
            c31 = w1.fma(a3, c31);
            FloatVector a4 = FloatVector.broadcast(S, x[x4 + j]);
            c40 = w0.fma(a4, c40);
            c41 = w1.fma(a4, c41);
            FloatVector a5 = FloatVector.broadcast(S, x[x5 + j]);
            c50 = w0.fma(a5, c50);
            c51 = w1.fma(a5, c51);
            FloatVector a6 = FloatVector.broadcast(S, x[x6 + j]);
            c60 = w0.fma(a6, c60);
            c61 = w1.fma(a6, c61);
            FloatVector a7 = FloatVector.broadcast(S, x[x7 + j]);
            c70 = w0.fma(a7, c70);
            c71 = w1.fma(a7, c71);
        }
        float[] b = bias == null ? ZEROS : bias;
        int bo = bias == null ? 0 : o;
        float[] acc = accumulate ? y : ZEROS;
        int z = accumulate ? 1 : 0;
        FloatVector s0 = FloatVector.fromArray(S, s, so);
        FloatVector s1 = FloatVector.fromArray(S, s, so + L);
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
        // All of y is read before any store: rows past the end repeat the last row (see tile).
        c00 = c00.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y0)));
        c01 = c01.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y0 + L)));
        c10 = c10.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y1)));
        c11 = c11.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y1 + L)));
        c20 = c20.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y2)));
        c21 = c21.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y2 + L)));
        c30 = c30.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y3)));
        c31 = c31.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y3 + L)));
        c40 = c40.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y4)));
        c41 = c41.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y4 + L)));
        c50 = c50.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y5)));
        c51 = c51.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y5 + L)));
        c60 = c60.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y6)));
        c61 = c61.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y6 + L)));
        c70 = c70.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y7)));
        c71 = c71.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y7 + L)));
        c00.intoArray(y, y0);
        c01.intoArray(y, y0 + L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c40.intoArray(y, y4);
        c41.intoArray(y, y4 + L);
        c50.intoArray(y, y5);
        c51.intoArray(y, y5 + L);
        c60.intoArray(y, y6);
        c61.intoArray(y, y6 + L);
        c70.intoArray(y, y7);
        c71.intoArray(y, y7 + L);
    }

    /**
     * {@link #tile8} for rows [r, min(r+8, rows)) over two int8 panels {@code q[qa ..]} (outputs [o,
     * o+2L)): each input index's 32 bytes are widened in registers and used eight times; with {@code
     * keep} also stored to {@code wide} (the first panel at 0, the second at 16 in) for 4-row tiles of
     * the last rows. The conversions run beside the FMAs; the same body as tile8 but for where the
     * weights come from, because C2 keeps vectors in registers only in a body with no calls.
     */
    private static void tile8Widening(byte[] q, int qa, float[] wide, boolean keep, float[] x, int r, int rows, int in,
                                      float[] y, float[] bias, float[] s, int o, int out, boolean accumulate) {
        int so = o;
        int qb = qa + in * LinearWeights.PANEL;
        int wb = in * LinearWeights.PANEL;
        int y0 = (r + 0) * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        int y4 = Math.min(r + 4, rows - 1) * out + o;
        int y5 = Math.min(r + 5, rows - 1) * out + o;
        int y6 = Math.min(r + 6, rows - 1) * out + o;
        int y7 = Math.min(r + 7, rows - 1) * out + o;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        FloatVector c60 = FloatVector.zero(S);
        FloatVector c61 = FloatVector.zero(S);
        FloatVector c70 = FloatVector.zero(S);
        FloatVector c71 = FloatVector.zero(S);
        int x0 = (r + 0) * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        int x4 = Math.min(r + 4, rows - 1) * in;
        int x5 = Math.min(r + 5, rows - 1) * in;
        int x6 = Math.min(r + 6, rows - 1) * in;
        int x7 = Math.min(r + 7, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            int step = j * LinearWeights.PANEL;
            FloatVector w0 = widen(q, qa + step);
            FloatVector w1 = widen(q, qb + step);
            if (keep) {
                w0.intoArray(wide, step);
                w1.intoArray(wide, wb + step);
            }
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + j]);
            c00 = w0.fma(a0, c00);
            c01 = w1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(S, x[x1 + j]);
            c10 = w0.fma(a1, c10);
            c11 = w1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(S, x[x2 + j]);
            c20 = w0.fma(a2, c20);
            c21 = w1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(S, x[x3 + j]);
            c30 = w0.fma(a3, c30);
            c31 = w1.fma(a3, c31);
            FloatVector a4 = FloatVector.broadcast(S, x[x4 + j]);
            c40 = w0.fma(a4, c40);
            c41 = w1.fma(a4, c41);
            FloatVector a5 = FloatVector.broadcast(S, x[x5 + j]);
            c50 = w0.fma(a5, c50);
            c51 = w1.fma(a5, c51);
            FloatVector a6 = FloatVector.broadcast(S, x[x6 + j]);
            c60 = w0.fma(a6, c60);
            c61 = w1.fma(a6, c61);
            FloatVector a7 = FloatVector.broadcast(S, x[x7 + j]);
            c70 = w0.fma(a7, c70);
            c71 = w1.fma(a7, c71);
        }
        float[] b = bias == null ? ZEROS : bias;
        int bo = bias == null ? 0 : o;
        float[] acc = accumulate ? y : ZEROS;
        int z = accumulate ? 1 : 0;
        FloatVector s0 = FloatVector.fromArray(S, s, so);
        FloatVector s1 = FloatVector.fromArray(S, s, so + L);
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
        // All of y is read before any store: rows past the end repeat the last row (see tile).
        c00 = c00.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y0)));
        c01 = c01.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y0 + L)));
        c10 = c10.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y1)));
        c11 = c11.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y1 + L)));
        c20 = c20.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y2)));
        c21 = c21.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y2 + L)));
        c30 = c30.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y3)));
        c31 = c31.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y3 + L)));
        c40 = c40.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y4)));
        c41 = c41.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y4 + L)));
        c50 = c50.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y5)));
        c51 = c51.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y5 + L)));
        c60 = c60.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y6)));
        c61 = c61.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y6 + L)));
        c70 = c70.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y7)));
        c71 = c71.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y7 + L)));
        c00.intoArray(y, y0);
        c01.intoArray(y, y0 + L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c40.intoArray(y, y4);
        c41.intoArray(y, y4 + L);
        c50.intoArray(y, y5);
        c51.intoArray(y, y5 + L);
        c60.intoArray(y, y6);
        c61.intoArray(y, y6 + L);
        c70.intoArray(y, y7);
        c71.intoArray(y, y7 + L);
    }

    /**
     * {@link #tile8Widening} for rows [r, min(r+6, rows)): a group of 5 or 6 rows. Through the 8-row tile
     * it did the FMAs of 8 rows (its last row repeated); here 12 accumulators, the FMAs of 6. A copy of
     * the 8-row body for the same reason as there: C2 keeps vectors in registers only in a body with no calls.
     */
    private static void tile6Widening(byte[] q, int qa, float[] x, int r, int rows, int in, float[] y, float[] bias,
                                      float[] s, int o, int out, boolean accumulate) {
        int so = o;
        int qb = qa + in * LinearWeights.PANEL;
        int y0 = (r + 0) * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        int y4 = Math.min(r + 4, rows - 1) * out + o;
        int y5 = Math.min(r + 5, rows - 1) * out + o;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S);
        FloatVector c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S);
        FloatVector c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S);
        FloatVector c31 = FloatVector.zero(S);
        FloatVector c40 = FloatVector.zero(S);
        FloatVector c41 = FloatVector.zero(S);
        FloatVector c50 = FloatVector.zero(S);
        FloatVector c51 = FloatVector.zero(S);
        int x0 = (r + 0) * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        int x4 = Math.min(r + 4, rows - 1) * in;
        int x5 = Math.min(r + 5, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            int step = j * LinearWeights.PANEL;
            FloatVector w0 = widen(q, qa + step);
            FloatVector w1 = widen(q, qb + step);
            FloatVector a0 = FloatVector.broadcast(S, x[x0 + j]);
            c00 = w0.fma(a0, c00);
            c01 = w1.fma(a0, c01);
            FloatVector a1 = FloatVector.broadcast(S, x[x1 + j]);
            c10 = w0.fma(a1, c10);
            c11 = w1.fma(a1, c11);
            FloatVector a2 = FloatVector.broadcast(S, x[x2 + j]);
            c20 = w0.fma(a2, c20);
            c21 = w1.fma(a2, c21);
            FloatVector a3 = FloatVector.broadcast(S, x[x3 + j]);
            c30 = w0.fma(a3, c30);
            c31 = w1.fma(a3, c31);
            FloatVector a4 = FloatVector.broadcast(S, x[x4 + j]);
            c40 = w0.fma(a4, c40);
            c41 = w1.fma(a4, c41);
            FloatVector a5 = FloatVector.broadcast(S, x[x5 + j]);
            c50 = w0.fma(a5, c50);
            c51 = w1.fma(a5, c51);
        }
        float[] b = bias == null ? ZEROS : bias;
        int bo = bias == null ? 0 : o;
        float[] acc = accumulate ? y : ZEROS;
        int z = accumulate ? 1 : 0;
        FloatVector s0 = FloatVector.fromArray(S, s, so);
        FloatVector s1 = FloatVector.fromArray(S, s, so + L);
        FloatVector b0 = FloatVector.fromArray(S, b, bo);
        FloatVector b1 = FloatVector.fromArray(S, b, bo + L);
        // All of y is read before any store: rows past the end repeat the last row (see tile).
        c00 = c00.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y0)));
        c01 = c01.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y0 + L)));
        c10 = c10.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y1)));
        c11 = c11.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y1 + L)));
        c20 = c20.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y2)));
        c21 = c21.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y2 + L)));
        c30 = c30.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y3)));
        c31 = c31.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y3 + L)));
        c40 = c40.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y4)));
        c41 = c41.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y4 + L)));
        c50 = c50.fma(s0, b0.add(FloatVector.fromArray(S, acc, z * y5)));
        c51 = c51.fma(s1, b1.add(FloatVector.fromArray(S, acc, z * y5 + L)));
        c00.intoArray(y, y0);
        c01.intoArray(y, y0 + L);
        c10.intoArray(y, y1);
        c11.intoArray(y, y1 + L);
        c20.intoArray(y, y2);
        c21.intoArray(y, y2 + L);
        c30.intoArray(y, y3);
        c31.intoArray(y, y3 + L);
        c40.intoArray(y, y4);
        c41.intoArray(y, y4 + L);
        c50.intoArray(y, y5);
        c51.intoArray(y, y5 + L);
    }

    /** {@link #tile} over one vector of outputs (a lone 16-output panel at 512 bits). */
    private static void tileOne(float[] p, int pa, float[] x, int r, int rows, int in, float[] y, float[] bias, int o,
                                int out, boolean accumulate) {
        int y0 = r * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        float[] b = bias == null ? ZEROS : bias;
        float[] acc = accumulate ? y : ZEROS;
        int z = accumulate ? 1 : 0;
        FloatVector b0 = FloatVector.fromArray(S, b, bias == null ? 0 : o);
        FloatVector c0 = b0.add(FloatVector.fromArray(S, acc, z * y0));
        FloatVector c1 = b0.add(FloatVector.fromArray(S, acc, z * y1));
        FloatVector c2 = b0.add(FloatVector.fromArray(S, acc, z * y2));
        FloatVector c3 = b0.add(FloatVector.fromArray(S, acc, z * y3));
        int x0 = r * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            FloatVector w0 = FloatVector.fromArray(S, p, pa + j * LinearWeights.PANEL);
            c0 = w0.fma(FloatVector.broadcast(S, x[x0 + j]), c0);
            c1 = w0.fma(FloatVector.broadcast(S, x[x1 + j]), c1);
            c2 = w0.fma(FloatVector.broadcast(S, x[x2 + j]), c2);
            c3 = w0.fma(FloatVector.broadcast(S, x[x3 + j]), c3);
        }
        c3.intoArray(y, y3);
        c2.intoArray(y, y2);
        c1.intoArray(y, y1);
        c0.intoArray(y, y0);
    }

    /**
     * Four accumulators of L lanes; each L-byte load is sign-extended and converted to floats in
     * registers (two instructions per L weights on x86), and the row's scale is applied once at the end.
     */
    @Override
    public void matmulRowsInt8(byte[] q, float[] scale, float[] bias, float[] x, float[] y, int in, int from, int to,
                               boolean accumulate) {
        int upper4 = in - 4 * L + 1;
        int upper = S.loopBound(in);
        for (int o = from; o < to; o++) {
            int row = o * in;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            int j = 0;
            for (; j < upper4; j += 4 * L) {
                a0 = widen(q, row + j).fma(FloatVector.fromArray(S, x, j), a0);
                a1 = widen(q, row + j + L).fma(FloatVector.fromArray(S, x, j + L), a1);
                a2 = widen(q, row + j + 2 * L).fma(FloatVector.fromArray(S, x, j + 2 * L), a2);
                a3 = widen(q, row + j + 3 * L).fma(FloatVector.fromArray(S, x, j + 3 * L), a3);
            }
            for (; j < upper; j += L) {
                a0 = widen(q, row + j).fma(FloatVector.fromArray(S, x, j), a0);
            }
            float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            for (; j < in; j++) {
                s += q[row + j] * x[j];
            }
            float v = s * scale[o] + (bias == null ? 0f : bias[o]);
            y[o] = accumulate ? y[o] + v : v;
        }
    }

    @Override
    public void widenPanel(byte[] panels, float[] scale, int pn, int in, float[] wide, int to) {
        int width = LinearWeights.PANEL;
        int base = pn * in * width;
        if (L == width) {
            FloatVector s0 = FloatVector.fromArray(S, scale, pn * width);
            for (int j = 0; j < in; j++) {
                widen(panels, base + j * width).mul(s0).intoArray(wide, to + j * width);
            }
        } else {
            FloatVector s0 = FloatVector.fromArray(S, scale, pn * width);
            FloatVector s1 = FloatVector.fromArray(S, scale, pn * width + L);
            for (int j = 0; j < in; j++) {
                int at = base + j * width;
                widen(panels, at).mul(s0).intoArray(wide, to + j * width);
                widen(panels, at + L).mul(s1).intoArray(wide, to + j * width + L);
            }
        }
    }

    /** L int8 values at {@code q[at]} as a float vector. */
    private static FloatVector widen(byte[] q, int at) {
        return (FloatVector) ByteVector.fromArray(BYTES, q, at).convertShape(VectorOperators.B2F, S, 0);
    }

    /** One weight row against four streams: each loaded weight vector is used four times. */
    private static void rowTimesFour(float[] w, int row, float[] x, int x0, int in, float[] y, int y0, int out,
                                     float bias, boolean accumulate) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        int upper = S.loopBound(in);
        int j = 0;
        for (; j < upper; j += L) {
            FloatVector wv = FloatVector.fromArray(S, w, row + j);
            a0 = wv.fma(FloatVector.fromArray(S, x, x0 + j), a0);
            a1 = wv.fma(FloatVector.fromArray(S, x, x0 + in + j), a1);
            a2 = wv.fma(FloatVector.fromArray(S, x, x0 + 2 * in + j), a2);
            a3 = wv.fma(FloatVector.fromArray(S, x, x0 + 3 * in + j), a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; j < in; j++) {
            float wj = w[row + j];
            s0 += wj * x[x0 + j];
            s1 += wj * x[x0 + in + j];
            s2 += wj * x[x0 + 2 * in + j];
            s3 += wj * x[x0 + 3 * in + j];
        }
        store(y, y0, s0 + bias, accumulate);
        store(y, y0 + out, s1 + bias, accumulate);
        store(y, y0 + 2 * out, s2 + bias, accumulate);
        store(y, y0 + 3 * out, s3 + bias, accumulate);
    }

    private static void store(float[] y, int i, float v, boolean accumulate) {
        y[i] = accumulate ? y[i] + v : v;
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        int i = 0;
        int upper4 = n - 4 * L + 1;
        for (; i < upper4; i += 4 * L) {
            a0 = FloatVector.fromArray(S, a, aOffset + i).fma(FloatVector.fromArray(S, b, bOffset + i), a0);
            a1 = FloatVector.fromArray(S, a, aOffset + i + L).fma(FloatVector.fromArray(S, b, bOffset + i + L), a1);
            a2 = FloatVector.fromArray(S, a, aOffset + i + 2 * L).fma(FloatVector.fromArray(S, b, bOffset + i + 2 * L), a2);
            a3 = FloatVector.fromArray(S, a, aOffset + i + 3 * L).fma(FloatVector.fromArray(S, b, bOffset + i + 3 * L), a3);
        }
        int upper = S.loopBound(n);
        for (; i < upper; i += L) {
            a0 = FloatVector.fromArray(S, a, aOffset + i).fma(FloatVector.fromArray(S, b, bOffset + i), a0);
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += a[aOffset + i] * b[bOffset + i];
        }
        return s;
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        int upper = S.loopBound(n);
        for (; i < upper; i += L) {
            FloatVector yv = FloatVector.fromArray(S, y, yOffset + i);
            FloatVector.fromArray(S, x, xOffset + i).fma(av, yv).intoArray(y, yOffset + i);
        }
        for (; i < n; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    /**
     * Eight blocks of positions at a time: each query value is broadcast once and feeds eight
     * independent accumulators, and no lane reduction is needed. As {@link #weightedRowSum} (n = 64
     * columns of a value row) each row of values is read once, in order.
     */
    @Override
    public void transposedDots(float[] q, int qOffset, float scale, float[] kt, int ktOffset, int stride, int dims,
                               float[] out, int outOffset, int n) {
        int p = 0;
        for (; p + 8 * L <= n; p += 8 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector a4 = FloatVector.zero(S);
            FloatVector a5 = FloatVector.zero(S);
            FloatVector a6 = FloatVector.zero(S);
            FloatVector a7 = FloatVector.zero(S);
            for (int j = 0; j < dims; j++) {
                FloatVector qj = FloatVector.broadcast(S, q[qOffset + j]);
                int row = ktOffset + j * stride + p;
                a0 = FloatVector.fromArray(S, kt, row).fma(qj, a0);
                a1 = FloatVector.fromArray(S, kt, row + L).fma(qj, a1);
                a2 = FloatVector.fromArray(S, kt, row + 2 * L).fma(qj, a2);
                a3 = FloatVector.fromArray(S, kt, row + 3 * L).fma(qj, a3);
                a4 = FloatVector.fromArray(S, kt, row + 4 * L).fma(qj, a4);
                a5 = FloatVector.fromArray(S, kt, row + 5 * L).fma(qj, a5);
                a6 = FloatVector.fromArray(S, kt, row + 6 * L).fma(qj, a6);
                a7 = FloatVector.fromArray(S, kt, row + 7 * L).fma(qj, a7);
            }
            int o = outOffset + p;
            a0.mul(scale).intoArray(out, o);
            a1.mul(scale).intoArray(out, o + L);
            a2.mul(scale).intoArray(out, o + 2 * L);
            a3.mul(scale).intoArray(out, o + 3 * L);
            a4.mul(scale).intoArray(out, o + 4 * L);
            a5.mul(scale).intoArray(out, o + 5 * L);
            a6.mul(scale).intoArray(out, o + 6 * L);
            a7.mul(scale).intoArray(out, o + 7 * L);
        }
        // Four vectors of columns (a 64-wide value row at 512 bits), even and odd j apart: 8 chains in flight.
        for (; p + 4 * L <= n; p += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            FloatVector b2 = FloatVector.zero(S);
            FloatVector b3 = FloatVector.zero(S);
            int j = 0;
            for (; j < dims - 1; j += 2) { // tests j itself, so C2 counts the loop (see blockedDotsInt8)
                FloatVector qa = FloatVector.broadcast(S, q[qOffset + j]);
                FloatVector qb = FloatVector.broadcast(S, q[qOffset + j + 1]);
                int row = ktOffset + j * stride + p;
                int next = row + stride;
                a0 = FloatVector.fromArray(S, kt, row).fma(qa, a0);
                a1 = FloatVector.fromArray(S, kt, row + L).fma(qa, a1);
                a2 = FloatVector.fromArray(S, kt, row + 2 * L).fma(qa, a2);
                a3 = FloatVector.fromArray(S, kt, row + 3 * L).fma(qa, a3);
                b0 = FloatVector.fromArray(S, kt, next).fma(qb, b0);
                b1 = FloatVector.fromArray(S, kt, next + L).fma(qb, b1);
                b2 = FloatVector.fromArray(S, kt, next + 2 * L).fma(qb, b2);
                b3 = FloatVector.fromArray(S, kt, next + 3 * L).fma(qb, b3);
            }
            if (j < dims) {
                FloatVector qa = FloatVector.broadcast(S, q[qOffset + j]);
                int row = ktOffset + j * stride + p;
                a0 = FloatVector.fromArray(S, kt, row).fma(qa, a0);
                a1 = FloatVector.fromArray(S, kt, row + L).fma(qa, a1);
                a2 = FloatVector.fromArray(S, kt, row + 2 * L).fma(qa, a2);
                a3 = FloatVector.fromArray(S, kt, row + 3 * L).fma(qa, a3);
            }
            int o = outOffset + p;
            a0.add(b0).mul(scale).intoArray(out, o);
            a1.add(b1).mul(scale).intoArray(out, o + L);
            a2.add(b2).mul(scale).intoArray(out, o + 2 * L);
            a3.add(b3).mul(scale).intoArray(out, o + 3 * L);
        }
        for (; p + L <= n; p += L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int j = 0; j < dims; j++) {
                a0 = FloatVector.fromArray(S, kt, ktOffset + j * stride + p).fma(FloatVector.broadcast(S, q[qOffset + j]), a0);
            }
            a0.mul(scale).intoArray(out, outOffset + p);
        }
        for (; p < n; p++) {
            float s = 0;
            for (int j = 0; j < dims; j++) {
                s += q[qOffset + j] * kt[ktOffset + j * stride + p];
            }
            out[outOffset + p] = s * scale;
        }
    }

    /**
     * One block of 16 positions at a time (two blocks at 512 bits, where a block is one vector), with
     * even and odd components in separate accumulators so four FMA chains are in flight; the keys
     * stream from memory in order.
     */
    @Override
    public void blockedDots(float[] q, int qOffset, float scale, float[] kb, int kbOffset, int dims,
                            float[] out, int outOffset, int n) {
        int block = KEY_BLOCK * dims;
        if (L < KEY_BLOCK) {
            // A block is two vectors: its first and second half.
            for (int b = 0; b * KEY_BLOCK < n; b++) {
                dotPair(q, qOffset, scale, kb, kbOffset + b * block, L, dims, out, outOffset + b * KEY_BLOCK);
            }
            return;
        }
        // A block is one vector: blocks b and b+1 together, then a last odd block alone.
        int blocks = (n + KEY_BLOCK - 1) / KEY_BLOCK;
        int b = 0;
        for (; b + 2 <= blocks; b += 2) {
            dotPair(q, qOffset, scale, kb, kbOffset + b * block, block, dims, out, outOffset + b * KEY_BLOCK);
        }
        if (b < blocks) {
            int at = kbOffset + b * block;
            FloatVector e0 = FloatVector.zero(S);
            FloatVector o0 = FloatVector.zero(S);
            int j = 0;
            for (; j < dims - 1; j += 2) { // tests j itself, so C2 counts the loop (see blockedDotsInt8)
                int row = at + j * KEY_BLOCK;
                e0 = FloatVector.fromArray(S, kb, row).fma(FloatVector.broadcast(S, q[qOffset + j]), e0);
                o0 = FloatVector.fromArray(S, kb, row + KEY_BLOCK).fma(FloatVector.broadcast(S, q[qOffset + j + 1]), o0);
            }
            if (j < dims) {
                e0 = FloatVector.fromArray(S, kb, at + j * KEY_BLOCK).fma(FloatVector.broadcast(S, q[qOffset + j]), e0);
            }
            e0.add(o0).mul(scale).intoArray(out, outOffset + b * KEY_BLOCK);
        }
    }

    /**
     * Two vectors of scaled dot products, written to {@code out[o..o+2L)}: the keys whose lanes start at
     * {@code at} and at {@code at + second} (the second half of the same block, or the next block), with
     * even and odd components in separate accumulators: four FMA chains in flight.
     */
    private static void dotPair(float[] q, int qOffset, float scale, float[] kb, int at, int second, int dims,
                                float[] out, int o) {
        FloatVector e0 = FloatVector.zero(S);
        FloatVector e1 = FloatVector.zero(S);
        FloatVector o0 = FloatVector.zero(S);
        FloatVector o1 = FloatVector.zero(S);
        int j = 0;
        for (; j < dims - 1; j += 2) { // tests j itself, so C2 counts the loop (see blockedDotsInt8)
            int row = at + j * KEY_BLOCK;
            FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
            FloatVector qo = FloatVector.broadcast(S, q[qOffset + j + 1]);
            e0 = FloatVector.fromArray(S, kb, row).fma(qe, e0);
            e1 = FloatVector.fromArray(S, kb, row + second).fma(qe, e1);
            o0 = FloatVector.fromArray(S, kb, row + KEY_BLOCK).fma(qo, o0);
            o1 = FloatVector.fromArray(S, kb, row + KEY_BLOCK + second).fma(qo, o1);
        }
        if (j < dims) {
            int row = at + j * KEY_BLOCK;
            FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
            e0 = FloatVector.fromArray(S, kb, row).fma(qe, e0);
            e1 = FloatVector.fromArray(S, kb, row + second).fma(qe, e1);
        }
        e0.add(o0).mul(scale).intoArray(out, o);
        e1.add(o1).mul(scale).intoArray(out, o + L);
    }

    /**
     * The scalar form's steps exactly (the same bytes in the cache), without a float-to-int
     * conversion, which the Vector API of Java 17 runs boxed (2 KB allocated per call, slower than the
     * scalar loop): r = |v| rounded to nearest-even by adding and subtracting 2^23 (exact for |v| <=
     * 127), then Math.round's half up for v >= 0 (r + 1 where |v| - r is 1/2) and its half down of |v|
     * for v < 0 (r - 1 where |v| - r is -1/2). The scalar loops this replaces (Math.max through every
     * value, then Math.round) cost about as much as all nine layer norms of a batch-16 step. A run of
     * consecutive bytes (a value) is stored from the vector: adding 1.5 * 2^23 to a step r in [-127,
     * 127] leaves r's two's complement in the low byte of the float's bits, and narrowing ints to
     * bytes, unlike floats to ints, is one instruction (vpmovdb); 3 ns for 64 values against 21 for
     * the scalar stores this replaces (session 16). Strided bytes (a key) are the low bytes of the
     * same floats' bits, stored one at a time from {@code rounded} (a move each, not a conversion).
     * One batch-16 step's writes of a layer: 8.7-8.9 against 6.5 us (scratch harness, both in one process).
     */
    @Override
    public float quantizeInt8(float[] x, int from, int n, byte[] q, int at, int stride, float[] rounded) {
        int upper = S.loopBound(n);
        FloatVector m = FloatVector.zero(S);
        int i = 0;
        for (; i < upper; i += L) {
            m = m.max(FloatVector.fromArray(S, x, from + i).abs());
        }
        float max = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) {
            max = Math.max(max, Math.abs(x[from + i]));
        }
        float inv = max == 0 ? 0f : 127f / max;
        if (stride == 1) {
            for (i = 0; i < upper; i += L) {
                steps(FloatVector.fromArray(S, x, from + i).mul(inv)).add(0x1.8p23f).reinterpretAsInts()
                        .convertShape(VectorOperators.I2B, BYTES, 0).reinterpretAsBytes().intoArray(q, at + i);
            }
            for (; i < n; i++) {
                q[at + i] = (byte) Math.round(x[from + i] * inv);
            }
        } else {
            for (i = 0; i < upper; i += L) {
                steps(FloatVector.fromArray(S, x, from + i).mul(inv)).add(0x1.8p23f).intoArray(rounded, i);
            }
            for (; i < n; i++) {
                rounded[i] = Math.round(x[from + i] * inv) + 0x1.8p23f;
            }
            for (i = 0; i < n; i++) {
                q[at + i * stride] = (byte) Float.floatToRawIntBits(rounded[i]);
            }
        }
        return max / 127f;
    }

    /** Math.round of each lane of {@code v} (|v| <= 127), as floats. */
    private static FloatVector steps(FloatVector v) {
        FloatVector a = v.abs();
        FloatVector r = a.add(0x1p23f).sub(0x1p23f);
        FloatVector rest = a.sub(r);
        FloatVector halfUp = r.blend(r.add(1f), rest.compare(VectorOperators.GE, 0.5f));
        FloatVector halfDown = r.blend(r.sub(1f), rest.compare(VectorOperators.LE, -0.5f));
        return halfUp.blend(halfDown.neg(), v.compare(VectorOperators.LT, 0f));
    }

    /** Vector sums for the mean and the variance; the normalisation in the scalar form's order of operations. */
    @Override
    public void layerNorm(float[] in, float[] out, int at, float[] gamma, float[] beta, int n, float eps) {
        int upper = S.loopBound(n);
        FloatVector s0 = FloatVector.zero(S);
        int i = 0;
        for (; i < upper; i += L) {
            s0 = s0.add(FloatVector.fromArray(S, in, at + i));
        }
        float mean = s0.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            mean += in[at + i];
        }
        mean /= n;
        FloatVector v0 = FloatVector.zero(S);
        for (i = 0; i < upper; i += L) {
            FloatVector c = FloatVector.fromArray(S, in, at + i).sub(mean);
            v0 = c.fma(c, v0);
        }
        float var = v0.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float c = in[at + i] - mean;
            var += c * c;
        }
        var /= n;
        float inv = (float) (1.0 / Math.sqrt(var + eps));
        for (i = 0; i < upper; i += L) {
            FloatVector.fromArray(S, in, at + i).sub(mean).mul(inv).mul(FloatVector.fromArray(S, gamma, i))
                    .add(FloatVector.fromArray(S, beta, i)).intoArray(out, at + i);
        }
        for (; i < n; i++) {
            out[at + i] = (in[at + i] - mean) * inv * gamma[i] + beta[i];
        }
    }

    /** Float copies of {@link Gelu#ERFC_POLY}, highest power first, for Horner's rule. */
    private static final float[] ERFC_POLY_DESC = new float[Gelu.ERFC_POLY.length];

    static {
        for (int i = 0; i < ERFC_POLY_DESC.length; i++) {
            ERFC_POLY_DESC[i] = (float) Gelu.ERFC_POLY[Gelu.ERFC_POLY.length - 1 - i];
        }
    }

    /** Gelu's erf form in float lanes; within 1e-6 of {@link Gelu#apply}, far inside the 1e-4 budget. */
    @Override
    public void gelu(float[] a, int from, int to) {
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += L) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            FloatVector z = v.mul((float) Gelu.INV_SQRT2);
            FloatVector t = z.abs().fma(0.5f, 1f);
            t = FloatVector.broadcast(S, 1f).div(t);
            FloatVector poly = FloatVector.broadcast(S, ERFC_POLY_DESC[0]);
            for (int c = 1; c < ERFC_POLY_DESC.length; c++) {
                poly = poly.fma(t, FloatVector.broadcast(S, ERFC_POLY_DESC[c]));
            }
            FloatVector erfc = t.mul(z.mul(z).neg().add(poly).lanewise(VectorOperators.EXP)); // erfc(|z|)
            FloatVector one = FloatVector.broadcast(S, 1f);
            FloatVector erf = one.sub(erfc).blend(erfc.sub(one), z.compare(VectorOperators.LT, 0f));
            v.mul(0.5f).mul(erf.add(1f)).intoArray(a, i);
        }
        for (; i < to; i++) {
            a[i] = Gelu.apply(a[i]);
        }
    }

    /**
     * Two vectors of lanewise maxima, then one reduction: the scalar loop this replaces (a chain
     * of Math.max through every position) cost about as much as the key scores it followed.
     */
    @Override
    public float max(float[] a, int from, int to) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        FloatVector m1 = m0;
        int i = from;
        for (; i + 2 * L <= to; i += 2 * L) {
            m0 = m0.max(FloatVector.fromArray(S, a, i));
            m1 = m1.max(FloatVector.fromArray(S, a, i + L));
        }
        float m = m0.max(m1).reduceLanes(VectorOperators.MAX);
        for (; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    @Override
    public float expShiftSum(float[] a, int from, int to, float shift) {
        FloatVector sum = FloatVector.zero(S);
        int i = from;
        int upper = from + S.loopBound(to - from);
        for (; i < upper; i += L) {
            FloatVector e = FloatVector.fromArray(S, a, i).sub(shift).lanewise(VectorOperators.EXP);
            e.intoArray(a, i);
            sum = sum.add(e);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            float e = (float) Math.exp(a[i] - shift);
            a[i] = e;
            s += e;
        }
        return s;
    }

    /** L lanes of bfloat16 pairs at {@code a[at]}: the lanes' low halves become floats by a shift, the high by a mask. */
    private static IntVector pairs(short[] a, int at) {
        return ShortVector.fromArray(PAIRS, a, at).reinterpretAsInts();
    }

    /** The low bfloat16 of each lane as a float. */
    private static FloatVector low(IntVector pairs) {
        return pairs.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    /** The high bfloat16 of each lane as a float. */
    private static FloatVector high(IntVector pairs) {
        return pairs.and(0xFFFF0000).reinterpretAsFloats();
    }

    /**
     * Four vectors of positions (four blocks at 512 bits, two at 256) at a time, components 2m and
     * 2m+1 from one load (a shift and a mask widen them): eight FMA chains in flight, what two FMA
     * pipes of four cycles' latency need. The loop this replaces took one vector of positions with two
     * chains, widening each value by a conversion, and was bound by FMA latency rather than by the
     * cache it read (0.28 ms of a batch-16 step with every key in L2). A last group of fewer vectors
     * repeats its last vector (the same scores, stored twice) rather than running a second loop.
     */
    @Override
    public void blockedDotsBf16(float[] q, int qOffset, float scale, short[] kb, int kbOffset, int dims,
                                float[] out, int outOffset, int n) {
        int chunks = (n + KEY_BLOCK - 1) / KEY_BLOCK * (KEY_BLOCK / L); // vectors of L positions
        int pairCount = dims / 2;
        for (int i = 0; i < chunks; i += 4) {
            int i1 = Math.min(i + 1, chunks - 1);
            int i2 = Math.min(i + 2, chunks - 1);
            int i3 = Math.min(i + 3, chunks - 1);
            int a0 = pairChunkStart(kbOffset, i, dims);
            int a1 = pairChunkStart(kbOffset, i1, dims);
            int a2 = pairChunkStart(kbOffset, i2, dims);
            int a3 = pairChunkStart(kbOffset, i3, dims);
            FloatVector e0 = FloatVector.zero(S);
            FloatVector e1 = FloatVector.zero(S);
            FloatVector e2 = FloatVector.zero(S);
            FloatVector e3 = FloatVector.zero(S);
            FloatVector o0 = FloatVector.zero(S);
            FloatVector o1 = FloatVector.zero(S);
            FloatVector o2 = FloatVector.zero(S);
            FloatVector o3 = FloatVector.zero(S);
            for (int m = 0; m < pairCount; m++) {
                int row = m * 2 * KEY_BLOCK;
                FloatVector qe = FloatVector.broadcast(S, q[qOffset + 2 * m]);
                FloatVector qo = FloatVector.broadcast(S, q[qOffset + 2 * m + 1]);
                IntVector k0 = pairs(kb, a0 + row);
                IntVector k1 = pairs(kb, a1 + row);
                IntVector k2 = pairs(kb, a2 + row);
                IntVector k3 = pairs(kb, a3 + row);
                e0 = low(k0).fma(qe, e0);
                e1 = low(k1).fma(qe, e1);
                e2 = low(k2).fma(qe, e2);
                e3 = low(k3).fma(qe, e3);
                o0 = high(k0).fma(qo, o0);
                o1 = high(k1).fma(qo, o1);
                o2 = high(k2).fma(qo, o2);
                o3 = high(k3).fma(qo, o3);
            }
            e3.add(o3).mul(scale).intoArray(out, outOffset + i3 * L);
            e2.add(o2).mul(scale).intoArray(out, outOffset + i2 * L);
            e1.add(o1).mul(scale).intoArray(out, outOffset + i1 * L);
            e0.add(o0).mul(scale).intoArray(out, outOffset + i * L);
        }
        if (dims % 2 == 1) { // the last component is unpaired (never for an even head size)
            float qLast = q[qOffset + dims - 1] * scale;
            for (int p = 0; p < chunks * L; p++) {
                out[outOffset + p] += qLast * CacheFormat.fromBf16(kb[kbOffset + Kernels.bf16KeyIndex(p, dims - 1, dims)]);
            }
        }
    }

    /** Where vector {@code i} of L positions starts (its first pair) in a paired bfloat16 key cache. */
    private static int pairChunkStart(int kbOffset, int i, int dims) {
        return kbOffset + i * L / KEY_BLOCK * KEY_BLOCK * dims + 2 * (i * L % KEY_BLOCK);
    }

    /**
     * Two lanes' worth of pairs (64 components at 512 bits, 32 at 256) at a time, even and odd
     * positions apart: eight FMA chains, each value row read once, in order. The last position of an
     * odd count pairs with itself at weight 0, and a last group of pairs repeats itself (the same
     * sums, stored twice), so there is one loop. Components past the last whole group of 32 are
     * summed one at a time (never for a head size that is a multiple of 32).
     */
    @Override
    public void weightedRowSumBf16(float[] w, int wOffset, float scale, short[] v, int vOffset, int dims, int n,
                                   float[] out, int outOffset) {
        int grouped = dims / 32 * 32;
        int vectors = grouped / (2 * L); // vectors of L lanes of pairs per row
        for (int t = 0; t < vectors; t += 2) {
            int t1 = Math.min(t + 1, vectors - 1);
            int at0 = 2 * L * t;
            int at1 = 2 * L * t1;
            int lo0 = at0 / 32 * 32 + at0 % 32 / 2; // first component in the low halves of vector t
            int lo1 = at1 / 32 * 32 + at1 % 32 / 2;
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            FloatVector b2 = FloatVector.zero(S);
            FloatVector b3 = FloatVector.zero(S);
            for (int p = 0; p < n; p += 2) {
                boolean pair = p + 1 < n;
                FloatVector wa = FloatVector.broadcast(S, w[wOffset + p]);
                FloatVector wb = FloatVector.broadcast(S, pair ? w[wOffset + p + 1] : 0f);
                int row = vOffset + p * dims;
                int next = pair ? row + dims : row;
                IntVector x0 = pairs(v, row + at0);
                IntVector x1 = pairs(v, row + at1);
                IntVector y0 = pairs(v, next + at0);
                IntVector y1 = pairs(v, next + at1);
                a0 = low(x0).fma(wa, a0);
                a1 = high(x0).fma(wa, a1);
                a2 = low(x1).fma(wa, a2);
                a3 = high(x1).fma(wa, a3);
                b0 = low(y0).fma(wb, b0);
                b1 = high(y0).fma(wb, b1);
                b2 = low(y1).fma(wb, b2);
                b3 = high(y1).fma(wb, b3);
            }
            a3.add(b3).mul(scale).intoArray(out, outOffset + lo1 + 16);
            a2.add(b2).mul(scale).intoArray(out, outOffset + lo1);
            a1.add(b1).mul(scale).intoArray(out, outOffset + lo0 + 16);
            a0.add(b0).mul(scale).intoArray(out, outOffset + lo0);
        }
        for (int j = grouped; j < dims; j++) {
            float s = 0;
            for (int p = 0; p < n; p++) {
                s += w[wOffset + p] * CacheFormat.fromBf16(v[vOffset + p * dims + j]);
            }
            out[outOffset + j] = s * scale;
        }
    }

    /**
     * Four vectors of L positions at a time, one from each quarter of the keys, even and odd
     * components apart: eight FMA chains in flight, what two FMA pipes of four cycles' latency need
     * (four chains, the loop this replaces, left the FMAs waiting: a third of a batch-16 step went to
     * this kernel). The quarters are four runs of memory read at once, so the waits where a run
     * enters a new 4 KB page (the prefetcher stops at page ends) overlap; four neighbouring vectors,
     * before, cost a batch-16 step 6% more. Vectors past the last repeat it (the same scores, stored
     * again). Each position's scale is applied once, to its finished dot.
     */
    @Override
    public void blockedDotsInt8(float[] q, int qOffset, float scale, byte[] kb, int kbOffset, float[] kScale,
                                int kScaleOffset, int dims, float[] out, int outOffset, int n) {
        int chunks = (n + KEY_BLOCK - 1) / KEY_BLOCK * (KEY_BLOCK / L); // vectors of L positions
        int quarter = (chunks + 3) / 4;
        // The loop below tests j against this bound, not j + 1 against dims: C2 counts only a loop that
        // tests its own variable, and only in a counted loop does it move the range checks of the key
        // loads out (the other form checked each load, and ran ten integer instructions per widening).
        int paired = dims - dims % 2;
        for (int i = 0; i < quarter; i++) {
            int i1 = Math.min(i + quarter, chunks - 1);
            int i2 = Math.min(i + 2 * quarter, chunks - 1);
            int i3 = Math.min(i + 3 * quarter, chunks - 1);
            int a0 = int8ChunkStart(kbOffset, i, dims);
            int a1 = int8ChunkStart(kbOffset, i1, dims);
            int a2 = int8ChunkStart(kbOffset, i2, dims);
            int a3 = int8ChunkStart(kbOffset, i3, dims);
            FloatVector e0 = FloatVector.zero(S);
            FloatVector e1 = FloatVector.zero(S);
            FloatVector e2 = FloatVector.zero(S);
            FloatVector e3 = FloatVector.zero(S);
            FloatVector o0 = FloatVector.zero(S);
            FloatVector o1 = FloatVector.zero(S);
            FloatVector o2 = FloatVector.zero(S);
            FloatVector o3 = FloatVector.zero(S);
            int j = 0;
            for (; j < paired; j += 2) {
                int row = j * KEY_BLOCK;
                int next = row + KEY_BLOCK;
                FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
                FloatVector qo = FloatVector.broadcast(S, q[qOffset + j + 1]);
                e0 = widen(kb, a0 + row).fma(qe, e0);
                e1 = widen(kb, a1 + row).fma(qe, e1);
                e2 = widen(kb, a2 + row).fma(qe, e2);
                e3 = widen(kb, a3 + row).fma(qe, e3);
                o0 = widen(kb, a0 + next).fma(qo, o0);
                o1 = widen(kb, a1 + next).fma(qo, o1);
                o2 = widen(kb, a2 + next).fma(qo, o2);
                o3 = widen(kb, a3 + next).fma(qo, o3);
            }
            if (j < dims) {
                int row = j * KEY_BLOCK;
                FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
                e0 = widen(kb, a0 + row).fma(qe, e0);
                e1 = widen(kb, a1 + row).fma(qe, e1);
                e2 = widen(kb, a2 + row).fma(qe, e2);
                e3 = widen(kb, a3 + row).fma(qe, e3);
            }
            int p0 = i * L;
            int p1 = i1 * L;
            int p2 = i2 * L;
            int p3 = i3 * L;
            e3.add(o3).mul(FloatVector.fromArray(S, kScale, kScaleOffset + p3)).mul(scale).intoArray(out, outOffset + p3);
            e2.add(o2).mul(FloatVector.fromArray(S, kScale, kScaleOffset + p2)).mul(scale).intoArray(out, outOffset + p2);
            e1.add(o1).mul(FloatVector.fromArray(S, kScale, kScaleOffset + p1)).mul(scale).intoArray(out, outOffset + p1);
            e0.add(o0).mul(FloatVector.fromArray(S, kScale, kScaleOffset + p0)).mul(scale).intoArray(out, outOffset + p0);
        }
    }

    /** Where vector {@code i} of L positions starts (component 0) in an int8 key cache of blocks. */
    private static int int8ChunkStart(int kbOffset, int i, int dims) {
        return kbOffset + i * L / KEY_BLOCK * KEY_BLOCK * dims + i * L % KEY_BLOCK;
    }

    /**
     * Four vectors of columns at a time (a 64-value row is one cache line of bytes, read once, in
     * order), positions of the first and the second half apart: eight FMA chains (four, before, left
     * the FMAs waiting), and two runs of memory read at once, so their waits at 4 KB page starts
     * overlap (as in {@link #blockedDotsInt8}). Each position's weight times its scale is broadcast
     * once; the middle position of an odd count pairs with itself at weight 0. Then one vector of
     * columns, then single columns.
     */
    @Override
    public void weightedRowSumInt8(float[] w, int wOffset, float scale, byte[] v, int vOffset, float[] vScale,
                                   int vScaleOffset, int dims, int n, float[] out, int outOffset) {
        int j = 0;
        for (; j + 4 * L <= dims; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            FloatVector b0 = FloatVector.zero(S);
            FloatVector b1 = FloatVector.zero(S);
            FloatVector b2 = FloatVector.zero(S);
            FloatVector b3 = FloatVector.zero(S);
            int half = (n + 1) / 2;
            for (int p = 0; p < half; p++) {
                boolean pair = p + half < n;
                FloatVector wa = FloatVector.broadcast(S, w[wOffset + p] * vScale[vScaleOffset + p]);
                FloatVector wb = FloatVector.broadcast(S, pair ? w[wOffset + p + half] * vScale[vScaleOffset + p + half] : 0f);
                int row = vOffset + p * dims + j;
                int next = pair ? row + half * dims : row;
                a0 = widen(v, row).fma(wa, a0);
                a1 = widen(v, row + L).fma(wa, a1);
                a2 = widen(v, row + 2 * L).fma(wa, a2);
                a3 = widen(v, row + 3 * L).fma(wa, a3);
                b0 = widen(v, next).fma(wb, b0);
                b1 = widen(v, next + L).fma(wb, b1);
                b2 = widen(v, next + 2 * L).fma(wb, b2);
                b3 = widen(v, next + 3 * L).fma(wb, b3);
            }
            a0.add(b0).mul(scale).intoArray(out, outOffset + j);
            a1.add(b1).mul(scale).intoArray(out, outOffset + j + L);
            a2.add(b2).mul(scale).intoArray(out, outOffset + j + 2 * L);
            a3.add(b3).mul(scale).intoArray(out, outOffset + j + 3 * L);
        }
        for (; j + L <= dims; j += L) {
            FloatVector a0 = FloatVector.zero(S);
            for (int p = 0; p < n; p++) {
                a0 = widen(v, vOffset + p * dims + j).fma(FloatVector.broadcast(S, w[wOffset + p] * vScale[vScaleOffset + p]), a0);
            }
            a0.mul(scale).intoArray(out, outOffset + j);
        }
        for (; j < dims; j++) {
            float s = 0;
            for (int p = 0; p < n; p++) {
                s += w[wOffset + p] * vScale[vScaleOffset + p] * v[vOffset + p * dims + j];
            }
            out[outOffset + j] = s * scale;
        }
    }

    @Override
    public void strictExp(double[] x, double[] out, int n) {
        StrictExp.exp(x, out, n);
    }
}
