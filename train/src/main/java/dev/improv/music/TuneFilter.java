package dev.improv.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a music training run leaves out of its training tunes (never of the held-out ones), recorded in
 * model.json so that {@code eval music}'s n-gram trains on the same tunes.
 *
 * @param minInKey    a training tune with less than this share of its notes in its stated key is left out (0: none)
 * @param keepMinor   with {@code minInKey}, minor-key tunes stay whatever their share
 * @param inKeyChords chord notes (every pitched track but the melody, track 0) outside the tune's key are taken
 *                    out of their chord, the tune kept: lead sheets' secondary dominants and altered tones teach
 *                    the chords to leave the key, and whole tunes are too coarse a unit to drop
 */
public record TuneFilter(double minInKey, boolean keepMinor, boolean inKeyChords) {

    /** Every training tune as it is. */
    public static final TuneFilter NONE = new TuneFilter(0, false, false);

    /** The metadata field (under {@code training}) with the least share of notes in key a training tune needed. */
    public static final String MIN_IN_KEY = "minInKey";

    /** The metadata field (under {@code training}) saying that minor-key tunes were kept whatever their share in key. */
    public static final String KEEP_MINOR = "keepMinor";

    /** The metadata field (under {@code training}) saying that chord notes outside the key were taken out. */
    public static final String IN_KEY_CHORDS = "inKeyChords";

    public TuneFilter {
        if (!(minInKey >= 0 && minInKey <= 1)) {
            throw new IllegalArgumentException("the least share of notes in key must be in 0..1, got " + minInKey);
        }
    }

    /** The filter a model's {@code training} metadata records (none for a model trained before filters). */
    public static TuneFilter of(JsonNode training) {
        return new TuneFilter(training.path(MIN_IN_KEY).asDouble(0), training.path(KEEP_MINOR).asBoolean(false),
                training.path(IN_KEY_CHORDS).asBoolean(false));
    }

    /** Writes this filter into a model's {@code training} metadata (only what is on). */
    void record(ObjectNode training) {
        if (minInKey > 0) {
            training.put(MIN_IN_KEY, minInKey);
            if (keepMinor) {
                training.put(KEEP_MINOR, true);
            }
        }
        if (inKeyChords) {
            training.put(IN_KEY_CHORDS, true);
        }
    }

    /** True if the whole training tune {@code song} is to be left out. */
    boolean leavesOut(Song song) {
        return minInKey > 0 && !(keepMinor && song.key().minor()) && MusicCorpus.inKeyShare(song) < minInKey;
    }

    /**
     * The training tune as it is trained on: with {@code inKeyChords}, its chord notes outside the key
     * are gone. A minor key keeps its leading tone (the harmonic minor's raised seventh), so V stays the
     * dominant the band's minor mapping also plays.
     */
    Song apply(Song song) {
        if (!inKeyChords) {
            return song;
        }
        int leadingTone = Math.floorMod(song.key().tonic() - 1, 12);
        List<MidiNote> kept = new ArrayList<>(song.notes().size());
        for (MidiNote n : song.notes()) {
            boolean chord = n.track() != 0 && !song.tracks().get(n.track()).drums();
            boolean allowed = song.key().inScale(n.pitch()) || song.key().minor() && Math.floorMod(n.pitch(), 12) == leadingTone;
            if (!chord || allowed) {
                kept.add(n);
            }
        }
        return new Song(song.ticksPerQuarter(), song.key(), song.tracks(), kept, song.tempos(), song.meters());
    }
}
