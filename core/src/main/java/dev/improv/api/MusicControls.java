package dev.improv.api;

import java.util.Objects;

/**
 * What the game asks of the music right now. A live session applies a change at the next bar line.
 *
 * @param intensity 0 (sparse, quiet) to 7 (dense, loud)
 * @param key       the key to play in
 * @param mood      the character of the music
 * @param tempoBpm  quarter notes per minute, 40-240
 */
public record MusicControls(int intensity, Key key, Mood mood, double tempoBpm) {
    /** The controls a session starts with unless told otherwise. */
    public static final MusicControls DEFAULT = new MusicControls(3, Key.C_MAJOR, Mood.CALM, 112);

    public MusicControls {
        if (intensity < 0 || intensity > 7) {
            throw new IllegalArgumentException("intensity must be 0-7, got " + intensity);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mood, "mood");
        if (!(tempoBpm >= 40 && tempoBpm <= 240)) {
            throw new IllegalArgumentException("tempo must be 40-240 bpm, got " + tempoBpm);
        }
    }

    public MusicControls withIntensity(int value) {
        return new MusicControls(value, key, mood, tempoBpm);
    }

    public MusicControls withKey(Key value) {
        return new MusicControls(intensity, value, mood, tempoBpm);
    }

    public MusicControls withMood(Mood value) {
        return new MusicControls(intensity, key, value, tempoBpm);
    }

    public MusicControls withTempo(double bpm) {
        return new MusicControls(intensity, key, mood, bpm);
    }
}
