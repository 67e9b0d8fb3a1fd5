package dev.improv.dialogue;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Maps sentences to unit-length vectors whose dot product says how alike their meanings are: "Where
 * should I take my EV?" lies close to "Voltline charges electric cars", which share no word. Fact
 * retrieval adds it to BM25 when one is installed (the {@code improv-semantic} module provides one,
 * found through {@link ServiceLoader} like DJL's engines); without one, retrieval is words alone.
 *
 * <p>Implementations are thread-safe and may load their model on first use.
 */
public interface SentenceEncoder {
    /** {@code -Dimprov.dialogue.encoder=none} turns the installed encoder off (words alone, as without the module). */
    String PROPERTY = "improv.dialogue.encoder";

    /** A short name for logs and reports ("all-minilm-l6-v2-q"). */
    String name();

    /** One unit-length vector per text, in order; all of the same length. */
    float[][] encode(List<String> texts);

    /** The encoder on the classpath, unless {@link #PROPERTY} is {@code none}; found once. */
    static Optional<SentenceEncoder> installed() {
        if ("none".equals(System.getProperty(PROPERTY))) {
            return Optional.empty();
        }
        return Installed.ENCODER;
    }

    /** Dot product of two vectors of equal length (their cosine, for unit vectors). */
    static float similarity(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Holder: the ServiceLoader runs once, on first use. */
    final class Installed {
        private static final Optional<SentenceEncoder> ENCODER = find();

        private Installed() {
        }

        private static Optional<SentenceEncoder> find() {
            Iterator<SentenceEncoder> found = ServiceLoader.load(SentenceEncoder.class).iterator();
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        }
    }
}
