package dev.improv.music;

/** From {@code tick} on, the song plays at {@code bpm} quarter notes a minute. */
public record TempoChange(long tick, double bpm) {
    public TempoChange {
        if (tick < 0 || !(bpm >= 1 && bpm <= 1000)) {
            throw new IllegalArgumentException("tempo change needs tick >= 0 and bpm in 1..1000, got " + tick + ", " + bpm);
        }
    }
}
