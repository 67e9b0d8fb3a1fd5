package dev.improv.live;

import dev.improv.api.AudioOutput;
import dev.improv.api.Key;
import dev.improv.api.MusicControls;
import dev.improv.api.SessionStats;

/**
 * What a {@link LiveSession}'s two threads ({@link BarGenerationLoop} and {@link PlaybackLoop}) and
 * its facade share: the {@link Lookahead}, the {@link PlaybackCounters} and where playback stands.
 * Plain fields are guarded by {@link #lock}, which neither thread holds while generating or
 * rendering; volatile ones are published for readers that take no lock.
 */
final class LiveState {
    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());

    /** Where playback stands, published by the playback thread after every block. */
    record Position(int playingBar, long barStart, long barFrames, int beats, long renderedFrames) {
        double bars() {
            return playingBar < 0 ? 0 : playingBar + Math.min(1.0, (renderedFrames - barStart) / (double) barFrames);
        }
    }

    final Object lock = new Object();
    final SessionClock clock;
    final Lookahead lookahead;
    final PlaybackCounters counters = new PlaybackCounters();
    /** What a paused player waits on; resuming and closing ring it. */
    final Object doorbell = new Object();
    private final AudioOutput output;

    // Guarded by lock.
    int playingBar = -1;
    long playingBarStart;
    long playingBarFrames = 1;
    int playingBarBeats = 4;
    /** The key of the bar playing, as its engine made it: stingers play in it. */
    Key playingKey;
    long renderedFrames;
    boolean closed;
    boolean finished;

    volatile Position position = new Position(-1, 0, 1, 4, 0);
    volatile SessionStats published;
    volatile boolean paused;
    /** Set with {@code closed}, readable without the lock (by a paused player). */
    volatile boolean ending;
    volatile String failure;

    LiveState(MusicControls controls, SessionClock clock, AudioOutput output) {
        this.clock = clock;
        this.output = output;
        this.lookahead = new Lookahead(controls);
    }

    /** Statistics now (lock held). */
    SessionStats snapshot() {
        return counters.snapshot(lookahead.barsAhead(position.bars()), output.isAudible(), failure, finished);
    }

    /** Publishes position and counters for lock-free readers (lock held). */
    void publish() {
        position = new Position(playingBar, playingBarStart, playingBarFrames, playingBarBeats, renderedFrames);
        published = snapshot();
    }

    /**
     * Marks the session ended and wakes both threads (lock held); with a reason, the bar being
     * generated is cancelled too.
     */
    void end(String cancelReason) {
        closed = true;
        ending = true;
        if (cancelReason != null) {
            lookahead.cancelGenerating(cancelReason);
        }
        clock.signalAll(lock);
    }

    /** Ends the session with {@code message} as its failure, unless it already ended. Any thread. */
    void fail(String message) {
        synchronized (lock) {
            if (failure == null && !closed) {
                failure = message;
                LOG.log(System.Logger.Level.ERROR, "improv: " + message + "; the music stops");
            }
            end(null);
        }
        ringDoorbell();
    }

    /** Wakes a paused player. */
    void ringDoorbell() {
        synchronized (doorbell) {
            clock.signalAll(doorbell);
        }
    }
}
