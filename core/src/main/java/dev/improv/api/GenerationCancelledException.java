package dev.improv.api;

/** Thrown inside an engine when its {@link Cancellation} fired; the executor turns it into an {@link Outcome}. */
public final class GenerationCancelledException extends RuntimeException {
    public GenerationCancelledException(String reason) {
        super(reason, null, false, false);
    }
}
