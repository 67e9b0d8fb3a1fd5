package dev.improv.model;

/**
 * The transformer's forward pass for one position at a time, in plain Java, reading the same weights
 * as the DJL {@link Transformer}. This is where an embedded game spends its time: batch 1, a token at
 * a time, no native library. Everything is allocated in the constructor; a step allocates nothing
 * but the small section lambdas.
 */
final class CpuDecoder implements Decoder {
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

    // Per-layer caches: [batch][head][position][headSize].
    private final float[][] keys;
    private final float[][] values;

    private final float[] x;       // (batch, d) residual stream
    private final float[] xn;      // (batch, d) normalised
    private final float[] qkv;     // (batch, 3d)
    private final float[] att;     // (batch, d)
    private final float[] hidden;  // (batch, 4d)
    private final float[] scores;  // (batch*heads, ctx)
    private final float[] logitsFlat; // (batch, vocab)
    private final float[][] logitsRows;
    private final float[] single;  // batch-1 logits view
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
        x = new float[batch * d];
        xn = new float[batch * d];
        qkv = new float[batch * 3 * d];
        att = new float[batch * d];
        hidden = new float[batch * ff];
        scores = new float[batch * heads * ctx];
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
    public int position() {
        return position;
    }

    @Override
    public float[] step(int token) {
        requireBatchOne();
        forward(new int[] {token}, true);
        System.arraycopy(logitsFlat, 0, single, 0, vocab);
        return single;
    }

    @Override
    public void feed(int token) {
        requireBatchOne();
        forward(new int[] {token}, false);
    }

    @Override
    public float[][] step(int[] tokens) {
        if (tokens.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " tokens (one per stream), got " + tokens.length);
        }
        forward(tokens, true);
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

    private void forward(int[] tokens, boolean wantLogits) {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        if (position >= ctx) {
            throw new IllegalStateException("context is full (" + ctx + " tokens); rewind or use TokenStream");
        }
        for (int b = 0; b < batch; b++) {
            int t = tokens[b];
            if (t < 0 || t >= vocab) {
                throw new IllegalArgumentException("token id " + t + " is outside the vocabulary (0.." + (vocab - 1) + ")");
            }
            System.arraycopy(tokEmb, t * d, x, b * d, d);
            k.axpy(1f, posEmb, position * d, x, b * d, d);
        }
        DecodeCounter.add(batch);
        final int pos = position;
        for (int li = 0; li < layers.length; li++) {
            Layer l = layers[li];
            float[] kc = keys[li];
            float[] vc = values[li];
            layerNorm(x, xn, l.ln1W, l.ln1B);
            linear(l.qkvW, l.qkvB, xn, qkv, d, 3 * d, false);
            for (int b = 0; b < batch; b++) {
                for (int h = 0; h < heads; h++) {
                    int at = ((b * heads + h) * ctx + pos) * headSize;
                    System.arraycopy(qkv, b * 3 * d + d + h * headSize, kc, at, headSize);
                    System.arraycopy(qkv, b * 3 * d + 2 * d + h * headSize, vc, at, headSize);
                }
            }
            sections(batch * heads, (from, to) -> attend(kc, vc, pos, from, to));
            linear(l.projW, l.projB, att, x, d, d, true);
            layerNorm(x, xn, l.ln2W, l.ln2B);
            final float[] fcW = l.fcW;
            final float[] fcB = l.fcB;
            sections(ff, (from, to) -> {
                k.matmulRows(fcW, fcB, xn, hidden, d, ff, batch, from, to, false);
                for (int b = 0; b < batch; b++) {
                    for (int o = from; o < to; o++) {
                        hidden[b * ff + o] = Gelu.apply(hidden[b * ff + o]);
                    }
                }
            });
            linear(l.fc2W, l.fc2B, hidden, x, ff, d, true);
        }
        position = pos + 1;
        if (wantLogits) {
            layerNorm(x, xn, lnfW, lnfB);
            linear(head, null, xn, logitsFlat, d, vocab, false);
        }
    }

    /** Attention of the newest query over positions 0..pos, for (stream, head) pairs [from, to). */
    private void attend(float[] kc, float[] vc, int pos, int from, int to) {
        for (int bh = from; bh < to; bh++) {
            int b = bh / heads;
            int h = bh % heads;
            int q = b * 3 * d + h * headSize;
            int base = bh * ctx * headSize;
            int s0 = bh * ctx;
            float max = Float.NEGATIVE_INFINITY;
            for (int p = 0; p <= pos; p++) {
                float s = k.dot(qkv, q, kc, base + p * headSize, headSize) * attnScale;
                scores[s0 + p] = s;
                max = Math.max(max, s);
            }
            float sum = 0;
            for (int p = 0; p <= pos; p++) {
                float e = (float) Math.exp(scores[s0 + p] - max);
                scores[s0 + p] = e;
                sum += e;
            }
            int out = b * d + h * headSize;
            java.util.Arrays.fill(att, out, out + headSize, 0f);
            float inv = 1f / sum;
            for (int p = 0; p <= pos; p++) {
                k.axpy(scores[s0 + p] * inv, vc, base + p * headSize, att, out, headSize);
            }
        }
    }

    private void linear(float[] w, float[] bias, float[] in, float[] out, int inSize, int outSize, boolean accumulate) {
        sections(outSize, (from, to) -> k.matmulRows(w, bias, in, out, inSize, outSize, batch, from, to, accumulate));
    }

    private void sections(int n, RowParallel.Section s) {
        if (parallel == null) {
            s.run(0, n);
        } else {
            // Twice as many pieces as threads balances the load when a core is busy elsewhere.
            parallel.run(n, 2 * parallel.threads(), s);
        }
    }

    private void layerNorm(float[] in, float[] out, float[] gamma, float[] beta) {
        for (int b = 0; b < batch; b++) {
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
