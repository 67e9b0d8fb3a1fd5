package dev.improv.band;

import dev.improv.api.Key;
import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;

/**
 * The key the band's melody/chord model writes in, and the move from it to the key asked. The model
 * learned from tunes in few keys (the folk corpus is mostly G and D, each moved at most two semitones
 * in training): in the sad mood's 3/4 at 60-70 bpm the key finder heard E major in 15 of 20 seeds asked
 * for E (the others G#, C#, B), and an E minor made from it came out C minor in 3 of 20, while G held in
 * 20 of 20 (C 19, A 18, F 18, D 17). So every bar is written in G major and moved: into G's harmonic
 * minor for a minor key ({@link ParallelMinor}), then up or down to the asked tonic.
 */
final class WrittenKey {

    /** G major: the key the shipped model holds best (20/20 seeds, 3/4 and 4/4). */
    static final Key HOME = new Key(7, false);

    private WrittenKey() {
    }

    /**
     * Semitones from G to {@code asked}'s tonic, -4..7. The model's lead sits around B4 whatever the key
     * (median pitch 70-71 written in G; 70-75 when it wrote Bb, C, D and E itself): a third down to a
     * fifth up keeps it there, and above the harmony (C3-B3), where -5 put a D minor lead down to G3.
     */
    static int shift(Key asked) {
        return Math.floorMod(asked.tonic() - HOME.tonic() + 4, 12) - 4;
    }

    /** {@code pitch} moved by {@code shift}, an octave the other way where that would leave MIDI's 0..127. */
    static int moved(int pitch, int shift) {
        int p = pitch + shift;
        return p < 0 ? p + 12 : p > 127 ? p - 12 : p;
    }

    /** Notes the model wrote in {@link #HOME}, in {@code asked}'s mode and moved to its tonic. */
    static List<MidiNote> toAsked(List<MidiNote> written, Key asked) {
        List<MidiNote> moded = asked.minor() ? ParallelMinor.notes(written, HOME.tonic()) : written;
        int shift = shift(asked);
        if (shift == 0) {
            return moded;
        }
        List<MidiNote> out = new ArrayList<>(moded.size());
        for (MidiNote n : moded) {
            out.add(new MidiNote(n.track(), moved(n.pitch(), shift), n.startTick(), n.durationTicks(), n.velocity()));
        }
        return out;
    }
}
