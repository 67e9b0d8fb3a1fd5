package dev.improv.demo;

import java.util.concurrent.locks.LockSupport;

/**
 * Starts frames at a steady rate without {@code Thread.yield}. libGDX's own limiter yields in the
 * last stretch before a frame is due; on a machine whose cores are busy with the (lower-priority)
 * generation threads, a yield hands the core to one of them for a whole scheduler slice, and the
 * frame starts 3-4 ms late. Parking until just before the deadline and then spinning keeps the
 * render thread runnable at its own priority: it is woken by a timer, which lets it preempt a
 * lower-priority thread at once.
 */
final class FramePacer {
    /** How long before the deadline parking stops and spinning starts (covers timer slack and wake-up). */
    private static final long SPIN_NANOS = 300_000;
    private final long periodNanos;
    private long next;

    FramePacer(int framesPerSecond) {
        if (framesPerSecond <= 0) {
            throw new IllegalArgumentException("frames per second must be positive, got " + framesPerSecond);
        }
        periodNanos = 1_000_000_000L / framesPerSecond;
    }

    /** Returns when the next frame is due; a frame that is already late starts at once (no catching up). */
    void awaitNextFrame() {
        long now = System.nanoTime();
        if (next == 0) {
            next = now;
        }
        long wait = next - now;
        if (wait > SPIN_NANOS) {
            LockSupport.parkNanos(wait - SPIN_NANOS);
        }
        while (System.nanoTime() - next < 0) {
            Thread.onSpinWait();
        }
        next = Math.max(next + periodNanos, System.nanoTime());
    }
}
