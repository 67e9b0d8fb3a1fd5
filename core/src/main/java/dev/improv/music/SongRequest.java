package dev.improv.music;

import dev.improv.api.MusicControls;
import dev.improv.model.SamplingSettings;

/**
 * A whole piece to generate: how many bars, the controls for every bar, the seed, how to sample,
 * and optionally a song to continue (its notes come first in the result).
 *
 * @param offScalePenalty logit taken from out-of-key pitches (0 lets the model alone; ~2 keeps it in key)
 */
public record SongRequest(int bars, MusicControls controls, long seed, SamplingSettings sampling, Song prime,
                           float offScalePenalty) {

    /** Sampling that keeps tunes coherent yet varied. */
    public static final SamplingSettings DEFAULT_SAMPLING = new SamplingSettings(0.95f, 0, 0.95f, 1f, 0);

    public SongRequest {
        if (bars < 1 || bars > 10_000) {
            throw new IllegalArgumentException("bars must be in 1..10000, got " + bars);
        }
        if (controls == null || sampling == null) {
            throw new IllegalArgumentException("a music request needs controls and sampling settings");
        }
        if (!(offScalePenalty >= 0 && offScalePenalty <= 100)) {
            throw new IllegalArgumentException("off-scale penalty must be in 0..100, got " + offScalePenalty);
        }
    }

    /** {@code bars} bars with these controls and seed, default sampling, no prime. */
    public static SongRequest of(int bars, MusicControls controls, long seed) {
        return new SongRequest(bars, controls, seed, DEFAULT_SAMPLING, null, BarGenerator.DEFAULT_OFF_SCALE_PENALTY);
    }

    public SongRequest withPrime(Song song) {
        return new SongRequest(bars, controls, seed, sampling, song, offScalePenalty);
    }

    public SongRequest withSampling(SamplingSettings value) {
        return new SongRequest(bars, controls, seed, value, prime, offScalePenalty);
    }

    public SongRequest withOffScalePenalty(float value) {
        return new SongRequest(bars, controls, seed, sampling, prime, value);
    }
}
