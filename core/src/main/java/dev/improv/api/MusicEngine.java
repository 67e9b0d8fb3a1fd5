package dev.improv.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Service-provider interface for music: makes bar streams. Implementations must allow several
 * streams at once, each used by one thread.
 */
public interface MusicEngine extends AutoCloseable {

    /** A new bar-by-bar generator; same seed, same controls, same bars. */
    BarStream newBarStream(long seed);

    /** Generates a whole clip; the default plays a bar stream for {@code request.bars()} bars. */
    default MusicClip compose(MusicRequest request, Cancellation cancellation) {
        List<Bar> bars = new ArrayList<>(request.bars());
        try (BarStream stream = newBarStream(request.seed())) {
            for (int i = 0; i < request.bars(); i++) {
                cancellation.throwIfCancelled();
                bars.add(stream.next(i, request.controls(), cancellation));
            }
        }
        return new MusicClip(bars, request.controls().tempoBpm());
    }

    /** Frees shared resources (weights); default does nothing. */
    @Override
    default void close() {
    }
}
