package dev.improv.live;

/** 16-bit samples as the little-endian bytes sound lines and WAV files take. */
final class Pcm {
    private Pcm() {
    }

    /** Writes {@code count} samples from {@code offset} into {@code buffer}, grown if too small; returns the buffer used. */
    static byte[] littleEndian(short[] samples, int offset, int count, byte[] buffer) {
        byte[] out = buffer.length < count * 2 ? new byte[count * 2] : buffer;
        for (int i = 0; i < count; i++) {
            short s = samples[offset + i];
            out[2 * i] = (byte) s;
            out[2 * i + 1] = (byte) (s >> 8);
        }
        return out;
    }
}
