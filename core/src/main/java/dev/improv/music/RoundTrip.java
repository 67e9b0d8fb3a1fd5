package dev.improv.music;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures what survives MIDI to tokens to MIDI: a note survives if its track, pitch, grid onset and grid length all come back. */
public final class RoundTrip {

    /** Counts for one or more songs. */
    public record Result(long notes, long survived, long tokens) {
        public Result plus(Result other) {
            return new Result(notes + other.notes, survived + other.survived, tokens + other.tokens);
        }

        /** Share of notes that survived, 1 for no notes. */
        public double share() {
            return notes == 0 ? 1 : (double) survived / notes;
        }
    }

    private RoundTrip() {
    }

    /** Encodes and decodes one song and compares its notes on the grid. */
    public static Result measure(MusicTokenizer tokenizer, Song song) {
        int[] tokens = tokenizer.encode(song);
        Song back = tokenizer.decode(tokens);
        List<MusicTokenizer.GridNote> before = tokenizer.quantise(song);
        Map<List<Long>, Integer> after = new HashMap<>();
        for (MusicTokenizer.GridNote g : tokenizer.quantise(back)) {
            after.merge(g.identity(), 1, Integer::sum);
        }
        long original = 0;
        for (MidiNote n : song.notes()) {
            original++; // notes on tracks the language cannot hold count as lost
        }
        long survived = 0;
        for (MusicTokenizer.GridNote g : before) {
            Integer left = after.get(g.identity());
            if (left != null && left > 0) {
                survived++;
                after.put(g.identity(), left - 1);
            }
        }
        return new Result(original, survived, tokens.length);
    }
}
