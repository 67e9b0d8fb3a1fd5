package dev.improv.api;

/**
 * Where a live music session sends its sound: 16-bit signed, interleaved stereo PCM at
 * {@link #SAMPLE_RATE}. Used by one session thread.
 */
public interface AudioOutput extends AutoCloseable {
    /** Samples per second per channel. */
    int SAMPLE_RATE = 44_100;

    /** Plays {@code count} samples (frames x 2) from {@code samples[offset]}; may block while the device plays. */
    void write(short[] samples, int offset, int count);

    /**
     * True when {@link #write} blocks at the device's pace. When false (a device that discards sound
     * or returns at once) the session paces itself by the clock.
     */
    boolean blocksInRealTime();

    /**
     * How far, in frames, a session may run ahead of the wall clock when it paces itself (see
     * {@link #blocksInRealTime()}); about the device's own buffer. Default 4096 (93 ms).
     */
    default int aheadFrames() {
        return 4096;
    }

    /**
     * The session fell {@code frames} behind the clock it paces itself by (see
     * {@link #blocksInRealTime()}): a device playing in real time ran dry and played that much
     * silence. Nothing to do for a device; a recorder of what was heard writes the gap. Default: nothing.
     */
    default void gap(long frames) {
    }

    /** False when nothing will be heard (no sound device); the session then says so once. */
    boolean isAudible();

    /** Releases the device. */
    @Override
    void close();
}
