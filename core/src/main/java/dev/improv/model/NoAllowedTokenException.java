package dev.improv.model;

/** Thrown when the constraints leave no token to sample; the caller backtracks or falls back. */
public final class NoAllowedTokenException extends RuntimeException {
    public NoAllowedTokenException(int position) {
        super("the constraints forbid every token at position " + position);
    }
}
