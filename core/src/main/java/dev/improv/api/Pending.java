package dev.improv.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The handle an asynchronous Improv call returns at once. It always ends with exactly one
 * {@link Outcome}: the value, a missed deadline, a cancellation, a full queue or a failure.
 * Callbacks run on the thread that ends the call (a generation or deadline thread), or at once if
 * it has already ended; the libGDX module re-posts them to the render thread.
 *
 * @param <T> the result type
 */
public final class Pending<T> {
    private final CompletableFuture<Outcome<T>> outcome = new CompletableFuture<>();
    private final Cancellation cancellation;
    private volatile Runnable onCancel = () -> { };

    Pending() {
        this(Long.MAX_VALUE);
    }

    Pending(long deadlineNanos) {
        cancellation = new Cancellation(deadlineNanos);
    }

    /** Ends this call with {@code result} unless it has already ended; returns whether it did. */
    boolean finish(Outcome<T> result) {
        boolean first = outcome.complete(result);
        if (first && !result.isCompleted()) {
            cancellation.cancel(result.status() + ": " + result.message());
            onCancel.run();
        }
        return first;
    }

    void onCancel(Runnable action) {
        onCancel = action;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    /** Cancels the call; returns true if it had not ended yet (it then ends as CANCELLED). Never blocks. */
    public boolean cancel() {
        return finish(Outcome.without(Outcome.Status.CANCELLED, "cancelled by the caller"));
    }

    /** True once the call has an outcome. */
    public boolean isDone() {
        return outcome.isDone();
    }

    /** The outcome if the call has ended, otherwise null. Never blocks. */
    public Outcome<T> poll() {
        return outcome.getNow(null);
    }

    /** Runs {@code callback} with the outcome once the call ends (at once if it already has). */
    public Pending<T> onDone(Consumer<Outcome<T>> callback) {
        outcome.thenAccept(callback);
        return this;
    }

    /** The outcome as a stage, for composing calls; it never completes exceptionally. */
    public CompletionStage<Outcome<T>> stage() {
        return outcome.minimalCompletionStage();
    }

    /** Blocks until the call ends. For tools and tests: a game's render thread should use {@link #onDone}. */
    public Outcome<T> await() {
        return outcome.join();
    }
}
