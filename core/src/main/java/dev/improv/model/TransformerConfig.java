package dev.improv.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of a decoder-only transformer, as stored in a model folder's {@code model.json}.
 *
 * @param vocabSize number of token ids the model reads and predicts
 * @param layers    transformer blocks
 * @param width     embedding width d; must divide by {@code heads}
 * @param heads     attention heads; head size is width / heads (64 for the default)
 * @param context   longest sequence the position table covers; longer streams slide (see TokenStream)
 * @param dropout   dropout rate while training; 0.1 suits our small corpora, 0 for tiny tests
 */
public record TransformerConfig(
        @JsonProperty("vocabSize") int vocabSize,
        @JsonProperty("layers") int layers,
        @JsonProperty("width") int width,
        @JsonProperty("heads") int heads,
        @JsonProperty("context") int context,
        @JsonProperty("dropout") float dropout) {

    public TransformerConfig {
        require(vocabSize >= 2 && vocabSize <= 1 << 20, "vocabSize", vocabSize, "in 2..1048576");
        require(layers >= 1 && layers <= 64, "layers", layers, "in 1..64");
        require(width >= 8 && width <= 8192, "width", width, "in 8..8192");
        require(heads >= 1 && width % heads == 0, "heads", heads, "a divisor of the width " + width);
        require(context >= 2 && context <= 1 << 16, "context", context, "in 2..65536");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The size the speed targets are set for: 4 layers, width 256, 4 heads, vocabulary 512. */
    public static TransformerConfig benchmarkDefault() {
        return new TransformerConfig(512, 4, 256, 4, 512, 0f);
    }

    /** The same shape with another training dropout (dropout does not change the weights' layout). */
    public TransformerConfig withDropout(float newDropout) {
        return new TransformerConfig(vocabSize, layers, width, heads, context, newDropout);
    }

    public int headSize() {
        return width / heads;
    }

    /** Number of float weights, matching what {@link Weights} stores. */
    public long parameterCount() {
        return TransformerLayout.tensors(this).stream().mapToLong(TransformerLayout.Tensor::size).sum();
    }

    private static void require(boolean ok, String field, int value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("model config field '" + field + "' must be " + allowed + ", got " + value);
        }
    }
}
