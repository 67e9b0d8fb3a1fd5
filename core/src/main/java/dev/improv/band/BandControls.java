package dev.improv.band;

import dev.improv.api.Key;
import dev.improv.api.Meter;

/**
 * What the band plays in the next bar: key (major or minor), meter, tempo, band intensity 0..7
 * (layers and density, see {@link LayerPlan}), drum style, instruments, and the phrase length whose
 * last bar the drummer fills. Changes take effect at the next bar line.
 */
public record BandControls(Key key, Meter meter, double bpm, int intensity, String drumStyle, Instruments instruments,
                           int phraseBars) {

    /**
     * The band with no mood preset ({@code improv music} and {@code /v1/music} by default): G major,
     * 4/4, 120 bpm, intensity 4 (every layer, mid density), rock drums, piano lead, pad, fingered bass,
     * 8-bar phrases. G and 4/4 are the melody model's most common key and meter.
     */
    public static final BandControls DEFAULT = new BandControls(new Key(7, false), Meter.FOUR_FOUR, 120, 4, "rock",
            Instruments.DEFAULT, 8);

    public BandControls {
        if (key == null || meter == null || instruments == null || drumStyle == null) {
            throw new IllegalArgumentException("band controls need a key, meter, drum style and instruments");
        }
        if (intensity < 0 || intensity > LayerPlan.MAX) {
            throw new IllegalArgumentException("intensity must be in 0..7, got " + intensity);
        }
        if (!(bpm >= 20 && bpm <= 400)) {
            throw new IllegalArgumentException("tempo must be in 20..400 bpm, got " + bpm);
        }
        if (phraseBars < 1) {
            throw new IllegalArgumentException("phrase length must be >= 1 bar, got " + phraseBars);
        }
    }

    /** The controls of a mood preset; {@code seed} picks the tempo within its range. */
    public static BandControls of(MoodPreset mood, long seed) {
        return new BandControls(mood.key(), mood.meter(), mood.bpm(seed), mood.intensity(), mood.drumStyle(),
                mood.instruments(), mood.phraseBars());
    }

    public BandControls withKey(Key value) {
        return new BandControls(value, meter, bpm, intensity, drumStyle, instruments, phraseBars);
    }

    public BandControls withMeter(Meter value) {
        return new BandControls(key, value, bpm, intensity, drumStyle, instruments, phraseBars);
    }

    public BandControls withBpm(double value) {
        return new BandControls(key, meter, value, intensity, drumStyle, instruments, phraseBars);
    }

    public BandControls withIntensity(int value) {
        return new BandControls(key, meter, bpm, value, drumStyle, instruments, phraseBars);
    }

    public BandControls withDrumStyle(String value) {
        return new BandControls(key, meter, bpm, intensity, value, instruments, phraseBars);
    }

    public BandControls withInstruments(Instruments value) {
        return new BandControls(key, meter, bpm, intensity, drumStyle, value, phraseBars);
    }
}
