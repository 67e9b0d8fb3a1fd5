package dev.improv.serve.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The remote engines' streams kept between their calls, each under the steps that made it, so that
 * the next call (the same steps and one more) continues it instead of replaying every step. Only a
 * speed-up: a stream not kept (evicted, or on another node) is made again by replaying the steps,
 * with the same result. The least recently used go first, closed.
 *
 * @param <S> the stream type
 */
final class KeptStreams<S extends AutoCloseable> {
    private final Map<String, S> kept;

    /** Keeps at most {@code most} streams. */
    KeptStreams(int most) {
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, S> eldest) {
                if (size() > most) {
                    close(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** The stream made by {@code steps}, now the caller's alone; null if none is kept. */
    synchronized S take(String steps) {
        return kept.remove(steps);
    }

    /** Keeps {@code stream}, made by {@code steps}, for the next call. */
    synchronized void keep(String steps, S stream) {
        S old = kept.put(steps, stream);
        if (old != null && old != stream) {
            close(old);
        }
    }

    static void close(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception ignored) {
            // a stream that fails to close holds nothing the service still needs
        }
    }
}
