package dev.improv.model;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits a range of rows between the calling thread and a few helper threads.
 *
 * <p>A decode step runs ~20 short parallel sections (a matrix or the attention heads each), a few
 * microseconds apiece, so waking a parked thread for each would cost more than the work. Helpers
 * therefore spin while sections keep coming and park once idle for {@link #SPIN_NANOS}; a game that
 * stops generating gets its cores back within milliseconds. Pieces are claimed, not assigned: if a
 * helper is descheduled (a busy machine, a game's render thread), the caller takes its pieces and
 * never waits for a thread that has not started. One decoder at a time owns the helpers
 * ({@link #tryAcquire}); another decoder that finds them busy runs on its own thread.
 */
final class RowParallel {

    /** A section of work over rows [from, to). */
    @FunctionalInterface
    interface Section {
        void run(int from, int to);
    }

    private static final long SPIN_NANOS = 2_000_000;
    private static volatile RowParallel shared;

    private final Helper[] helpers;
    private final AtomicBoolean owned = new AtomicBoolean();
    private volatile Job current;

    /** One parallel section: its pieces are claimed from {@code next} by whoever comes first. */
    private static final class Job {
        final Section section;
        final int n;
        final int pieces;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Section section, int n, int pieces) {
            this.section = section;
            this.n = n;
            this.pieces = pieces;
        }

        /** Runs pieces until none are left to claim. */
        void work() {
            int per = (n + pieces - 1) / pieces;
            for (int i = next.getAndIncrement(); i < pieces; i = next.getAndIncrement()) {
                try {
                    section.run(Math.min(n, i * per), Math.min(n, (i + 1) * per));
                } catch (Throwable t) {
                    failure = t;
                }
                done.incrementAndGet();
            }
        }
    }

    private RowParallel(int count) {
        helpers = new Helper[count];
        for (int i = 0; i < count; i++) {
            helpers[i] = new Helper("improv-decode-" + (i + 1));
            helpers[i].start();
        }
    }

    /**
     * The process-wide helpers. By default there are none: on a machine whose cores are busy (a
     * game's renderer, other jobs) spinning helpers that get descheduled made decoding 2-10x slower
     * in our measurements. {@code -Dimprov.decode.threads=N} asks for N threads in all, which pays
     * on an idle machine.
     */
    static RowParallel shared() {
        RowParallel p = shared;
        if (p == null) {
            synchronized (RowParallel.class) {
                if (shared == null) {
                    int cores = Runtime.getRuntime().availableProcessors();
                    int threads = Math.min(Integer.getInteger("improv.decode.threads", 1), Math.max(1, cores));
                    shared = new RowParallel(Math.max(0, Math.min(15, threads - 1)));
                }
                p = shared;
            }
        }
        return p;
    }

    /**
     * The shared helpers, claimed for one decoder, when {@code wanted} and they are free; else null
     * (run on the calling thread). The decoder calls {@link #release} when it closes.
     */
    static RowParallel acquireShared(boolean wanted) {
        if (!wanted) {
            return null;
        }
        RowParallel p = shared();
        return p.tryAcquire() ? p : null;
    }

    int threads() {
        return helpers.length + 1;
    }

    /** Claims the helpers for one decoder; returns false if another decoder holds them. */
    boolean tryAcquire() {
        return helpers.length > 0 && owned.compareAndSet(false, true);
    }

    void release() {
        owned.set(false);
    }

    /**
     * Runs {@code section} over [0, n) in {@code pieces} contiguous pieces and returns when all are
     * done. The caller must hold the helpers.
     */
    void run(int n, int pieces, Section section) {
        if (pieces <= 1 || n < 2) {
            section.run(0, n);
            return;
        }
        Job job = new Job(section, n, Math.min(pieces, n));
        current = job;
        for (Helper h : helpers) {
            h.wake();
        }
        job.work();
        int spins = 0;
        while (job.done.get() != job.pieces) {
            // Only pieces a helper has started are left; give it the core if we share one.
            if (++spins > 2000) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
        current = null;
        Throwable t = job.failure;
        if (t != null) {
            throw new IllegalStateException("decode helper failed", t);
        }
    }

    /** A helper thread that joins whichever job is current. */
    private final class Helper extends Thread {
        private volatile boolean parked;

        Helper(String name) {
            super(name);
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            Job seen = null;
            long idleSince = System.nanoTime();
            while (true) {
                Job job = current;
                if (job != null && job != seen) {
                    seen = job;
                    job.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    Job again = current;
                    if (again == null || again == seen) {
                        LockSupport.parkNanos(this, 50_000_000);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
