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
        if (probs.length != n) {
            probs = new float[n];
        }
        double max = logits[best];
        double sum = 0;
        float invT = 1f / settings.temperature();
        boolean topK = settings.topK() > 0 && settings.topK() < n;
        if (topK) {
            java.util.Arrays.fill(exponentCounts, 0);
        }
        if (exps.length != n) {
            exps = new double[n];
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

    /** Convenience for a history-free draw. */
    public int sample(float[] logits) {
        return sample(logits, new int[0], 0);
    }

    private int drawTruncated(double sum, int n) {
        if (order.length != n) {
            order = new long[n];
        }
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
