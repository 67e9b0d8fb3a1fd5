package dev.improv.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops with a fixed 256-bit shape, so results are the same on AVX2 and AVX-512 machines (and
 * on an AVX-512 AMD EPYC, 512-bit vectors made batch-1 decoding 1.5x slower, docs/benchmarks.md).
 * Batch-1 decoding reads every weight once per token, so these loops are memory-bound: several
 * independent accumulators keep enough loads in flight, and batching streams reuses each loaded row.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();

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
     * Tiles of 6 rows by one 16-output panel: 12 accumulators, two weight vectors and a broadcast fit
     * the 16 vector registers of AVX2 (8 rows, which AVX-512's 32 registers would hold, measured no
     * faster). The panel stays in L1/L2 while the row tiles pass over it. A last tile of fewer rows
     * repeats its last row in the spare accumulators and stores only the real ones: the weights are
     * read once either way, and one kernel serves every row count.
     */
    @Override
    public void matmulPacked(float[] panels, float[] bias, float[] x, float[] y, int in, int out, int rows,
                             int panelFrom, int panelTo, boolean accumulate) {
        for (int pn = panelFrom; pn < panelTo; pn++) {
            int base = pn * in * LinearWeights.PANEL;
            int o = pn * LinearWeights.PANEL;
            for (int r = 0; r < rows; r += 6) {
                tile6(panels, base, x, r, rows, in, y, bias, o, out, accumulate);
            }
        }
    }

    /** Rows [r, min(r+6, rows)) of one panel: each loaded weight vector is used six times. */
    private static void tile6(float[] p, int base, float[] x, int r, int rows, int in, float[] y, float[] bias, int o,
                              int out, boolean accumulate) {
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
        int x0 = Math.min(r + 0, rows - 1) * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
        int x4 = Math.min(r + 4, rows - 1) * in;
        int x5 = Math.min(r + 5, rows - 1) * in;
        for (int j = 0; j < in; j++) {
            int pj = base + j * LinearWeights.PANEL;
            FloatVector w0 = FloatVector.fromArray(S, p, pj);
            FloatVector w1 = FloatVector.fromArray(S, p, pj + L);
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
        put(c00, c01, y, r * out, bias, o, out, accumulate);
        if (r + 1 < rows) {
            put(c10, c11, y, (r + 1) * out, bias, o, out, accumulate);
        }
        if (r + 2 < rows) {
            put(c20, c21, y, (r + 2) * out, bias, o, out, accumulate);
        }
        if (r + 3 < rows) {
            put(c30, c31, y, (r + 3) * out, bias, o, out, accumulate);
        }
        if (r + 4 < rows) {
            put(c40, c41, y, (r + 4) * out, bias, o, out, accumulate);
        }
        if (r + 5 < rows) {
            put(c50, c51, y, (r + 5) * out, bias, o, out, accumulate);
        }
    }

    /** Stores a row's 16 outputs from column o on: plus bias, plus y when accumulating; clipped at out. */
    private static void put(FloatVector lo, FloatVector hi, float[] y, int row, float[] bias, int o, int out,
                            boolean accumulate) {
        if (o + 2 * L <= out) {
            if (bias != null) {
                lo = lo.add(FloatVector.fromArray(S, bias, o));
                hi = hi.add(FloatVector.fromArray(S, bias, o + L));
            }
            if (accumulate) {
                lo = lo.add(FloatVector.fromArray(S, y, row + o));
                hi = hi.add(FloatVector.fromArray(S, y, row + o + L));
            }
            lo.intoArray(y, row + o);
            hi.intoArray(y, row + o + L);
        } else {
            putPartial(lo, y, row, bias, o, out, accumulate);
            putPartial(hi, y, row, bias, o + L, out, accumulate);
        }
    }

    /** The last panel of a matrix whose outputs are not a multiple of 16. */
    private static void putPartial(FloatVector v, float[] y, int row, float[] bias, int o, int out, boolean accumulate) {
        for (int c = 0; c < L && o + c < out; c++) {
            float s = v.lane(c) + (bias == null ? 0f : bias[o + c]);
            y[row + o + c] = accumulate ? y[row + o + c] + s : s;
        }
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
     * Four blocks of positions at a time: each query value is broadcast once and feeds four
     * independent accumulators, and no lane reduction is needed.
     */
    @Override
    public void transposedDots(float[] q, int qOffset, float scale, float[] kt, int ktOffset, int stride, int dims,
                               float[] out, int outOffset, int n) {
        int p = 0;
        for (; p + 4 * L <= n; p += 4 * L) {
            FloatVector a0 = FloatVector.zero(S);
            FloatVector a1 = FloatVector.zero(S);
            FloatVector a2 = FloatVector.zero(S);
            FloatVector a3 = FloatVector.zero(S);
            for (int j = 0; j < dims; j++) {
                FloatVector qj = FloatVector.broadcast(S, q[qOffset + j]);
                int row = ktOffset + j * stride + p;
                a0 = FloatVector.fromArray(S, kt, row).fma(qj, a0);
                a1 = FloatVector.fromArray(S, kt, row + L).fma(qj, a1);
                a2 = FloatVector.fromArray(S, kt, row + 2 * L).fma(qj, a2);
                a3 = FloatVector.fromArray(S, kt, row + 3 * L).fma(qj, a3);
            }
            a0.mul(scale).intoArray(out, outOffset + p);
            a1.mul(scale).intoArray(out, outOffset + p + L);
            a2.mul(scale).intoArray(out, outOffset + p + 2 * L);
            a3.mul(scale).intoArray(out, outOffset + p + 3 * L);
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
}
