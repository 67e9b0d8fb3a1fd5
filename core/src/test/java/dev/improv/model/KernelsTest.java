package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
