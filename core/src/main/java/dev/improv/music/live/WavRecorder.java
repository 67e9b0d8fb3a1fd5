package dev.improv.music.live;

import dev.improv.api.AudioOutput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Records everything a session plays (gaps included) to a 16-bit stereo WAV file while passing it
 * on to another output: "what the player heard".
 */
public final class WavRecorder implements AudioOutput {
    private final AudioOutput next;
    private final RandomAccessFile file;
    private final Path path;
    private byte[] bytes = new byte[0];
    private long dataBytes;

    /** Creates or truncates {@code path} and forwards every write to {@code next}. */
    public WavRecorder(Path path, AudioOutput next) {
        this.next = next;
        this.path = path;
        try {
            this.file = new RandomAccessFile(path.toFile(), "rw");
            file.setLength(0);
            file.write(header(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(short[] samples, int offset, int count) {
        if (bytes.length < count * 2) {
            bytes = new byte[count * 2];
        }
        for (int i = 0; i < count; i++) {
            short s = samples[offset + i];
            bytes[2 * i] = (byte) s;
            bytes[2 * i + 1] = (byte) (s >> 8);
        }
        try {
            file.write(bytes, 0, count * 2);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        dataBytes += count * 2L;
        next.write(samples, offset, count);
    }

    @Override
    public boolean blocksInRealTime() {
        return next.blocksInRealTime();
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
            file.seek(0);
            file.write(header(dataBytes));
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path + ": " + e.getMessage(), e);
        } finally {
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
