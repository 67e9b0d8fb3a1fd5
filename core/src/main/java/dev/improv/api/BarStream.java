package dev.improv.api;

/**
 * A music engine's bar-by-bar generator for one seed; what a live session plays from. Not
 * thread-safe: one session thread uses it.
 *
 * <p>Contract that makes live music reproducible: the bar returned for index {@code i} depends only
 * on the stream's seed, the bars it kept before {@code i}, and {@code controls}.
 */
public interface BarStream extends AutoCloseable {

    /** Generates bar {@code index}, which must be the next index (0 first, then after each bar or {@link #rewind}). */
    Bar next(int index, MusicControls controls, Cancellation cancellation);

    /**
     * The key bars made with {@code controls} are in: the controls' key unless a mood sets the mode
     * (a minor preset). A live session plays stingers in it. Depends only on {@code controls}.
     */
    default Key key(MusicControls controls) {
        return controls.key();
    }

    /** Bars of a closing cadence (see {@link #cadence}): the dominant, then the tonic. */
    int CADENCE_BARS = 2;

    /**
     * Generates bar {@code index} as bar {@code step} (0: the dominant, 1: the tonic, the last bar) of a
     * closing cadence in the key of {@code controls}, following the bars kept before it; the same
     * contract as {@link #next}. Returns null if this engine has no cadence: the music then ends
     * before this bar.
     */
    default Bar cadence(int index, MusicControls controls, int step, Cancellation cancellation) {
        return null;
    }

    /** Forgets bars from {@code index} on, so the next call generates bar {@code index} again (with new controls). */
    void rewind(int index);

    /** Tokens this stream's decoder has run so far (prompts and sampled tokens); 0 for an engine without one. */
    default long tokensDecoded() {
        return 0;
    }

    /** Frees the decoder; the stream is unusable afterwards. */
    @Override
    void close();
}
