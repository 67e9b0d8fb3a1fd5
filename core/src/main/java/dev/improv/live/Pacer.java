package dev.improv.live;

/**
 * Keeps a producer of audio frames no more than {@code leadFrames} ahead of the session's clock:
 * needed for outputs that return at once (no sound device, libGDX's mock audio). Used by one
 * thread; {@link #stop()} from any.
 */
final class Pacer {
    private final double rate;
    private final long leadFrames;
    private final SessionClock clock;
    private long baseNanos;
    private long frames;
    private int dropouts;
    private volatile boolean stopped;

    Pacer(double rate, long leadFrames, SessionClock clock) {
        this.rate = rate;
        this.leadFrames = leadFrames;
        this.clock = clock;
        restart();
    }

    /** How far, in seconds, the frames produced are ahead of the clock (negative when behind). */
    double aheadSeconds() {
        return frames / rate - (clock.nanoTime() - baseNanos) / 1e9;
    }

    /** Times the producer fell behind the clock. */
    int dropouts() {
        return dropouts;
    }

    /** Starts counting afresh from now (after a pause or a stall, when the lead is gone anyway). */
    void restart() {
        baseNanos = clock.nanoTime();
        frames = 0;
    }

    /** Ends a wait in {@link #produced} at once, now and from now on (the session is closing). */
    void stop() {
        synchronized (this) {
            stopped = true;
            clock.signalAll(this);
        }
    }

    /**
     * Records {@code n} more frames produced and sleeps while they are too far ahead of the clock.
     * Frames that arrive after the clock passed them count as a dropout (a device would have played
     * silence); the count then starts afresh from now.
     *
     * @return frames of silence a device would have played before these (0 unless a dropout; a
     *         block's worth of lateness is tolerated, so it may be that much short)
     */
    long produced(long n) throws InterruptedException {
        frames += n;
        while (!stopped) {
            long playedFrames = (long) ((clock.nanoTime() - baseNanos) * rate / 1e9);
            if (frames < playedFrames) {
                long behind = playedFrames - frames;
                dropouts++;
                restart();
                return behind;
            }
            long ahead = frames - playedFrames - leadFrames;
            if (ahead <= 0) {
                return 0;
            }
            synchronized (this) {
                if (!stopped) {
                    clock.await(this, Math.max(1, (long) Math.ceil(ahead * 1e9 / rate)));
                }
            }
        }
        return 0;
    }
}
