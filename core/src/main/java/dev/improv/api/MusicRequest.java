package dev.improv.api;

import java.util.Objects;

/**
 * A request for a self-contained piece of music (a cue, a loop) rather than a live session.
 *
 * @param seed     same seed and request give the same music
 * @param controls intensity, key, mood and tempo for every bar
 * @param bars     how many bars, 1-256
 */
public record MusicRequest(long seed, MusicControls controls, int bars) {
    public MusicRequest {
        Objects.requireNonNull(controls, "controls");
        if (bars < 1 || bars > 256) {
            throw new IllegalArgumentException("bars must be 1-256, got " + bars);
        }
    }
}
