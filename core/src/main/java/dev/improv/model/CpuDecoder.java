package dev.improv.model;

/**
 * A {@link Decoder} of a fixed number of streams that advance together, in plain Java, reading the
 * same weights as the DJL {@link Transformer}. This is where an embedded game spends its time:
 * batch 1, a token at a time, no native library. Everything is allocated in the constructor.
 */
final class CpuDecoder implements Decoder {
    private final ForwardPass pass;
    private final RowParallel parallel;
    private final int batch;
    private final int vocab;
    private final int[] streams;    // 0 .. batch-1: stream b is slot b
    private final int[] positions;  // every stream's position (they advance together)
    private final float[][] logitsRows;
    private final int[] oneToken = new int[1]; // reused so a batch-1 step allocates nothing
    private int position;
    private long tokensDecoded;
    private boolean closed;

    CpuDecoder(DecoderWeights w, int batch, boolean useHelpers, CacheFormat cacheFormat) {
        if (batch < 1 || batch > 256) {
            throw new IllegalArgumentException("batch must be in [1, 256], got " + batch);
        }
        this.batch = batch;
        this.vocab = w.config.vocabSize();
        parallel = RowParallel.acquireShared(useHelpers);
        pass = new ForwardPass(w, batch, Math.max(batch, ForwardPass.PREFILL_ROWS), parallel, cacheFormat);
        streams = new int[batch];
        for (int b = 0; b < batch; b++) {
            streams[b] = b;
        }
        positions = new int[batch];
        logitsRows = new float[batch][vocab];
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int capacity() {
        return pass.capacity();
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
        requireBatchOne();
        oneToken[0] = token;
        run(oneToken, ForwardPass.Logits.ALL);
        System.arraycopy(pass.logits, 0, logitsRows[0], 0, vocab);
        return logitsRows[0];
    }

    @Override
    public void feed(int token) {
        requireBatchOne();
        oneToken[0] = token;
        run(oneToken, ForwardPass.Logits.NONE);
    }

    @Override
    public float[] prefill(int[] tokens, int offset, int length) {
        requireBatchOne();
        requireOpen();
        pass.prefill(0, position, tokens, offset, length, true);
        position += length;
        tokensDecoded += length;
        System.arraycopy(pass.logits, 0, logitsRows[0], 0, vocab);
        return logitsRows[0];
    }

    @Override
    public float[][] step(int[] tokens) {
        if (tokens.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " tokens (one per stream), got " + tokens.length);
        }
        run(tokens, ForwardPass.Logits.ALL);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(pass.logits, b * vocab, logitsRows[b], 0, vocab);
        }
        return logitsRows;
    }

    @Override
    public void rewind(int to) {
        if (to < 0 || to > position) {
            throw new IllegalArgumentException("cannot rewind to " + to + " (position is " + position + ")");
        }
        position = to;
    }

    @Override
    public void close() {
        if (!closed && parallel != null) {
            parallel.release();
        }
        closed = true;
    }

    private void run(int[] tokens, ForwardPass.Logits logits) {
        requireOpen();
        java.util.Arrays.fill(positions, position);
        pass.run(tokens.length, tokens, 0, streams, positions, logits);
        position++;
        tokensDecoded += tokens.length;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
    }

    private void requireBatchOne() {
        if (batch != 1) {
            throw new IllegalStateException("this decoder has " + batch + " streams; use step(int[])");
        }
    }
}
