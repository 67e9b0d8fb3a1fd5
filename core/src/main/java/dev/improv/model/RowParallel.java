package dev.improv.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of rows between the calling thread and a few helper threads.
 *
 * <p>A decode step runs ~20 short parallel sections (a matrix or the attention heads each), a few
 * microseconds apiece, so waking a parked thread for each would cost more than the work. Helpers
 * therefore spin while sections keep coming and park once idle for {@link #SPIN_NANOS}; a game
 * that stops generating gets its cores back within a millisecond. One decoder at a time owns the
 * helpers ({@link #tryAcquire}); another decoder that finds them busy runs on its own thread.
 */
final class RowParallel {

    /** A section of work over rows [from, to). */
    @FunctionalInterface
    interface Section {
        void run(int from, int to);
    }

    private static final long SPIN_NANOS = 2_000_000;
    private static volatile RowParallel shared;

    private final Worker[] workers;
    private final AtomicBoolean owned = new AtomicBoolean();

    private RowParallel(int helpers) {
        workers = new Worker[helpers];
        for (int i = 0; i < helpers; i++) {
            workers[i] = new Worker("improv-decode-" + (i + 1));
            workers[i].start();
        }
    }

    /** The process-wide helpers: one fewer than the cores, at most 3 (the step is memory-bound). */
    static RowParallel shared() {
        RowParallel p = shared;
        if (p == null) {
            synchronized (RowParallel.class) {
                if (shared == null) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    shared = new RowParallel(Math.max(0, Math.min(3, cores - 1)));
                }
                p = shared;
            }
        }
        return p;
    }

    int threads() {
        return workers.length + 1;
    }

    /** Claims the helpers for one decoder; returns false if another decoder holds them. */
    boolean tryAcquire() {
        return workers.length > 0 && owned.compareAndSet(false, true);
    }

    void release() {
        owned.set(false);
    }

    /**
     * Runs {@code section} over [0, n) split into {@code parts} contiguous pieces (at most
     * {@link #threads()}); returns when all are done. The caller must hold the helpers.
     */
    void run(int n, int parts, Section section) {
        parts = Math.min(parts, threads());
        if (parts <= 1 || n < 2) {
            section.run(0, n);
            return;
        }
        int per = (n + parts - 1) / parts;
        for (int i = 1; i < parts; i++) {
            workers[i - 1].submit(section, Math.min(n, i * per), Math.min(n, (i + 1) * per));
        }
        section.run(0, Math.min(n, per));
        for (int i = 1; i < parts; i++) {
            workers[i - 1].awaitDone();
        }
    }

    /** A helper thread that runs one piece of a section at a time. */
    private static final class Worker extends Thread {
        private volatile Section section;
        private volatile int from;
        private volatile int to;
        private volatile long submitted;
        private volatile long done;
        private volatile boolean parked;
        private volatile Throwable failure;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void submit(Section s, int from, int to) {
            this.section = s;
            this.from = from;
            this.to = to;
            submitted = submitted + 1; // publishes the fields above
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        void awaitDone() {
            long target = submitted;
            while (done != target) {
                Thread.onSpinWait();
            }
            Throwable t = failure;
            if (t != null) {
                failure = null;
                throw new IllegalStateException("decode helper failed", t);
            }
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (true) {
                long s = submitted;
                if (s != seen) {
                    seen = s;
                    try {
                        section.run(from, to);
                    } catch (Throwable t) {
                        failure = t;
                    }
                    done = s;
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (submitted == seen) {
                        LockSupport.parkNanos(this, 50_000_000);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
