package dev.improv.model;

/**
 * One linear layer's weights, {@code (out, in)} row-major as trained, plus the same matrix packed
 * into panels for steps over several rows.
 *
 * <p>Panel {@code p} holds outputs {@code [16p, 16p+16)} column by column: {@code panels[(p*in + j)*16 + c]
 * = weight[(16p+c)*in + j]}. A multi-row kernel then reads 16 consecutive weights per input index and
 * multiplies them into a tile of rows held in registers, so each weight is loaded once per tile of rows
 * instead of once per row (see {@link Kernels#matmulPacked}). The packed copy is made on first use: a
 * decoder that only ever steps one row at a time (a game's) never pays its memory.
 */
final class LinearWeights {
    /** Outputs per panel: two 256-bit vectors. */
    static final int PANEL = 16;

    final float[] weight;
    final float[] bias;
    final int in;
    final int out;
    private volatile float[] panels;

    LinearWeights(float[] weight, float[] bias, int in, int out) {
        this.weight = weight;
        this.bias = bias;
        this.in = in;
        this.out = out;
    }

    /** Number of panels (the last one padded with zero weights when out is not a multiple of 16). */
    int panelCount() {
        return (out + PANEL - 1) / PANEL;
    }

    /** The packed copy, made once and shared by every decoder of the model. */
    float[] panels() {
        float[] p = panels;
        if (p == null) {
            synchronized (this) {
                p = panels;
                if (p == null) {
                    p = pack(weight, in, out);
                    panels = p;
                }
            }
        }
        return p;
    }

    static float[] pack(float[] weight, int in, int out) {
        float[] p = new float[(out + PANEL - 1) / PANEL * PANEL * in];
        for (int o = 0; o < out; o++) {
            int panelBase = o / PANEL * in * PANEL + o % PANEL;
            for (int j = 0; j < in; j++) {
                p[panelBase + j * PANEL] = weight[o * in + j];
            }
        }
        return p;
    }
}
