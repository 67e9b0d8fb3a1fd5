package dev.improv.model;

/**
 * One linear layer's weights, {@code (out, in)} row-major as trained or narrowed to int8 (see
 * {@link WeightFormat}), plus the same matrix packed into panels for steps over several rows.
 *
 * <p>Panel {@code p} holds outputs {@code [16p, 16p+16)} column by column: {@code panels[(p*in + j)*16 + c]
 * = weight[(16p+c)*in + j]}. A multi-row kernel then reads 16 consecutive weights per input index and
 * multiplies them into a tile of rows held in registers, so each weight is loaded once per tile of rows
 * instead of once per row (see {@link Kernels#matmulPacked}). The packed copy is made on first use: a
 * decoder that only ever steps one row at a time (a game's) never pays its memory.
 *
 * <p>In int8 the row-major and packed copies hold bytes and {@link #scale} one float per output
 * (zero past {@code out}, up to a whole panel); the float32 matrix is not kept here.
 */
final class LinearWeights {
    /** Outputs per panel: two 256-bit vectors. */
    static final int PANEL = 16;

    final WeightFormat format;
    final float[] weight;     // FP32: (out, in); INT8: null
    final byte[] quantized;   // INT8: (out, in); FP32: null
    final float[] scale;      // INT8: per output, padded to whole panels; FP32: null
    final float[] bias;
    final int in;
    final int out;
    private volatile Object panels;
    /** Per thread: int8 panels widened to float32 (one or two of 16 x in), reused by the row tiles of a step. */
    private static final ThreadLocal<float[]> WIDE_PANEL = ThreadLocal.withInitial(() -> new float[0]);

    LinearWeights(float[] weight, float[] bias, int in, int out) {
        this(weight, bias, in, out, WeightFormat.FP32);
    }

    /** The layer in {@code format}; int8 narrows {@code weight} (left unchanged) here, once. */
    LinearWeights(float[] weight, float[] bias, int in, int out, WeightFormat format) {
        this.format = format;
        this.bias = bias;
        this.in = in;
        this.out = out;
        if (format == WeightFormat.INT8) {
            this.weight = null;
            this.quantized = new byte[in * out];
            this.scale = new float[panelCount() * PANEL];
            quantize(weight, in, out, quantized, scale);
        } else {
            this.weight = weight;
            this.quantized = null;
            this.scale = null;
        }
    }

    /**
     * Symmetric per-output-channel int8: {@code scale[o] = max_j |w[o][j]| / 127}, {@code q = round(w / scale)}.
     * A row of zeros gets scale 0 and zeros.
     */
    static void quantize(float[] weight, int in, int out, byte[] q, float[] scale) {
        for (int o = 0; o < out; o++) {
            float max = 0;
            for (int j = 0; j < in; j++) {
                max = Math.max(max, Math.abs(weight[o * in + j]));
            }
            float s = max / 127f;
            scale[o] = s;
            float inv = s == 0 ? 0 : 1f / s;
            for (int j = 0; j < in; j++) {
                q[o * in + j] = (byte) Math.max(-127, Math.min(127, Math.round(weight[o * in + j] * inv)));
            }
        }
    }

    /** Number of panels (the last one padded with zero weights when out is not a multiple of 16). */
    int panelCount() {
        return (out + PANEL - 1) / PANEL;
    }

    /** Units a product over {@code rows} rows is split into between threads: outputs for one row, else panels. */
    int units(int rows) {
        return rows == 1 ? out : panelCount();
    }

    /** The first output of unit {@code unit} (see {@link #units}); {@code out} past the last. */
    int firstOutput(int rows, int unit) {
        return rows == 1 ? unit : Math.min(out, unit * PANEL);
    }

    /**
     * {@code y[r*out+o] = (accumulate ? y : 0) + bias[o] + sum_j w[o][j] x[r*in+j]} for rows [0, rows)
     * and the outputs of units [from, to): the row kernel for one row, the packed kernel for more.
     */
    void multiply(Kernels k, float[] x, float[] y, int rows, int from, int to, boolean accumulate) {
        if (format == WeightFormat.INT8) {
            if (rows == 1) {
                k.matmulRowsInt8(quantized, scale, bias, x, y, in, from, to, accumulate);
            } else {
                float[] wide = WIDE_PANEL.get();
                if (wide.length < k.wideScratch(in)) {
                    wide = new float[k.wideScratch(in)];
                    WIDE_PANEL.set(wide);
                }
                k.matmulPackedInt8((byte[]) panels(), scale, wide, bias, x, y, in, out, rows, from, to, accumulate);
            }
        } else if (rows == 1) {
            k.matmulRows(weight, bias, x, y, in, out, 1, from, to, accumulate);
        } else {
            k.matmulPacked((float[]) panels(), bias, x, y, in, out, rows, from, to, accumulate);
        }
    }

    /** The packed copy (float[] or byte[] by format), made once and shared by every decoder of the model. */
    Object panels() {
        Object p = panels;
        if (p == null) {
            synchronized (this) {
                p = panels;
                if (p == null) {
                    p = format == WeightFormat.INT8 ? pack(quantized, in, out) : pack(weight, in, out);
                    panels = p;
                }
            }
        }
        return p;
    }

    /** Bytes one read of this layer's weights (row-major form, scales and bias included) takes. */
    long bytesPerRead() {
        long weights = format == WeightFormat.INT8 ? (long) in * out + 4L * out : 4L * in * out;
        return weights + (bias == null ? 0 : 4L * bias.length);
    }

    /** Where weight (o, j) of an {@code in}-wide layer lives in the packed copy. */
    static int packedIndex(int o, int j, int in) {
        return (o / PANEL * in + j) * PANEL + o % PANEL;
    }

    static float[] pack(float[] weight, int in, int out) {
        float[] p = new float[(out + PANEL - 1) / PANEL * PANEL * in];
        for (int i = 0; i < out * in; i++) {
            p[packedIndex(i / in, i % in, in)] = weight[i];
        }
        return p;
    }

    static byte[] pack(byte[] weight, int in, int out) {
        byte[] p = new byte[(out + PANEL - 1) / PANEL * PANEL * in];
        for (int i = 0; i < out * in; i++) {
            p[packedIndex(i / in, i % in, in)] = weight[i];
        }
        return p;
    }
}
