package dev.improv.gdx;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.audio.AudioDevice;
import dev.improv.api.AudioOutput;

/**
 * Streams a live music session into a libGDX {@link AudioDevice} (44.1 kHz stereo). The session
 * always paces itself by the clock here, because libGDX quietly hands out a device whose writes
 * return at once when there is no sound card (or under the headless backend).
 */
public final class AudioDeviceOutput implements AudioOutput {
    private final AudioDevice device;
    private final boolean audible;

    /** Wraps {@code device}, which must be stereo at {@link AudioOutput#SAMPLE_RATE}; this output disposes it. */
    public AudioDeviceOutput(AudioDevice device) {
        if (device.isMono()) {
            throw new IllegalArgumentException("the audio device must be stereo");
        }
        this.device = device;
        // libGDX's stand-ins for a missing device are its Mock* classes (headless and LWJGL3 backends).
        this.audible = !device.getClass().getSimpleName().startsWith("Mock");
    }

    /** Opens a stereo device on {@code Gdx.audio}; call it on the render thread (in create()). */
    public static AudioDeviceOutput open() {
        return new AudioDeviceOutput(Gdx.audio.newAudioDevice(SAMPLE_RATE, false));
    }

    @Override
    public void write(short[] samples, int offset, int count) {
        device.writeSamples(samples, offset, count);
    }

    @Override
    public boolean blocksInRealTime() {
        return false;
    }

    @Override
    public int aheadFrames() {
        // Keep the device's own buffer full plus a little slack; getLatency() is in frames.
        return Math.max(2048, device.getLatency() + 2048);
    }

    @Override
    public boolean isAudible() {
        return audible;
    }

    @Override
    public void close() {
        device.dispose();
    }
}
