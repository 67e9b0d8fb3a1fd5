package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.music.MusicVocabulary.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads music tokens one at a time and assembles bars and a song from them. Tokens that break the
 * grammar (a duration with no pitch, a note before the first bar) are skipped, so sampled or
 * truncated sequences still decode to their well-formed part.
 */
final class SongBuilder {
    private final MusicVocabulary vocab;
    private final int scale; // output ticks per grid unit
    private Key key;
    private Meter headerMeter;
    private double headerBpm = 120;
    private final List<Integer> instruments = new ArrayList<>();
    private final List<MidiBar> bars = new ArrayList<>();
    private final List<MidiNote> pending = new ArrayList<>();
    private final List<Long> barStarts = new ArrayList<>();
    private boolean inBar;
    private Meter meter;
    private double bpm = 120;
    private int intensity;
    private long barStart;
    private int position;
    private int track;
    private int velocity = 90;
    private int pitch = -1;

    SongBuilder(MusicVocabulary vocab) {
        this.vocab = vocab;
        this.scale = MusicTokenizer.OUTPUT_TICKS_PER_QUARTER / vocab.gridPerQuarter();
        if (scale * vocab.gridPerQuarter() != MusicTokenizer.OUTPUT_TICKS_PER_QUARTER) {
            throw new IllegalArgumentException("grid " + vocab.gridPerQuarter() + " must divide " + MusicTokenizer.OUTPUT_TICKS_PER_QUARTER);
        }
    }

    /** Takes one token; returns false at EOS. */
    boolean accept(int token) {
        if (token < 0 || token >= vocab.size()) {
            return true;
        }
        int v = vocab.value(token);
        switch (vocab.kindOf(token)) {
            case EOS -> {
                closeBar();
                return false;
            }
            case BAR -> {
                closeBar();
                inBar = true;
                position = 0;
                pitch = -1;
                barStarts.add(barStart);
            }
            case KEY -> {
                if (key == null) {
                    key = Key.ofIndex(v);
                }
            }
            case METER -> {
                if (!inBar && bars.isEmpty()) {
                    headerMeter = vocab.meter(v);
                }
                meter = vocab.meter(v);
            }
            case TEMPO -> {
                if (!inBar && bars.isEmpty()) {
                    headerBpm = vocab.tempo(v);
                }
                bpm = vocab.tempo(v);
            }
            case INSTRUMENT -> {
                if (!inBar && bars.isEmpty()) {
                    instruments.add(v);
                }
            }
            case INTENSITY -> intensity = v;
            case POSITION -> {
                position = v;
                pitch = -1;
            }
            case TRACK -> track = v;
            case VELOCITY -> velocity = MusicTokenizer.velocityOfBucket(v);
            case PITCH -> pitch = v;
            case DURATION -> {
                if (inBar && pitch >= 0) {
                    pending.add(new MidiNote(track, pitch, (long) position * scale, (long) vocab.duration(v) * scale, velocity));
                }
                pitch = -1;
            }
            default -> { }
        }
        return true;
    }

    private Meter currentMeter() {
        if (meter == null) {
            meter = headerMeter != null ? headerMeter : Meter.FOUR_FOUR;
        }
        return meter;
    }

    private void closeBar() {
        if (!inBar) {
            return;
        }
        Meter m = currentMeter();
        bars.add(new MidiBar(bars.size(), m, bpm, intensity, MusicTokenizer.OUTPUT_TICKS_PER_QUARTER, pending));
        pending.clear();
        barStart += m.ticksPerBar(MusicTokenizer.OUTPUT_TICKS_PER_QUARTER);
        inBar = false;
    }

    /** The bars completed so far. */
    List<MidiBar> bars() {
        return bars;
    }

    /** The song so far (an open bar is included). */
    Song song() {
        List<MidiBar> all = new ArrayList<>(bars);
        if (inBar) {
            all.add(new MidiBar(bars.size(), currentMeter(), bpm, intensity, MusicTokenizer.OUTPUT_TICKS_PER_QUARTER, pending));
        }
        int trackCount = instruments.size();
        for (MidiBar bar : all) {
            for (MidiNote n : bar.notes()) {
                trackCount = Math.max(trackCount, n.track() + 1);
            }
        }
        List<Integer> families = new ArrayList<>(instruments);
        while (families.size() < trackCount) {
            families.add(0);
        }
        return assemble(key != null ? key : Key.C_MAJOR, headerMeter != null ? headerMeter : currentMeter(), headerBpm,
                tracksFor(families), all);
    }

    /** Song tracks for instrument families: drums on channel 10, the rest on channels 1..16 in order. */
    static List<Track> tracksFor(List<Integer> families) {
        List<Track> tracks = new ArrayList<>();
        int channel = 0;
        for (int i = 0; i < families.size(); i++) {
            int f = families.get(i);
            if (f == MusicVocabulary.DRUM_INSTRUMENT) {
                tracks.add(new Track("drums", 9, 0));
            } else {
                if (channel == 9) {
                    channel++;
                }
                tracks.add(new Track("track " + (i + 1), Math.min(15, channel++), f * 8));
            }
        }
        return tracks;
    }

    /** Lays bars end to end into a song, with tempo and meter changes where bars change them. */
    static Song assemble(Key key, Meter firstMeter, double firstBpm, List<Track> tracks, List<MidiBar> bars) {
        List<MidiNote> notes = new ArrayList<>();
        List<TempoChange> tempos = new ArrayList<>();
        List<MeterChange> meters = new ArrayList<>();
        tempos.add(new TempoChange(0, bars.isEmpty() ? firstBpm : bars.get(0).bpm()));
        meters.add(new MeterChange(0, bars.isEmpty() ? firstMeter : bars.get(0).meter()));
        long start = 0;
        int tpq = MusicTokenizer.OUTPUT_TICKS_PER_QUARTER;
        for (MidiBar bar : bars) {
            double scale = (double) tpq / bar.ticksPerQuarter();
            if (start > 0 && bar.bpm() != tempos.get(tempos.size() - 1).bpm()) {
                tempos.add(new TempoChange(start, bar.bpm()));
            }
            if (start > 0 && !bar.meter().equals(meters.get(meters.size() - 1).meter())) {
                meters.add(new MeterChange(start, bar.meter()));
            }
            for (MidiNote n : bar.notes()) {
                if (n.track() < tracks.size()) {
                    notes.add(new MidiNote(n.track(), n.pitch(), start + Math.round(n.startTick() * scale),
                            Math.max(1, Math.round(n.durationTicks() * scale)), n.velocity()));
                }
            }
            start += bar.meter().ticksPerBar(tpq);
        }
        return new Song(tpq, key, tracks, notes, tempos, meters);
    }
}
