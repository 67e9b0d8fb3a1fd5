package dev.improv.band;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.Seeds;

/**
 * A named mood preset (see {@link MoodLibrary}): mode and tonic, a tempo range, meter, band
 * intensity, drum style, instruments, and the phrase length whose last bar is a drum fill.
 */
public record MoodPreset(String name, boolean minor, int tonic, int tempoLow, int tempoHigh, Meter meter, int intensity,
                   String drumStyle, Instruments instruments, int phraseBars) {

    public MoodPreset {
        if (tempoLow < 20 || tempoHigh > 400 || tempoLow > tempoHigh) {
            throw new IllegalArgumentException("mood " + name + ": tempo range must lie in 20..400 bpm, low <= high; got "
                    + tempoLow + ".." + tempoHigh);
        }
        if (intensity < 0 || intensity > LayerPlan.MAX) {
            throw new IllegalArgumentException("mood " + name + ": intensity must be in 0..7, got " + intensity);
        }
        if (phraseBars < 1 || phraseBars > 64) {
            throw new IllegalArgumentException("mood " + name + ": phraseBars must be in 1..64, got " + phraseBars);
        }
    }

    /** The mood's key. */
    public Key key() {
        return new Key(tonic, minor);
    }

    /** A tempo inside the range, chosen by {@code seed} (the same seed, the same tempo). */
    public int bpm(long seed) {
        long span = tempoHigh - tempoLow + 1L;
        return tempoLow + (int) Math.floorMod(Seeds.mix(seed, 0x6d6f6f64L), span);
    }
}
