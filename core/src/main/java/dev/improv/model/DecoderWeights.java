package dev.improv.model;

/**
 * A model's weights arranged for the CPU decoder: checked against the config once when the model is
 * loaded, shared (read-only) by every decoder of that model.
 */
final class DecoderWeights {
    final TransformerConfig config;
    final WeightFormat format;
    final float[] tokEmb;  // (vocab, d)
    final float[] posEmb;  // (context, d)
    final float[] lnfW;
    final float[] lnfB;
    final LinearWeights head; // (vocab, d), no bias
    final Layer[] layers;

    record Layer(float[] ln1W, float[] ln1B, LinearWeights qkv, LinearWeights proj,
                 float[] ln2W, float[] ln2B, LinearWeights fc, LinearWeights fc2) {
    }

    /**
     * The linear layers in {@code format} (embeddings and norms stay float32: a token reads one
     * embedding row, so they are a small share of a step's bytes). Fails with the tensor's name when a
     * tensor is missing or has the wrong shape.
     */
    DecoderWeights(TransformerConfig c, Weights w, WeightFormat format) {
        config = c;
        this.format = format;
        int d = c.width();
        int vocab = c.vocabSize();
        int ff = 4 * d;
        tokEmb = w.get(TransformerLayout.TOK_EMB, vocab, d);
        posEmb = w.get(TransformerLayout.POS_EMB, c.context(), d);
        lnfW = w.get(TransformerLayout.LNF_W, d);
        lnfB = w.get(TransformerLayout.LNF_B, d);
        head = new LinearWeights(w.get(TransformerLayout.HEAD, vocab, d), null, d, vocab, format);
        layers = new Layer[c.layers()];
        for (int i = 0; i < layers.length; i++) {
            TransformerLayout.Block n = TransformerLayout.block(i);
            layers[i] = new Layer(w.get(n.ln1W(), d), w.get(n.ln1B(), d),
                    new LinearWeights(w.get(n.qkvW(), 3 * d, d), w.get(n.qkvB(), 3 * d), d, 3 * d, format),
                    new LinearWeights(w.get(n.projW(), d, d), w.get(n.projB(), d), d, d, format),
                    w.get(n.ln2W(), d), w.get(n.ln2B(), d),
                    new LinearWeights(w.get(n.fcW(), ff, d), w.get(n.fcB(), ff), d, ff, format),
                    new LinearWeights(w.get(n.fc2W(), d, ff), w.get(n.fc2B(), d), ff, d, format));
        }
    }

    /** Bytes of weights one token reads at batch 1: every linear layer once, one embedding row of each table. */
    long bytesPerToken() {
        long bytes = head.bytesPerRead() + 4L * 2 * config.width() + 4L * lnfW.length * 2;
        for (Layer l : layers) {
            bytes += l.qkv().bytesPerRead() + l.proj().bytesPerRead() + l.fc().bytesPerRead() + l.fc2().bytesPerRead()
                    + 4L * (l.ln1W().length * 2 + l.ln2W().length * 2);
        }
        return bytes;
    }
}
