package dev.improv.model;

import jdk.incubator.vector.ByteVector;
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
    /** Eight bytes: one int8 load widens to one float vector. */
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;

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
     * Tiles of 4 rows by one 16-output panel: 8 accumulators, two weight vectors and a broadcast stay
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
            tile4(panels, base, x, r, rows, in, y, bias, o, out, accumulate);
        }
    }

    /**
     * Rows [r, min(r+4, rows)) of one full panel at outputs [o, o+16): each loaded weight vector is
     * used four times. The accumulators start from the bias (and y when accumulating), so the end is
     * a plain store.
     */
    private static void tile4(float[] p, int base, float[] x, int r, int rows, int in, float[] y, float[] bias, int o,
                              int out, boolean accumulate) {
        int y0 = r * out + o;
        int y1 = Math.min(r + 1, rows - 1) * out + o;
        int y2 = Math.min(r + 2, rows - 1) * out + o;
        int y3 = Math.min(r + 3, rows - 1) * out + o;
        FloatVector b0 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, o);
        FloatVector b1 = bias == null ? FloatVector.zero(S) : FloatVector.fromArray(S, bias, o + L);
        FloatVector c00 = b0;
        FloatVector c01 = b1;
        FloatVector c10 = b0;
        FloatVector c11 = b1;
        FloatVector c20 = b0;
        FloatVector c21 = b1;
        FloatVector c30 = b0;
        FloatVector c31 = b1;
        if (accumulate) {
            c00 = c00.add(FloatVector.fromArray(S, y, y0));
            c01 = c01.add(FloatVector.fromArray(S, y, y0 + L));
            c10 = c10.add(FloatVector.fromArray(S, y, y1));
            c11 = c11.add(FloatVector.fromArray(S, y, y1 + L));
            c20 = c20.add(FloatVector.fromArray(S, y, y2));
            c21 = c21.add(FloatVector.fromArray(S, y, y2 + L));
            c30 = c30.add(FloatVector.fromArray(S, y, y3));
            c31 = c31.add(FloatVector.fromArray(S, y, y3 + L));
        }
        int x0 = r * in;
        int x1 = Math.min(r + 1, rows - 1) * in;
        int x2 = Math.min(r + 2, rows - 1) * in;
        int x3 = Math.min(r + 3, rows - 1) * in;
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
        }
        // Rows past the end repeat the last row with identical values, so storing them twice is harmless.
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
     * Four accumulators of 8 lanes; each 8-byte load is sign-extended and converted to floats in
     * registers (two instructions per 8 weights on x86), and the row's scale is applied once at the end.
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
    public void widenPanel(byte[] panels, float[] scale, int pn, int in, float[] wide) {
        int width = LinearWeights.PANEL;
        int base = pn * in * width;
        FloatVector s0 = FloatVector.fromArray(S, scale, pn * width);
        FloatVector s1 = FloatVector.fromArray(S, scale, pn * width + L);
        for (int j = 0; j < in; j++) {
            int at = base + j * width;
            widen(panels, at).mul(s0).intoArray(wide, j * width);
            widen(panels, at + L).mul(s1).intoArray(wide, j * width + L);
        }
    }

    /** Eight int8 values at {@code q[at]} as a float vector. */
    private static FloatVector widen(byte[] q, int at) {
        return (FloatVector) ByteVector.fromArray(B8, q, at).convertShape(VectorOperators.B2F, S, 0);
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
     * One block of 16 positions at a time, two vectors wide, with even and odd components in separate
     * accumulators so four FMA chains are in flight; the keys stream from memory in order.
     */
    @Override
    public void blockedDots(float[] q, int qOffset, float scale, float[] kb, int kbOffset, int dims,
                            float[] out, int outOffset, int n) {
        int block = KEY_BLOCK * dims;
        for (int b = 0; b * KEY_BLOCK < n; b++) {
            int at = kbOffset + b * block;
            FloatVector e0 = FloatVector.zero(S);
            FloatVector e1 = FloatVector.zero(S);
            FloatVector o0 = FloatVector.zero(S);
            FloatVector o1 = FloatVector.zero(S);
            int j = 0;
            for (; j + 1 < dims; j += 2) {
                int row = at + j * KEY_BLOCK;
                FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
                FloatVector qo = FloatVector.broadcast(S, q[qOffset + j + 1]);
                e0 = FloatVector.fromArray(S, kb, row).fma(qe, e0);
                e1 = FloatVector.fromArray(S, kb, row + L).fma(qe, e1);
                o0 = FloatVector.fromArray(S, kb, row + KEY_BLOCK).fma(qo, o0);
                o1 = FloatVector.fromArray(S, kb, row + KEY_BLOCK + L).fma(qo, o1);
            }
            if (j < dims) {
                int row = at + j * KEY_BLOCK;
                FloatVector qe = FloatVector.broadcast(S, q[qOffset + j]);
                e0 = FloatVector.fromArray(S, kb, row).fma(qe, e0);
                e1 = FloatVector.fromArray(S, kb, row + L).fma(qe, e1);
            }
            int o = outOffset + b * KEY_BLOCK;
            e0.add(o0).mul(scale).intoArray(out, o);
            e1.add(o1).mul(scale).intoArray(out, o + L);
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
