package dev.improv.serve;

import java.util.Arrays;

/**
 * An adaptive limit on the requests of one kind admitted at once, which keeps their latency near what
 * the node gives a request that runs alone. Like TCP Vegas and Netflix's concurrency-limits, it needs
 * no latency figure from the operator: it learns the unloaded latency from the answers themselves and
 * moves the limit by the ratio of the recent latency to it.
 *
 * <ul>
 *   <li><b>Unloaded latency</b>: the 90th percentile of the last {@value #ALONE} answers that ran alone
 *       (on average at most {@value #ALONE_SHARING} requests admitted during their life, themselves
 *       included). Before there are {@value #WINDOW} of those, the lowest window 90th percentile seen.</li>
 *   <li><b>Recent latency</b>: the 90th percentile of a window of {@value #WINDOW} answers. A tail
 *       quantile, not the median: the goal is on the tail, and a reply that redraws is several times a
 *       short one, so a median moves with the mix of replies more than with the load.</li>
 *   <li>At the end of each window: above {@value #TOLERANCE}x the unloaded latency, the limit shrinks
 *       in proportion (at most by half: one slow window is not a collapse); below {@value #GROW_BELOW}x,
 *       and with the limit in use (at least half of it admitted at once), it grows by one. In between it
 *       stays, so it does not hunt.</li>
 * </ul>
 *
 * <p>Not thread-safe: {@link Admission} calls it under its lock; each call is a few arithmetic
 * operations (a sort of {@value #WINDOW} or {@value #ALONE} numbers at a window's end).
 */
final class ConcurrencyLimit {
    /**
     * Answers per decision: enough for a steady 90th percentile (16 made one long reply in a window shrink
     * the limit on a busy machine), few enough to react within a fraction of a second.
     */
    static final int WINDOW = 32;
    /** Answers that ran alone kept for the unloaded latency. */
    static final int ALONE = 64;
    /** Requests sharing the node on average during an answer's life, at most, for it to count as alone. */
    static final double ALONE_SHARING = 1.25;
    /**
     * Recent over unloaded latency (90th percentiles) above which the limit shrinks. Below the 2x that
     * overload tests ask of the p99: a window sees what was admitted one latency earlier, and under load
     * the tail past the 90th percentile stretches a little more than the 90th percentile itself.
     */
    static final double TOLERANCE = 1.75;
    /** Below this ratio the limit may grow; between it and {@link #TOLERANCE} it holds, so it does not hunt. */
    static final double GROW_BELOW = 1.5;
    /** Most the limit shrinks at one window's end. */
    static final double MOST_SHRINK = 0.5;
    /**
     * Where a node that has seen no load starts. Low, since a burst on a fresh node admits this many at
     * once before any window has spoken; it grows by one a window while latency allows (from 4 to 8 in
     * 128 answers).
     */
    static final int INITIAL = 4;

    private final int max;
    private double limit;
    private final long[] window = new long[WINDOW];
    private int inWindow;
    private int windowMostAdmitted;
    private final long[] alone = new long[ALONE];
    private int aloneSeen;
    private long lowestWindow = Long.MAX_VALUE;
    private double lastRatio = Double.NaN;
    private long recentNanos;

    /** @param max the most the limit may reach (the node's fixed bound, workers plus queue) */
    ConcurrencyLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("need a maximum of at least 1, got " + max);
        }
        this.max = max;
        this.limit = Math.min(max, INITIAL);
    }

    /** Requests of this kind that may be admitted at once now (at least 1). */
    int limit() {
        return (int) limit;
    }

    /** The last window's 90th percentile latency (0 before the first window). */
    long recentNanos() {
        return recentNanos;
    }

    /** The last window's recent over unloaded latency (NaN before the first window). */
    double lastRatio() {
        return lastRatio;
    }

    /**
     * Learns from one answer served in {@code nanos}, during whose life {@code sharing} requests were
     * admitted on average (itself included), admitted when {@code admittedOfKind} of its kind were
     * (itself included).
     */
    void answered(long nanos, double sharing, int admittedOfKind) {
        if (sharing <= ALONE_SHARING) {
            alone[aloneSeen++ % ALONE] = nanos;
        }
        window[inWindow++] = nanos;
        windowMostAdmitted = Math.max(windowMostAdmitted, admittedOfKind);
        if (inWindow < WINDOW) {
            return;
        }
        long recent = p90(window, WINDOW);
        recentNanos = recent;
        lowestWindow = Math.min(lowestWindow, recent);
        long unloaded = aloneSeen >= WINDOW ? p90(alone, Math.min(aloneSeen, ALONE)) : lowestWindow;
        double ratio = (double) recent / Math.max(1, unloaded);
        lastRatio = ratio;
        if (ratio > TOLERANCE) {
            limit = Math.max(1, limit * Math.max(MOST_SHRINK, TOLERANCE / ratio));
        } else if (ratio < GROW_BELOW && windowMostAdmitted * 2 >= limit) {
            limit = Math.min(max, limit + 1);
        }
        inWindow = 0;
        windowMostAdmitted = 0;
    }

    private static long p90(long[] values, int n) {
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.9 * n) - 1];
    }
}
