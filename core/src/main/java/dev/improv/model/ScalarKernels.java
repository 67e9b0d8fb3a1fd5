package dev.improv.model;

/** Plain-Java loops; the fallback when the Vector API module is not present. */
final class ScalarKernels implements Kernels {

    @Override
    public void matmulRows(float[] w, float[] bias, float[] x, float[] y, int in, int out, int batch,
                           int from, int to, boolean accumulate) {
        for (int o = from; o < to; o++) {
            int row = o * in;
            float b0 = bias == null ? 0f : bias[o];
            for (int b = 0; b < batch; b++) {
                float s = dot(w, row, x, b * in, in) + b0;
                int yi = b * out + o;
                y[yi] = accumulate ? y[yi] + s : s;
            }
        }
    }

    @Override
    public void matmulPanel(float[] panels, int base, float[] bias, float[] x, float[] y, int in, int out, int rows,
                            int pn, boolean accumulate) {
        packedPanel(panels, base, bias, x, y, in, out, rows, pn, accumulate);
    }

    /** One panel of {@link #matmulPacked}, any width: also the vector kernel's partial last panel. */
    static void packedPanel(float[] panels, int base, float[] bias, float[] x, float[] y, int in, int out, int rows,
                            int pn, boolean accumulate) {
        int width = LinearWeights.PANEL;
        for (int c = 0; c < width && pn * width + c < out; c++) {
            int o = pn * width + c;
            float b0 = bias == null ? 0f : bias[o];
            for (int r = 0; r < rows; r++) {
                float s = 0;
                for (int j = 0; j < in; j++) {
                    s += panels[base + j * width + c] * x[r * in + j];
                }
                float v = s + b0;
                int yi = r * out + o;
                y[yi] = accumulate ? y[yi] + v : v;
            }
        }
    }

    @Override
    public void matmulRowsInt8(byte[] q, float[] scale, float[] bias, float[] x, float[] y, int in, int from, int to,
                               boolean accumulate) {
        for (int o = from; o < to; o++) {
            int row = o * in;
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int j = 0;
            for (; j + 4 <= in; j += 4) {
                s0 += q[row + j] * x[j];
                s1 += q[row + j + 1] * x[j + 1];
                s2 += q[row + j + 2] * x[j + 2];
                s3 += q[row + j + 3] * x[j + 3];
            }
            for (; j < in; j++) {
                s0 += q[row + j] * x[j];
            }
            float v = ((s0 + s1) + (s2 + s3)) * scale[o] + (bias == null ? 0f : bias[o]);
            y[o] = accumulate ? y[o] + v : v;
        }
    }

    @Override
    public void widenPanel(byte[] panels, float[] scale, int pn, int in, float[] wide, int at) {
        int width = LinearWeights.PANEL;
        int base = pn * in * width;
        for (int j = 0; j < in; j++) {
            for (int c = 0; c < width; c++) {
                wide[at + j * width + c] = scale[pn * width + c] * panels[base + j * width + c];
            }
        }
    }

    @Override
    public float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        // Four partial sums let the CPU overlap the additions.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += a[aOffset + i] * b[bOffset + i];
            s1 += a[aOffset + i + 1] * b[bOffset + i + 1];
            s2 += a[aOffset + i + 2] * b[bOffset + i + 2];
            s3 += a[aOffset + i + 3] * b[bOffset + i + 3];
        }
        for (; i < n; i++) {
            s0 += a[aOffset + i] * b[bOffset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int i = 0; i < n; i++) {
            y[yOffset + i] += alpha * x[xOffset + i];
        }
    }

    @Override
    public void transposedDots(float[] q, int qOffset, float scale, float[] kt, int ktOffset, int stride, int dims,
                               float[] out, int outOffset, int n) {
        java.util.Arrays.fill(out, outOffset, outOffset + n, 0f);
        for (int j = 0; j < dims; j++) {
            axpy(q[qOffset + j], kt, ktOffset + j * stride, out, outOffset, n);
        }
        for (int p = 0; p < n; p++) {
            out[outOffset + p] *= scale;
        }
    }

    @Override
    public void blockedDots(float[] q, int qOffset, float scale, float[] kb, int kbOffset, int dims,
                            float[] out, int outOffset, int n) {
        for (int b = 0; b * KEY_BLOCK < n; b++) {
            transposedDots(q, qOffset, scale, kb, kbOffset + b * dims * KEY_BLOCK, KEY_BLOCK, dims, out,
                    outOffset + b * KEY_BLOCK, KEY_BLOCK);
        }
    }

    @Override
    public float quantizeInt8(float[] x, int from, int n, byte[] q, int at, int stride, float[] rounded) {
        float max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, Math.abs(x[from + i]));
        }
        float inv = max == 0 ? 0f : 127f / max;
        for (int i = 0; i < n; i++) {
            q[at + i * stride] = (byte) Math.round(x[from + i] * inv);
        }
        return max / 127f;
    }

    @Override
    public void layerNorm(float[] in, float[] out, int at, float[] gamma, float[] beta, int n, float eps) {
        float mean = 0;
        for (int i = 0; i < n; i++) {
            mean += in[at + i];
        }
        mean /= n;
        float var = 0;
        for (int i = 0; i < n; i++) {
            float c = in[at + i] - mean;
            var += c * c;
        }
        var /= n;
        float inv = (float) (1.0 / Math.sqrt(var + eps));
        for (int i = 0; i < n; i++) {
            out[at + i] = (in[at + i] - mean) * inv * gamma[i] + beta[i];
        }
    }

    @Override
    public void gelu(float[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = Gelu.apply(a[i]);
        }
    }

    @Override
    public float max(float[] a, int from, int to) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }

    @Override
    public float expShiftSum(float[] a, int from, int to, float shift) {
        float sum = 0;
        for (int i = from; i < to; i++) {
            float e = (float) Math.exp(a[i] - shift);
            a[i] = e;
            sum += e;
        }
        return sum;
    }

    @Override
    public void blockedDotsBf16(float[] q, int qOffset, float scale, short[] kb, int kbOffset, int dims,
                                float[] out, int outOffset, int n) {
        for (int p = 0; p < (n + KEY_BLOCK - 1) / KEY_BLOCK * KEY_BLOCK; p++) {
            float s = 0;
            for (int j = 0; j < dims; j++) {
                s += q[qOffset + j] * CacheFormat.fromBf16(kb[kbOffset + Kernels.bf16KeyIndex(p, j, dims)]);
            }
            out[outOffset + p] = s * scale;
        }
    }

    @Override
    public void weightedRowSumBf16(float[] w, int wOffset, float scale, short[] v, int vOffset, int dims, int n,
                                   float[] out, int outOffset) {
        for (int j = 0; j < dims; j++) {
            float s = 0;
            for (int p = 0; p < n; p++) {
                s += w[wOffset + p] * CacheFormat.fromBf16(v[vOffset + p * dims + Kernels.bf16ValueIndex(j, dims)]);
            }
            out[outOffset + j] = s * scale;
        }
    }

    @Override
    public void blockedDotsInt8(float[] q, int qOffset, float scale, byte[] kb, int kbOffset, float[] kScale,
                                int kScaleOffset, int dims, float[] out, int outOffset, int n) {
        int block = KEY_BLOCK * dims;
        for (int p = 0; p < (n + KEY_BLOCK - 1) / KEY_BLOCK * KEY_BLOCK; p++) {
            int at = kbOffset + p / KEY_BLOCK * block + p % KEY_BLOCK;
            float s = 0;
            for (int j = 0; j < dims; j++) {
                s += q[qOffset + j] * kb[at + j * KEY_BLOCK];
            }
            out[outOffset + p] = s * kScale[kScaleOffset + p] * scale;
        }
    }

    @Override
    public void weightedRowSumInt8(float[] w, int wOffset, float scale, byte[] v, int vOffset, float[] vScale,
                                   int vScaleOffset, int dims, int n, float[] out, int outOffset) {
        java.util.Arrays.fill(out, outOffset, outOffset + dims, 0f);
        for (int p = 0; p < n; p++) {
            float wp = w[wOffset + p] * vScale[vScaleOffset + p];
            for (int j = 0; j < dims; j++) {
                out[outOffset + j] += wp * v[vOffset + p * dims + j];
            }
        }
        for (int j = 0; j < dims; j++) {
            out[outOffset + j] *= scale;
        }
    }
}
