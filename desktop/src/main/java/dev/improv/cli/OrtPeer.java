package dev.improv.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.improv.model.TransformerConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An ONNX Runtime (Java) peer for {@code improv bench model}: greedy decoding of the same weights
 * exported by {@code bench/ort_export.py}, in one of its two forms. Small inputs live in direct
 * buffers that the tensors wrap (no copy per step); logits are copied out like Improv's.
 */
final class OrtPeer implements AutoCloseable {

    /** The exported graph's form. */
    enum Form {
        /** torch.onnx.export with past/present cache tensors: the cache is copied every step. */
        PLAIN("plain.onnx"),
        /** GroupQueryAttention with one preallocated buffer per layer bound as both past and present. */
        TUNED("gqa.onnx");

        final String file;

        Form(String file) {
            this.file = file;
        }
    }

    private static final java.util.Set<String> LOGITS = java.util.Set.of("logits");
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final Form form;
    private final int layers;
    private final int heads;
    private final int headSize;
    private final int context;
    private final int vocab;

    OrtPeer(Path dir, Form form, TransformerConfig c, int threads) throws OrtException {
        this.form = form;
        layers = c.layers();
        heads = c.heads();
        headSize = c.headSize();
        context = c.context();
        vocab = c.vocabSize();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(dir.resolve(form.file).toString(), options);
        }
    }

    /**
     * Greedy decoding of {@code batch} streams (first tokens 1..batch) for {@code steps} steps, or
     * the given tokens fed in turn when {@code forced} is not null (batch 1); returns the last
     * step's logits of stream 0, and the elapsed nanoseconds in {@code nanos[0]}.
     */
    float[] decode(int batch, int steps, int[] forced, long[] nanos) throws OrtException {
        long[] tokens = new long[batch];
        for (int b = 0; b < batch; b++) {
            tokens[b] = forced != null ? forced[0] : b + 1;
        }
        LongBuffer ids = direct(batch * 8).asLongBuffer();
        OnnxTensor idsTensor = OnnxTensor.createTensor(env, ids, new long[] {batch, 1});
        float[] logits = new float[batch * vocab];
        long t0 = System.nanoTime();
        try (Cache cache = form == Form.TUNED ? new SharedCache(batch) : new CopiedCache(batch)) {
            for (int step = 0; step < steps; step++) {
                ids.clear();
                ids.put(tokens).flip();
                cache.run(idsTensor, step, logits);
                for (int b = 0; b < batch; b++) {
                    tokens[b] = forced != null ? forced[Math.min(step + 1, forced.length - 1)] : argmax(logits, b * vocab);
                }
            }
        } finally {
            idsTensor.close();
        }
        nanos[0] = System.nanoTime() - t0;
        float[] first = new float[vocab];
        System.arraycopy(logits, 0, first, 0, vocab);
        return first;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private int argmax(float[] v, int from) {
        int best = from;
        for (int i = from + 1; i < from + vocab; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best - from;
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }

    /** One form's cache handling: runs a step at {@code position} and copies the logits out. */
    private interface Cache extends AutoCloseable {
        void run(OnnxTensor ids, int position, float[] logits) throws OrtException;

        @Override
        void close() throws OrtException;
    }

    /** The plain export: the previous step's present tensor is the next step's past. */
    private final class CopiedCache implements Cache {
        private final LongBuffer pos = direct(8).asLongBuffer();
        private final OnnxTensor posTensor;
        private final OnnxTensor empty;
        private OrtSession.Result previous;

        CopiedCache(int batch) throws OrtException {
            posTensor = OnnxTensor.createTensor(env, pos, new long[] {1});
            empty = OnnxTensor.createTensor(env, direct(0).asFloatBuffer(), new long[] {layers, 2, batch, heads, 0, headSize});
        }

        @Override
        public void run(OnnxTensor ids, int position, float[] logits) throws OrtException {
            pos.put(0, position);
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", ids);
            in.put("position", posTensor);
            in.put("past", previous == null ? empty : (OnnxTensor) previous.get("present").orElseThrow());
            OrtSession.Result r = session.run(in);
            ((OnnxTensor) r.get("logits").orElseThrow()).getFloatBuffer().get(logits);
            if (previous != null) {
                previous.close();
            }
            previous = r;
        }

        @Override
        public void close() {
            posTensor.close();
            empty.close();
            if (previous != null) {
                previous.close();
            }
        }
    }

    /** The tuned graph: per layer one key and one value buffer, bound as past input and present output. */
    private final class SharedCache implements Cache {
        private final Map<String, OnnxTensor> in = new HashMap<>();
        private final Map<String, OnnxValue> pinned = new HashMap<>();
        private final LongBuffer positionIds;
        private final IntBuffer seqlens;
        private final IntBuffer total;
        private final int batch;

        SharedCache(int batch) throws OrtException {
            this.batch = batch;
            positionIds = direct(8 * batch).asLongBuffer();
            seqlens = direct(4 * batch).asIntBuffer();
            total = direct(4).asIntBuffer();
            in.put("position_ids", OnnxTensor.createTensor(env, positionIds, new long[] {batch, 1}));
            in.put("seqlens_k", OnnxTensor.createTensor(env, seqlens, new long[] {batch}));
            in.put("total_sequence_length", OnnxTensor.createTensor(env, total, new long[0]));
            long[] shape = {batch, heads, context, headSize};
            for (int i = 0; i < layers; i++) {
                for (String kind : new String[] {"key", "value"}) {
                    FloatBuffer buf = direct(4 * batch * heads * context * headSize).asFloatBuffer();
                    OnnxTensor t = OnnxTensor.createTensor(env, buf, shape);
                    in.put("past_" + kind + "_" + i, t);
                    pinned.put("present_" + kind + "_" + i, t);
                }
            }
        }

        @Override
        public void run(OnnxTensor ids, int position, float[] logits) throws OrtException {
            for (int b = 0; b < batch; b++) {
                positionIds.put(b, position);
                seqlens.put(b, position); // GQA's seqlens_k: total length minus one
            }
            total.put(0, position + 1);
            in.put("input_ids", ids);
            try (OrtSession.Result r = session.run(in, LOGITS, pinned)) {
                ((OnnxTensor) r.get("logits").orElseThrow()).getFloatBuffer().get(logits);
            }
        }

        @Override
        public void close() {
            in.remove("input_ids");
            in.values().forEach(OnnxTensor::close);
        }
    }
}
