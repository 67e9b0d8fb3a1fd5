package dev.improv.model;

/**
 * The transformer's forward pass over a set of rows, each row one token of one cached sequence (a
 * slot) at its own position: the engine under {@link CpuDecoder} and {@link BatchDecoder}. A step of
 * B sequences is B rows in B slots; a prefill is consecutive positions of one slot, each attending
 * to the cache up to itself. Each weight matrix is read once per call for all rows (the packed
 * multi-row kernel); a single row uses the row-major kernel, whose batch-1 speed is the game's.
 * Every buffer is allocated here, up front; a call allocates nothing but the section lambdas.
 */
final class ForwardPass {
    private static final float LN_EPS = 1e-5f;

    private final Kernels k = Kernels.best();
    private final DecoderWeights w;
    private final RowParallel parallel;
    final int slots;
    final int maxRows;
    private final int d;
    private final int heads;
    private final int headSize;
    private final int ctx;
    private final int ctxBlocks;  // ctx rounded up to whole key blocks
    private final int vocab;
    private final int ff;
    private final float attnScale;

    private final KeyValueCache cache;

    private final float[] x;      // (rows, d) residual stream
    private final float[] xn;     // (rows, d) normalised
    private final float[] qkv;    // (rows, 3d)
    private final float[] att;    // (rows, d)
    private final float[] hidden; // (rows, 4d)
    private final float[] scores; // (rows*heads, ctx)
    final float[] logits;         // (rows, vocab)
    private final int[] rowSlot;
    private final int[] rowPos;
    private final int[] prefillSlot = new int[PREFILL_ROWS];
    private final int[] prefillPos = new int[PREFILL_ROWS];

    /** @param parallel helper threads owned by the caller, or null to run on the calling thread */
    ForwardPass(DecoderWeights w, int slots, int maxRows, RowParallel parallel, CacheFormat cacheFormat) {
        this.w = w;
        this.parallel = parallel;
        this.slots = slots;
        this.maxRows = maxRows;
        TransformerConfig c = w.config;
        d = c.width();
        heads = c.heads();
        headSize = c.headSize();
        ctx = c.context();
        ctxBlocks = (ctx + Kernels.KEY_BLOCK - 1) / Kernels.KEY_BLOCK * Kernels.KEY_BLOCK;
        vocab = c.vocabSize();
        ff = 4 * d;
        attnScale = (float) (1.0 / Math.sqrt(headSize));
        cache = KeyValueCache.allocate(cacheFormat, w.layers.length, slots, heads, headSize, ctx);
        x = new float[maxRows * d];
        xn = new float[maxRows * d];
        qkv = new float[maxRows * 3 * d];
        att = new float[maxRows * d];
        hidden = new float[maxRows * ff];
        scores = new float[maxRows * heads * ctxBlocks];
        logits = new float[maxRows * vocab];
        rowSlot = new int[maxRows];
        rowPos = new int[maxRows];
    }

    /**
     * Runs {@code rows} rows: row r feeds {@code tokens[tokenOffset + r]} to slot {@code slot[r]} at
     * position {@code pos[r]}, writing that position of the slot's cache. Rows of one slot must come
     * in increasing position order with no gaps after the slot's cached positions. With {@code
     * logitRows} ALL every row's logits land in {@link #logits} (row r at r*vocab); with LAST only the
     * last row's (at 0); with NONE none are computed.
     */
    void run(int rows, int[] tokens, int tokenOffset, int[] slot, int[] pos, Logits logitRows) {
        long t = DecodeProfile.on ? System.nanoTime() : 0;
        for (int r = 0; r < rows; r++) {
            int token = tokens[tokenOffset + r];
            if (token < 0 || token >= vocab) {
                throw new IllegalArgumentException("token id " + token + " is outside the vocabulary (0.." + (vocab - 1) + ")");
            }
            if (pos[r] < 0 || pos[r] >= ctx) {
                throw new IllegalStateException("context is full (" + ctx + " tokens); rewind or use TokenStream");
            }
            rowSlot[r] = slot[r];
            rowPos[r] = pos[r];
            System.arraycopy(w.tokEmb, token * d, x, r * d, d);
            k.axpy(1f, w.posEmb, pos[r] * d, x, r * d, d);
        }
        for (int li = 0; li < w.layers.length; li++) {
            DecoderWeights.Layer l = w.layers[li];
            int layer = li;
            t = DecodeProfile.lap(DecodeProfile.Part.OTHER, t);
            layerNorm(x, xn, l.ln1W(), l.ln1B(), rows);
            t = DecodeProfile.lap(DecodeProfile.Part.NORMS, t);
            linear(l.qkv(), xn, qkv, rows, false);
            t = DecodeProfile.lap(DecodeProfile.Part.MATMUL, t);
            writeCache(li, rows);
            t = DecodeProfile.lap(DecodeProfile.Part.CACHE_WRITES, t);
            sections(rows * heads, (from, to) -> attend(layer, from, to));
            t = DecodeProfile.lap(DecodeProfile.Part.ATTENTION, t);
            linear(l.proj(), att, x, rows, true);
            t = DecodeProfile.lap(DecodeProfile.Part.MATMUL, t);
            layerNorm(x, xn, l.ln2W(), l.ln2B(), rows);
            t = DecodeProfile.lap(DecodeProfile.Part.NORMS, t);
            LinearWeights fc = l.fc();
            sections(fc.units(rows), (from, to) -> {
                fc.multiply(k, xn, hidden, rows, from, to, false);
                int lo = fc.firstOutput(rows, from);
                int hi = fc.firstOutput(rows, to);
                for (int r = 0; r < rows; r++) {
                    k.gelu(hidden, r * ff + lo, r * ff + hi);
                }
            });
            t = DecodeProfile.lap(DecodeProfile.Part.MATMUL, t);
            linear(l.fc2(), hidden, x, rows, true);
            t = DecodeProfile.lap(DecodeProfile.Part.MATMUL, t);
        }
        if (logitRows == Logits.NONE) {
            return;
        }
        if (logitRows == Logits.LAST && rows > 1) {
            System.arraycopy(x, (rows - 1) * d, x, 0, d);
        }
        int n = logitRows == Logits.LAST ? 1 : rows;
        layerNorm(x, xn, w.lnfW, w.lnfB, n);
        t = DecodeProfile.lap(DecodeProfile.Part.NORMS, t);
        linear(w.head, xn, logits, n, false);
        DecodeProfile.lap(DecodeProfile.Part.MATMUL, t);
    }

    /** Positions of one sequence fed together by {@link #prefill}: each weight is read once for all. */
    static final int PREFILL_ROWS = 16;

    /**
     * Feeds {@code tokens[offset .. offset+length)} to {@code slot} from position {@code from} on, in
     * chunks of up to {@link #PREFILL_ROWS} rows (needs maxRows >= PREFILL_ROWS); with {@code
     * wantLogits} the logits after the last token are left at the start of {@link #logits}.
     */
    void prefill(int slot, int from, int[] tokens, int offset, int length, boolean wantLogits) {
        if (length < 1 || offset < 0 || offset + length > tokens.length) {
            throw new IllegalArgumentException("prefill range " + offset + "+" + length + " is outside the "
                    + tokens.length + " tokens given");
        }
        if (from + length > ctx) {
            throw new IllegalStateException("prefill of " + length + " tokens overflows the context (" + ctx + ")");
        }
        for (int done = 0; done < length; ) {
            int rows = Math.min(PREFILL_ROWS, length - done);
            for (int r = 0; r < rows; r++) {
                prefillSlot[r] = slot;
                prefillPos[r] = from + done + r;
            }
            run(rows, tokens, offset + done, prefillSlot, prefillPos, done + rows < length || !wantLogits
                    ? Logits.NONE : Logits.LAST);
            done += rows;
        }
    }

    /** Positions a slot's cache holds (the model's context). */
    int capacity() {
        return ctx;
    }

    /** Which rows' logits a call computes. */
    enum Logits { ALL, LAST, NONE }

    /** Writes each row's key and value, head by head, into its slot's cache at its position. */
    private void writeCache(int layer, int rows) {
        for (int r = 0; r < rows; r++) {
            for (int h = 0; h < heads; h++) {
                int kFrom = r * 3 * d + d + h * headSize;
                cache.write(k, layer, rowSlot[r], h, rowPos[r], qkv, kFrom, kFrom + d);
            }
        }
    }

    /** Attention for (row, head) pairs [from, to): the row's query over its slot's positions up to its own. */
    private void attend(int layer, int from, int to) {
        for (int rh = from; rh < to; rh++) {
            int r = rh / heads;
            int h = rh % heads;
            int last = rowPos[r];
            int s0 = rh * ctxBlocks;
            cache.scores(k, layer, rowSlot[r], h, qkv, r * 3 * d + h * headSize, attnScale, scores, s0, last + 1);
            float max = k.max(scores, s0, s0 + last + 1);
            float inv = 1f / k.expShiftSum(scores, s0, s0 + last + 1, max);
            cache.weightedValues(k, layer, rowSlot[r], h, scores, s0, inv, last + 1, att, r * d + h * headSize);
        }
    }

    private void linear(LinearWeights m, float[] in, float[] out, int rows, boolean accumulate) {
        sections(m.units(rows), (from, to) -> m.multiply(k, in, out, rows, from, to, accumulate));
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
        for (int r = 0; r < rows; r++) {
            k.layerNorm(in, out, r * d, gamma, beta, d, LN_EPS);
        }
    }
}
