package dev.improv.live;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session clock that only moves when the test says so, and only once every thread it was told to
 * expect is waiting on it (nothing left to do at this instant). Time then jumps to the earliest
 * deadline any of them waits for, so each wakes exactly when its wait ends, however long the machine
 * took in wall time: timing in a session becomes a function of the clock alone. A thread that has
 * waited on it once and then ended (a session that finished) counts as settled.
 */
final class ManualClock implements SessionClock {
    /** How long, in wall time, a session's threads may take to settle before a test gives up. */
    private static final long SETTLE_MILLIS = 60_000;

    private static final class Waiter {
        final Object monitor;
        final long deadline;
        boolean woken;

        Waiter(Object monitor, long deadline) {
            this.monitor = monitor;
            this.deadline = deadline;
        }
    }

    private final int threads;
    private volatile boolean released;
    private final List<Waiter> waiters = new ArrayList<>();
    private final java.util.Set<Thread> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile long now;

    /** A clock at zero for a session of {@code threads} threads (a live session has two). */
    ManualClock(int threads) {
        this.threads = threads;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void await(Object monitor, long timeoutNanos) throws InterruptedException {
        if (released) {
            SYSTEM.await(monitor, timeoutNanos > 0 ? Math.min(timeoutNanos, 10_000_000L) : 0);
            return;
        }
        Waiter w;
        synchronized (this) {
            w = new Waiter(monitor, timeoutNanos <= 0 ? Long.MAX_VALUE : now + timeoutNanos);
            waiters.add(w);
            seen.add(Thread.currentThread());
            notifyAll();
        }
        try {
            while (true) {
                synchronized (this) {
                    if (w.woken) {
                        return;
                    }
                }
                // We hold monitor from the check above until wait() releases it, and a wake-up
                // needs monitor to notify: none is lost.
                monitor.wait();
            }
        } finally {
            synchronized (this) {
                waiters.remove(w);
            }
        }
    }

    @Override
    public void signalAll(Object monitor) {
        synchronized (this) {
            for (Waiter w : waiters) {
                if (w.monitor == monitor) {
                    w.woken = true;
                }
            }
        }
        monitor.notifyAll();
    }

    /** Waits (in wall time) until every expected thread waits on this clock with nothing to wake it. */
    synchronized void awaitIdle() throws InterruptedException {
        long giveUp = System.currentTimeMillis() + SETTLE_MILLIS;
        while (idle() < threads) {
            long left = giveUp - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("the session's threads did not settle: " + idle() + " of " + threads
                        + " waiting at " + now / 1e9 + " s");
            }
            wait(Math.min(left, 10)); // a thread's end notifies no one: look again soon
        }
    }

    private int idle() {
        int n = 0;
        for (Waiter w : waiters) {
            if (!w.woken) {
                n++;
            }
        }
        for (Thread t : seen) {
            if (!t.isAlive()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Moves time forward by {@code nanos}, stopping at every deadline on the way: at each, waits
     * until all threads settle, then wakes those whose wait ends there.
     */
    void advance(long nanos) throws InterruptedException {
        long target = now + nanos;
        while (true) {
            Map<Object, Boolean> toNotify = new IdentityHashMap<>();
            synchronized (this) {
                awaitIdle();
                long next = target;
                for (Waiter w : waiters) {
                    if (!w.woken) {
                        next = Math.min(next, w.deadline);
                    }
                }
                if (next > now) {
                    now = next;
                }
                for (Waiter w : waiters) {
                    if (!w.woken && w.deadline <= now) {
                        w.woken = true;
                        toNotify.put(w.monitor, true);
                    }
                }
                if (toNotify.isEmpty() && now >= target) {
                    return;
                }
            }
            // Outside this clock's lock: waiters take monitor, then this clock.
            for (Object m : toNotify.keySet()) {
                synchronized (m) {
                    m.notifyAll();
                }
            }
        }
    }

    /** Advances in steps until {@code condition} holds at a settled instant; gives up after {@code maxNanos}. */
    void advanceUntil(java.util.function.BooleanSupplier condition, long maxNanos) throws InterruptedException {
        long giveUp = now + maxNanos;
        awaitIdle();
        while (!condition.getAsBoolean()) {
            if (now >= giveUp) {
                throw new AssertionError("condition not reached by " + now / 1e9 + " s of session time");
            }
            advance(1_000_000);
            awaitIdle();
        }
    }

    /**
     * Ends every wait now, and lets later ones wait in wall time (at most 10 ms each), so a session
     * can be closed whatever its threads wait for (read its statistics first: time has stopped).
     */
    void release() {
        List<Object> monitors = new ArrayList<>();
        synchronized (this) {
            released = true;
            for (Waiter w : waiters) {
                w.woken = true;
                monitors.add(w.monitor);
            }
        }
        for (Object m : monitors) {
            synchronized (m) {
                m.notifyAll();
            }
        }
    }

    /** Seconds on this clock. */
    double seconds() {
        return now / 1e9;
    }
}
