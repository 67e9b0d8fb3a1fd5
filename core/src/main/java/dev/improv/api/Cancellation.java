package dev.improv.api;

/**
 * A cooperative stop signal handed to every engine call. Engines call {@link #throwIfCancelled()}
 * between tokens so a cancelled or late request frees its thread within one decoding step.
 * Thread-safe.
 */
public final class Cancellation {
    private volatile String reason;

    /** A token that is never cancelled unless {@link #cancel(String)} is called. */
    public Cancellation() {
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
