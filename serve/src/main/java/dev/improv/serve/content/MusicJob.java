package dev.improv.serve.content;

import dev.improv.music.InvalidMidiFileException;
import dev.improv.music.MidiFiles;
import dev.improv.music.Song;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/music}: the options of {@code improv music}; {@code wav} adds a rendering,
 * {@code prime} (a MIDI file, base64) is continued as {@code --prime} does (its notes open the result),
 * and {@code intensities}, one a bar, shape the piece section by section instead of one {@code intensity}.
 */
public record MusicJob(String model, Integer bars, String key, String meter, Double tempo, Integer intensity,
                       List<Integer> intensities, Long seed, Double temperature, Double top_p, Double key_strength,
                       Boolean wav, String prime) {
    /** WAV renders are 10 MB a minute: fewer bars for them (a prime's bars count too). */
    static final int MAX_WAV_BARS = 32;
    /** A MIDI file to continue: a few kilobytes for a tune; the request body's limit is 256 KiB anyway. */
    static final int MAX_PRIME_BYTES = 64 * 1024;

    /** The request with the CLI's defaults filled in, or a {@link BadRequest} naming the field. */
    public MusicJob checked() {
        boolean render = wav != null && wav;
        int b = BadRequest.within(bars, 16, 1, render ? MAX_WAV_BARS : 256, "bars");
        double t = tempo == null ? 120 : tempo;
        BadRequest.check(t >= 20 && t <= 400, "tempo", "must be in [20, 400], got " + t);
        double temp = temperature == null ? 0.95 : temperature;
        BadRequest.check(temp >= 0 && temp <= 5, "temperature", "must be in [0, 5], got " + temp);
        double p = top_p == null ? 0.95 : top_p;
        BadRequest.check(p > 0 && p <= 1, "top_p", "must be in (0, 1], got " + p);
        double strength = key_strength == null ? 1.5 : key_strength;
        BadRequest.check(strength >= 0 && strength <= 20, "key_strength", "must be in [0, 20], got " + strength);
        if (intensities != null) {
            BadRequest.check(intensities.size() == b, "intensities", "must give one intensity a bar: " + b + " values, got "
                    + intensities.size());
            for (int i = 0; i < b; i++) {
                Integer v = intensities.get(i);
                BadRequest.check(v != null && v >= 0 && v <= 7, "intensities[" + i + "]", "must be in [0, 7], got " + v);
            }
        }
        if (prime != null) {
            Song song = primeSong();
            long primeBars = song.barCount(song.endTick());
            BadRequest.check(!render || primeBars + b <= MAX_WAV_BARS, "prime", "runs " + primeBars + " bars; with "
                    + b + " more that is over the " + MAX_WAV_BARS + " bars a WAV may have");
        }
        return new MusicJob(ModelNames.music(model), b, BadRequest.text(key, "G", 8, "key"),
                BadRequest.text(meter, "4/4", 8, "meter"), t, BadRequest.within(intensity, 4, 0, 7, "intensity"),
                intensities == null ? null : List.copyOf(intensities), seed == null ? 1L : seed, temp, p, strength, render, prime);
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
