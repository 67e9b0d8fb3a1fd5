package dev.improv.serve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time the part of a request's handling that reads from its client may take: its body, and the rest of the
 * body the JDK's server reads (drains) when an answer given before the body was read (a 429, a 401) is closed. The
 * JDK's server reads from a blocking channel with no timeout, so a client that declares a {@code Content-Length} and
 * sends less (or stops mid-chunk) held an HTTP thread and its connection for as long as it kept the socket open. Past
 * the timeout the answer is sent from a timer thread, if none was (the handler's thread is parked in a read and
 * touches nothing of the answer), then that thread is interrupted: its channel is interruptible, so the read ends and
 * the connection closes after the answer. Only the answer's bytes are written there; the exchange is closed by its own
 * thread, as the JDK's server expects.
 */
final class BodyReadTimeout implements AutoCloseable {
    /** A body read that this class ended: its answer is sent already. */
    static final class TimedOut extends IOException {
        TimedOut() {
            super("the body did not come in time");
        }
    }

    /** Handling that reads from the client; it may end its timed part early ({@link Watch#end}). */
    interface Read<T> {
        T run(Watch watch) throws IOException;
    }

    /** A body's stream that counts what it gave: what the answer to a late body says came. */
    static final class CountedInput extends FilterInputStream {
        private volatile long count;

        CountedInput(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "improv-body-timeout");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;

    BodyReadTimeout(Duration timeout) {
        this.timeout = timeout;
        // Nearly every watch is cancelled within a millisecond: kept until its time, a burst of thousands a second
        // would hold the last 10 s of them.
        timer.setRemoveOnCancelPolicy(true);
    }

    Duration timeout() {
        return timeout;
    }

    /** One timed handling: reading, done, or timed out (answered by the timer). */
    static final class Watch {
        private boolean reading = true;
        private boolean timedOut;

        /**
         * Ends the timed part, before the request is handed to another thread that will answer it (the timer must
         * not answer too); throws {@link TimedOut} if the timer has answered already.
         */
        synchronized void end() throws TimedOut {
            if (timedOut) {
                throw new TimedOut();
            }
            reading = false;
        }

        /** The timer's side: whether it may answer (and then the handling counts as timed out). */
        private synchronized boolean expire(Runnable late, Thread reader) {
            if (!reading) {
                return false;
            }
            reading = false;
            timedOut = true;
            try {
                late.run();
            } finally {
                reader.interrupt();
            }
            return true;
        }

        private synchronized boolean timedOut() {
            reading = false;
            return timedOut;
        }
    }

    /**
     * Runs {@code read} on this thread; if its timed part is not done within the timeout, {@code late} runs on the
     * timer's thread (to answer, if no answer was sent), this thread is interrupted and the handling ends with
     * {@link TimedOut}.
     */
    <T> T within(Read<T> read, Runnable late) throws IOException {
        Thread reader = Thread.currentThread();
        Watch watch = new Watch();
        ScheduledFuture<?> timing = timer.schedule(() -> watch.expire(late, reader), timeout.toNanos(), TimeUnit.NANOSECONDS);
        T value;
        try {
            value = read.run(watch);
        } catch (IOException | RuntimeException e) {
            if (!watch.timedOut()) {
                throw e;
            }
            value = null;
        } finally {
            timing.cancel(false);
        }
        if (!watch.timedOut()) {
            return value;
        }
        // The timer answered and interrupted this thread (inside the watch's lock, so the flag is set by now): clear
        // it, as this thread goes back to the server's pool.
        Thread.interrupted();
        throw new TimedOut();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
