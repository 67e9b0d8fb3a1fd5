package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.batch.CountingDecoderSource;
import dev.improv.serve.content.Workshop;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * This node's workers behind a bounded queue: {@code workers} jobs run at once (their decoders
 * step together in the batcher), {@code capacity} more may wait, and past that a job is refused at
 * once with a Retry-After estimated from the recent job time.
 */
public final class LocalQueue implements ContentQueue {
    private final JobRunner runner;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong averageNanos = new AtomicLong(1_000_000_000L);
    private final int workers;

    public LocalQueue(Workshop workshop, int workers, int capacity) {
        this.runner = new JobRunner(workshop);
        this.workers = workers;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "improv-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos) throws Overloaded {
        return submit(kind, job, deadlineNanos, tokens -> { });
    }

    @Override
    public CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos, LongConsumer steppedTokens)
            throws Overloaded {
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                if (result.isDone()) {
                    return; // the client was answered already (deadline or disconnect)
                }
                if (System.nanoTime() > deadlineNanos) {
                    result.completeExceptionally(new DeadlinePassed("the deadline passed while the request was queued"));
                    return;
                }
                active.incrementAndGet();
                long t0 = System.nanoTime();
                long stepped0 = CountingDecoderSource.steppedOnThisThread();
                try {
                    ObjectNode answer = runner.run(kind, job);
                    steppedTokens.accept(CountingDecoderSource.steppedOnThisThread() - stepped0);
                    result.complete(answer);
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                } finally {
                    active.decrementAndGet();
                    long took = System.nanoTime() - t0;
                    averageNanos.getAndUpdate(a -> (a * 7 + took) / 8);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Overloaded("the queue is full (" + pool.getQueue().size() + " waiting)", retryAfter());
        }
        return result;
    }

    /** Seconds until the queue has drained at the recent pace (at least 1). */
    private long retryAfter() {
        double seconds = averageNanos.get() / 1e9 * (pool.getQueue().size() + workers) / workers;
        return Math.max(1, (long) Math.ceil(seconds));
    }

    /** Jobs this node runs at once. */
    public int workers() {
        return workers;
    }

    @Override
    public int queued() {
        return pool.getQueue().size();
    }

    @Override
    public int active() {
        return active.get();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
