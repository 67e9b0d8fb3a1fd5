package dev.improv.drums;

import dev.improv.api.Meter;

/**
 * What the drummer is asked for in the next bar: a style (a Groove style name such as rock, funk,
 * jazz; unknown ones play as "other"), meter, tempo, intensity 0..7 (hit density) and whether the
 * bar is a fill (the bar before a phrase or section starts).
 */
public record DrumControls(String style, Meter meter, double bpm, int intensity, boolean fill) {

    public DrumControls {
        if (style == null || style.isBlank()) {
            throw new IllegalArgumentException("drum controls need a style");
        }
        if (meter == null) {
            throw new IllegalArgumentException("drum controls need a meter");
        }
        if (intensity < 0 || intensity >= DrumVocabulary.INTENSITIES) {
            throw new IllegalArgumentException("drum intensity must be in 0..7, got " + intensity);
        }
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be in 20..400 bpm, got " + bpm);
        }
    }

    public DrumControls withFill(boolean value) {
        return new DrumControls(style, meter, bpm, intensity, value);
    }

    public DrumControls withIntensity(int value) {
        return new DrumControls(style, meter, bpm, value, fill);
    }
}
