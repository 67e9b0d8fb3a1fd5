package dev.improv.music;

import dev.improv.api.Key;
import dev.improv.api.Meter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A whole piece as plain values: resolution, key, tracks, notes (sorted by start, track, pitch),
 * and the tempo and meter maps (each starts at tick 0).
 */
public record Song(int ticksPerQuarter, Key key, List<Track> tracks, List<MidiNote> notes,
                   List<TempoChange> tempos, List<MeterChange> meters) {

    /** Orders notes by start, then track, then pitch: the order the tokenizer writes them in. */
    public static final Comparator<MidiNote> NOTE_ORDER = Comparator.comparingLong(MidiNote::startTick)
            .thenComparingInt(MidiNote::track).thenComparingInt(MidiNote::pitch).thenComparingLong(MidiNote::durationTicks);

    public Song {
        if (ticksPerQuarter < 1 || ticksPerQuarter > 0x7FFF) {
            throw new IllegalArgumentException("ticks per quarter must be in 1..32767, got " + ticksPerQuarter);
        }
        if (key == null) {
            throw new IllegalArgumentException("a song needs a key");
        }
        tracks = List.copyOf(tracks);
        List<MidiNote> sorted = new ArrayList<>(notes);
        sorted.sort(NOTE_ORDER);
        for (MidiNote n : sorted) {
            if (n.track() >= tracks.size()) {
                throw new IllegalArgumentException("note on track " + n.track() + " but the song has " + tracks.size() + " tracks");
            }
        }
        notes = List.copyOf(sorted);
        tempos = sortedMap(tempos, Comparator.comparingLong(TempoChange::tick), "tempo");
        meters = sortedMap(meters, Comparator.comparingLong(MeterChange::tick), "meter");
        if (tempos.get(0).tick() != 0) {
            throw new IllegalArgumentException("the tempo map must start at tick 0");
        }
        if (meters.get(0).tick() != 0) {
            throw new IllegalArgumentException("the meter map must start at tick 0");
        }
    }

    private static <T> List<T> sortedMap(List<T> items, Comparator<T> order, String what) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a song needs at least one " + what);
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(order);
        return List.copyOf(sorted);
    }

    /** Bars laid end to end into a song at 480 ticks a quarter, with tempo and meter changes where the bars change them. */
    public static Song ofBars(Key key, List<Track> tracks, List<MidiBar> bars) {
        Meter first = bars.isEmpty() ? Meter.FOUR_FOUR : bars.get(0).meter();
        return SongBuilder.assemble(key, first, bars.isEmpty() ? 120 : bars.get(0).bpm(), tracks, bars);
    }

    /** The tick after the last note ends (0 for an empty song). */
    public long endTick() {
        long end = 0;
        for (MidiNote n : notes) {
            end = Math.max(end, n.endTick());
        }
        return end;
    }

    /** The tempo in force at {@code tick}. */
    public double bpmAt(long tick) {
        double bpm = tempos.get(0).bpm();
        for (TempoChange t : tempos) {
            if (t.tick() > tick) {
                break;
            }
            bpm = t.bpm();
        }
        return bpm;
    }

    /** Seconds from the start to {@code tick}, following the tempo map. */
    public double secondsAt(long tick) {
        double seconds = 0;
        long at = 0;
        double bpm = tempos.get(0).bpm();
        for (TempoChange t : tempos) {
            if (t.tick() >= tick) {
                break;
            }
            seconds += (t.tick() - at) * 60.0 / (bpm * ticksPerQuarter);
            at = t.tick();
            bpm = t.bpm();
        }
        return seconds + (tick - at) * 60.0 / (bpm * ticksPerQuarter);
    }

    /** Playing time in seconds, to the end of the last note. */
    public double seconds() {
        return secondsAt(endTick());
    }

    /**
     * Start ticks of the bars that cover {@code [0, endTick)}, following the meter map; a meter
     * change that falls inside a bar starts a new bar there.
     */
    public List<Long> barStarts(long endTick) {
        List<Long> starts = new ArrayList<>();
        long tick = 0;
        int m = 0;
        do {
            while (m + 1 < meters.size() && meters.get(m + 1).tick() <= tick) {
                m++;
            }
            starts.add(tick);
            long next = tick + Math.max(1, meters.get(m).meter().ticksPerBar(ticksPerQuarter));
            if (m + 1 < meters.size() && meters.get(m + 1).tick() < next) {
                next = meters.get(m + 1).tick();
            }
            tick = next;
        } while (tick < endTick);
        return starts;
    }

    /** How many bars {@link #barStarts} would return, counted without building them. */
    public long barCount(long endTick) {
        long count = 0;
        for (int m = 0; m < meters.size(); m++) {
            long start = meters.get(m).tick();
            long end = Math.min(endTick, m + 1 < meters.size() ? meters.get(m + 1).tick() : Long.MAX_VALUE);
            if (end > start) {
                long perBar = Math.max(1, meters.get(m).meter().ticksPerBar(ticksPerQuarter));
                count += (end - start + perBar - 1) / perBar;
            }
        }
        return Math.max(1, count);
    }

    /** The meter in force at {@code tick}. */
    public Meter meterAt(long tick) {
        Meter meter = meters.get(0).meter();
        for (MeterChange c : meters) {
            if (c.tick() > tick) {
                break;
            }
            meter = c.meter();
        }
        return meter;
    }

    /**
     * The song with each note cut short where the same pitch starts again on the same channel, so
     * that MIDI's one-note-per-key rule never pairs a note-off with the wrong note-on.
     */
    public Song withoutOverlaps() {
        java.util.Map<Integer, Integer> sounding = new java.util.HashMap<>(); // channel << 7 | pitch -> index in out
        List<MidiNote> out = new ArrayList<>(notes.size());
        for (MidiNote n : notes) {
            int slot = tracks.get(n.track()).channel() << 7 | n.pitch();
            Integer i = sounding.get(slot);
            if (i != null && out.get(i) != null && out.get(i).endTick() > n.startTick()) {
                MidiNote before = out.get(i);
                long kept = n.startTick() - before.startTick();
                out.set(i, kept > 0 ? new MidiNote(before.track(), before.pitch(), before.startTick(), kept, before.velocity()) : null);
            }
            sounding.put(slot, out.size());
            out.add(n);
        }
        out.removeIf(java.util.Objects::isNull);
        return new Song(ticksPerQuarter, key, tracks, out, tempos, meters);
    }

    /** The song with every pitched (non-drum) note moved by {@code semitones}; notes pushed out of 0..127 are dropped. */
    public Song transposed(int semitones) {
        List<MidiNote> moved = new ArrayList<>(notes.size());
        for (MidiNote n : notes) {
            if (tracks.get(n.track()).drums()) {
                moved.add(n);
            } else if (n.pitch() + semitones >= 0 && n.pitch() + semitones <= 127) {
                moved.add(new MidiNote(n.track(), n.pitch() + semitones, n.startTick(), n.durationTicks(), n.velocity()));
            }
        }
        return new Song(ticksPerQuarter, key.transposed(semitones), tracks, moved, tempos, meters);
    }
}
