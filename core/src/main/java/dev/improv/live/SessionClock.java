package dev.improv.live;

import java.util.concurrent.locks.LockSupport;

/**
 * The time a live session plays by: {@link #SYSTEM} (the wall clock) in a game; in a test, a clock
 * advanced by hand, so bar lines, late bars and pacing do not depend on how busy the machine is.
 * Every wait of the session's threads goes through {@link #await} and every wake-up through
 * {@link #signalAll}, so such a clock can tell when all of them are waiting and only then move time.
 */
public interface SessionClock {

    /** The wall clock ({@link System#nanoTime()}, {@link Object#wait}). */
    SessionClock SYSTEM = new SessionClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Object monitor, long timeoutNanos) throws InterruptedException {
            if (timeoutNanos <= 0) {
                monitor.wait();
            } else {
                monitor.wait(timeoutNanos / 1_000_000, (int) (timeoutNanos % 1_000_000));
            }
        }

        @Override
        public void signalAll(Object monitor) {
            monitor.notifyAll();
        }

        @Override
        public void sleep(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };

    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /**
     * Waits on {@code monitor}, which the caller holds, until {@link #signalAll} on it or until
     * {@code timeoutNanos} of this clock have passed ({@code <= 0}: no timeout). May return early:
     * callers re-check what they wait for.
     */
    void await(Object monitor, long timeoutNanos) throws InterruptedException;

    /** Wakes every thread waiting on {@code monitor}, which the caller holds. */
    void signalAll(Object monitor);

    /** Sleeps for about {@code nanos} of this clock (may return early). */
    default void sleep(long nanos) throws InterruptedException {
        Object alone = new Object();
        synchronized (alone) {
            await(alone, Math.max(1, nanos));
        }
    }
}
