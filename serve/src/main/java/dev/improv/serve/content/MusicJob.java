package dev.improv.serve.content;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.band.MoodLibrary;
import dev.improv.engines.BandMusicProvider;
import dev.improv.drums.DrumVocabulary;
import dev.improv.music.InvalidMidiFileException;
import dev.improv.music.MidiFiles;
import dev.improv.music.Song;
import java.util.Base64;
import java.util.List;

/**
 * {@code POST /v1/music}: the options of {@code improv music}; {@code wav} adds a rendering and
 * {@code intensities}, one a bar, shape the piece section by section instead of one {@code intensity}.
 * The band plays unless {@code engine} is {@code "transformer"}, as on the command line: with {@code mood}
 * (a preset of the shipped moods, or of {@code moods}, a designer's mood file inline) it sets key, meter,
 * tempo, intensity, drum style and instruments unless the request gives them ({@code drum_style},
 * {@code lead}, {@code harmony}, {@code bass}); without one, {@link dev.improv.band.BandControls#DEFAULT}'s.
 * Only the transformer takes the sampling fields and {@code prime} (a MIDI file, base64, continued as
 * {@code --prime} does).
 */
public record MusicJob(String model, String engine, Integer bars, String key, String meter, Double tempo, Integer intensity,
                       List<Integer> intensities, String mood, JsonNode moods, String drum_style, Integer lead,
                       Integer harmony, Integer bass, Long seed, Double temperature, Double top_p, Double key_strength,
                       Boolean wav, String prime) {
    /** WAV renders are 10 MB a minute: fewer bars for them (a prime's bars count too). */
    static final int MAX_WAV_BARS = 32;
    /** A MIDI file to continue: a few kilobytes for a tune; the request body's limit is 256 KiB anyway. */
    static final int MAX_PRIME_BYTES = 64 * 1024;
    /** The engines, named as {@code improv music --engine} and the api's music engines name them. */
    static final List<String> ENGINES = List.of("band", "transformer");

    /** The request with the CLI's defaults filled in, or a {@link BadRequest} naming the field. */
    public MusicJob checked() {
        String e = engine == null ? "band" : BadRequest.text(engine, "", 16, "engine");
        BadRequest.check(ENGINES.contains(e), "engine", "must be one of " + ENGINES + ", got '" + e + "'");
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
        // A JSON null (as a queued job carries it) is no file.
        JsonNode file = moods == null || moods.isNull() ? null : moods;
        if (e.equals("band")) {
            notForBand(temperature, "temperature");
            notForBand(top_p, "top_p");
            notForBand(key_strength, "key_strength");
            notForBand(prime, "prime");
            BadRequest.check(file == null || mood != null, "moods", "is a file of presets for mood: name one with mood");
            if (mood != null) {
                List<String> names = moodLibrary().names();
                BadRequest.check(names.contains(mood), "mood", "unknown mood '" + BadRequest.text(mood, "", 40, "mood")
                        + "' (known: " + names + ")");
            }
            if (drum_style != null) {
                List<String> styles = DrumVocabulary.standard().settings().styles();
                BadRequest.check(styles.contains(drum_style), "drum_style", "unknown style '"
                        + BadRequest.text(drum_style, "", 40, "drum_style") + "' (known: " + styles + ")");
            }
            for (Object[] program : new Object[][] {{"lead", lead}, {"harmony", harmony}, {"bass", bass}}) {
                BadRequest.check(program[1] == null || (Integer) program[1] >= 0 && (Integer) program[1] <= 127,
                        (String) program[0], "must be a General MIDI program in [0, 127], got " + program[1]);
            }
            // The preset's (or the band's default) key, meter, tempo and intensity stay unless the request names them: nulls here.
            return new MusicJob(ModelNames.music(model), e, b, k, m, tempo, intensity, curve, mood, file, drum_style, lead, harmony,
                    bass, s, null, null, null, render, null);
        }
        for (Object[] field : new Object[][] {{"mood", mood}, {"moods", file}, {"drum_style", drum_style}, {"lead", lead},
            {"harmony", harmony}, {"bass", bass}}) {
            BadRequest.check(field[1] == null, (String) field[0], "is for the band: leave out \"engine\": \"transformer\"");
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
        return new MusicJob(ModelNames.music(model), e, b, k == null ? "G" : k, m == null ? "4/4" : m, tempo == null ? 120 : tempo,
                intensity == null ? 4 : intensity, curve, null, null, null, null, null, null, s, temp, p, strength, render, prime);
    }

    /** Whether the band plays (the default) rather than the transformer's melody and chords. */
    public boolean band() {
        return !"transformer".equals(engine);
    }

    /**
     * The mood presets {@code mood} names: the request's own file ({@code moods}), or the service's
     * (the shipped ones, or {@code improv serve --moods FILE}).
     */
    public MoodLibrary moodLibrary() {
        if (moods == null || moods.isNull()) {
            return serviceMoods();
        }
        try {
            return MoodLibrary.parse(moods, "moods");
        } catch (IllegalArgumentException ex) {
            throw new BadRequest("moods", ex.getMessage().startsWith("moods: ") ? ex.getMessage().substring(7) : ex.getMessage());
        }
    }

    /** The service's mood presets: the shipped ones, or the operator's file ({@code improv serve --moods FILE}). */
    public static MoodLibrary serviceMoods() {
        try {
            return BandMusicProvider.moods();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the service's mood file: " + e.getMessage(), e);
        }
    }

    /** The band samples its own way and starts its own piece, as {@code improv music} does without --engine transformer. */
    private static void notForBand(Object value, String field) {
        BadRequest.check(value == null, field, "does not apply to the band (it samples its own way and cannot continue a piece); "
                + "send \"engine\": \"transformer\" for the melody and chords alone");
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
