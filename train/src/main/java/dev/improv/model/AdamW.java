package dev.improv.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter) with global gradient-norm clipping. Written here rather than taken
 * from DJL so that its moments can be saved in a checkpoint and restored exactly.
 */
public final class AdamW {
    static final String PREFIX = "adamw.";
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.95f;
    private static final float EPS = 1e-8f;

    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();

    /** Moments start at zero, or from {@code checkpoint} when it holds them. */
    public AdamW(Map<String, NDArray> params, Weights checkpoint, NDManager manager) {
        this.params = params;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            m.put(name, moment(checkpoint, PREFIX + "m." + name, e.getValue(), manager));
            v.put(name, moment(checkpoint, PREFIX + "v." + name, e.getValue(), manager));
        }
    }

    private static NDArray moment(Weights checkpoint, String name, NDArray like, NDManager manager) {
        if (checkpoint.contains(name)) {
            return manager.create(checkpoint.tensor(name).data(), like.getShape());
        }
        return manager.zeros(like.getShape());
    }

    /**
     * Applies one update from the gradients the last backward pass left, then clears them.
     *
     * @param t 1-based step number, for bias correction
     */
    public void step(int t, float lr, float weightDecay, float clip, NDManager sm) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        double sq = 0;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(sm);
            grads.put(e.getKey(), g);
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        float scale = clip > 0 && norm > clip ? (float) (clip / (norm + 1e-6)) : 1f;
        float c1 = (float) (1 - Math.pow(BETA1, t));
        float c2 = (float) (1 - Math.pow(BETA2, t));
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            String name = e.getKey();
            NDArray p = e.getValue();
            NDArray g = grads.get(name).mul(scale);
            NDArray mm = m.get(name);
            NDArray vv = v.get(name);
            mm.muli(BETA1).addi(g.mul(1 - BETA1));
            vv.muli(BETA2).addi(g.square().mul(1 - BETA2));
            if (weightDecay > 0 && p.getShape().dimension() >= 2) {
                p.muli(1 - lr * weightDecay);
            }
            // Results belong to the manager of the array an op is called on: move the first result of
            // each chain into the step manager so nothing piles up in the long-lived one.
            NDArray mHat = mm.div(c1);
            mHat.attach(sm);
            NDArray vHat = vv.div(c2);
            vHat.attach(sm);
            p.subi(mHat.div(vHat.sqrt().add(EPS)).mul(lr));
            grads.get(name).muli(0f);
        }
    }

    /** Adds the moments to a checkpoint. */
    public void saveInto(Weights w) {
        for (String name : params.keySet()) {
            put(w, PREFIX + "m." + name, m.get(name));
            put(w, PREFIX + "v." + name, v.get(name));
        }
    }

    private static void put(Weights w, String name, NDArray a) {
        long[] s = a.getShape().getShape();
        int[] shape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            shape[i] = (int) s[i];
        }
        w.put(name, shape, a.toFloatArray());
    }
}
