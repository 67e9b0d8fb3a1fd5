package dev.improv.serve.batch;

/**
 * Many decoding sequences of one model, each with its own cache and position, stepped together: the
 * small interface the {@link StepBatcher} needs from a decoder. Sequences join and leave between
 * steps. Not thread-safe: only the batcher's thread calls it.
 */
public interface SequenceBatch extends AutoCloseable {

    /** Adds a sequence with an empty cache; returns its id. */
    int join();

    /** Frees a sequence's cache; its id may be given out again. */
    void leave(int sequence);

    /** Forgets a sequence's steps from {@code position} on. */
    void rewind(int sequence, int position);

    /** Feeds {@code tokens[offset .. offset+length)} to one sequence; returns the logits after the last. */
    float[] prefill(int sequence, int[] tokens, int offset, int length);

    /**
     * One step over {@code count} sequences, each at its own position: feeds {@code tokens[i]} to
     * {@code sequences[i]} and returns row {@code i} of the next-token logits (rows reused on the next call).
     */
    float[][] step(int[] sequences, int[] tokens, int count);

    /** Steps a sequence's cache can hold (the model's context). */
    int capacity();

    @Override
    void close();
}
