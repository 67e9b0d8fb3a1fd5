package dev.improv.music;

/**
 * One sounding note: which track plays it, which MIDI pitch, when it starts and how long it lasts
 * (in the ticks of the {@link Song} or {@link MidiBar} that holds it), and how hard it is struck.
 */
public record MidiNote(int track, int pitch, long startTick, long durationTicks, int velocity) {

    public MidiNote {
        if (track < 0) {
            throw new IllegalArgumentException("track must be >= 0, got " + track);
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch must be in 0..127, got " + pitch);
        }
        if (startTick < 0) {
            throw new IllegalArgumentException("start tick must be >= 0, got " + startTick);
        }
        if (durationTicks <= 0) {
            throw new IllegalArgumentException("duration must be > 0 ticks, got " + durationTicks);
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be in 1..127, got " + velocity);
        }
    }

    /** The tick just after the note ends. */
    public long endTick() {
        return startTick + durationTicks;
    }

    /** The same note moved by {@code ticks}. */
    public MidiNote shifted(long ticks) {
        return new MidiNote(track, pitch, startTick + ticks, durationTicks, velocity);
    }
}
