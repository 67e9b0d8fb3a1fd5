package dev.improv.api;

/**
 * A cooperative stop signal handed to every engine call. Engines call {@link #throwIfCancelled()}
 * between tokens so a cancelled or late request frees its thread within one decoding step.
 * Thread-safe.
 */
public final class Cancellation {
    private volatile String reason;
    private final long deadlineNanos;

    /** A token without a deadline, cancelled only by {@link #cancel(String)}. */
    public Cancellation() {
        this(Long.MAX_VALUE);
    }

    /**
     * A token whose call must end by {@code deadlineNanos} on the {@link System#nanoTime()} clock
     * ({@code Long.MAX_VALUE}: none). Improv cancels it then; an engine with a fallback of its own
     * may use {@link #remaining()} to finish in time with that fallback instead.
     */
    public Cancellation(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** Time left before the deadline (zero once passed), or null when there is no deadline. */
    public java.time.Duration remaining() {
        if (deadlineNanos == Long.MAX_VALUE) {
            return null;
        }
        return java.time.Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Asks the engine to stop; the first reason wins. */
    public void cancel(String why) {
        if (reason == null) {
            reason = why == null ? "cancelled" : why;
        }
    }

    /** True once {@link #cancel(String)} has been called. */
    public boolean isCancelled() {
        return reason != null;
    }

    /** Throws {@link GenerationCancelledException} if the call was cancelled; otherwise returns. */
    public void throwIfCancelled() {
        String why = reason;
        if (why != null) {
            throw new GenerationCancelledException(why);
        }
    }
}
