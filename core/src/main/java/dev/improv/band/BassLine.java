package dev.improv.band;

import dev.improv.api.Meter;
import dev.improv.music.MidiNote;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A bass part derived from the harmony's chords, bar by bar. Derived rather than learned: the
 * melody/chord corpus has no bass line to learn from, and a bass read off the model's own chords can
 * never disagree with them (and costs no decoding). Each chord (the chord notes that start together)
 * gives a root (the pitch class whose third and fifth are most present, the lowest note on a tie);
 * intensity chooses the pattern: held roots, then half-bar roots and fifths, then a beat pulse,
 * then eighths with octave leaps.
 */
public final class BassLine {

    /** Lowest bass note: the roots sit in E1..D#2, the fifths and octaves above them. */
    private static final int FLOOR = 28;

    private BassLine() {
    }

    /**
     * The bass notes of one bar on {@code track}.
     *
     * @param chords       the bar's harmony notes (ticks from the bar line)
     * @param carriedRoot  the root sounding at the bar line if no chord starts there (-1 for none)
     * @param intensity    band intensity 0..7
     * @return the notes, and the root still sounding at the bar's end in {@link Result#lastRoot()}
     */
    public static Result bar(List<MidiNote> chords, int carriedRoot, Meter meter, int ticksPerQuarter, int intensity,
                             int track, int velocity) {
        long barTicks = meter.ticksPerBar(ticksPerQuarter);
        TreeMap<Long, List<Integer>> onsets = new TreeMap<>();
        for (MidiNote n : chords) {
            onsets.computeIfAbsent(n.startTick(), k -> new ArrayList<>()).add(n.pitch());
        }
        TreeMap<Long, Integer> roots = new TreeMap<>();
        if (carriedRoot >= 0) {
            roots.put(0L, carriedRoot);
        }
        onsets.forEach((tick, pitches) -> {
            if (tick < barTicks) {
                roots.put(tick, root(pitches));
            }
        });
        List<MidiNote> out = new ArrayList<>();
        if (roots.isEmpty()) {
            return new Result(out, -1);
        }
        long pulse = pulse(meter, ticksPerQuarter, intensity);
        for (long t = 0; t < barTicks; t += pulse) {
            Long at = roots.floorKey(t);
            if (at == null) {
                continue; // no chord yet in this bar and none carried in
            }
            long beatIndex = t / pulse;
            int pitch = FLOOR + Math.floorMod(roots.get(at) - FLOOR, 12);
            if (intensity >= 7 && beatIndex % 2 == 1) {
                pitch += 12; // octave on the off-beat eighths
            } else if (intensity >= 4 && beatIndex % 4 == 2) {
                pitch += 7; // the fifth in the middle of the pattern
            }
            long length = Math.min(pulse, barTicks - t);
            // A chord change inside the pulse ends the note there and starts the new root.
            Long change = roots.higherKey(t);
            if (change != null && change < t + length) {
                length = change - t;
                out.add(new MidiNote(track, pitch, t, Math.max(1, length - 1), velocity));
                int changed = FLOOR + Math.floorMod(roots.get(change) - FLOOR, 12);
                out.add(new MidiNote(track, changed, change, Math.max(1, t + pulse - change - 1), velocity));
                continue;
            }
            out.add(new MidiNote(track, pitch, t, Math.max(1, length - ticksPerQuarter / 24), velocity));
        }
        return new Result(out, roots.lastEntry().getValue());
    }

    /** The bass notes of a bar and the root sounding at its end. */
    public record Result(List<MidiNote> notes, int lastRoot) { }

    /** Note spacing: the whole bar at 0..3, half bars at 4..5, beats at 6, eighths at 7. */
    static long pulse(Meter meter, int ticksPerQuarter, int intensity) {
        long bar = meter.ticksPerBar(ticksPerQuarter);
        boolean compound = meter.denominator() == 8 && meter.numerator() % 3 == 0;
        long beat = compound ? ticksPerQuarter * 3L / 2 : ticksPerQuarter * 4L / meter.denominator();
        if (intensity <= 3) {
            return bar;
        }
        if (intensity <= 5) {
            long half = (meter.numerator() % 2 == 0 || compound) ? bar / 2 : bar;
            return compound && meter.numerator() == 3 ? bar : half;
        }
        return intensity == 6 ? beat : beat / 2;
    }

    /** The root of a chord: the pitch class whose third and fifth are most present; the lowest note breaks ties. */
    static int root(List<Integer> pitches) {
        int lowest = pitches.stream().mapToInt(Integer::intValue).min().orElse(0);
        boolean[] present = new boolean[12];
        pitches.forEach(p -> present[p % 12] = true);
        int best = lowest % 12;
        int bestScore = -1;
        for (int pc = 0; pc < 12; pc++) {
            if (!present[pc]) {
                continue;
            }
            int score = (present[(pc + 7) % 12] ? 2 : 0) + (present[(pc + 4) % 12] || present[(pc + 3) % 12] ? 1 : 0);
            if (score > bestScore || (score == bestScore && pc == lowest % 12)) {
                best = pc;
                bestScore = score;
            }
        }
        return best;
    }
}
