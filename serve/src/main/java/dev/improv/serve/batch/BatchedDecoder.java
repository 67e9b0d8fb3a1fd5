package dev.improv.serve.batch;

import dev.improv.model.Decoder;

/**
 * One sequence of a {@link StepBatcher}, seen by its generator as an ordinary batch-1 decoder: each
 * step blocks until the batcher has run it together with the other sequences' steps.
 */
public final class BatchedDecoder implements Decoder {
    private final StepBatcher batcher;
    private final int capacity;
    private final float[] logits;
    private final int[] one = new int[1];
    private final int sequence;
    private int position;
    private long tokensDecoded;
    private boolean closed;

    BatchedDecoder(StepBatcher batcher, int capacity, int vocab) {
        this.batcher = batcher;
        this.capacity = capacity;
        this.logits = new float[vocab];
        this.sequence = batcher.submit(new StepBatcher.Op(StepBatcher.Op.Kind.JOIN, -1, null, 0, 0, null)).joined;
    }

    @Override
    public int batch() {
        return 1;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long tokensDecoded() {
        return tokensDecoded;
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public float[] step(int token) {
        if (position >= capacity) {
            throw new IllegalStateException("the context (" + capacity + " steps) is full");
        }
        one[0] = token;
        batcher.submit(new StepBatcher.Op(StepBatcher.Op.Kind.STEP, sequence, one, 0, 1, logits));
        position++;
        tokensDecoded++;
        return logits;
    }

    @Override
    public float[][] step(int[] tokens) {
        if (tokens.length != 1) {
            throw new IllegalArgumentException("expected 1 token (one per stream), got " + tokens.length);
        }
        return new float[][] {step(tokens[0])};
    }

    @Override
    public void feed(int token) {
        step(token);
    }

    @Override
    public float[] prefill(int[] tokens, int offset, int length) {
        if (length < 1 || offset < 0 || offset + length > tokens.length) {
            throw new IllegalArgumentException("prefill range " + offset + "+" + length + " is outside the "
                    + tokens.length + " tokens given");
        }
        if (position + length > capacity) {
            throw new IllegalStateException("prefill of " + length + " tokens overflows the context (" + capacity + ")");
        }
        if (length == 1) {
            // One token is a step: it joins the others' batched step instead of a batch-1 pass of its own on the
            // batcher's thread (a request repeating a primed prompt re-feeds just its last token: 10% of that
            // thread's JFR samples at 16 clients of bench serve).
            return step(tokens[offset]);
        }
        batcher.submit(new StepBatcher.Op(StepBatcher.Op.Kind.PREFILL, sequence, tokens, offset, length, logits));
        position += length;
        tokensDecoded += length;
        return logits;
    }

    @Override
    public void rewind(int to) {
        if (to < 0 || to > position) {
            throw new IllegalArgumentException("cannot rewind to " + to + " (position is " + position + ")");
        }
        batcher.submit(new StepBatcher.Op(StepBatcher.Op.Kind.REWIND, sequence, null, to, 0, null));
        position = to;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            batcher.submit(new StepBatcher.Op(StepBatcher.Op.Kind.LEAVE, sequence, null, 0, 0, null));
        }
    }
}
