package dev.improv.music;

/**
 * Peak and RMS of 16-bit little-endian PCM, and a gain that brings a rendering to a common loudness
 * without clipping. Soundfonts differ by 12 dB or more for the same MIDI (TimGM6mb against the JDK's
 * set), so a game mixing music with effects needs the level fixed, not left to the soundfont.
 *
 * @param peak the largest absolute sample, 0..1 of full scale
 * @param rms  the root mean square over all samples, 0..1 of full scale
 */
public record Loudness(double peak, double rms) {

    /** Where normalised audio's RMS is aimed: -18 dBFS, the usual level for game music stems. */
    public static final double TARGET_RMS = 0.126;
    /** The highest peak normalised audio may reach: -1 dBFS, headroom for resampling and mixing. */
    public static final double MAX_PEAK = 0.891;

    /** Measures {@code length} bytes of PCM from {@code offset}. */
    public static Loudness of(byte[] pcm, int offset, int length) {
        double sum = 0;
        int peak = 0;
        int samples = length / 2;
        for (int i = 0; i < samples; i++) {
            int s = sample(pcm, offset + 2 * i);
            peak = Math.max(peak, Math.abs(s));
            sum += (double) s * s;
        }
        return new Loudness(peak / 32768.0, samples == 0 ? 0 : Math.sqrt(sum / samples) / 32768.0);
    }

    /** The gain that takes this audio's RMS to {@link #TARGET_RMS} unless its peak would pass {@link #MAX_PEAK}. */
    public double gain() {
        if (peak == 0) {
            return 1;
        }
        return Math.min(TARGET_RMS / rms, MAX_PEAK / peak);
    }

    /** Multiplies the PCM samples in place by {@code gain} (saturating, though {@link #gain()} never needs to). */
    public static void apply(byte[] pcm, int offset, int length, double gain) {
        for (int i = offset; i + 1 < offset + length; i += 2) {
            int s = (int) Math.round(sample(pcm, i) * gain);
            s = Math.max(-32768, Math.min(32767, s));
            pcm[i] = (byte) s;
            pcm[i + 1] = (byte) (s >> 8);
        }
    }

    /** In decibels of full scale, for reports. */
    public static double dbfs(double level) {
        return level <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(level);
    }

    private static int sample(byte[] pcm, int i) {
        return (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
    }
}
