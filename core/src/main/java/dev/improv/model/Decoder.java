package dev.improv.model;

/**
 * A decoding session over one model: feeds tokens one step at a time and returns the logits for the
 * next token, keeping keys and values of past steps in a cache allocated once, up front.
 *
 * <p>A decoder serves {@link #batch()} streams that advance together. Not thread-safe: use it
 * from one thread (the generator's), and close it when done.
 *
 * <pre>{@code
 * try (Decoder d = model.newDecoder(1)) {
 *     float[] logits = d.step(firstToken);
 *     int next = sampler.sample(logits, history, length);
 * }
 * }</pre>
 */
public interface Decoder extends AutoCloseable {

    /** Streams decoded together. */
    int batch();

    /** Steps the cache can hold (the model's context length). */
    int capacity();

    /** Steps taken so far; the next token goes to this position. */
    int position();

    /** Feeds one token to a batch-1 decoder; returns the next-token logits (reused on the next call). */
    float[] step(int token);

    /** Feeds one token per stream; returns the next-token logits per stream (reused on the next call). */
    float[][] step(int[] tokens);

    /** Feeds a token without computing logits (faster for prompts); batch 1. */
    void feed(int token);

    /**
     * Feeds {@code tokens[offset .. offset+length)} and returns the logits after the last one
     * (reused on the next call); batch 1. Several positions go through each weight matrix
     * together, so a long prompt costs a fraction of feeding it token by token.
     */
    default float[] prefill(int[] tokens, int offset, int length) {
        for (int i = offset; i < offset + length - 1; i++) {
            feed(tokens[i]);
        }
        return step(tokens[offset + length - 1]);
    }

    /** Tokens run through this decoder so far, prompts and sampled alike (a batch step counts one per stream). */
    long tokensDecoded();

    /** Forgets every step from {@code position} on, so decoding resumes there. */
    void rewind(int position);

    /** Forgets everything. */
    default void reset() {
        rewind(0);
    }

    @Override
    void close();
}
