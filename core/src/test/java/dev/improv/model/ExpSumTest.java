package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The approximate mass stays within its stated error of the exact sum a sampler makes, on every kind of step. */
class ExpSumTest {

    /** The sampler's exact sum: StrictMath's exps in index order, masked ids adding 0. */
    private static double exactSum(double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += x[i] == Double.NEGATIVE_INFINITY || Double.isNaN(x[i]) ? 0 : StrictMath.exp(x[i]);
        }
        return sum;
    }

    @Test
    void withinItsErrorOfTheExactSumOverEverySpreadAndMask() {
        SplittableRandom random = new SplittableRandom(16);
        double worst = 0;
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(3000); // lengths that leave a tail after the last whole vector
            double spread = new double[] {0.5, 3, 12, 40, 200, 800}[round % 6];
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                x[i] = u < 0.1 ? Double.NEGATIVE_INFINITY : u < 0.12 ? Double.NaN : u < 0.15 ? 0 : -random.nextDouble() * spread;
            }
            x[random.nextInt(n)] = 0; // a softmax's largest
            double exact = exactSum(x, n);
            double error = Math.abs(ExpSum.of(x, n) - exact) / exact;
            worst = Math.max(worst, error);
        }
        assertTrue(worst < ExpSum.ERROR / 100, "relative error " + worst + " against a bound of " + ExpSum.ERROR);
    }

    @Test
    void masksAddNothingAndExpOfZeroIsOne() {
        double[] x = new double[37];
        java.util.Arrays.fill(x, Double.NEGATIVE_INFINITY);
        x[3] = 0;
        x[20] = Double.NaN;
        x[30] = -1000; // underflows in StrictMath too
        assertEquals(1.0, ExpSum.of(x, x.length), 1e-15);
    }
}
