package dev.improv.model;

/** Model shapes small enough for unit tests, shared by the decoder's tests here and the trainer's in train. */
public final class TinyConfigs {
    private TinyConfigs() {
    }

    /** Two layers, four heads, a 37-token vocabulary: the decoder and DJL comparison shape. */
    public static final TransformerConfig SMALL = new TransformerConfig(37, 2, 32, 4, 24, 0f);
    /** The trainer's tiny model (two layers, two heads, a 12-token vocabulary). */
    public static final TransformerConfig TINY = new TransformerConfig(12, 2, 32, 2, 32, 0f);
}
