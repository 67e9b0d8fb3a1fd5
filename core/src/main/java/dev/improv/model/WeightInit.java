package dev.improv.model;

/** GPT-2's initialisation: normal(0, 0.02) weights, residual projections scaled by 1/sqrt(2 layers). */
final class WeightInit {
    private WeightInit() {
    }

    static Weights gpt2(TransformerConfig c, long seed) {
        SeededRandom r = new SeededRandom(seed);
        int d = c.width();
        int ff = 4 * d;
        float std = 0.02f;
        float residualStd = (float) (0.02 / Math.sqrt(2.0 * c.layers()));
        Weights w = new Weights();
        w.put(TransformerNames.TOK_EMB, new int[] {c.vocabSize(), d}, normal(r, c.vocabSize() * d, std));
        w.put(TransformerNames.POS_EMB, new int[] {c.context(), d}, normal(r, c.context() * d, std));
        for (int i = 0; i < c.layers(); i++) {
            TransformerNames.Block n = TransformerNames.block(i);
            w.put(n.ln1W(), new int[] {d}, filled(d, 1f));
            w.put(n.ln1B(), new int[] {d}, new float[d]);
            w.put(n.qkvW(), new int[] {3 * d, d}, normal(r, 3 * d * d, std));
            w.put(n.qkvB(), new int[] {3 * d}, new float[3 * d]);
            w.put(n.projW(), new int[] {d, d}, normal(r, d * d, residualStd));
            w.put(n.projB(), new int[] {d}, new float[d]);
            w.put(n.ln2W(), new int[] {d}, filled(d, 1f));
            w.put(n.ln2B(), new int[] {d}, new float[d]);
            w.put(n.fcW(), new int[] {ff, d}, normal(r, ff * d, std));
            w.put(n.fcB(), new int[] {ff}, new float[ff]);
            w.put(n.fc2W(), new int[] {d, ff}, normal(r, d * ff, residualStd));
            w.put(n.fc2B(), new int[] {d}, new float[d]);
        }
        w.put(TransformerNames.LNF_W, new int[] {d}, filled(d, 1f));
        w.put(TransformerNames.LNF_B, new int[] {d}, new float[d]);
        w.put(TransformerNames.HEAD, new int[] {c.vocabSize(), d}, normal(r, c.vocabSize() * d, std));
        return w;
    }

    private static float[] normal(SeededRandom r, int n, float std) {
        float[] out = new float[n];
        for (int i = 0; i < n; i += 2) {
            // Box-Muller: two normals from two uniforms.
            double u1 = Math.max(r.nextDouble(), 1e-300);
            double u2 = r.nextDouble();
            double radius = Math.sqrt(-2 * Math.log(u1));
            out[i] = (float) (radius * Math.cos(2 * Math.PI * u2) * std);
            if (i + 1 < n) {
                out[i + 1] = (float) (radius * Math.sin(2 * Math.PI * u2) * std);
            }
        }
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
