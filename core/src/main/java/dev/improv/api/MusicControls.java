package dev.improv.api;

import java.util.Objects;

/**
 * What the game asks of the music right now. A live session applies a change at the next bar line.
 *
 * @param intensity 0 (sparse, quiet) to 7 (dense, loud)
 * @param key       the key to play in
 * @param mood      the character of the music
 * @param tempoBpm  quarter notes per minute, 20-400
 * @param meter     the time signature of the bars
 */
public record MusicControls(int intensity, Key key, Mood mood, double tempoBpm, Meter meter) {
    /** The controls a session starts with unless told otherwise: a moderate 4/4 in C major at 112 bpm. */
    public static final MusicControls DEFAULT = new MusicControls(3, Key.C_MAJOR, Mood.CALM, 112);

    /** In 4/4. */
    public MusicControls(int intensity, Key key, Mood mood, double tempoBpm) {
        this(intensity, key, mood, tempoBpm, Meter.FOUR_FOUR);
    }

    public MusicControls {
        if (intensity < 0 || intensity > 7) {
            throw new IllegalArgumentException("intensity must be 0-7, got " + intensity);
        }
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mood, "mood");
        if (!(tempoBpm >= 20 && tempoBpm <= 400)) {
            throw new IllegalArgumentException("tempo must be 20-400 bpm, got " + tempoBpm);
        }
        Objects.requireNonNull(meter, "meter");
    }

    public MusicControls withIntensity(int value) {
        return new MusicControls(value, key, mood, tempoBpm, meter);
    }

    public MusicControls withKey(Key value) {
        return new MusicControls(intensity, value, mood, tempoBpm, meter);
    }

    public MusicControls withMood(Mood value) {
        return new MusicControls(intensity, key, value, tempoBpm, meter);
    }

    public MusicControls withTempo(double bpm) {
        return new MusicControls(intensity, key, mood, bpm, meter);
    }

    public MusicControls withMeter(Meter value) {
        return new MusicControls(intensity, key, mood, tempoBpm, value);
    }
}
