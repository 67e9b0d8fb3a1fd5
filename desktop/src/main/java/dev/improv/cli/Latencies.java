package dev.improv.cli;

import java.util.Arrays;

/** Collects durations and reports percentiles, for the bench commands. */
final class Latencies {
    private long[] nanos = new long[1024];
    private int count;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile (0-100) in milliseconds. */
    double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int i = (int) Math.min(count - 1, Math.floor(p / 100.0 * count));
        return sorted[i] / 1e6;
    }

    double totalSeconds() {
        long s = 0;
        for (int i = 0; i < count; i++) {
            s += nanos[i];
        }
        return s / 1e9;
    }
}
