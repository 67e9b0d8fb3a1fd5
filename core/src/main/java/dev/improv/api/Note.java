package dev.improv.api;

/**
 * One note, timed in beats from the start of its bar (or stinger).
 *
 * @param channel     MIDI channel 0-15 (9 is General MIDI percussion)
 * @param pitch       MIDI pitch 0-127
 * @param velocity    loudness 1-127
 * @param startBeat   onset in beats from the start of the bar, >= 0
 * @param lengthBeats duration in beats, > 0 (may ring past the bar line)
 */
public record Note(int channel, int pitch, int velocity, double startBeat, double lengthBeats) {
    public Note {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel must be 0-15, got " + channel);
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch must be 0-127, got " + pitch);
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be 1-127, got " + velocity);
        }
        if (!(startBeat >= 0) || !(lengthBeats > 0)) {
            throw new IllegalArgumentException("note needs startBeat >= 0 and lengthBeats > 0, got "
                    + startBeat + ", " + lengthBeats);
        }
    }
}
