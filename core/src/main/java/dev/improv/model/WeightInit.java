package dev.improv.model;

/** GPT-2's initialisation: normal(0, 0.02) weights, residual projections scaled by 1/sqrt(2 layers). */
final class WeightInit {
    private WeightInit() {
    }

    static Weights gpt2(TransformerConfig c, long seed) {
        SeededRandom r = new SeededRandom(seed);
        float std = 0.02f;
        float residualStd = (float) (0.02 / Math.sqrt(2.0 * c.layers()));
        Weights w = new Weights();
        for (TransformerLayout.Tensor t : TransformerLayout.tensors(c)) {
            int n = Math.toIntExact(t.size());
            w.put(t.name(), t.shape(), switch (t.init()) {
                case NORMAL -> normal(r, n, std);
                case RESIDUAL -> normal(r, n, residualStd);
                case ONES -> filled(n, 1f);
                case ZEROS -> new float[n];
            });
        }
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
