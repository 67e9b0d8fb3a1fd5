package dev.improv.model;

/** GELU with the exact (erf) form that PyTorch uses by default, so Java and DJL agree. */
final class Gelu {
    private static final double INV_SQRT2 = 0.7071067811865476;

    private Gelu() {
    }

    static float apply(float v) {
        return (float) (0.5 * v * (1.0 + erf(v * INV_SQRT2)));
    }

    /** erf from Numerical Recipes' erfc fit: fractional error below 1.2e-7 everywhere. */
    static double erf(double z) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(z));
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return z >= 0 ? 1.0 - ans : ans - 1.0;
    }
}
