package dev.improv.model;

/** GELU with the exact (erf) form that PyTorch uses by default, so Java and DJL agree. */
final class Gelu {
    static final double INV_SQRT2 = 0.7071067811865476;
    /**
     * Numerical Recipes' erfc fit: erfc(|z|) ~ t * exp(-z*z + P(t)) with t = 1 / (1 + |z|/2) and
     * P(t) = sum ERFC_POLY[i] * t^i. Fractional error below 1.2e-7 everywhere.
     */
    static final double[] ERFC_POLY = {-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807,
        -1.13520398, 1.48851587, -0.82215223, 0.17087277};

    private Gelu() {
    }

    static float apply(float v) {
        return (float) (0.5 * v * (1.0 + erf(v * INV_SQRT2)));
    }

    /** erf from the {@link #ERFC_POLY} fit. */
    static double erf(double z) {
        double t = 1.0 / (1.0 + 0.5 * Math.abs(z));
        double poly = ERFC_POLY[ERFC_POLY.length - 1];
        for (int i = ERFC_POLY.length - 2; i >= 0; i--) {
            poly = poly * t + ERFC_POLY[i];
        }
        double ans = t * Math.exp(-z * z + poly);
        return z >= 0 ? 1.0 - ans : ans - 1.0;
    }
}
