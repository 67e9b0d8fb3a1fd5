package dev.improv.band;

import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the band's harmony sounds. The melody/chord model writes chords where its corpora keep them,
 * roots in C2..B2 (the Nottingham chord track; the lead sheets' chord symbols are read the same way):
 * a pad or comping part there sits in the bass's octave and muddies it. Every harmony note below
 * {@link #FLOOR} moves up by octaves until it is at or above it, so chords sound in close position
 * between C3 and about C#4, above the bass and under most of the lead. Pitch classes, onsets and
 * lengths are the model's.
 */
final class HarmonyVoicing {

    /** The lowest harmony note: C3. */
    static final int FLOOR = 48;

    private HarmonyVoicing() {
    }

    /**
     * The notes with every pitch below {@link #FLOOR} raised by octaves to at or above it; two notes of
     * one chord that land on the same pitch become one (the longer, then the louder).
     */
    static List<MidiNote> voiced(List<MidiNote> harmony) {
        Map<String, MidiNote> kept = new LinkedHashMap<>();
        for (MidiNote n : harmony) {
            int pitch = n.pitch();
            while (pitch < FLOOR) {
                pitch += 12;
            }
            MidiNote v = new MidiNote(n.track(), pitch, n.startTick(), n.durationTicks(), n.velocity());
            kept.merge(n.track() + ":" + n.startTick() + ":" + pitch, v, HarmonyVoicing::stronger);
        }
        return new ArrayList<>(kept.values());
    }

    private static MidiNote stronger(MidiNote a, MidiNote b) {
        if (a.durationTicks() != b.durationTicks()) {
            return a.durationTicks() > b.durationTicks() ? a : b;
        }
        return a.velocity() >= b.velocity() ? a : b;
    }
}
