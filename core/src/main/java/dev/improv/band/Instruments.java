package dev.improv.band;

/**
 * The General MIDI programs (0..127) of the pitched layers; the drums always play the General MIDI
 * kit on channel 10.
 */
public record Instruments(int lead, int harmony, int bass) {

    /** Piano lead, warm pad, fingered bass. */
    public static final Instruments DEFAULT = new Instruments(0, 89, 33);

    public Instruments {
        check("lead", lead);
        check("harmony", harmony);
        check("bass", bass);
    }

    private static void check(String layer, int program) {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException(layer + " program must be a General MIDI program 0..127, got " + program);
        }
    }

    /** The program of a pitched layer (0 for drums, whose kit is chosen by the channel). */
    public int program(Layer layer) {
        return switch (layer) {
            case LEAD -> lead;
            case HARMONY -> harmony;
            case BASS -> bass;
            case DRUMS -> 0;
        };
    }

    /** These instruments with {@code layer} played by {@code program}. */
    public Instruments with(Layer layer, int program) {
        return switch (layer) {
            case LEAD -> new Instruments(program, harmony, bass);
            case HARMONY -> new Instruments(lead, program, bass);
            case BASS -> new Instruments(lead, harmony, program);
            case DRUMS -> throw new IllegalArgumentException("the drums play the General MIDI kit; they have no program");
        };
    }
}
