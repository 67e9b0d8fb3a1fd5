package dev.improv.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs generation jobs on threads of its own with a bounded queue, and enforces deadlines.
 * {@link #submit} never blocks: a full queue ends the call as {@link Outcome.Status#REJECTED}; a
 * deadline that passes ends it as {@link Outcome.Status#DEADLINE_MISSED} and cancels the job.
 * Thread-safe; close it to stop its threads.
 */
public final class GenerationExecutor implements AutoCloseable {

    /** One unit of generation work; it should call {@link Cancellation#throwIfCancelled()} often. */
    @FunctionalInterface
    public interface Job<T> {
        /** Produces the result, or throws; must not return null. */
        T run(Cancellation cancellation) throws Exception;
    }

    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor deadlines;
    /** Longer deadlines mean none: 100 years in nanoseconds still leaves the clock room before it overflows. */
    public static final Duration LONGEST_DEADLINE = Duration.ofDays(36_500);
    private final int queueCapacity;
    private final java.util.Set<Pending<?>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param threads       generation threads (each runs one job at a time)
     * @param queueCapacity jobs that may wait for a thread before new ones are rejected
     */
    public GenerationExecutor(int threads, int queueCapacity) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, got " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), daemonThreads("improv-generate", Thread.NORM_PRIORITY - 1),
                new ThreadPoolExecutor.AbortPolicy());
        this.deadlines = new ScheduledThreadPoolExecutor(1, daemonThreads("improv-deadline", Thread.NORM_PRIORITY));
        // Cancelled deadline timers are dropped at once rather than kept until they would have fired.
        this.deadlines.setRemoveOnCancelPolicy(true);
    }

    /**
     * Queues {@code job} and returns at once. {@code deadline} is measured from now; null or a
     * non-positive duration means no deadline, and so does one past {@link #LONGEST_DEADLINE}
     * (a nanosecond clock cannot hold 1,000 years, and no game waits that long).
     */
    public <T> Pending<T> submit(Job<T> job, Duration deadline) {
        Objects.requireNonNull(job, "job");
        boolean timed = deadline != null && !deadline.isNegative() && !deadline.isZero()
                && deadline.compareTo(LONGEST_DEADLINE) <= 0;
        Pending<T> pending = new Pending<>(timed ? System.nanoTime() + deadline.toNanos() : Long.MAX_VALUE);
        open.add(pending);
        pending.onDone(o -> open.remove(pending));
        Runnable run = () -> execute(job, pending);
        try {
            workers.execute(run);
        } catch (RejectedExecutionException e) {
            pending.finish(Outcome.without(Outcome.Status.REJECTED, workers.isShutdown()
                    ? "Improv is closed" : "generation queue is full (" + queueCapacity + " waiting)"));
            return pending;
        }
        if (timed) {
            long nanos = deadline.toNanos();
            var timer = deadlines.schedule(() -> {
                pending.finish(Outcome.without(Outcome.Status.DEADLINE_MISSED,
                        "no result within " + deadline.toMillis() + " ms"));
            }, nanos, TimeUnit.NANOSECONDS);
            pending.onDone(o -> timer.cancel(false));
        }
        // A call that ends before it starts gives its queue slot back.
        pending.onCancel(() -> workers.remove(run));
        return pending;
    }

    private static <T> void execute(Job<T> job, Pending<T> pending) {
        Cancellation cancellation = pending.cancellation();
        if (cancellation.isCancelled() || pending.isDone()) {
            return;
        }
        try {
            T value = job.run(cancellation);
            if (value == null) {
                pending.finish(Outcome.without(Outcome.Status.FAILED, "the engine returned no result"));
            } else {
                pending.finish(Outcome.completed(value));
            }
        } catch (GenerationCancelledException e) {
            pending.finish(Outcome.without(Outcome.Status.CANCELLED, e.getMessage()));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            pending.finish(Outcome.without(Outcome.Status.FAILED, message));
        }
    }

    /** Jobs waiting for a thread right now. */
    public int queued() {
        return workers.getQueue().size();
    }

    /** Stops accepting jobs and ends every open call as CANCELLED; running engines see their cancellation. */
    @Override
    public void close() {
        workers.shutdown();
        for (Pending<?> pending : open) {
            pending.finish(Outcome.without(Outcome.Status.CANCELLED, "Improv was closed"));
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String name, int priority) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }
}
