package dev.improv.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.music.Loudness;
import org.junit.jupiter.api.Test;

/** Live output levelled block by block: quiet music lifted to the target, loud music held under the ceiling, silence left alone. */
class StreamNormaliserTest {

    private static final int RATE = 44_100;
    private static final int FRAMES = LiveSession.BLOCK_FRAMES;
    private static final double CEILING = Loudness.MAX_PEAK * 32768;

    /** Feeds {@code seconds} of a stereo sine of {@code amplitude} (0..1) and returns the output's RMS over the last second. */
    private static double sine(StreamNormaliser n, double amplitude, double seconds, long[] frame, double[] maxOut) {
        int blocks = (int) Math.round(seconds * RATE / FRAMES);
        double sum = 0;
        long count = 0;
        for (int b = 0; b < blocks; b++) {
            short[] block = new short[FRAMES * 2];
            for (int f = 0; f < FRAMES; f++) {
                short s = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * 220 * (frame[0] + f) / RATE));
                block[2 * f] = s;
                block[2 * f + 1] = s;
            }
            frame[0] += FRAMES;
            n.process(block, block.length);
            for (short s : block) {
                maxOut[0] = Math.max(maxOut[0], Math.abs(s));
                if (b >= blocks - RATE / FRAMES) {
                    sum += (double) s * s;
                    count++;
                }
            }
        }
        return Math.sqrt(sum / count) / 32768;
    }

    @Test
    void quietMusicIsLiftedToTheTargetLevel() {
        StreamNormaliser n = new StreamNormaliser(2, RATE);
        double[] max = {0};
        double rms = sine(n, 0.05, 6, new long[1], max); // -29 dBFS RMS in
        assertEquals(Loudness.dbfs(Loudness.TARGET_RMS), Loudness.dbfs(rms), 0.5);
        assertTrue(max[0] <= CEILING, "peak " + max[0]);
    }

    @Test
    void loudMusicNeverPassesTheCeiling() {
        StreamNormaliser n = new StreamNormaliser(2, RATE);
        double[] max = {0};
        // a sine at full scale has a crest factor of 3 dB: at -18 dBFS RMS its peaks sit far below the ceiling,
        // but the first blocks (gain 1) would clip without the limiter
        sine(n, 1.0, 4, new long[1], max);
        assertTrue(max[0] <= CEILING, "peak " + max[0]);
        assertTrue(n.peak() <= Loudness.MAX_PEAK);
    }

    @Test
    void aSuddenLoudPassageAfterAQuietOneIsLimitedWithoutClipping() {
        StreamNormaliser n = new StreamNormaliser(2, RATE);
        long[] frame = {0};
        double[] max = {0};
        sine(n, 0.01, 5, frame, max);          // the gain climbs to its maximum, +18 dB
        assertTrue(n.gain() > 4, "gain " + n.gain());
        double[] loudMax = {0};
        double rms = sine(n, 0.9, 6, frame, loudMax);  // then 39 dB louder
        assertTrue(loudMax[0] <= CEILING, "peak " + loudMax[0]);
        assertEquals(Loudness.dbfs(Loudness.TARGET_RMS), Loudness.dbfs(rms), 1.0); // and settles back on the target
    }

    @Test
    void silenceStaysSilentAndKeepsTheGain() {
        StreamNormaliser n = new StreamNormaliser(2, RATE);
        double[] max = {0};
        sine(n, 0.05, 3, new long[1], max);
        double gain = n.gain();
        short[] silence = new short[FRAMES * 2];
        for (int i = 0; i < 400; i++) {
            n.process(silence, silence.length);
        }
        for (short s : silence) {
            assertEquals(0, s);
        }
        assertEquals(gain, n.gain(), 1e-9);
    }

    @Test
    void itReportsThePeakAndRmsItLetOut() {
        StreamNormaliser n = new StreamNormaliser(2, RATE);
        short[] block = new short[FRAMES * 2];
        java.util.Arrays.fill(block, (short) 1000);
        n.process(block, block.length);
        int out = block[block.length - 1];
        assertEquals(out / 32768.0, n.peak(), 1e-9);
        assertTrue(n.rms() > 0 && n.rms() <= n.peak());
        assertEquals(0, n.limitedSamples());
    }
}
