package dev.improv.api;

import java.util.function.Supplier;

/**
 * Registers the live-session player (scheduling and synthesis) in
 * {@code META-INF/services/dev.improv.api.MusicSessionProvider}; override with
 * {@code -Dimprov.music.session=NAME}.
 */
public interface MusicSessionProvider extends Ranked {
    /** System property naming the provider to use instead of the highest-ranked one. */
    String PROPERTY = "improv.music.session";

    /**
     * Starts a session and returns at once; {@code engine} is called on the session's own
     * generation thread (it may load a model).
     */
    MusicSession start(Supplier<MusicEngine> engine, SessionSettings settings, AudioOutput output);
}
