package dev.improv.serve.content;

import dev.improv.band.MoodLibrary;
import dev.improv.music.InvalidMidiFileException;
import dev.improv.music.MidiFiles;
import dev.improv.music.Song;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/music}: the options of {@code improv music}; {@code wav} adds a rendering,
 * {@code prime} (a MIDI file, base64) is continued as {@code --prime} does (its notes open the result),
 * and {@code intensities}, one a bar, shape the piece section by section instead of one {@code intensity}.
 * With {@code mood} the band plays, as {@code improv music --mood}: the preset sets key, meter, tempo and
 * intensity unless the request gives them, and the sampling fields and {@code prime} do not apply.
 */
public record MusicJob(String model, Integer bars, String key, String meter, Double tempo, Integer intensity,
                       List<Integer> intensities, String mood, Long seed, Double temperature, Double top_p,
                       Double key_strength, Boolean wav, String prime) {
    /** WAV renders are 10 MB a minute: fewer bars for them (a prime's bars count too). */
    static final int MAX_WAV_BARS = 32;
    /** A MIDI file to continue: a few kilobytes for a tune; the request body's limit is 256 KiB anyway. */
    static final int MAX_PRIME_BYTES = 64 * 1024;

    /** The request with the CLI's defaults filled in, or a {@link BadRequest} naming the field. */
    public MusicJob checked() {
        boolean render = wav != null && wav;
        int b = BadRequest.within(bars, 16, 1, render ? MAX_WAV_BARS : 256, "bars");
        BadRequest.check(tempo == null || tempo >= 20 && tempo <= 400, "tempo", "must be in [20, 400], got " + tempo);
        if (intensity != null) {
            BadRequest.within(intensity, 4, 0, 7, "intensity");
        }
        if (intensities != null) {
            BadRequest.check(intensities.size() == b, "intensities", "must give one intensity a bar: " + b + " values, got "
                    + intensities.size());
            for (int i = 0; i < b; i++) {
                Integer v = intensities.get(i);
                BadRequest.check(v != null && v >= 0 && v <= 7, "intensities[" + i + "]", "must be in [0, 7], got " + v);
            }
        }
        String k = key == null ? null : BadRequest.text(key, "", 8, "key");
        String m = meter == null ? null : BadRequest.text(meter, "", 8, "meter");
        List<Integer> curve = intensities == null ? null : List.copyOf(intensities);
        long s = seed == null ? 1L : seed;
        if (mood != null) {
            List<String> moods = MoodLibrary.standard().names();
            BadRequest.check(moods.contains(mood), "mood", "unknown mood '" + BadRequest.text(mood, "", 40, "mood")
                    + "' (known: " + moods + ")");
            notWithMood(temperature, "temperature");
            notWithMood(top_p, "top_p");
            notWithMood(key_strength, "key_strength");
            notWithMood(prime, "prime");
            // The preset's key, meter, tempo and intensity stay unless the request names them: nulls here.
            return new MusicJob(ModelNames.music(model), b, k, m, tempo, intensity, curve, mood, s, null, null, null, render, null);
        }
        double temp = temperature == null ? 0.95 : temperature;
        BadRequest.check(temp >= 0 && temp <= 5, "temperature", "must be in [0, 5], got " + temp);
        double p = top_p == null ? 0.95 : top_p;
        BadRequest.check(p > 0 && p <= 1, "top_p", "must be in (0, 1], got " + p);
        double strength = key_strength == null ? 1.5 : key_strength;
        BadRequest.check(strength >= 0 && strength <= 20, "key_strength", "must be in [0, 20], got " + strength);
        if (prime != null) {
            Song song = primeSong();
            long primeBars = song.barCount(song.endTick());
            BadRequest.check(!render || primeBars + b <= MAX_WAV_BARS, "prime", "runs " + primeBars + " bars; with "
                    + b + " more that is over the " + MAX_WAV_BARS + " bars a WAV may have");
        }
        return new MusicJob(ModelNames.music(model), b, k == null ? "G" : k, m == null ? "4/4" : m, tempo == null ? 120 : tempo,
                intensity == null ? 4 : intensity, curve, null, s, temp, p, strength, render, prime);
    }

    /** The band samples its own way and starts its own piece, as {@code improv music --mood} does. */
    private static void notWithMood(Object value, String field) {
        BadRequest.check(value == null, field, "does not apply with mood (the band samples its own way and cannot continue a piece)");
    }

    /** The song to continue, or null; a {@link BadRequest} on {@code prime} if it is not a MIDI file with notes. */
    Song primeSong() {
        if (prime == null) {
            return null;
        }
        BadRequest.check(prime.length() <= MAX_PRIME_BYTES * 4 / 3 + 4, "prime", "is larger than " + MAX_PRIME_BYTES + " bytes");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(prime);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("prime", "is not base64: " + e.getMessage());
        }
        Song song;
        try {
            song = MidiFiles.read(bytes, "prime");
        } catch (InvalidMidiFileException e) {
            throw new BadRequest("prime", e.getMessage());
        }
        BadRequest.check(!song.notes().isEmpty(), "prime", "has no notes to continue");
        return song;
    }
}
