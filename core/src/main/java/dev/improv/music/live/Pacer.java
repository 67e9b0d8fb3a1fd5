package dev.improv.music.live;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a producer of audio frames no more than {@code leadFrames} ahead of the wall clock: needed
 * for outputs that return at once (no sound device, libGDX's mock audio). Used by one thread.
 */
final class Pacer {
    private final double rate;
    private final long leadFrames;
    private long baseNanos;
    private long frames;
    private int dropouts;

    Pacer(double rate, long leadFrames) {
        this.rate = rate;
        this.leadFrames = leadFrames;
        restart();
    }

    /** How far, in seconds, the frames produced are ahead of the clock (negative when behind). */
    double aheadSeconds() {
        return frames / rate - (System.nanoTime() - baseNanos) / 1e9;
    }

    /** Times the producer fell behind the clock. */
    int dropouts() {
        return dropouts;
    }

    /** Starts counting afresh from now (after a pause or a stall, when the lead is gone anyway). */
    void restart() {
        baseNanos = System.nanoTime();
        frames = 0;
    }

    /**
     * Records {@code n} more frames produced and sleeps while they are too far ahead of the clock.
     * Frames that arrive after the clock passed them count as a dropout (a device would have played
     * silence); the count then starts afresh from now.
     */
    void produced(long n) {
        frames += n;
        while (true) {
            long playedFrames = (long) ((System.nanoTime() - baseNanos) * rate / 1e9);
            if (frames < playedFrames) {
                dropouts++;
                restart();
                return;
            }
            long ahead = frames - playedFrames - leadFrames;
            if (ahead <= 0) {
                return;
            }
            LockSupport.parkNanos((long) (ahead * 1e9 / rate));
        }
    }
}
