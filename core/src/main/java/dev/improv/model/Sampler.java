package dev.improv.model;

import java.util.Arrays;

/**
 * Draws the next token from logits: repetition penalty, temperature, top-k, top-p, then a seeded
 * draw. Deterministic: the same seed and logits give the same tokens on any machine (StrictMath).
 * Not thread-safe; use one per stream.
 */
public final class Sampler {
    /** The Vector API only when its module is present: a game run without the flag still samples. */
    private static final Kernels KERNELS = Kernels.best();
    /** {@link #sampleTopK} needs {@link ExpSum}'s vectors; without them every draw is {@link #sampleExactly}. */
    private static final boolean FAST_TOP_K = !(KERNELS instanceof ScalarKernels);
    private final SamplingSettings settings;
    private final SeededRandom random;
    private float[] probs = new float[0];
    /** The exponents of a draw's probabilities, then the probabilities in double ({@link Kernels#strictExp}). */
    private double[] exps = new double[0];
    /** Candidates of a truncated draw as sort keys: rank by probability (high first), then id. */
    private long[] order = new long[0];
    private boolean[] seen = new boolean[0];
    /** Candidates of a top-k draw counted by the exponent of their probability, as they are made (see {@link #topKFloorBits}). */
    private final int[] exponentCounts = new int[256];
    /** A top-k draw's ids counted by their (logit - max) / T in eighths, the last bucket for all below -31.875. */
    private final int[] xCounts = new int[256];
    private static final double X_BUCKETS_PER_UNIT = 8;
    /** A top-k draw's ids that may rank among the k largest, their (logit - max) / T, and its StrictMath exp. */
    private int[] candidateIds = new int[0];
    private double[] candidateX = new double[0];
    private double[] candidateExps = new double[0];

    public Sampler(SamplingSettings settings, long seed) {
        this.settings = settings;
        this.random = new SeededRandom(seed);
    }

    public SamplingSettings settings() {
        return settings;
    }

    /**
     * Picks the token after {@code history[0..length)} from {@code logits} (modified in place).
     *
     * @throws NoAllowedTokenException if every logit is -Infinity (or NaN)
     */
    public int sample(float[] logits, int[] history, int length) {
        applyRepetitionPenalty(logits, history, length);
        int best = argmax(logits);
        if (best < 0) {
            throw new NoAllowedTokenException(length);
        }
        if (settings.temperature() == 0f) {
            return best;
        }
        int n = logits.length;
        if (FAST_TOP_K && settings.topK() > 0 && settings.topK() < n) {
            int token = sampleTopK(logits, best);
            if (token >= 0) {
                return token;
            }
        }
        return sampleExactly(logits, best);
    }

    /** The draw from every id's exact probability and their exact sum: the reference {@link #sampleTopK} must equal. */
    int sampleExactly(float[] logits, int best) {
        int n = logits.length;
        fit(n);
        double max = logits[best];
        double sum = 0;
        float invT = 1f / settings.temperature();
        boolean topK = settings.topK() > 0 && settings.topK() < n;
        if (topK) {
            java.util.Arrays.fill(exponentCounts, 0);
        }
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            exps[i] = l == Float.NEGATIVE_INFINITY || Float.isNaN(l) ? 0 : (l - max) * invT; // <= 0
        }
        KERNELS.strictExp(exps, exps, n); // StrictMath.exp's bits, a vector at a time where the Vector API is
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            double p = l == Float.NEGATIVE_INFINITY || Float.isNaN(l) ? 0 : exps[i];
            float kept = (float) p;
            probs[i] = kept;
            sum += p;
            if (topK && kept > 0f) {
                exponentCounts[Float.floatToRawIntBits(kept) >>> 23]++; // positive floats: no sign bit, 8 exponent bits
            }
        }
        boolean truncate = (settings.topK() > 0 && settings.topK() < n) || settings.topP() < 1f;
        if (!truncate) {
            return draw(probs, sum, n);
        }
        return drawTruncated(sum, n);
    }

    /** Sizes the buffers for a vocabulary of {@code n}. */
    private void fit(int n) {
        if (probs.length != n) {
            probs = new float[n];
            exps = new double[n];
            order = new long[n];
            candidateIds = new int[n];
            candidateX = new double[n];
            candidateExps = new double[n];
        }
    }

    /** Convenience for a history-free draw. */
    public int sample(float[] logits) {
        return sample(logits, new int[0], 0);
    }

    private int drawTruncated(double sum, int n) {
        // Only tokens with a chance are ranked (the grammars leave a few dozen of the vocabulary),
        // by a primitive key: the order of a stable sort by falling probability, ids breaking ties.
        // With a top-k, only those whose probability's exponent can hold one of the k largest.
        int floorBits = topKFloorBits(n);
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            float p = probs[i];
            if (p > 0f && Float.floatToRawIntBits(p) >= floorBits) {
                order[candidates++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(p)) << 32) | i;
            }
        }
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), candidates) : candidates;
        if (keep < candidates) {
            // Only the first keep ranks are read: select them, then sort those (keys are unique, so the
            // ranks are exactly a full sort's; sorting all 2,048 of a dialogue step cost more than its draw).
            selectSmallest(order, candidates, keep);
        }
        Arrays.sort(order, 0, keep);
        double cumulative = 0;
        int kept = 0;
        while (kept < keep) {
            cumulative += probs[id(kept)];
            kept++;
            if (cumulative >= settings.topP() * sum) {
                break;
            }
        }
        return drawRanked(kept, cumulative);
    }

    /** Draws one of the first {@code kept} ranks of {@code order}, whose probabilities add up to {@code cumulative}. */
    private int drawRanked(int kept, double cumulative) {
        double target = random.nextDouble() * cumulative;
        double acc = 0;
        for (int i = 0; i < kept; i++) {
            acc += probs[id(i)];
            if (target < acc) {
                return id(i);
            }
        }
        return id(kept - 1);
    }

    /**
     * The top-k draw with exact exps for the few ids that can rank among the k largest only, and the other
     * ids' mass bounded ({@link ExpSum}) instead of summed exactly; -1 when that bound cannot decide the
     * nucleus cut (the cut then lies within a relative 1e-9 of a rank's edge), or the step is not the
     * common kind (an infinite logit, the k-th largest probability under e^-32). The same token as
     * {@link #sampleExactly} otherwise, drawn with the same random number: the ranks are those of the exact
     * probabilities, and the cut compares the same cumulative sums against bounds on both sides of the exact
     * sum's. At 16 clients of {@code bench serve} the exact exp and sum of all 2,048 ids were a third of a
     * service worker's CPU, while the cut was decided far from its edge.
     */
    int sampleTopK(float[] logits, int best) {
        int n = logits.length;
        fit(n);
        int k = settings.topK();
        double max = logits[best];
        if (Double.isInfinite(max)) {
            return -1;
        }
        float invT = 1f / settings.temperature();
        java.util.Arrays.fill(xCounts, 0);
        for (int i = 0; i < n; i++) {
            float l = logits[i];
            if (l == Float.NEGATIVE_INFINITY || Float.isNaN(l)) {
                exps[i] = Double.NEGATIVE_INFINITY;
            } else {
                double x = (l - max) * invT; // <= 0, as sampleExactly computes it
                exps[i] = x;
                xCounts[Math.min((int) (-x * X_BUCKETS_PER_UNIT), xCounts.length - 1)]++; // (int) saturates
            }
        }
        // Bucket b holds x in (-(b+1)/8, -b/8]: the k-th largest x is in the first bucket where k are counted.
        // Ids below the k-th largest x by more than 1e-6 have a float probability below its (exp falls by 1e-6
        // relative, 8 floats' ulps and more): those from there up hold the k largest with every tie among them.
        // With fewer than k allowed ids (a grammar's few), every one of them is a candidate.
        double floor = -Double.MAX_VALUE;
        int counted = 0;
        for (int bucket = 0; bucket < xCounts.length - 1; bucket++) {
            counted += xCounts[bucket];
            if (counted >= k) {
                floor = -(bucket + 1.0) / X_BUCKETS_PER_UNIT - 1e-6;
                break;
            }
        }
        if (floor == -Double.MAX_VALUE && counted + xCounts[xCounts.length - 1] >= k) {
            return -1; // the k-th largest is far down, where probabilities underflow: not the common kind
        }
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            if (exps[i] >= floor) {
                candidateIds[candidates] = i;
                candidateX[candidates++] = exps[i];
            }
        }
        KERNELS.strictExp(candidateX, candidateExps, candidates);
        int ranked = 0;
        for (int c = 0; c < candidates; c++) {
            float p = (float) candidateExps[c];
            probs[candidateIds[c]] = p;
            if (p > 0f) {
                order[ranked++] = ((long) (Integer.MAX_VALUE - Float.floatToRawIntBits(p)) << 32) | candidateIds[c];
            }
        }
        // At least k ranked, or every id with a chance: as many as the exact draw keeps.
        int keep = Math.min(k, ranked);
        if (keep < ranked) {
            selectSmallest(order, ranked, keep);
        }
        Arrays.sort(order, 0, keep);
        // The exact sum adds every id's exp in index order; the bound holds it within ERROR (it is at least 1,
        // the largest logit's exp(0)), and a float times a larger double is never smaller.
        double mass = ExpSum.of(exps, n);
        double cutBelow = settings.topP() * (mass * (1 - ExpSum.ERROR));
        double cutAbove = settings.topP() * (mass * (1 + ExpSum.ERROR));
        double cumulative = 0;
        int kept = 0;
        while (kept < keep) {
            cumulative += probs[id(kept)];
            kept++;
            if (cumulative >= cutAbove) {
                break;
            }
            if (cumulative >= cutBelow && kept < keep) {
                return -1; // (after the last rank the loop ends either way: all kept ids summing to the mass)
            }
        }
        return drawRanked(kept, cumulative);
    }

    /**
     * The smallest raw bits of a probability that can rank among the top k: the start of the exponent
     * range holding the k-th largest (1, every positive probability, without a top-k or with fewer
     * candidates). The ranks that follow are the same as over every candidate, since the k largest all lie
     * at or above it; a dialogue step ranked all 2,048 ids for 40, which cost its worker more than the
     * batched step's share of decoding (JFR, 16 clients of {@code bench serve}).
     */
    private int topKFloorBits(int n) {
        int k = settings.topK();
        if (k <= 0 || k >= n) {
            return 1;
        }
        int above = 0; // exponentCounts: counted as the probabilities were made
        int e = exponentCounts.length - 1;
        while (e > 0 && above + exponentCounts[e] < k) {
            above += exponentCounts[e--];
        }
        return Math.max(1, e << 23);
    }

    /** Moves the {@code k} smallest of {@code a[0..n)} (distinct values) to {@code a[0..k)}, in any order (quickselect). */
    static void selectSmallest(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            long x = a[lo];
            long y = a[(lo + hi) >>> 1];
            long z = a[hi];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return;
            }
        }
    }

    /** Token id of the rank-th candidate of the last truncated draw. */
    private int id(int rank) {
        return (int) order[rank];
    }

    private int draw(float[] p, double sum, int n) {
        double target = random.nextDouble() * sum;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (p[i] > 0) {
                acc += p[i];
                last = i;
                if (target < acc) {
                    return i;
                }
            }
        }
        return last;
    }

    private void applyRepetitionPenalty(float[] logits, int[] history, int length) {
        float penalty = settings.repetitionPenalty();
        if (penalty == 1f || settings.penaltyWindow() == 0) {
            return;
        }
        int from = Math.max(0, length - settings.penaltyWindow());
        // Penalise each distinct token once, however often it occurred.
        if (seen.length != logits.length) {
            seen = new boolean[logits.length];
        } else {
            java.util.Arrays.fill(seen, false);
        }
        for (int i = from; i < length; i++) {
            int t = history[i];
            if (t >= 0 && t < logits.length && !seen[t]) {
                seen[t] = true;
                float l = logits[t];
                logits[t] = l > 0 ? l / penalty : l * penalty;
            }
        }
    }

    /** Index of the largest finite logit, or -1 if there is none. */
    static int argmax(float[] logits) {
        int best = -1;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] > bestValue) {
                bestValue = logits[i];
                best = i;
            }
        }
        return best;
    }

    /** log softmax(logits)[index], computed stably: the log-probability the logits give one token. */
    public static double logSoftmaxAt(float[] logits, int index) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        return logits[index] - max - Math.log(sum);
    }
}
