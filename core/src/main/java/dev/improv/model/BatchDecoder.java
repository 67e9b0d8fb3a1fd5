package dev.improv.model;

import java.util.Arrays;

/**
 * Decodes many sequences of one model together, each with its own cache and position, for a service
 * that batches requests dynamically: sequences join and leave between steps, and one step feeds a
 * token to each of any subset of them. A step reads each weight matrix once for all its sequences
 * (the matmuls become matrix-matrix products, {@link Kernels#matmulPacked}); attention runs per
 * sequence over its own cache. Logits equal those of a batch-1 {@link Decoder} fed the same tokens
 * (within float rounding, about 1e-5; tested).
 *
 * <pre>{@code
 * try (BatchDecoder batch = model.newBatchDecoder(16, false)) {
 *     int a = batch.join();
 *     float[] logits = batch.prefill(a, prompt, 0, prompt.length);   // the prompt, then
 *     int b = batch.join();                                          // sequences join at any step
 *     batch.prefill(b, other, 0, other.length);
 *     int[] seqs = {a, b};
 *     int[] next = {sample(logits), ...};
 *     float[][] rows = batch.step(seqs, next, 2);  // rows[i]: logits of seqs[i] after next[i]
 *     batch.leave(a);                              // a's slot is free for the next join
 * }
 * }</pre>
 *
 * <p>Memory: the caches of all {@code maxSequences} sequences are allocated up front (per sequence
 * 2 x layers x context x width values: a little over 1 MB for the default-size model in the default
 * {@link CacheFormat#INT8}, 2 MB in BF16, 4 MB in FP32; see {@link
 * LanguageModel#withCacheFormat}), and the model's weights are
 * packed once, on the first multi-row step, into a copy shared by all decoders of that model. Not
 * thread-safe: one thread (the batcher's) calls it. Rows returned by {@link #step} and {@link
 * #prefill} are reused by the next call.
 */
public final class BatchDecoder implements AutoCloseable {
    private final ForwardPass pass;
    private final RowParallel parallel;
    private final int vocab;
    private final boolean[] active;
    private final int[] positions;
    private final int[] stepSlots;
    private final int[] stepPositions;
    private final int[] stampOfSlot;  // which step last used a slot, to refuse a sequence twice in a step
    private final float[][] rows;
    private final float[] prefillRow;
    private int stamp;
    private boolean closed;

    BatchDecoder(DecoderWeights w, int maxSequences, boolean useHelpers, CacheFormat cacheFormat) {
        if (maxSequences < 1 || maxSequences > 256) {
            throw new IllegalArgumentException("maxSequences must be in [1, 256], got " + maxSequences);
        }
        vocab = w.config.vocabSize();
        parallel = RowParallel.acquireShared(useHelpers);
        pass = new ForwardPass(w, maxSequences, Math.max(maxSequences, ForwardPass.PREFILL_ROWS), parallel, cacheFormat);
        active = new boolean[maxSequences];
        positions = new int[maxSequences];
        stepSlots = new int[maxSequences];
        stepPositions = new int[maxSequences];
        stampOfSlot = new int[maxSequences];
        rows = new float[maxSequences][vocab];
        prefillRow = new float[vocab];
    }

    /** Most sequences that can be joined at once. */
    public int maxSequences() {
        return active.length;
    }

    /** Sequences joined and not yet left. */
    public int activeCount() {
        int n = 0;
        for (boolean a : active) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** Steps a sequence's cache can hold (the model's context). */
    public int capacity() {
        return pass.capacity();
    }

    /**
     * Adds a sequence with an empty cache and returns its id (the lowest free one, in [0,
     * maxSequences)); fails when all are taken.
     */
    public int join() {
        requireOpen();
        for (int s = 0; s < active.length; s++) {
            if (!active[s]) {
                active[s] = true;
                positions[s] = 0;
                return s;
            }
        }
        throw new IllegalStateException("all " + active.length + " sequences are in use; leave one first");
    }

    /** Frees a sequence; its id may be given out again by {@link #join}. */
    public void leave(int sequence) {
        requireActive(sequence);
        active[sequence] = false;
    }

    /** Tokens a sequence has been fed; its next token goes to this position. */
    public int position(int sequence) {
        requireActive(sequence);
        return positions[sequence];
    }

    /** Forgets a sequence's steps from {@code position} on, so decoding resumes there. */
    public void rewind(int sequence, int position) {
        requireActive(sequence);
        if (position < 0 || position > positions[sequence]) {
            throw new IllegalArgumentException("cannot rewind sequence " + sequence + " to " + position
                    + " (its position is " + positions[sequence] + ")");
        }
        positions[sequence] = position;
    }

    /**
     * Feeds {@code tokens[offset .. offset+length)} to one sequence, 16 positions through each weight
     * matrix at a time, and returns the logits after the last one.
     */
    public float[] prefill(int sequence, int[] tokens, int offset, int length) {
        requireActive(sequence);
        pass.prefill(sequence, positions[sequence], tokens, offset, length, true);
        positions[sequence] += length;
        System.arraycopy(pass.logits, 0, prefillRow, 0, vocab);
        return prefillRow;
    }

    /**
     * One step over {@code count} distinct sequences, each at its own position: feeds {@code
     * tokens[i]} to {@code sequences[i]} and returns the next-token logits with row {@code i} for
     * {@code sequences[i]}.
     */
    public float[][] step(int[] sequences, int[] tokens, int count) {
        requireOpen();
        if (count < 1 || count > active.length || count > sequences.length || count > tokens.length) {
            throw new IllegalArgumentException("count must be in [1, " + active.length + "] and within the arrays given, got "
                    + count);
        }
        stamp++;
        for (int i = 0; i < count; i++) {
            int s = sequences[i];
            requireActive(s);
            if (stampOfSlot[s] == stamp) {
                throw new IllegalArgumentException("sequence " + s + " appears twice in one step");
            }
            stampOfSlot[s] = stamp;
            if (positions[s] >= pass.capacity()) {
                throw new IllegalStateException("sequence " + s + " is full (" + pass.capacity()
                        + " tokens); rewind it or start another");
            }
            stepSlots[i] = s;
            stepPositions[i] = positions[s];
        }
        pass.run(count, tokens, 0, stepSlots, stepPositions, ForwardPass.Logits.ALL);
        for (int i = 0; i < count; i++) {
            positions[stepSlots[i]]++;
            System.arraycopy(pass.logits, i * vocab, rows[i], 0, vocab);
        }
        return rows;
    }

    /** Releases the decode helper threads, if this decoder held them. */
    @Override
    public void close() {
        if (!closed && parallel != null) {
            parallel.release();
        }
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("batch decoder is closed");
        }
    }

    private void requireActive(int sequence) {
        requireOpen();
        if (sequence < 0 || sequence >= active.length || !active[sequence]) {
            throw new IllegalArgumentException("no sequence " + sequence + " in this batch (joined: "
                    + Arrays.toString(activeIds()) + ")");
        }
    }

    private int[] activeIds() {
        return java.util.stream.IntStream.range(0, active.length).filter(s -> active[s]).toArray();
    }
}
