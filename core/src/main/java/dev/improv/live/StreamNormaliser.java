package dev.improv.live;

import dev.improv.music.Loudness;

/**
 * Normalises the loudness of live audio block by block: the streaming counterpart of
 * {@link Loudness}, which measures a whole rendering before it sets one gain. A slow automatic gain
 * aims the RMS of the last few seconds at {@link Loudness#TARGET_RMS} (-18 dBFS); a limiter that
 * sees each block before it is written keeps every sample at or under {@link Loudness#MAX_PEAK}
 * (-1 dBFS), so nothing clips. It costs one pass over each block, so it adds no latency and no gap.
 * It also measures what it lets out, for the session's report. The playback thread owns it.
 */
final class StreamNormaliser {

    /** The loudness memory: long enough not to pump on every beat, short enough to follow a change of mood. */
    static final double WINDOW_SECONDS = 3;
    /** At most +18 dB: a quiet passage is lifted, a near-silent tail is not turned into noise. */
    static final double MAX_GAIN = 8;
    static final double MIN_GAIN = 1 / 64.0;
    /** How fast the limiter lets go after a loud moment. */
    static final double RELEASE_SECONDS = 0.3;
    /** A gain cut is reached within this many frames (1.5 ms), so a peak early in a block is caught too. */
    static final int ATTACK_FRAMES = 64;

    private static final double SILENT_MEAN_SQUARE = 1e-8; // under -80 dBFS: nothing to learn the level from
    private static final double FULL_SCALE = 32768.0;

    private final int channels;
    private final int sampleRate;
    private double meanSquare;   // moving average of the input's mean square over WINDOW_SECONDS
    private double heardSeconds; // seconds of sound averaged, to undo the average's start-up bias
    private double level = 1;    // the automatic gain
    private double limit = 1;    // the limiter's factor, <= 1
    private double applied = 1;  // the gain at the end of the last block
    private double peak;
    private double sumSquares;
    private long samples;
    private long limitedSamples;

    StreamNormaliser(int channels, int sampleRate) {
        if (channels < 1 || sampleRate < 1) {
            throw new IllegalArgumentException("channels and sample rate must be >= 1, got " + channels + ", " + sampleRate);
        }
        this.channels = channels;
        this.sampleRate = sampleRate;
    }

    /** Scales {@code block} (interleaved 16-bit samples, {@code length} of them) in place. */
    void process(short[] block, int length) {
        int frames = length / channels;
        if (frames == 0) {
            return;
        }
        double blockSeconds = frames / (double) sampleRate;
        double sum = 0;
        int inPeak = 0;
        for (int i = 0; i < frames * channels; i++) {
            int s = block[i];
            sum += (double) s * s;
            inPeak = Math.max(inPeak, Math.abs(s));
        }
        double blockMeanSquare = sum / (frames * channels) / (FULL_SCALE * FULL_SCALE);
        if (blockMeanSquare > SILENT_MEAN_SQUARE) {
            double keep = Math.exp(-blockSeconds / WINDOW_SECONDS);
            meanSquare = keep * meanSquare + (1 - keep) * blockMeanSquare;
            heardSeconds += blockSeconds;
            double unbiased = meanSquare / (1 - Math.exp(-heardSeconds / WINDOW_SECONDS));
            level = Math.max(MIN_GAIN, Math.min(MAX_GAIN, Loudness.TARGET_RMS / Math.sqrt(unbiased)));
        }
        double needed = inPeak == 0 ? 1 : Math.min(1, Loudness.MAX_PEAK * FULL_SCALE / (inPeak * level));
        limit = needed < limit ? needed : limit + (needed - limit) * (1 - Math.exp(-blockSeconds / RELEASE_SECONDS));
        limit = Math.min(limit, needed); // never above what this block allows
        double target = level * limit;
        double ceiling = Loudness.MAX_PEAK * FULL_SCALE;
        // A cut is reached within ATTACK_FRAMES; a rise is spread over the whole block.
        int ramp = target < applied ? Math.min(ATTACK_FRAMES, frames) : frames;
        for (int f = 0; f < frames; f++) {
            double g = f < ramp ? applied + (target - applied) * (f + 1) / ramp : target;
            for (int c = 0; c < channels; c++) {
                int i = f * channels + c;
                double v = block[i] * g;
                if (v > ceiling || v < -ceiling) {
                    v = Math.copySign(ceiling, v); // a peak inside the attack ramp: held at the ceiling
                    limitedSamples++;
                }
                short out = (short) Math.round(v);
                block[i] = out;
                peak = Math.max(peak, Math.abs(out) / FULL_SCALE);
                sumSquares += (double) out * out;
            }
        }
        samples += (long) frames * channels;
        applied = target;
    }

    /** The largest sample let out so far, 0..1 of full scale (at most {@link Loudness#MAX_PEAK}). */
    double peak() {
        return peak;
    }

    /** The RMS of everything let out so far, 0..1 of full scale. */
    double rms() {
        return samples == 0 ? 0 : Math.sqrt(sumSquares / samples) / FULL_SCALE;
    }

    /** Samples the limiter had to hold at the ceiling because a peak came within its attack. */
    long limitedSamples() {
        return limitedSamples;
    }

    /** The gain applied at the end of the last block. */
    double gain() {
        return applied;
    }
}
