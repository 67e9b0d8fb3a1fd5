package dev.improv.music;

import dev.improv.api.Meter;
import java.util.List;

/**
 * One bar of generated music: its place in the piece, its meter, tempo and intensity class, and its
 * notes with start ticks counted from the bar line (at {@code ticksPerQuarter}).
 */
public record MidiBar(int index, Meter meter, double bpm, int intensity, int ticksPerQuarter, List<MidiNote> notes) {

    public MidiBar {
        notes = List.copyOf(notes);
    }

    /** Length of the bar in ticks. */
    public long lengthTicks() {
        return meter.ticksPerBar(ticksPerQuarter);
    }

    /** Playing time of the bar in seconds. */
    public double seconds() {
        return meter.quarters() * 60.0 / bpm;
    }
}
