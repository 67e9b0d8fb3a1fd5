package dev.improv.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of {@code exp(x[i])} over arguments {@code <= 0}, within a relative {@link #ERROR} of the sum of
 * {@link StrictMath#exp}s in any order: a softmax's mass, near enough to decide a nucleus cut away from its
 * edge without the exact exp of every id (a sampler bounds its exact sum with it; see {@link Sampler}).
 * A vector at a time: Cody-Waite reduction by ln 2 and a degree-11 Taylor polynomial, no branches.
 * {@code -Infinity} and NaN count as 0.
 */
final class ExpSum {
    /**
     * A bound on the relative error, with a wide margin: the polynomial's truncation (under 1e-14 on
     * {@code |r| <= ln2/2}), rounding in it, and two sums of up to a few thousand doubles each (under
     * 1e-12), StrictMath's own half ulp included.
     */
    static final double ERROR = 1e-9;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final double LN2_HI = 6.93147180369123816490e-01; // fdlibm's: k * LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double INV_LN2 = 1.44269504088896338700e+00;
    /** exp below it is under 1e-307, and 2^k stays a normal double. */
    private static final double FLOOR = -707.0;
    private static final double ROUNDER = 0x1.8p52;
    /** 1/i! for i = 11 down to 2 (Horner's order). */
    private static final double[] TAYLOR = new double[10];

    static {
        double f = 1;
        for (int i = 2; i <= 11; i++) {
            f *= i;
            TAYLOR[11 - i] = 1 / f;
        }
    }

    private ExpSum() {
    }

    /** Approximately {@code sum exp(x[i])} for {@code i < n}; every finite {@code x[i]} must be {@code <= 0}. */
    static double of(double[] x, int n) {
        DoubleVector sum = DoubleVector.zero(SPECIES);
        int i = 0;
        for (int upper = SPECIES.loopBound(n); i < upper; i += SPECIES.length()) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            // NaN and -Infinity fail the compare: they add 0, as a masked token's probability is.
            VectorMask<Double> finite = v.compare(VectorOperators.GE, FLOOR);
            sum = sum.add(exp(v.blend(FLOOR, finite.not())), finite);
        }
        double total = sum.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            if (x[i] >= FLOOR) {
                total += Math.exp(x[i]);
            }
        }
        return total;
    }

    /** exp of lanes in [FLOOR, 0]. */
    private static DoubleVector exp(DoubleVector x) {
        DoubleVector k = x.mul(INV_LN2).add(ROUNDER).sub(ROUNDER); // round to nearest
        DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO)); // |r| <= ln2/2 (and a hair)
        DoubleVector p = DoubleVector.broadcast(SPECIES, TAYLOR[0]);
        for (int j = 1; j < TAYLOR.length; j++) {
            p = p.mul(r).add(TAYLOR[j]);
        }
        p = p.mul(r).add(1.0).mul(r).add(1.0);
        LongVector bits = k.add(1023.0 + ROUNDER).reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        return p.mul(bits.reinterpretAsDoubles());
    }
}
