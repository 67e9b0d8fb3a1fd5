package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.music.SynthStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** Plays through a Java Sound line (the desktop's sound card). {@link #write} blocks at the device's pace. */
public final class JavaSoundOutput implements AudioOutput {
    private final SourceDataLine line;
    private byte[] bytes = new byte[0];

    private JavaSoundOutput(SourceDataLine line) {
        this.line = line;
    }

    /**
     * Opens the default line with about {@code bufferMillis} of buffering.
     *
     * @throws IllegalStateException when there is no sound device
     */
    public static JavaSoundOutput open(int bufferMillis) {
        try {
            SourceDataLine line = AudioSystem.getSourceDataLine(SynthStream.FORMAT);
            int bytes = (int) (SynthStream.FORMAT.getFrameRate() * bufferMillis / 1000) * 4;
            line.open(SynthStream.FORMAT, bytes);
            line.start();
            return new JavaSoundOutput(line);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IllegalStateException("no sound device: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(short[] samples, int offset, int count) {
        bytes = Pcm.littleEndian(samples, offset, count, bytes);
        line.write(bytes, 0, count * 2);
    }

    @Override
    public boolean blocksInRealTime() {
        return true;
    }

    @Override
    public boolean isAudible() {
        return true;
    }

    @Override
    public void close() {
        line.drain();
        line.close();
    }
}
