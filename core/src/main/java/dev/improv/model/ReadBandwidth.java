package dev.improv.model;

/**
 * How fast this JVM's decode kernels read a working set of a given size, on one thread: the ceiling
 * that bytes per token are measured against ({@code improv bench model}). It reads with the
 * decoder's own dot-product kernel, so it sees the same vector width and the same loads.
 */
public final class ReadBandwidth {
    private static volatile float sink;

    private ReadBandwidth() {
    }

    /**
     * Gigabytes per second read from a {@code bytes}-sized buffer, best pass of those that fit in
     * {@code millis} milliseconds (after one untimed pass that brings the buffer into the caches it fits).
     */
    public static double gigabytesPerSecond(int bytes, int millis) {
        if (bytes < 1024 || millis < 1) {
            throw new IllegalArgumentException("need at least 1 KB and 1 ms, got " + bytes + " bytes, " + millis + " ms");
        }
        Kernels k = Kernels.best();
        int half = bytes / 8; // floats per half: the kernel reads two streams
        float[] buffer = new float[2 * half];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (i % 7) * 1e-3f;
        }
        // Small buffers pass in nanoseconds: a timed pass reads at least 1 MB, so the clock is not the measurement.
        int repeats = Math.max(1, (1 << 20) / bytes);
        float s = k.dot(buffer, 0, buffer, half, half);
        long best = Long.MAX_VALUE;
        long end = System.nanoTime() + millis * 1_000_000L;
        do {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                s += k.dot(buffer, 0, buffer, half, half);
            }
            best = Math.min(best, System.nanoTime() - t0);
        } while (System.nanoTime() < end);
        sink = s;
        return (double) repeats * 8L * half / best;
    }
}
