package dev.improv.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StrictMath#exp} of many arguments at once, bit for bit: fdlibm's {@code e_exp.c}, which
 * StrictMath is, done lane by lane with the Vector API. fdlibm uses only IEEE additions,
 * multiplications and one division (no fused multiply-add), so the same operations in the same order
 * give the same bits in vector lanes; its branches become masks. A sampler's draws therefore stay those
 * of {@code StrictMath.exp} on any machine, while a dialogue token's 2,048 probabilities cost a few
 * vector instructions each instead of a native call (the exp loop was 32-44% of a service worker's
 * CPU at 16 clients, JFR, {@code bench serve}, 2026-12-04).
 *
 * <p>Only arguments {@code <= 0} (a softmax's {@code (logit - max) / T}); others, NaN and -Infinity
 * go to StrictMath itself.
 */
final class StrictExp {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    // e_exp.c's constants.
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    private static final double P1 = 1.66666666666666019037e-01;
    private static final double P2 = -2.77777777770155933842e-03;
    private static final double P3 = 6.61375632143793436117e-05;
    private static final double P4 = -1.65339022054652515390e-06;
    private static final double P5 = 4.13813679705723846039e-08;
    private static final double TWO_M1000 = 9.33263618503218878990e-302;
    private static final double U_THRESHOLD = -7.45133219101941108420e+02;
    /** |x| whose high word is above 0x3fd62e42 (about 0.5 ln 2): reduced by k ln 2. */
    private static final double REDUCE_FROM = Double.longBitsToDouble(0x3fd62e43_00000000L);
    /** |x| whose high word is below 0x3ff0a2b2 (about 1.5 ln 2): k is -1 for a negative x. */
    private static final double K_ONE_BELOW = Double.longBitsToDouble(0x3ff0a2b2_00000000L);
    /** |x| below 2^-28: exp(x) is 1 + x. */
    private static final double TINY_BELOW = Double.longBitsToDouble(0x3e300000_00000000L);
    /** Adding then subtracting it rounds a double of magnitude under 2^51 to a whole number. */
    private static final double ROUNDER = 0x1.8p52;

    private StrictExp() {
    }

    /** {@code out[i] = StrictMath.exp(x[i])} for {@code i < n}, bit for bit. */
    static void exp(double[] x, double[] out, int n) {
        int i = 0;
        for (int upper = SPECIES.loopBound(n); i < upper; i += SPECIES.length()) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            // NaN compares false, so it takes StrictMath's path with positives and -Infinity.
            VectorMask<Double> ours = v.compare(VectorOperators.LE, 0.0).and(v.compare(VectorOperators.GT, Double.NEGATIVE_INFINITY));
            if (!ours.allTrue()) {
                for (int j = 0; j < SPECIES.length(); j++) {
                    out[i + j] = StrictMath.exp(x[i + j]);
                }
                continue;
            }
            nonPositive(v).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = StrictMath.exp(x[i]);
        }
    }

    /** e_exp.c for finite lanes {@code <= 0}. */
    private static DoubleVector nonPositive(DoubleVector x) {
        DoubleVector ax = x.abs();
        VectorMask<Double> reduce = ax.compare(VectorOperators.GE, REDUCE_FROM);
        // k = (int) (invln2 * x - 0.5), a cast that truncates towards 0: for a negative value, its ceiling.
        DoubleVector v = x.mul(INV_LN2).sub(0.5);
        DoubleVector r = v.add(ROUNDER).sub(ROUNDER);
        DoubleVector k = r.add(1.0, r.compare(VectorOperators.LT, v));
        k = k.blend(-1.0, ax.compare(VectorOperators.LT, K_ONE_BELOW));
        k = k.blend(0.0, reduce.not());
        // k = 0 gives hi = x and lo = 0 exactly, and then the formula below is e_exp.c's k == 0 one
        // (x*c/(c-2) is -(x*c/(2-c)) exactly): one path for both.
        DoubleVector hi = x.sub(k.mul(LN2_HI));
        DoubleVector lo = k.mul(LN2_LO);
        DoubleVector xr = hi.sub(lo);
        DoubleVector t = xr.mul(xr);
        DoubleVector poly = t.mul(P5).add(P4).mul(t).add(P3).mul(t).add(P2).mul(t).add(P1);
        DoubleVector c = xr.sub(t.mul(poly));
        DoubleVector two = DoubleVector.broadcast(SPECIES, 2.0);
        DoubleVector y = DoubleVector.broadcast(SPECIES, 1.0).sub(lo.sub(xr.mul(c).div(two.sub(c))).sub(hi));
        // Scale by 2^k: exact while the result is normal (k >= -1021); below, by 2^(k+1000) then 2^-1000.
        VectorMask<Double> deep = k.compare(VectorOperators.LT, -1021.0);
        DoubleVector kk = k.add(1000.0, deep);
        // The whole number kk + 1023 sits in the low bits of (kk + 1023 + ROUNDER); shifted to the exponent.
        LongVector bits = kk.add(1023.0 + ROUNDER).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        DoubleVector scaled = y.mul(bits.reinterpretAsDoubles());
        scaled = scaled.blend(scaled.mul(TWO_M1000), deep);
        scaled = scaled.blend(x.add(1.0), ax.compare(VectorOperators.LT, TINY_BELOW));
        return scaled.blend(0.0, x.compare(VectorOperators.LT, U_THRESHOLD));
    }
}
