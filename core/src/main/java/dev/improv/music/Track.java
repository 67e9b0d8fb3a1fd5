package dev.improv.music;

/**
 * One part of a song: a name, the MIDI channel (0-based; 9 is General MIDI drums) and the program.
 */
public record Track(String name, int channel, int program) {

    public Track {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel must be in 0..15, got " + channel);
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be in 0..127, got " + program);
        }
        name = name == null ? "" : name;
    }

    /** True for the General MIDI percussion channel (channel 10, index 9). */
    public boolean drums() {
        return channel == 9;
    }
}
