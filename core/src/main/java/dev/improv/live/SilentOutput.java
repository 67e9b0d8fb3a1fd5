package dev.improv.live;

import dev.improv.api.AudioOutput;

/** Discards the sound: what a session plays into when there is no sound device. Returns at once. */
public final class SilentOutput implements AudioOutput {
    @Override
    public void write(short[] samples, int offset, int count) {
    }

    @Override
    public boolean blocksInRealTime() {
        return false;
    }

    /** Behaves like the 200 ms Java Sound line `improv play` opens where there is a sound card. */
    @Override
    public int aheadFrames() {
        return SAMPLE_RATE / 5;
    }

    @Override
    public boolean isAudible() {
        return false;
    }

    @Override
    public void close() {
    }
}
