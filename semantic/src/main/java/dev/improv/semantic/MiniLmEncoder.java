package dev.improv.semantic;

import dev.improv.dialogue.SentenceEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 (Reimers and Gurevych's sentence-transformers model, Apache 2.0; int8-quantised, 23 MB,
 * shipped inside LangChain4j's jar, so nothing is downloaded): 384-dimensional unit vectors, about 3 ms a
 * question on one core. Trained on a billion sentence pairs, it knows that an EV is an electric car and
 * that pancakes are breakfast, which no corpus this project trains on teaches a model of its size.
 * The model loads on the first call (about half a second). Thread-safe: ONNX Runtime sessions are.
 */
public final class MiniLmEncoder implements SentenceEncoder {
    /** Texts are cut to this many characters: the model reads 256 word pieces at most, a fact is far shorter. */
    static final int MAX_CHARS = 1_000;

    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    @Override
    public String name() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public float[][] encode(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
            segments.add(TextSegment.from(t.isBlank() ? "." : t)); // LangChain4j refuses blank text
        }
        List<Embedding> embedded = model().embedAll(segments).content();
        float[][] out = new float[embedded.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = unit(embedded.get(i).vector());
        }
        return out;
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    /** The vector scaled to length 1 (the model normalises already; this makes the contract hold regardless). */
    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float scale = sum == 0 ? 0 : (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }
}
