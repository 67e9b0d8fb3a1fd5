package dev.improv.api;

/**
 * Live adaptive music that follows the game. Every method returns at once and may be called from
 * any thread (typically the render thread): control changes take effect at the next bar line (or
 * beat, see {@link Transition}), stingers on the next beat.
 */
public interface MusicSession extends AutoCloseable {

    /** Replaces all controls from the next bar line on. */
    default void setControls(MusicControls controls) {
        setControls(controls, Transition.NEXT_BAR);
    }

    /** Replaces all controls from the next bar line or beat on, as {@code when} says. */
    void setControls(MusicControls controls, Transition when);

    /** The controls most recently asked for (not necessarily playing yet). */
    MusicControls controls();

    /** Sets intensity 0-7 from the next bar line on. */
    default void setIntensity(int intensity) {
        setControls(controls().withIntensity(intensity));
    }

    /** Changes key from the next bar line on. */
    default void setKey(Key key) {
        setControls(controls().withKey(key));
    }

    /** Changes mood from the next bar line on. */
    default void setMood(Mood mood) {
        setControls(controls().withMood(mood));
    }

    /** Changes tempo from the next bar line on. */
    default void setTempo(double bpm) {
        setControls(controls().withTempo(bpm));
    }

    /** Plays {@code stinger} over the music, starting on the next beat. */
    void stinger(Stinger stinger);

    /**
     * Ends the music: from the next bar line the engine plays a closing cadence in the current key
     * (dominant, then tonic), lets it ring out and stops; {@link SessionStats#finished()} then says so.
     * An engine with no cadence stops at that bar line. Later control changes are ignored.
     */
    void finish();

    /** Holds playback where it is; generation fills the lookahead and then rests. */
    void pause();

    /** Continues playback after {@link #pause()}. */
    void resume();

    /** Counters so far (bars, underruns, latencies, generation speed). */
    SessionStats stats();

    /** Stops playback and generation and releases the output. */
    @Override
    void close();
}
