package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.AtomicFiles;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.Mood;
import dev.improv.api.MusicControls;
import dev.improv.band.Band;
import dev.improv.band.BandControls;
import dev.improv.band.Instruments;
import dev.improv.band.Layer;
import dev.improv.band.MoodPreset;
import dev.improv.band.MoodLibrary;
import dev.improv.drums.DrumGenerator;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import dev.improv.music.AudioRenderer;
import dev.improv.music.Loudness;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.PianoRoll;
import dev.improv.music.Song;
import dev.improv.music.SynthStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv music}: generates a piece as MIDI, and optionally WAV and a piano-roll PNG. */
@Command(name = "music",
        header = "Generates music (a band: harmony, bass, drums, lead) and writes a MIDI file (and WAV, piano roll).",
        mixinStandardHelpOptions = true,
        description = {"Generates a piece and writes a MIDI file; optionally renders it to WAV (JDK software synthesizer, "
            + "no sound card needed) and a piano-roll PNG.",
            "By default a band plays (--engine band): harmony, bass (derived from the music model's chords), drums (the "
            + "drum model) and lead, each its own MIDI track, brought in by intensity (0 harmony, 1 +bass, 2 +drums, 3+ +lead).",
            "Moods are presets in a JSON file (--moods; the shipped ones: calm, tense, heroic, sad, battle, victory); "
            + "--key/--meter/--tempo/--intensity/--drum-style/--lead/--harmony/--bass given with --mood override the preset.",
            "--engine transformer writes the music model's two-part piece instead (melody and chords, piano); only it "
            + "takes --prime (continue a MIDI file) and the sampling options --temperature, --top-p and --key-strength.",
            "--sections 8:2,8:6 plays 8 bars at intensity 2, then 8 at 6 (a quiet verse, a busy chorus)."})
public final class MusicCommand implements Callable<Integer> {

    /** The two ways to play: the band, or the music model's melody and chords alone (names as {@code improv play --engine}). */
    enum Engine { band, transformer }

    @Option(names = "--out", required = true, description = "MIDI file to write.")
    Path out;

    @Option(names = "--engine", defaultValue = "band",
            description = {"band: harmony, bass, drums and lead, 4 MIDI tracks (the default).",
                "transformer: the music model's melody and chords alone, 2 tracks (as before the band)."})
    Engine engine;

    @Option(names = "--bars", description = "Bars to generate. Default: 16, or the sum of --sections.")
    Integer bars;

    @Option(names = "--sections", paramLabel = "BARS:INTENSITY", split = ",",
            description = {"Sections, each some bars at its own intensity, in order, e.g. 8:2,8:6 (instead of one --intensity).",
                "With the band, layers come in section by section."})
    List<String> sections;

    @Option(names = "--key", description = "Key, e.g. C, F#, Bb, Am, C#m. Default: G, or the mood's.")
    String key;

    @Option(names = "--meter", description = "Time signature, e.g. 4/4, 3/4, 6/8. Default: 4/4, or the mood's.")
    String meter;

    @Option(names = "--tempo", description = "Tempo in quarter notes a minute. Default: 120, or one in the mood's range.")
    Double tempo;

    @Option(names = "--intensity",
            description = {"0 (sparse) to 7 (busy). Alone: the note-density class. With a band: layers and density.",
                "Default: 4, or the mood's."})
    Integer intensity;

    @Option(names = "--mood", description = "A mood preset (band only): the band plays in its key, tempo range, meter, intensity, drum style and instruments.")
    String mood;

    @Option(names = "--moods", description = "JSON file of mood presets to use instead of the shipped ones (same format).")
    Path moods;

    @Option(names = "--drum-style", description = "Drum style for the band (rock, funk, jazz, hiphop, latin, punk, soul, ...). Default: rock, or the mood's.")
    String drumStyle;

    @Option(names = "--lead", description = "General MIDI program (0-127) of the band's lead. Default: the mood's, or 0 (piano).")
    Integer lead;

    @Option(names = "--harmony", description = "General MIDI program (0-127) of the band's harmony. Default: the mood's, or 89 (warm pad).")
    Integer harmony;

    @Option(names = "--bass", description = "General MIDI program (0-127) of the band's bass. Default: the mood's, or 33 (fingered bass).")
    Integer bass;

    @Option(names = "--drums-model", defaultValue = "drums", description = "Drum model folder, or the name of a default model. Default: ${DEFAULT-VALUE}.")
    String drumsModel;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--seeds", defaultValue = "1",
            description = {"Generate this many pieces, seeds --seed, --seed+1, ...; each file name gets -SEED before its "
                + "extension (one JSON line each). Default: ${DEFAULT-VALUE}."})
    int seeds;

    @Option(names = "--temperature", description = "Sampling temperature (--engine transformer; the band samples its own way). Default: 0.95.")
    Float temperature;

    @Option(names = "--top-p", description = "Nucleus sampling share (--engine transformer). Default: 0.95.")
    Float topP;

    @Option(names = "--key-strength",
            description = "Logit taken from out-of-key pitches, 0: the model alone decides (--engine transformer). Default: 1.5.")
    Float keyStrength;

    @Option(names = "--prime", description = "MIDI file to continue; its notes open the output (--engine transformer).")
    Path prime;

    @Option(names = "--wav", description = {"Also render to this WAV file (44.1 kHz, 16-bit, stereo), normalised to an RMS of "
        + "-18 dBFS with peaks at most -1 dBFS (the JSON line reports both)."})
    Path wav;

    @Option(names = "--soundfont", description = {"SoundFont (.sf2) for --wav. Default: the JDK's built-in General MIDI set.",
        "Debian's fluid-soundfont-gm (/usr/share/sounds/sf2/FluidR3_GM.sf2) sounds much better."})
    Path soundfont;

    @Option(names = "--png", description = "Also draw a piano roll to this PNG file.")
    Path png;

    @Mixin
    ModelOption model = new ModelOption("music");

    @Option(names = "--decode-threads", defaultValue = "1",
            description = {"1: decode on this thread only (best when the cores are busy).",
                "2: also use the decoder's helper thread (fastest on an idle machine). Default: ${DEFAULT-VALUE}."})
    int decodeThreads;

    @Override
    public Integer call() throws Exception {
        if (seeds == 1) { // with --seeds N each name gets -SEED
            AtomicFiles.requireWritable(out, wav, png);
        }
        if (decodeThreads != 1 && decodeThreads != 2) {
            throw new IllegalArgumentException("--decode-threads must be 1 or 2, got " + decodeThreads);
        }
        if (moods != null && mood == null) {
            // The file is read only to find --mood's preset: without one it would be ignored in silence.
            throw new IllegalArgumentException("--moods " + moods + " is a file of presets for --mood; name one with --mood NAME");
        }
        boolean playsBand = engine == Engine.band;
        if (playsBand) {
            // Options the band does not take are refused rather than ignored.
            refuse("--prime", prime, "continues melody and chords: add --engine transformer");
            refuse("--temperature", temperature, "is for --engine transformer (the band samples its own way)");
            refuse("--top-p", topP, "is for --engine transformer (the band samples its own way)");
            refuse("--key-strength", keyStrength, "is for --engine transformer (the band samples its own way)");
        } else {
            for (Object[] option : new Object[][] {{"--mood", mood}, {"--drum-style", drumStyle}, {"--lead", lead},
                {"--harmony", harmony}, {"--bass", bass}}) {
                refuse((String) option[0], option[1], "is for the band: leave out --engine transformer");
            }
        }
        List<Integer> curve = sections == null ? null : intensityOfBar(sections);
        if (curve != null) {
            refuse("--intensity", intensity, "cannot be given with --sections, which sets each section's intensity");
            if (bars != null && bars != curve.size()) {
                throw new IllegalArgumentException("--bars " + bars + " differs from the " + curve.size() + " bars of --sections");
            }
        }
        int length = curve != null ? curve.size() : bars == null ? 16 : bars;
        MoodPreset preset = mood == null ? null : (moods == null ? MoodLibrary.standard() : MoodLibrary.load(moods)).get(mood);
        // Load the soundfont first: a bad --soundfont should fail before any work is done.
        javax.sound.midi.Soundbank bank = soundfont == null ? null : SynthStream.loadSoundbank(soundfont);
        if (seeds < 1 || seeds > 1000) {
            throw new IllegalArgumentException("--seeds must be in 1..1000, got " + seeds);
        }
        MusicGenerator generator = new MusicGenerator(model.load(), decodeThreads == 2);
        Band players = playsBand ? new Band(generator, new DrumGenerator(model.weights().apply(LanguageModel.loadFolderOrDefault(drumsModel)))) : null;
        if (drumStyle != null) {
            // A style the drum model does not know would play as "other" without a word.
            List<String> styles = players.drums().tokenizer().vocabulary().settings().styles();
            if (!styles.contains(drumStyle)) {
                throw new IllegalArgumentException("--drum-style: unknown style '" + drumStyle + "' (known: " + String.join(", ", styles) + ")");
            }
        }
        for (int i = 0; i < seeds; i++) {
            long s = seed.value() + i;
            System.out.println(piece(generator, players, preset, bank, length, curve, s, seeds == 1 ? "" : "-" + s));
        }
        return 0;
    }

    private static void refuse(String option, Object value, String why) {
        if (value != null) {
            throw new IllegalArgumentException(option + " " + why);
        }
    }

    /** {@code --sections 8:2,8:6} as one intensity a bar: eight 2s, then eight 6s. */
    static List<Integer> intensityOfBar(List<String> sections) {
        List<Integer> curve = new ArrayList<>();
        for (String section : sections) {
            String[] parts = section.strip().split(":");
            int count;
            int level;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                count = Integer.parseInt(parts[0].strip());
                level = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sections: '" + section + "' is not BARS:INTENSITY, e.g. 8:2");
            }
            if (count < 1 || level < 0 || level > 7) {
                throw new IllegalArgumentException("--sections: '" + section + "' needs at least 1 bar and an intensity in 0..7");
            }
            if (curve.size() + count > 10_000) {
                throw new IllegalArgumentException("--sections: more than 10000 bars in all");
            }
            curve.addAll(Collections.nCopies(count, level));
        }
        return curve;
    }

    /** One piece of {@code bars} bars (at {@code curve}'s intensity a bar if not null) with seed {@code s}; returns its JSON line. */
    private ObjectNode piece(MusicGenerator generator, Band players, MoodPreset preset, javax.sound.midi.Soundbank bank,
                             int bars, List<Integer> curve, long s, String suffix) throws Exception {
        Path out = suffixed(this.out, suffix);
        Path wav = suffixed(this.wav, suffix);
        Path png = suffixed(this.png, suffix);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("engine", engine.name());
        long t0 = System.nanoTime();
        Song song;
        if (players != null) {
            BandControls controls = bandControls(preset, s);
            song = curve == null ? players.generate(bars, controls, s) : players.generate(controls, s, curve);
            if (preset != null) {
                line.put("mood", preset.name());
            }
            line.put("key", controls.key().shortName());
            line.put("meter", controls.meter().toString());
            line.put("bpm", controls.bpm());
            putIntensity(line, controls.intensity(), curve);
            line.put("drum_style", controls.drumStyle());
        } else {
            MusicControls controls;
            try {
                controls = new MusicControls(curve != null ? curve.get(0) : intensity == null ? 4 : intensity,
                        Key.parse(key == null ? "G" : key), Mood.CALM, tempo == null ? 120 : tempo, Meter.parse(meter == null ? "4/4" : meter));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--key/--meter/--tempo/--intensity: " + e.getMessage());
            }
            SamplingSettings sampling = SongRequest.DEFAULT_SAMPLING.withTemperature(temperature == null ? 0.95f : temperature)
                    .withTopP(topP == null ? 0.95f : topP);
            SongRequest request = new SongRequest(bars, controls, s, sampling, null, keyStrength == null ? 1.5f : keyStrength);
            if (prime != null) {
                Song primeSong = MidiFiles.read(prime);
                if (primeSong.notes().isEmpty()) {
                    throw new IllegalArgumentException(prime + ": no notes to continue (a --prime file needs at least one note)");
                }
                request = request.withPrime(primeSong);
            }
            MusicControls opening = controls;
            song = curve == null ? generator.generate(request) : generator.generate(request, bar -> opening.withIntensity(curve.get(bar)));
            line.put("key", controls.key().shortName());
            line.put("meter", controls.meter().toString());
            line.put("bpm", controls.tempoBpm());
            putIntensity(line, controls.intensity(), curve);
        }
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        MidiFiles.write(song, out);
        if (png != null) {
            PianoRoll.writePng(song, png);
        }
        line.put("seed", s);
        line.put("midi", out.toString());
        line.put("bars", bars);
        line.put("tracks", song.tracks().size());
        line.put("notes", song.notes().size());
        line.put("seconds", Math.round(song.seconds() * 100) / 100.0);
        line.put("generation_seconds", Math.round(genSeconds * 1000) / 1000.0);
        if (wav != null) {
            Loudness loudness = new AudioRenderer(bank).writeNormalisedWav(song, wav);
            line.put("wav", wav.toString());
            line.put("peak_dbfs", Math.round(Loudness.dbfs(loudness.peak()) * 100) / 100.0);
            line.put("rms_dbfs", Math.round(Loudness.dbfs(loudness.rms()) * 100) / 100.0);
        }
        if (png != null) {
            line.put("png", png.toString());
        }
        return line;
    }

    /** One "intensity", or with sections "intensities" as the sections' levels in order (8:2,8:6 gives [2, 6]). */
    private static void putIntensity(ObjectNode line, int one, List<Integer> curve) {
        if (curve == null) {
            line.put("intensity", one);
            return;
        }
        ArrayNode levels = line.putArray("sections");
        int start = 0;
        for (int bar = 1; bar <= curve.size(); bar++) {
            if (bar == curve.size() || !curve.get(bar).equals(curve.get(start))) {
                levels.add((bar - start) + ":" + curve.get(start));
                start = bar;
            }
        }
    }

    private static Path suffixed(Path file, String suffix) {
        if (file == null || suffix.isEmpty()) {
            return file;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling(dot < 0 ? name + suffix : name.substring(0, dot) + suffix + name.substring(dot));
    }

    /** The band's controls: the mood's (or the band's defaults), overridden by whatever option was given. */
    private BandControls bandControls(MoodPreset preset, long s) {
        try {
            BandControls c = preset != null ? BandControls.of(preset, s) : BandControls.DEFAULT;
            if (key != null) {
                c = c.withKey(Key.parse(key));
            }
            if (meter != null) {
                c = c.withMeter(Meter.parse(meter));
            }
            if (tempo != null) {
                c = c.withBpm(tempo);
            }
            if (intensity != null) {
                c = c.withIntensity(intensity);
            }
            if (drumStyle != null) {
                c = c.withDrumStyle(drumStyle);
            }
            Instruments programs = c.instruments();
            programs = lead == null ? programs : programs.with(Layer.LEAD, lead);
            programs = harmony == null ? programs : programs.with(Layer.HARMONY, harmony);
            programs = bass == null ? programs : programs.with(Layer.BASS, bass);
            return c.withInstruments(programs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key/--meter/--tempo/--intensity/--lead/--harmony/--bass: " + e.getMessage());
        }
    }
}
