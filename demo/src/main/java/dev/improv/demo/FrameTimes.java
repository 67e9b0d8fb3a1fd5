package dev.improv.demo;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Per-frame timings in milliseconds, for the report and the frame log: the interval since the
 * previous frame began (what the player sees: it includes the buffer swap, where a software
 * renderer rasterises, and the frame limiter's sleep), and inside a frame the game logic, the
 * drawing calls, and the whole frame; plus the time the JVM spent in garbage collection during the
 * interval. Render thread only.
 */
final class FrameTimes {
    /**
     * What is recorded for each frame. OUTSIDE is the time between frames (buffer swap, posted
     * results, the frame limiter's sleep); the *_PASS series are filled only when drawing passes
     * are timed with glFinish ({@link #pass}).
     */
    enum Series { INTERVAL, LOGIC, DRAW, WORK, OUTSIDE, GC, WORLD_PASS, SCREEN_PASS, HUD_PASS }

    private static final Series[] SERIES = Series.values();
    /** Collectors whose time stops the application: concurrent ones (ZGC's and Shenandoah's "Cycles") do not. */
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(c -> !c.getName().contains("Cycles") && !c.getName().contains("Concurrent")).toList();
    private double[][] values = new double[SERIES.length][1024];
    private int count;
    private long start;
    private long mark;
    private long passMark;
    private long lastEnd;
    private long lastGcMillis = -1;

    /** Marks the start of a frame. */
    void begin(long nanos) {
        if (count >= values[0].length) {
            for (int s = 0; s < SERIES.length; s++) {
                values[s] = Arrays.copyOf(values[s], count * 2);
            }
        }
        values[Series.INTERVAL.ordinal()][count] = start == 0 ? 0 : (nanos - start) / 1e6;
        values[Series.OUTSIDE.ordinal()][count] = lastEnd == 0 ? 0 : (nanos - lastEnd) / 1e6;
        long gc = gcMillis();
        values[Series.GC.ordinal()][count] = lastGcMillis < 0 ? 0 : gc - lastGcMillis;
        lastGcMillis = gc;
        start = nanos;
        mark = nanos;
    }

    /** Marks the end of the game logic of the current frame. */
    void logicDone(long nanos) {
        values[Series.LOGIC.ordinal()][count] = (nanos - mark) / 1e6;
        mark = nanos;
        passMark = nanos;
    }

    /** Marks the end of a drawing pass (one of the *_PASS series), timed from the previous mark. */
    void pass(Series pass, long nanos) {
        values[pass.ordinal()][count] = (nanos - passMark) / 1e6;
        passMark = nanos;
    }

    /** Marks the end of the drawing calls of the current frame. */
    void drawDone(long nanos) {
        values[Series.DRAW.ordinal()][count] = (nanos - mark) / 1e6;
        mark = nanos;
    }

    /** Marks the end of the frame begun last. */
    void end(long nanos) {
        values[Series.WORK.ordinal()][count] = (nanos - start) / 1e6;
        lastEnd = nanos;
        count++;
    }

    private long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean c : collectors) {
            total += Math.max(0, c.getCollectionTime());
        }
        return total;
    }

    int count() {
        return count;
    }

    /** Percentile (0-100) of a series, skipping the first {@code skip} frames (start-up). */
    double percentile(Series series, double p, int skip) {
        // The first recorded frame has no interval before it: start at index 1 for intervals.
        int from = Math.min(count, Math.max(skip, series == Series.INTERVAL ? 1 : 0));
        if (count - from <= 0) {
            return 0;
        }
        double[] v = Arrays.copyOfRange(values[series.ordinal()], from, count);
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /** Frames whose interval exceeded {@code ms}, skipping the first {@code skip}. */
    int slowerThan(double ms, int skip) {
        int n = 0;
        for (int i = Math.max(1, skip); i < count; i++) {
            if (values[Series.INTERVAL.ordinal()][i] > ms) {
                n++;
            }
        }
        return n;
    }

    /** One CSV row per frame (frame, then each series in ms), after a header row. */
    String csv() {
        StringBuilder sb = new StringBuilder("frame");
        for (Series s : SERIES) {
            sb.append(',').append(s.name().toLowerCase(Locale.ROOT)).append("_ms");
        }
        sb.append('\n');
        for (int i = 0; i < count; i++) {
            sb.append(i);
            for (Series s : SERIES) {
                sb.append(',').append(String.format(Locale.ROOT, "%.3f", values[s.ordinal()][i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
