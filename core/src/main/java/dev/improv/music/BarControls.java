package dev.improv.music;

/**
 * What a caller decides for the next bar: intensity (note-density class 0..7), key, meter and tempo.
 * Changes take effect at the next bar line.
 */
public record BarControls(int intensity, Key key, Meter meter, double bpm) {

    /** A moderate 4/4 bar in C major at 120 bpm. */
    public static final BarControls DEFAULT = new BarControls(4, Key.C_MAJOR, Meter.FOUR_FOUR, 120);

    public BarControls {
        if (intensity < 0 || intensity >= MusicVocabulary.INTENSITIES) {
            throw new IllegalArgumentException("intensity must be in 0..7, got " + intensity);
        }
        if (key == null || meter == null) {
            throw new IllegalArgumentException("bar controls need a key and a meter");
        }
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be in 20..400 bpm, got " + bpm);
        }
    }

    public BarControls withIntensity(int value) {
        return new BarControls(value, key, meter, bpm);
    }

    public BarControls withKey(Key value) {
        return new BarControls(intensity, value, meter, bpm);
    }

    public BarControls withMeter(Meter value) {
        return new BarControls(intensity, key, value, bpm);
    }

    public BarControls withBpm(double value) {
        return new BarControls(intensity, key, meter, value);
    }
}
