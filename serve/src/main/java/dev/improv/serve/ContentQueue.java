package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * Where the HTTP layer sends checked jobs: this node's workers ({@link LocalQueue}) or a NATS
 * JetStream work queue that any node's workers take from ({@link dev.improv.serve.nats.NatsQueue}).
 */
public interface ContentQueue extends AutoCloseable {

    /** Refused at once: the queue is full. */
    final class Overloaded extends Exception {
        private final long retryAfterSeconds;

        public Overloaded(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** Thrown inside the future when the deadline passed before the job could start. */
    final class DeadlinePassed extends RuntimeException {
        public DeadlinePassed(String message) {
            super(message);
        }
    }

    /**
     * Queues a job of {@code kind} (levels, dialogue, music, chat) whose JSON has been checked;
     * completes with the result. A job not started by {@code deadlineNanos} ({@link System#nanoTime})
     * is dropped.
     */
    CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos) throws Overloaded;

    /**
     * As {@link #submit(String, JsonNode, long)}, and tells {@code steppedTokens}, before the result
     * completes, how many tokens the job stepped for their logits where that is known (this node's
     * workers; a job run by another node's is not counted).
     */
    default CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos, LongConsumer steppedTokens)
            throws Overloaded {
        return submit(kind, job, deadlineNanos);
    }

    /** Jobs waiting for a worker. */
    int queued();

    /** Jobs being worked on. */
    int active();

    @Override
    void close();
}
