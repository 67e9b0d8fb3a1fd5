package dev.improv.model;

/**
 * The transformer's forward pass for one position at a time, in plain Java, reading the same weights
 * as the DJL {@link Transformer}. This is where an embedded game spends its time: batch 1, a token at
 * a time, no native library. Everything is allocated in the constructor; a step allocates nothing
 * but the small section lambdas.
 */
final class CpuDecoder implements Decoder {
    private long tokensDecoded;
    private static final float LN_EPS = 1e-5f;

    private final Kernels k = Kernels.best();
    private final RowParallel parallel;
    private final boolean ownsHelpers;
    private final int batch;
    private final int d;
    private final int heads;
    private final int headSize;
    private final int ctx;
    private final int vocab;
    private final int ff;
    private final float attnScale;

    private final float[] tokEmb;
    private final float[] posEmb;
    private final float[] lnfW;
    private final float[] lnfB;
    private final float[] head;
    private final Layer[] layers;

    // Per-layer caches. Keys are stored transposed, [batch][head][headSize][position], so a query's
    // scores over all positions are vector lanes over positions rather than one reduction each.
    // Values: [batch][head][position][headSize].
    private final float[][] keys;
    private final float[][] values;

    /** Positions of one stream fed together by {@link #prefill}: each weight row is read once for all. */
    static final int PREFILL_ROWS = 16;
    private final int maxRows;     // max(batch, PREFILL_ROWS for batch 1)
    private final float[] x;       // (rows, d) residual stream
    private final float[] xn;      // (batch, d) normalised
    private final float[] qkv;     // (batch, 3d)
    private final float[] att;     // (batch, d)
    private final float[] hidden;  // (batch, 4d)
    private final float[] scores;  // (batch*heads, ctx)
    private final float[] logitsFlat; // (batch, vocab)
    private final float[][] logitsRows;
    private final float[] single;  // batch-1 logits view
    private final int[] oneToken = new int[1]; // reused so a batch-1 step allocates nothing
    private int position;
    private boolean closed;

    private record Layer(float[] ln1W, float[] ln1B, float[] qkvW, float[] qkvB, float[] projW, float[] projB,
                         float[] ln2W, float[] ln2B, float[] fcW, float[] fcB, float[] fc2W, float[] fc2B) {
    }

    CpuDecoder(TransformerConfig c, Weights w, int batch, boolean useHelpers) {
        if (batch < 1 || batch > 256) {
            throw new IllegalArgumentException("batch must be in [1, 256], got " + batch);
        }
        this.batch = batch;
        this.d = c.width();
        this.heads = c.heads();
        this.headSize = c.headSize();
        this.ctx = c.context();
        this.vocab = c.vocabSize();
        this.ff = 4 * d;
        this.attnScale = (float) (1.0 / Math.sqrt(headSize));
        tokEmb = w.get(TransformerNames.TOK_EMB, vocab, d);
        posEmb = w.get(TransformerNames.POS_EMB, ctx, d);
        lnfW = w.get(TransformerNames.LNF_W, d);
        lnfB = w.get(TransformerNames.LNF_B, d);
        head = w.get(TransformerNames.HEAD, vocab, d);
        layers = new Layer[c.layers()];
        for (int i = 0; i < layers.length; i++) {
            TransformerNames.Block n = TransformerNames.block(i);
            layers[i] = new Layer(w.get(n.ln1W(), d), w.get(n.ln1B(), d),
                    w.get(n.qkvW(), 3 * d, d), w.get(n.qkvB(), 3 * d),
                    w.get(n.projW(), d, d), w.get(n.projB(), d),
                    w.get(n.ln2W(), d), w.get(n.ln2B(), d),
                    w.get(n.fcW(), ff, d), w.get(n.fcB(), ff),
                    w.get(n.fc2W(), d, ff), w.get(n.fc2B(), d));
        }
        keys = new float[layers.length][batch * heads * ctx * headSize];
        values = new float[layers.length][batch * heads * ctx * headSize];
        maxRows = batch == 1 ? PREFILL_ROWS : batch;
        x = new float[maxRows * d];
        xn = new float[maxRows * d];
        qkv = new float[maxRows * 3 * d];
        att = new float[maxRows * d];
        hidden = new float[maxRows * ff];
        scores = new float[maxRows * heads * ctx];
        logitsFlat = new float[batch * vocab];
        logitsRows = new float[batch][vocab];
        single = logitsRows[0];
        RowParallel p = useHelpers ? RowParallel.shared() : null;
        ownsHelpers = p != null && p.tryAcquire();
        parallel = ownsHelpers ? p : null;
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public int capacity() {
        return ctx;
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
        forward(oneToken, 1, false, true);
        System.arraycopy(logitsFlat, 0, single, 0, vocab);
        return single;
    }

    @Override
    public void feed(int token) {
        requireBatchOne();
        oneToken[0] = token;
        forward(oneToken, 1, false, false);
    }

    @Override
    public float[] prefill(int[] tokens, int offset, int length) {
        requireBatchOne();
        if (length < 1 || offset < 0 || offset + length > tokens.length) {
            throw new IllegalArgumentException("prefill range " + offset + "+" + length + " is outside the "
                    + tokens.length + " tokens given");
        }
        if (position + length > ctx) {
            throw new IllegalStateException("prefill of " + length + " tokens overflows the context (" + ctx + ")");
        }
        int[] chunk = new int[PREFILL_ROWS];
        for (int done = 0; done < length; ) {
            int rows = Math.min(PREFILL_ROWS, length - done);
            System.arraycopy(tokens, offset + done, chunk, 0, rows);
            done += rows;
            forward(chunk, rows, true, done == length);
        }
        System.arraycopy(logitsFlat, 0, single, 0, vocab);
        return single;
    }

    @Override
    public float[][] step(int[] tokens) {
        if (tokens.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " tokens (one per stream), got " + tokens.length);
        }
        forward(tokens, batch, false, true);
        for (int b = 0; b < batch; b++) {
            System.arraycopy(logitsFlat, b * vocab, logitsRows[b], 0, vocab);
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
        if (!closed && ownsHelpers) {
            parallel.release();
        }
        closed = true;
    }

    private void requireBatchOne() {
        if (batch != 1) {
            throw new IllegalStateException("this decoder has " + batch + " streams; use step(int[])");
        }
    }

    /**
     * Runs {@code rows} rows through the network. Normally row b is stream b at the current
     * position; with {@code sequence} the rows are consecutive positions of stream 0 (a prefill),
     * each attending to the cache up to itself. Logits are for the last row (sequence) or every row.
     */
    private void forward(int[] tokens, int rows, boolean sequence, boolean wantLogits) {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (position + (sequence ? rows : 1) > ctx) {
            throw new IllegalStateException("context is full (" + ctx + " tokens); rewind or use TokenStream");
        }
        final int pos = position;
        for (int r = 0; r < rows; r++) {
            int t = tokens[r];
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("token id " + t + " is outside the vocabulary (0.." + (vocab - 1) + ")");
            }
            System.arraycopy(tokEmb, t * d, x, r * d, d);
            k.axpy(1f, posEmb, (sequence ? pos + r : pos) * d, x, r * d, d);
        }
        tokensDecoded += rows;
        for (int li = 0; li < layers.length; li++) {
            Layer l = layers[li];
            float[] kc = keys[li];
            float[] vc = values[li];
            layerNorm(x, xn, l.ln1W, l.ln1B, rows);
            linear(l.qkvW, l.qkvB, xn, qkv, d, 3 * d, rows, false);
            for (int r = 0; r < rows; r++) {
                int stream = sequence ? 0 : r;
                int p = sequence ? pos + r : pos;
                for (int h = 0; h < heads; h++) {
                    int at = ((stream * heads + h) * ctx + p) * headSize;
                    int kAt = (stream * heads + h) * headSize * ctx + p;
                    int from = r * 3 * d + d + h * headSize;
                    for (int j = 0; j < headSize; j++) {
                        kc[kAt + j * ctx] = qkv[from + j];
                    }
                    System.arraycopy(qkv, r * 3 * d + 2 * d + h * headSize, vc, at, headSize);
                }
            }
            sections(rows * heads, (from, to) -> attend(kc, vc, pos, sequence, from, to));
            linear(l.projW, l.projB, att, x, d, d, rows, true);
            layerNorm(x, xn, l.ln2W, l.ln2B, rows);
            final float[] fcW = l.fcW;
            final float[] fcB = l.fcB;
            sections(ff, (from, to) -> {
                k.matmulRows(fcW, fcB, xn, hidden, d, ff, rows, from, to, false);
                for (int r = 0; r < rows; r++) {
                    k.gelu(hidden, r * ff + from, r * ff + to);
                }
            });
            linear(l.fc2W, l.fc2B, hidden, x, ff, d, rows, true);
        }
        position = pos + (sequence ? rows : 1);
        if (wantLogits) {
            if (sequence && rows > 1) {
                // Only the last position's logits are wanted: move its row to the front.
                System.arraycopy(x, (rows - 1) * d, x, 0, d);
            }
            int logitRows = sequence ? 1 : rows;
            layerNorm(x, xn, lnfW, lnfB, logitRows);
            linear(head, null, xn, logitsFlat, d, vocab, logitRows, false);
        }
    }

    /**
     * Attention for (row, head) pairs [from, to): the row's query over its stream's cached
     * positions up to its own (pos, or pos + row in a sequence).
     */
    private void attend(float[] kc, float[] vc, int pos, boolean sequence, int from, int to) {
        for (int rh = from; rh < to; rh++) {
            int r = rh / heads;
            int h = rh % heads;
            int stream = sequence ? 0 : r;
            int last = sequence ? pos + r : pos;
            int q = r * 3 * d + h * headSize;
            int base = (stream * heads + h) * ctx * headSize;
            int s0 = rh * ctx;
            k.transposedDots(qkv, q, attnScale, kc, base, ctx, headSize, scores, s0, last + 1);
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p <= last; p++) {
                max = Math.max(max, scores[s0 + p]);
            }
            float inv = 1f / k.expShiftSum(scores, s0, s0 + last + 1, max);
            int out = r * d + h * headSize;
            k.weightedRowSum(scores, s0, inv, vc, base, headSize, last + 1, att, out);
        }
    }

    private void linear(float[] w, float[] bias, float[] in, float[] out, int inSize, int outSize, int rows,
                        boolean accumulate) {
        sections(outSize, (from, to) -> k.matmulRows(w, bias, in, out, inSize, outSize, rows, from, to, accumulate));
    }

    private void sections(int n, RowParallel.Section s) {
        if (parallel == null) {
            s.run(0, n);
        } else {
            // Twice as many pieces as threads balances the load when a core is busy elsewhere.
            parallel.run(n, 2 * parallel.threads(), s);
        }
    }

    private void layerNorm(float[] in, float[] out, float[] gamma, float[] beta, int rows) {
        for (int b = 0; b < rows; b++) {
            int o = b * d;
            float mean = 0;
            for (int i = 0; i < d; i++) {
                mean += in[o + i];
            }
            mean /= d;
            float var = 0;
            for (int i = 0; i < d; i++) {
                float c = in[o + i] - mean;
                var += c * c;
            }
            var /= d;
            float inv = (float) (1.0 / Math.sqrt(var + LN_EPS));
            for (int i = 0; i < d; i++) {
                out[o + i] = (in[o + i] - mean) * inv * gamma[i] + beta[i];
            }
        }
    }
}
