package dev.improv.music;

import dev.improv.api.Meter;
/** From {@code tick} on (a bar line), bars follow {@code meter}. */
public record MeterChange(long tick, Meter meter) {
    public MeterChange {
        if (tick < 0 || meter == null) {
            throw new IllegalArgumentException("meter change needs tick >= 0 and a meter");
        }
    }
}
