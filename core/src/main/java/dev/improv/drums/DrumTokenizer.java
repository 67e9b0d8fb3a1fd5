package dev.improv.drums;

import dev.improv.drums.DrumVocabulary.Kind;
import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import dev.improv.music.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Drum takes to tokens (see {@link DrumVocabulary} for the grammar). Each hit is snapped to the
 * nearest 16th or 8th-note triplet of its beat, so straight and swung grooves both keep their
 * shape; two hits of one class at one position become the louder one. A bar's INTENSITY is its
 * hit-density class, and every bar of a take labelled fill carries FILL.
 */
public final class DrumTokenizer {

    /** Where in a beat of 12 grid units a hit may fall: 16ths and 8th-note triplets. */
    private static final int[] SNAP = {0, 3, 4, 6, 8, 9, 12};

    private final DrumVocabulary vocab;

    public DrumTokenizer(DrumVocabulary vocab) {
        if (vocab.gridPerQuarter() != 12) {
            throw new IllegalArgumentException("the drum tokenizer snaps to a grid of 12 a quarter note, not " + vocab.gridPerQuarter());
        }
        this.vocab = vocab;
    }

    public DrumVocabulary vocabulary() {
        return vocab;
    }

    /** BOS STYLE METER TEMPO for a take with these labels. */
    public int[] header(String style, Meter meter, double bpm) {
        int m = vocab.meterIndex(meter);
        if (m < 0) {
            throw new IllegalArgumentException("meter " + meter + " cannot be written; the drum language knows " + vocab.settings().meters());
        }
        return new int[] {vocab.id(Kind.BOS, 0), vocab.id(Kind.STYLE, vocab.styleIndex(style)), vocab.id(Kind.METER, m),
            vocab.id(Kind.TEMPO, vocab.tempoIndex(bpm))};
    }

    /** The grid onset (12 a quarter) of a tick, snapped to the nearest 16th or triplet of its beat. */
    static long snap(long tick, int ticksPerQuarter) {
        double quarters = (double) tick / ticksPerQuarter;
        long beat = (long) Math.floor(quarters);
        double frac = (quarters - beat) * 12;
        int best = 0;
        for (int i = 1; i < SNAP.length; i++) {
            if (Math.abs(SNAP[i] - frac) < Math.abs(SNAP[best] - frac)) {
                best = i;
            }
        }
        return beat * 12 + SNAP[best];
    }

    /** Encodes a whole take, BOS to EOS; throws IllegalArgumentException for a meter the language cannot state. */
    public int[] encode(DrumTake take) {
        Song song = take.song();
        Meter meter = take.meter();
        int barLength = vocab.barLength(meter);
        // bar -> position -> loudest level per class (-1: silent)
        TreeMap<Long, TreeMap<Integer, int[]>> bars = new TreeMap<>();
        for (MidiNote n : song.notes()) {
            DrumKit.Piece piece = song.tracks().get(n.track()).drums() ? DrumKit.pieceOf(n.pitch()) : null;
            if (piece == null) {
                continue;
            }
            long grid = snap(n.startTick(), song.ticksPerQuarter());
            int[] levels = bars.computeIfAbsent(grid / barLength, b -> new TreeMap<>())
                    .computeIfAbsent((int) (grid % barLength), p -> newLevels());
            levels[piece.ordinal()] = Math.max(levels[piece.ordinal()], DrumVocabulary.levelOf(n.velocity()));
        }
        List<Integer> out = new ArrayList<>();
        for (int t : header(take.style(), meter, take.bpm())) {
            out.add(t);
        }
        long last = bars.isEmpty() ? -1 : bars.lastKey();
        for (long b = 0; b <= last; b++) {
            TreeMap<Integer, int[]> bar = bars.getOrDefault(b, new TreeMap<>());
            int hits = 0;
            for (int[] levels : bar.values()) {
                for (int l : levels) {
                    hits += l >= 0 ? 1 : 0;
                }
            }
            out.add(vocab.id(Kind.BAR, 0));
            out.add(vocab.id(Kind.INTENSITY, vocab.intensityOf(hits, meter.quarters())));
            if (take.fill()) {
                out.add(vocab.id(Kind.FILL, 0));
            }
            bar.forEach((position, levels) -> {
                out.add(vocab.id(Kind.POSITION, position));
                for (int p = 0; p < levels.length; p++) {
                    if (levels[p] >= 0) {
                        out.add(vocab.hit(DrumKit.piece(p), levels[p]));
                    }
                }
            });
        }
        out.add(vocab.id(Kind.EOS, 0));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] newLevels() {
        int[] levels = new int[DrumKit.PIECES];
        java.util.Arrays.fill(levels, -1);
        return levels;
    }

    /**
     * The notes of one bar's tokens (everything after its INTENSITY/FILL up to the next BAR), on
     * {@code track}, at {@code ticksPerQuarter}; tokens out of grammar are skipped.
     */
    public List<MidiNote> barNotes(int[] tokens, int from, int to, int track, int ticksPerQuarter) {
        List<MidiNote> notes = new ArrayList<>();
        long ticksPerGrid = ticksPerQuarter / vocab.gridPerQuarter();
        int position = -1;
        for (int i = from; i < to; i++) {
            int t = tokens[i];
            Kind kind = vocab.kindOf(t);
            if (kind == Kind.POSITION) {
                position = vocab.value(t);
            } else if (kind == Kind.HIT && position >= 0) {
                int v = vocab.value(t);
                notes.add(new MidiNote(track, DrumKit.piece(v / DrumVocabulary.LEVELS).note, position * ticksPerGrid,
                        ticksPerQuarter / 4, DrumVocabulary.velocityOf(v % DrumVocabulary.LEVELS)));
            }
        }
        return notes;
    }
}
