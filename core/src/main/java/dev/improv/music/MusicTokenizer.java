package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.model.TokenList;
import dev.improv.music.MusicVocabulary.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Songs to tokens and back in the REMI family.
 *
 * <pre>
 * song   = BOS KEY METER TEMPO INSTRUMENT* bar* EOS
 * bar    = BAR [KEY] [METER] [TEMPO] INTENSITY event*       (meter/tempo only when they change)
 * event  = POSITION group+                                   (positions rise within a bar)
 * group  = TRACK [VELOCITY] (PITCH DURATION)+                (tracks rise within a position, pitches within a group;
 *                                                            velocity only when its bucket changes)
 * </pre>
 *
 * Onsets and lengths are quantised to the vocabulary's grid; each bar's INTENSITY token is the note
 * density class of that bar, so a caller can ask for a density by writing the token itself.
 */
public final class MusicTokenizer {

    /** Resolution of decoded songs. */
    public static final int OUTPUT_TICKS_PER_QUARTER = 480;

    private final MusicVocabulary vocab;

    public MusicTokenizer(MusicVocabulary vocab) {
        this.vocab = vocab;
    }

    public MusicVocabulary vocabulary() {
        return vocab;
    }

    /** A song quantised to the grid: what encoding keeps of each note, in grid units. */
    public record GridNote(int track, int pitch, long onset, int duration, int velocity) {
        /** What a round trip must keep: track, pitch, onset, duration (velocity is bucketed). */
        public List<Long> identity() {
            return List.of((long) track, (long) pitch, onset, (long) duration);
        }
    }

    /** The notes of {@code song} as encoding sees them (tracks beyond the vocabulary dropped, duplicates merged). */
    public List<GridNote> quantise(Song song) {
        List<GridNote> out = new ArrayList<>();
        GridNote previous = null;
        for (MidiNote n : song.notes()) {
            if (n.track() >= vocab.tracks()) {
                continue;
            }
            GridNote g = new GridNote(n.track(), n.pitch(), toGrid(n.startTick(), song),
                    (int) Math.max(1, toGrid(n.durationTicks(), song)), n.velocity());
            if (previous != null && previous.track() == g.track() && previous.pitch() == g.pitch() && previous.onset() == g.onset()) {
                continue; // the same key struck twice at once: one note
            }
            out.add(g);
            previous = g;
        }
        out.sort(java.util.Comparator.comparingLong(GridNote::onset).thenComparingInt(GridNote::track).thenComparingInt(GridNote::pitch));
        return out;
    }

    private long toGrid(long ticks, Song song) {
        return Math.round(ticks * (double) vocab.gridPerQuarter() / song.ticksPerQuarter());
    }

    /** The header tokens for a song with these properties: BOS KEY METER TEMPO INSTRUMENT*. */
    public int[] header(Key key, Meter meter, double bpm, List<Track> tracks) {
        int[] out = new int[4 + tracks.size()];
        out[0] = vocab.id(Kind.BOS, 0);
        out[1] = vocab.id(Kind.KEY, key.index());
        out[2] = vocab.id(Kind.METER, meterIndex(meter));
        out[3] = vocab.id(Kind.TEMPO, vocab.tempoIndex(bpm));
        for (int i = 0; i < tracks.size(); i++) {
            out[4 + i] = vocab.id(Kind.INSTRUMENT, instrumentOf(tracks.get(i)));
        }
        return out;
    }

    /** The instrument token value of a track: drums, or its General MIDI family. */
    public static int instrumentOf(Track track) {
        return track.drums() ? MusicVocabulary.DRUM_INSTRUMENT : track.program() / 8;
    }

    private int meterIndex(Meter meter) {
        int i = vocab.meterIndex(meter);
        if (i < 0) {
            throw new IllegalArgumentException("meter " + meter + " cannot be written; the language knows " + vocab.settings().meters());
        }
        return i;
    }

    /** Encodes a whole song, BOS to EOS. Throws IllegalArgumentException for a meter the language cannot state. */
    public int[] encode(Song song) {
        List<Track> tracks = song.tracks().subList(0, Math.min(song.tracks().size(), vocab.tracks()));
        TokenList out = new TokenList();
        out.addAll(header(song.key(), song.meterAt(0), song.bpmAt(0), tracks));
        List<GridNote> notes = quantise(song);
        long endGrid = 0;
        for (GridNote n : notes) {
            endGrid = Math.max(endGrid, n.onset() + 1);
        }
        long endTick = Math.round(endGrid * (double) song.ticksPerQuarter() / vocab.gridPerQuarter());
        List<Long> barTicks = song.barStarts(Math.max(1, endTick));
        Meter meter = song.meterAt(0);
        int tempo = vocab.tempoIndex(song.bpmAt(0));
        int velocity = -1;
        int next = 0;
        for (int b = 0; b < barTicks.size(); b++) {
            long start = toGrid(barTicks.get(b), song);
            long end = b + 1 < barTicks.size() ? toGrid(barTicks.get(b + 1), song) : Long.MAX_VALUE;
            out.add(vocab.id(Kind.BAR, 0));
            Meter barMeter = song.meterAt(barTicks.get(b));
            if (!barMeter.equals(meter)) {
                out.add(vocab.id(Kind.METER, meterIndex(barMeter)));
                meter = barMeter;
            }
            int barTempo = vocab.tempoIndex(song.bpmAt(barTicks.get(b)));
            if (barTempo != tempo) {
                out.add(vocab.id(Kind.TEMPO, barTempo));
                tempo = barTempo;
            }
            int first = next;
            while (next < notes.size() && notes.get(next).onset() < end) {
                next++;
            }
            out.add(vocab.id(Kind.INTENSITY, vocab.intensityOf(next - first, meter.quarters())));
            long position = -1;
            int track = -1;
            for (int i = first; i < next; i++) {
                GridNote n = notes.get(i);
                int pos = (int) Math.min(n.onset() - start, vocab.positions() - 1);
                if (pos != position) {
                    out.add(vocab.id(Kind.POSITION, pos));
                    position = pos;
                    track = -1;
                }
                if (n.track() != track) {
                    out.add(vocab.id(Kind.TRACK, n.track()));
                    track = n.track();
                    int v = velocityBucket(n.velocity());
                    if (v != velocity) {
                        out.add(vocab.id(Kind.VELOCITY, v));
                        velocity = v;
                    }
                }
                out.add(vocab.id(Kind.PITCH, n.pitch()));
                out.add(vocab.id(Kind.DURATION, vocab.durationIndex(n.duration())));
            }
        }
        out.add(vocab.id(Kind.EOS, 0));
        return out.toArray();
    }

    /** Velocity 1..127 to its bucket 0..7. */
    public static int velocityBucket(int velocity) {
        return Math.min(MusicVocabulary.VELOCITIES - 1, (velocity - 1) / 16);
    }

    /** The velocity a bucket stands for. */
    public static int velocityOfBucket(int bucket) {
        return Math.min(127, bucket * 16 + 10);
    }

    /**
     * Decodes tokens into a song at {@link #OUTPUT_TICKS_PER_QUARTER}. Tolerant: a token out of
     * grammar is skipped, so a partial or sampled sequence still yields its well-formed notes.
     */
    public Song decode(int[] tokens, int length) {
        SongBuilder b = new SongBuilder(vocab);
        for (int i = 0; i < length; i++) {
            if (!b.accept(tokens[i])) {
                break;
            }
        }
        return b.song();
    }

    /** Decodes a whole token array. */
    public Song decode(int[] tokens) {
        return decode(tokens, tokens.length);
    }
}
