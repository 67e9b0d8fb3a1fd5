package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector exp gives StrictMath.exp's bits for every argument a sampler passes, and StrictMath's own for the rest. */
class StrictExpTest {

    private static void assertSameBits(double[] x) {
        double[] out = new double[x.length];
        StrictExp.exp(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(x[i])), Double.doubleToRawLongBits(out[i]),
                    () -> "the vector exp differs from StrictMath.exp");
        }
    }

    private static void assertSameBitsEach(double[] x) {
        double[] out = new double[x.length];
        StrictExp.exp(x, out, x.length);
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            assertEquals(Double.doubleToRawLongBits(StrictMath.exp(xi)), Double.doubleToRawLongBits(out[i]),
                    () -> "exp(" + xi + ") = " + StrictMath.exp(xi) + " by StrictMath");
        }
    }

    @Test
    void randomArgumentsOverEveryRangeOfTheAlgorithm() {
        SplittableRandom random = new SplittableRandom(14);
        double[] scales = {1e-12, 1e-9, 3e-8, 0.2, 0.4, 1, 2, 10, 100, 700, 720, 745, 800};
        double[] x = new double[4096];
        for (double scale : scales) {
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = -random.nextDouble() * scale;
                }
                assertSameBitsEach(x);
            }
        }
    }

    @Test
    void argumentsAtEachBranchEdge() {
        double[] edges = {0.0, -0.0, -Double.MIN_VALUE, -0x1p-28, Double.longBitsToDouble(0x3fd62e42_ffffffffL),
                Double.longBitsToDouble(0x3fd62e43_00000000L), Double.longBitsToDouble(0x3ff0a2b1_ffffffffL),
                Double.longBitsToDouble(0x3ff0a2b2_00000000L), 0.5 * Math.log(2), 1.5 * Math.log(2), Math.log(2), 2 * Math.log(2),
                708.3964185322641, 709.782712893384, 7.08396418532264106224e+02, 7.45133219101941108420e+02, 746, 1075,
                744.4400719213812, 1022 * Math.log(2), 1021.5 * Math.log(2)};
        double[] x = new double[edges.length * 9];
        int n = 0;
        for (double e : edges) {
            double negative = -Math.abs(e);
            for (int ulps = -4; ulps <= 4; ulps++) {
                x[n++] = Double.longBitsToDouble(Double.doubleToRawLongBits(negative) + ulps);
            }
        }
        assertSameBitsEach(java.util.Arrays.copyOf(x, n));
    }

    @Test
    void aSamplersArgumentsFromFloatLogits() {
        // As Sampler makes them: (logit - max) * (1 / T) from float logits, T of 0.7 and 1.3.
        SplittableRandom random = new SplittableRandom(3);
        for (float invT : new float[] {1f / 0.7f, 1f / 1.3f, 1f}) {
            double[] x = new double[2048];
            for (int round = 0; round < 200; round++) {
                float[] logits = new float[x.length];
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) (random.nextGaussian() * 4);
                    max = Math.max(max, logits[i]);
                }
                for (int i = 0; i < x.length; i++) {
                    x[i] = (logits[i] - (double) max) * invT;
                }
                assertSameBitsEach(x);
            }
        }
    }

    @Test
    void otherArgumentsGoToStrictMathItself() {
        assertSameBits(new double[] {Double.NEGATIVE_INFINITY, -1, -2, -3, 0.5, -1, Double.NaN, -4, 3, 800, Double.POSITIVE_INFINITY});
        assertSameBitsEach(new double[] {-1, -2, -3}); // shorter than a vector: the scalar tail
    }

    @Test
    void theScalarKernelsGiveTheSameBits() {
        // A game run without --add-modules jdk.incubator.vector samples through ScalarKernels: same draws.
        double[] x = new double[1000];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = -random.nextDouble() * 40;
        }
        double[] scalar = new double[x.length];
        double[] vector = new double[x.length];
        new ScalarKernels().strictExp(x, scalar, x.length);
        new VectorKernels().strictExp(x, vector, x.length);
        for (int i = 0; i < x.length; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(Double.doubleToRawLongBits(scalar[i]), Double.doubleToRawLongBits(vector[i]),
                    "exp(" + x[i] + ")");
        }
    }
}
