package dev.improv.model;

/**
 * Supplies batch-1 decoders in place of the local one, so that generators written against
 * {@link Decoder} run unchanged while a server steps many of them together (see
 * {@link LanguageModel#setDecoderSource}).
 */
@FunctionalInterface
public interface DecoderSource {

    /** A decoder for one sequence of {@code model}, or null to let the model make its local one. */
    Decoder open(LanguageModel model, boolean parallel);
}
