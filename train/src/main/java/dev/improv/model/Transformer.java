package dev.improv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decoder-only transformer in DJL, for training and for full-sequence scoring: GPT-2's pre-norm
 * blocks (LayerNorm, causal self-attention, LayerNorm, GELU MLP) with learned positions.
 *
 * <p>Parameters are plain NDArrays named as in {@link TransformerLayout}, so the same weights file
 * feeds {@link CpuDecoder} and the Python benchmark peer. Arrays made by a forward pass belong to
 * the manager of its input; pass inputs from a per-step sub-manager so they are freed each step.
 */
final class Transformer {
    private static final float LN_EPS = 1e-5f;

    private final TransformerConfig config;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final NDArray causalMask; // (context, context): 0 on and below the diagonal, -1e9 above
    /**
     * 1/sqrt(head size) as a tensor that lives as long as the model. Not {@code mul(Number)}: DJL
     * wraps a number in a tensor over a Java buffer and drops that buffer when the call returns,
     * but autograd keeps the tensor for the backward pass, which then read freed memory whenever
     * the garbage collector ran in between: gradients of the queries and keys changed at random,
     * and a resumed run drifted from an uninterrupted one.
     */
    private final NDArray attentionScale;

    Transformer(TransformerConfig config, Weights weights, NDManager manager) {
        this.config = config;
        for (String name : weights.names()) {
            Weights.Tensor t = weights.tensor(name);
            long[] shape = new long[t.shape().length];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = t.shape()[i];
            }
            NDArray a = manager.create(t.data(), new Shape(shape));
            a.setRequiresGradient(true);
            params.put(name, a);
        }
        int n = config.context();
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                mask[i * n + j] = -1e9f;
            }
        }
        causalMask = manager.create(mask, new Shape(n, n));
        attentionScale = manager.create((float) (1.0 / Math.sqrt(config.headSize())));
    }

    Map<String, NDArray> parameters() {
        return params;
    }

    TransformerConfig config() {
        return config;
    }

    /**
     * Logits for every position.
     *
     * @param tokens (B, T) int64 token ids, T &lt;= context
     * @return (B, T, vocab) logits, owned by the manager of {@code tokens}
     */
    NDArray forward(NDArray tokens, boolean training) {
        NDManager m = tokens.getManager();
        long batch = tokens.getShape().get(0);
        int t = (int) tokens.getShape().get(1);
        int d = config.width();
        int heads = config.heads();
        int hs = config.headSize();
        float drop = training ? config.dropout() : 0f;

        // Embeddings as one-hot matmuls rather than index lookups: PyTorch's embedding backward
        // accumulates differently on the first step of a process, which broke bit-exact resume.
        NDArray positions = p(TransformerLayout.POS_EMB).get("0:" + t);                  // (T,d)
        positions.attach(m);
        NDArray x = tokens.oneHot(config.vocabSize()).matMul(p(TransformerLayout.TOK_EMB)) // (B,T,d)
                .add(positions);
        x = dropout(x, drop, training);
        NDArray mask = causalMask.get("0:" + t + ", 0:" + t);
        mask.attach(m);
        for (int i = 0; i < config.layers(); i++) {
            TransformerLayout.Block n = TransformerLayout.block(i);
            NDArray h = layerNorm(x, n.ln1W(), n.ln1B());
            NDArray qkv = Linear.linear(h, p(n.qkvW()), p(n.qkvB())).head();          // (B,T,3d)
            qkv = qkv.reshape(batch, t, 3, heads, hs).transpose(2, 0, 3, 1, 4);       // (3,B,H,T,hs)
            NDArray q = qkv.get(0);
            NDArray k = qkv.get(1);
            NDArray v = qkv.get(2);
            NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(attentionScale).add(mask); // (B,H,T,T)
            att = dropout(att.softmax(-1), drop, training);
            NDArray y = att.matMul(v).transpose(0, 2, 1, 3).reshape(batch, t, d);       // (B,T,d)
            y = Linear.linear(y, p(n.projW()), p(n.projB())).head();
            x = x.add(dropout(y, drop, training));
            h = layerNorm(x, n.ln2W(), n.ln2B());
            h = Activation.gelu(Linear.linear(h, p(n.fcW()), p(n.fcB())).head());      // (B,T,4d)
            h = Linear.linear(h, p(n.fc2W()), p(n.fc2B())).head();                      // (B,T,d)
            x = x.add(dropout(h, drop, training));
        }
        x = layerNorm(x, TransformerLayout.LNF_W, TransformerLayout.LNF_B);
        return Linear.linear(x, p(TransformerLayout.HEAD)).head();                       // (B,T,V)
    }

    /**
     * Mean cross-entropy of {@code logits} against {@code targets}, counting only positions where
     * {@code weights} is 1 (padding has weight 0).
     *
     * @return scalar loss and, separately, the number of scored tokens
     */
    static NDArray[] crossEntropy(NDArray logits, NDArray targets, NDArray weights) {
        NDArray logp = logits.logSoftmax(-1);                                    // (B,T,V)
        NDArray picked = logp.gather(targets.expandDims(-1), -1).squeeze(-1);    // (B,T)
        NDArray count = weights.sum();
        NDArray loss = picked.mul(weights).sum().neg().div(count.maximum(1f));
        return new NDArray[] {loss, count};
    }

    /** The current parameter values as a weights file. */
    Weights toWeights() {
        Weights w = new Weights();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            long[] s = e.getValue().getShape().getShape();
            int[] shape = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                shape[i] = (int) s[i];
            }
            w.put(e.getKey(), shape, e.getValue().toFloatArray());
        }
        return w;
    }

    private NDArray p(String name) {
        NDArray a = params.get(name);
        if (a == null) {
            throw new IllegalArgumentException("weights have no tensor named '" + name + "'");
        }
        return a;
    }

    private NDArray layerNorm(NDArray x, String gamma, String beta) {
        return LayerNorm.layerNorm(x, new Shape(config.width()), p(gamma), p(beta), LN_EPS).head();
    }

    private static NDArray dropout(NDArray x, float rate, boolean training) {
        return rate > 0 && training ? Dropout.dropout(x, rate, true).head() : x;
    }
}
