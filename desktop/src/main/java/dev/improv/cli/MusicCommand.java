package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import dev.improv.music.AudioRenderer;
import dev.improv.api.MusicControls;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.api.Mood;
import dev.improv.music.MidiFiles;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.PianoRoll;
import dev.improv.music.Song;
import dev.improv.music.SynthStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv music}: generates a piece as MIDI, and optionally WAV and a piano-roll PNG. */
@Command(name = "music",
        header = "Generates music with the music transformer and writes a MIDI file (and WAV, piano roll).", mixinStandardHelpOptions = true,
        description = {"Generates music with the music transformer and writes a MIDI file;",
            "optionally renders it to WAV (JDK software synthesizer, no sound card needed) and a piano-roll PNG.",
            "With --prime, continues the given MIDI file instead of starting a new piece."})
public final class MusicCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "MIDI file to write.")
    Path out;

    @Option(names = "--bars", defaultValue = "16", description = "Bars to generate. Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--key", defaultValue = "G", description = "Key, e.g. C, F#, Bb, Am, C#m. Default: ${DEFAULT-VALUE}.")
    String key;

    @Option(names = "--meter", defaultValue = "4/4", description = "Time signature, e.g. 4/4, 3/4, 6/8. Default: ${DEFAULT-VALUE}.")
    String meter;

    @Option(names = "--tempo", defaultValue = "120", description = "Tempo in quarter notes a minute. Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--intensity", defaultValue = "4", description = "Note density class 0 (sparse) to 7 (busy). Default: ${DEFAULT-VALUE}.")
    int intensity;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--temperature", defaultValue = "0.95", description = "Sampling temperature. Default: ${DEFAULT-VALUE}.")
    float temperature;

    @Option(names = "--top-p", defaultValue = "0.95", description = "Nucleus sampling share. Default: ${DEFAULT-VALUE}.")
    float topP;

    @Option(names = "--key-strength", defaultValue = "1.5",
            description = "Logit taken from out-of-key pitches (0: the model alone decides). Default: ${DEFAULT-VALUE}.")
    float keyStrength;

    @Option(names = "--prime", description = "MIDI file to continue; its notes open the output.")
    Path prime;

    @Option(names = "--wav", description = "Also render to this WAV file (44.1 kHz, 16-bit, stereo).")
    Path wav;

    @Option(names = "--soundfont", description = "SoundFont (.sf2) for --wav. Default: the JDK's built-in General MIDI set.")
    Path soundfont;

    @Option(names = "--png", description = "Also draw a piano roll to this PNG file.")
    Path png;

    @Mixin
    ModelOption model = new ModelOption("music");

    @Option(names = "--decode-threads", defaultValue = "1",
            description = {"1: decode on this thread only (best when the cores are busy);",
                "2: also use the decoder's helper thread (fastest on an idle machine). Default: ${DEFAULT-VALUE}."})
    int decodeThreads;

    @Override
    public Integer call() throws Exception {
        MusicControls controls;
        try {
            controls = new MusicControls(intensity, Key.parse(key), Mood.CALM, tempo, Meter.parse(meter));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--key/--meter/--tempo/--intensity: " + e.getMessage());
        }
        SamplingSettings sampling = SongRequest.DEFAULT_SAMPLING.withTemperature(temperature).withTopP(topP);
        SongRequest request = new SongRequest(bars, controls, seed.value(), sampling, null, keyStrength);
        if (prime != null) {
            request = request.withPrime(MidiFiles.read(prime));
        }
        // Load the soundfont first: a bad --soundfont should fail before any work is done.
        javax.sound.midi.Soundbank bank = soundfont == null ? null : SynthStream.loadSoundbank(soundfont);
        if (decodeThreads != 1 && decodeThreads != 2) {
            throw new IllegalArgumentException("--decode-threads must be 1 or 2, got " + decodeThreads);
        }
        MusicGenerator generator = new MusicGenerator(model.load(), decodeThreads == 2);
        long t0 = System.nanoTime();
        Song song = generator.generate(request);
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        MidiFiles.write(song, out);
        if (png != null) {
            PianoRoll.writePng(song, png);
        }
        if (wav != null) {
            new AudioRenderer(bank).writeWav(song, wav);
        }
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("midi", out.toString());
        line.put("bars", bars);
        line.put("notes", song.notes().size());
        line.put("seconds", Math.round(song.seconds() * 100) / 100.0);
        line.put("generation_seconds", Math.round(genSeconds * 1000) / 1000.0);
        if (wav != null) {
            line.put("wav", wav.toString());
        }
        if (png != null) {
            line.put("png", png.toString());
        }
        System.out.println(line);
        return 0;
    }
}
