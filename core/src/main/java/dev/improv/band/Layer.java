package dev.improv.band;

/**
 * The layers of the band, in the order intensity brings them in: harmony (pad or comping), bass,
 * drums, lead. Each is its own MIDI track and channel.
 */
public enum Layer {
    HARMONY("harmony", 1),
    BASS("bass", 2),
    DRUMS("drums", 9),
    LEAD("lead", 0);

    /** Track name in MIDI files. */
    public final String trackName;
    /** MIDI channel, 0-based (9 is General MIDI percussion). */
    public final int channel;

    Layer(String trackName, int channel) {
        this.trackName = trackName;
        this.channel = channel;
    }
}
