package dev.improv.api;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an asynchronous Improv call ended: a value, or a reason there is none that the caller can act
 * on (typically by showing authored content instead). Never thrown, always returned.
 *
 * @param status  how the call ended
 * @param value   the generated value when {@code status == COMPLETED}, otherwise null
 * @param message a short human-readable reason when there is no value, otherwise empty
 * @param <T>     the result type
 */
public record Outcome<T>(Status status, T value, String message) {

    /** Why a call ended. */
    public enum Status {
        /** The generator produced a value before the deadline. */
        COMPLETED,
        /** The deadline passed first; generation was stopped. */
        DEADLINE_MISSED,
        /** The caller cancelled the call. */
        CANCELLED,
        /** The generation queue was full, so the call never started. */
        REJECTED,
        /** The generator threw; {@link #message()} says why. */
        FAILED
    }

    public Outcome {
        Objects.requireNonNull(status, "status");
        if (status == Status.COMPLETED) {
            Objects.requireNonNull(value, "a completed outcome needs a value");
        } else if (value != null) {
            throw new IllegalArgumentException("only a completed outcome carries a value");
        }
        message = message == null ? "" : message;
    }

    /** A successful outcome carrying {@code value}. */
    public static <T> Outcome<T> completed(T value) {
        return new Outcome<>(Status.COMPLETED, value, "");
    }

    /** An outcome without a value, for the given non-COMPLETED status and reason. */
    public static <T> Outcome<T> without(Status status, String message) {
        if (status == Status.COMPLETED) {
            throw new IllegalArgumentException("use completed(value) for COMPLETED");
        }
        return new Outcome<>(status, null, message);
    }

    /** True when a generated value is present. */
    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }

    /** The generated value, if any. */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The generated value, or {@code fallback} (for example an authored line) when there is none. */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** The generated value, or the supplier's fallback when there is none. */
    public T orElseGet(Supplier<? extends T> fallback) {
        return value != null ? value : fallback.get();
    }
}
