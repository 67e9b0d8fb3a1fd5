package dev.improv.model;

/** Float32 references for the int8 decoders: a model's linear weights quantized and widened back. */
final class Int8Reference {
    private Int8Reference() {
    }

    /**
     * A float32 model whose linear layers hold exactly the values an int8 decoder of {@code model}
     * multiplies by ({@code scale[o] * q}): the same function, computed by the float32 kernels, with
     * {@code model}'s cache format.
     */
    static LanguageModel widened(LanguageModel model) {
        TransformerConfig c = model.config();
        Weights copy = new Weights();
        for (String n : model.weights().names()) {
            Weights.Tensor t = model.weights().tensor(n);
            copy.put(n, t.shape(), isLinear(n, c) ? widen(t) : t.data().clone());
        }
        return LanguageModel.of(model.name(), c, copy, model.metadata()).withCacheFormat(model.cacheFormat());
    }

    private static boolean isLinear(String name, TransformerConfig c) {
        if (name.equals(TransformerLayout.HEAD)) {
            return true;
        }
        for (int i = 0; i < c.layers(); i++) {
            TransformerLayout.Block b = TransformerLayout.block(i);
            if (name.equals(b.qkvW()) || name.equals(b.projW()) || name.equals(b.fcW()) || name.equals(b.fc2W())) {
                return true;
            }
        }
        return false;
    }

    private static float[] widen(Weights.Tensor t) {
        int out = t.shape()[0];
        int in = t.shape()[1];
        byte[] q = new byte[in * out];
        float[] scale = new float[out];
        LinearWeights.quantize(t.data(), in, out, q, scale);
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = scale[i / in] * q[i];
        }
        return w;
    }
}
