package dev.improv.serve;

import java.util.Arrays;

/**
 * How long a request of one kind would take once it starts, from the latencies of the last {@value #RECENT}
 * answers of its kind and the load each started at (requests running on the node, itself included). A
 * request that waited in its kind's line is timed from its start: {@link Admission} counts the wait apart.
 *
 * <p>A request that starts as the {@code m}-th is expected to take the {@value #QUANTILE} quantile of what
 * answers admitted at about that load took: those admitted at {@code m} to {@code 2m} as they took, those
 * admitted at {@code m/2} up to {@code m} scaled up by {@code m / k} (more load, in proportion: an
 * overstatement, since batched requests overlap). Measured latencies, not a sum: requests admitted
 * together decode together, so the wait behind {@code n} others is far less than {@code n} answers'
 * time, which a sum of shares of the node's time (what this replaced) counted, refusing with 503 requests
 * that would have met their deadline. With fewer than {@value #NEAR} answers near that load (a tail
 * quantile of fewer is their slowest one, which a pause or a worker loading its model makes), the median
 * of every recent answer scaled by {@code m / k}: the load is new, so assume work adds up, but refuse on
 * what a typical answer says, not on an outlier (on NATS the first job each worker process runs waits
 * for its model to load, and one such answer made a node expect 67 s with 6 others admitted).
 *
 * <p>Not thread-safe: {@link Admission} calls it under its lock.
 */
final class LatencyEstimate {
    /** Answers kept: the last few, so a node's first answers (the model loading) are forgotten after that many. */
    static final int RECENT = 128;
    /** Answers near the load needed to take their tail (of 20, the 95th percentile is the second slowest). */
    static final int NEAR = 20;
    /** The quantile estimates are taken at: targets and deadlines are on the tail. */
    static final double QUANTILE = 0.95;

    private final long[] nanos = new long[RECENT];
    private final int[] load = new int[RECENT];
    private int seen;

    /** Learns from an answer that took {@code took} after starting as the {@code startedAt}-th running on the node. */
    void answered(long took, int startedAt) {
        int i = seen++ % RECENT;
        nanos[i] = took;
        load[i] = Math.max(1, startedAt);
    }

    /** Expected time of a request that starts as the {@code m}-th on the node (0 before any answer). */
    long expectedNanos(int m) {
        double[] values = new double[Math.min(seen, RECENT)];
        int near = near(m, values);
        return near > 0 ? quantile(values, near, QUANTILE) : quantile(values, values.length, 0.5);
    }

    /**
     * Mean time of answers that started at about load {@code m}, by the same choice of answers as
     * {@link #expectedNanos}: with {@code m} running, one finishes about every mean / m (0 before any answer).
     */
    long meanNanos(int m) {
        double[] values = new double[Math.min(seen, RECENT)];
        int near = near(m, values);
        int n = near > 0 ? near : values.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return n == 0 ? 0 : (long) (sum / n);
    }

    /**
     * Puts the answers near load {@code m} into {@code values}, scaled to it, and returns how many when
     * there are {@value #NEAR} of them; else puts every recent answer scaled by {@code m / k} and returns 0.
     */
    private int near(int m, double[] values) {
        int n = values.length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            int k = load[i];
            if (2 * k >= m && k <= 2 * m) {
                values[count++] = nanos[i] * Math.max(1.0, (double) m / k);
            }
        }
        if (count >= NEAR) {
            return count;
        }
        for (int i = 0; i < n; i++) {
            values[i] = nanos[i] * (double) m / load[i];
        }
        return 0;
    }

    private static long quantile(double[] values, int n, double q) {
        if (n == 0) {
            return 0;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return (long) sorted[(int) Math.ceil(q * n) - 1];
    }
}
