package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.model.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Records everything a session plays to a 16-bit stereo WAV file while passing it on to another
 * output: "what the player heard", gaps included (silence while playback waited for generation,
 * and the silence a device played while the session fell behind its clock).
 */
public final class WavRecorder implements AudioOutput {
    private final AudioOutput next;
    private final AtomicFiles.Staged file;
    private final Path path;
    private byte[] bytes = new byte[0];
    private long dataBytes;

    /**
     * Records into a temporary file beside {@code path} and forwards every write to {@code next};
     * {@link #close()} puts the finished WAV in place, so an existing file is replaced only by a
     * whole recording and a killed session leaves it as it was.
     */
    public WavRecorder(Path path, AudioOutput next) {
        this.next = next;
        this.path = path;
        try {
            this.file = AtomicFiles.open(path);
            file.stream().write(header(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public void write(short[] samples, int offset, int count) {
        record(samples, offset, count);
        next.write(samples, offset, count);
    }

    private void record(short[] samples, int offset, int count) {
        bytes = Pcm.littleEndian(samples, offset, count, bytes);
        try {
            file.stream().write(bytes, 0, count * 2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        dataBytes += count * 2L;
    }

    /** Records the silence a device played while the session was late (a dropout). */
    @Override
    public void gap(long frames) {
        short[] zeros = new short[(int) Math.min(frames, 4096) * 2];
        for (long left = frames; left > 0; left -= zeros.length / 2) {
            int n = (int) Math.min(left, zeros.length / 2);
            record(zeros, 0, n * 2);
        }
        next.gap(frames);
    }

    @Override
    public boolean blocksInRealTime() {
        return next.blocksInRealTime();
    }

    /** The device's: recording must not change how far ahead the session runs. */
    @Override
    public int aheadFrames() {
        return next.aheadFrames();
    }

    @Override
    public boolean isAudible() {
        return next.isAudible();
    }

    /** Seconds recorded so far. */
    public double seconds() {
        return dataBytes / 4.0 / SAMPLE_RATE;
    }

    @Override
    public void close() {
        try {
            file.stream().flush();
            file.channel().write(ByteBuffer.wrap(header(dataBytes)), 0);
            file.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path + ": " + e.getMessage(), e);
        } finally {
            file.close();
            next.close();
        }
    }

    private static byte[] header(long dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        b.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2);
        b.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return b.array();
    }
}
