package dev.improv.model;

import java.util.Locale;

/**
 * How a decoder holds its linear layers' weights (the four matrices of each block and the output
 * head; embeddings and norms stay float32). Narrower weights mean fewer bytes read per token; the
 * model files stay float32 and are narrowed when the model is loaded (see {@link LanguageModel#withWeightFormat}).
 */
public enum WeightFormat {
    /** 4 bytes a weight, as trained. */
    FP32,
    /**
     * 1 byte a weight plus one float scale per output channel (symmetric: {@code w ~ scale[o] * q},
     * q in [-127, 127], scale = max |w| of the row / 127).
     */
    INT8;

    /** The format named {@code text} (fp32, int8; any case); fails naming the choices. */
    public static WeightFormat parse(String text) {
        for (WeightFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown weight format '" + text + "' (fp32, int8)");
    }

    /**
     * The format of models read from files (the inference path): the system property {@code
     * improv.weights} (fp32, int8), else INT8, which measured best (docs/benchmarks.md: the same held-out
     * NLL within 0.01% for every shipped model, 1.24-1.56x the tokens per CPU-second at batch 1, 1.03-1.21x at
     * batch 8 and 16). Models built in memory (training, {@link LanguageModel#random}) stay FP32.
     */
    public static WeightFormat configured() {
        String p = System.getProperty("improv.weights");
        if (p == null) {
            return INT8;
        }
        try {
            return parse(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("system property improv.weights: " + e.getMessage());
        }
    }

    /** The lower-case name the CLI and the JSON use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
