package dev.improv.model;

/**
 * A per-step rule that forbids tokens by setting their logits to negative infinity (and may also
 * bias the allowed ones, e.g. to steer a level chunk towards a requested count).
 *
 * <p>Domains use it for grammars (a well-formed level column), banned words (dialogue) and structure
 * (a bar of music must be closed before the next one). A forbidden token is never emitted: the
 * sampler only draws among finite logits.
 */
@FunctionalInterface
public interface LogitConstraint {

    /** No constraint. */
    LogitConstraint NONE = (history, length, logits) -> { };

    /**
     * Masks {@code logits} in place for the token that follows {@code history[0..length)}.
     *
     * @param history tokens so far in this stream (prompt included); do not modify
     * @param length  number of valid entries in {@code history}
     * @param logits  next-token logits, one per vocabulary id; set forbidden ids to -Infinity
     */
    void apply(int[] history, int length, float[] logits);

    /** Both constraints, this one first. */
    default LogitConstraint and(LogitConstraint other) {
        return (history, length, logits) -> {
            apply(history, length, logits);
            other.apply(history, length, logits);
        };
    }
}
