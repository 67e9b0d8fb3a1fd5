package dev.improv.demo;

import java.util.Arrays;

/** Frame-to-frame intervals and time spent inside each frame, in milliseconds, for the report. */
final class FrameTimes {
    private double[] intervals = new double[1024];
    private double[] work = new double[1024];
    private int count;
    private long lastStart;

    /** Marks the start of a frame. */
    void begin(long nanos) {
        ensure();
        intervals[count] = lastStart == 0 ? 0 : (nanos - lastStart) / 1e6;
        lastStart = nanos;
    }

    /** Marks the end of the frame begun last. */
    void end(long nanos) {
        work[count] = (nanos - lastStart) / 1e6;
        count++;
    }

    private void ensure() {
        if (count >= intervals.length) {
            intervals = Arrays.copyOf(intervals, count * 2);
            work = Arrays.copyOf(work, count * 2);
        }
    }

    int count() {
        return count;
    }

    /** Percentile (0-100) of frame intervals, skipping the first {@code skip} frames (start-up). */
    double interval(double percentile, int skip) {
        return percentile(intervals, percentile, skip);
    }

    /** Percentile (0-100) of the time spent inside frames, skipping the first {@code skip}. */
    double work(double percentile, int skip) {
        return percentile(work, percentile, skip);
    }

    private double percentile(double[] values, double p, int skip) {
        // The first recorded frame has no interval before it: start at index 1 for intervals.
        int from = Math.min(count, Math.max(skip, values == intervals ? 1 : 0));
        if (count - from <= 0) {
            return 0;
        }
        double[] v = Arrays.copyOfRange(values, from, count);
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }
}
