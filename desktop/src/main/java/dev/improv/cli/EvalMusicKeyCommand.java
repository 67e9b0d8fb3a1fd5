package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.api.Key;
import dev.improv.io.Limits;
import dev.improv.api.Meter;
import dev.improv.api.MusicControls;
import dev.improv.music.KeyKeeping;
import dev.improv.music.MusicGenerator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code improv eval music-key}: how well the two-part model keeps to the key it is asked for, on the
 * library's default path (what {@code MusicGenerator.generate(SongRequest.of(...))} callers get).
 */
@Command(name = "music-key",
        header = "Share of the music model's notes in the asked key, over many seeds, on the library's default path.",
        mixinStandardHelpOptions = true,
        description = {"Generates --seeds pieces (seeds 0..N-1) of --bars bars for each --case KEY:METER with the music "
            + "model's own two-part engine (melody and chords; default controls, --tempo, sampling and key strength as "
            + "SongRequest.of sets them) and counts the notes whose pitch class is in the key's scale (natural minor for "
            + "a minor key).",
            "Prints one JSON line a case: notes in key, pieces with at least 80%% in key (DefaultMusicModelTest's check), "
            + "and the melody's and the chords' shares."})
public final class EvalMusicKeyCommand implements Callable<Integer> {

    @Mixin
    ModelOption model = new ModelOption("music");

    @Option(names = "--case", paramLabel = "KEY:METER", split = ",",
            defaultValue = "D:6/8,G:4/4,Am:4/4,Em:3/4",
            description = "Keys and meters to ask for. Default: ${DEFAULT-VALUE}.")
    List<String> cases;

    @Option(names = "--seeds", defaultValue = "30", description = "Pieces a case (seeds 0..N-1). Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--bars", defaultValue = "4", description = "Bars a piece. Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--tempo", defaultValue = "100", description = "Tempo asked for. Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Override
    public Integer call() throws Exception {
        Limits.require("--seeds", seeds, 1, 10_000);
        Limits.require("--bars", bars, 1, 256);
        MusicGenerator generator = new MusicGenerator(model.load(), false);
        ObjectMapper json = new ObjectMapper();
        for (String c : cases) {
            int colon = c.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--case must be KEY:METER (e.g. D:6/8), got '" + c + "'");
            }
            MusicControls controls = MusicControls.DEFAULT.withKey(Key.parse(c.substring(0, colon)))
                    .withMeter(Meter.parse(c.substring(colon + 1))).withTempo(tempo);
            Key key = controls.key();
            KeyKeeping tally = new KeyKeeping();
            for (int seed = 0; seed < seeds; seed++) {
                tally.add(generator, controls, bars, seed);
            }
            ObjectNode line = json.createObjectNode();
            line.put("key", key.shortName());
            line.put("meter", controls.meter().toString());
            line.put("seeds", seeds);
            line.put("notes", tally.notes());
            line.put("in_key", round(tally.share()));
            line.put("pieces_at_80", tally.piecesAt80());
            line.put("melody_in_key", round(tally.melodyShare()));
            line.put("chords_in_key", round(tally.chordShare()));
            if (key.minor()) {
                line.put("leading_tones", round(tally.leadingToneShare()));
            }
            System.out.println(line);
        }
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
