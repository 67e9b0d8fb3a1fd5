package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.music.BarControls;
import dev.improv.music.Key;
import dev.improv.music.MusicGenerator;
import dev.improv.music.MusicRequest;
import dev.improv.music.Song;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv bench music}: how long 32 bars take to generate, against how long they play. */
@Command(name = "music", mixinStandardHelpOptions = true,
        description = {"Times whole-piece generation at batch 1 on a warm JVM and compares it with the playing time",
            "of the music generated. Prints one JSON line (median and spread over --runs seeds)."})
public final class BenchMusicCommand implements Callable<Integer> {

    @Option(names = "--bars", defaultValue = "32", description = "Bars a run generates. Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs (after --warmup). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first, for the JIT. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--intensity", defaultValue = "4", description = "Intensity of the bars. Default: ${DEFAULT-VALUE}.")
    int intensity;

    @Option(names = "--tempo", defaultValue = "120", description = "Tempo, which sets the playing time. Default: ${DEFAULT-VALUE}.")
    double tempo;

    @Option(names = "--model", defaultValue = "music", description = "Model folder or default model name. Default: ${DEFAULT-VALUE}.")
    String model;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || bars < 1) {
            throw new IllegalArgumentException("--runs and --bars must be >= 1 and --warmup >= 0");
        }
        MusicGenerator generator = new MusicGenerator(LanguageModel.loadFolderOrDefault(model));
        BarControls controls = BarControls.DEFAULT.withKey(Key.parse("G")).withIntensity(intensity).withBpm(tempo);
        for (int i = 0; i < warmup; i++) {
            generator.generate(MusicRequest.of(bars, controls, 1000 + i));
            System.err.printf("\rwarm-up %d/%d", i + 1, warmup);
        }
        double[] ratios = new double[runs];
        double[] seconds = new double[runs];
        double playing = 0;
        int notes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Song song = generator.generate(MusicRequest.of(bars, controls, i));
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            double play = bars * controls.meter().quarters() * 60 / tempo;
            ratios[i] = seconds[i] / play;
            playing = play;
            notes += song.notes().size();
            System.err.printf("\rrun %d/%d: %.3f s for %.1f s of music", i + 1, runs, seconds[i], play);
        }
        System.err.println();
        Arrays.sort(ratios);
        Arrays.sort(seconds);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("bars", bars);
        line.put("playing_seconds", playing);
        line.put("generation_seconds_median", round(seconds[runs / 2]));
        line.put("generation_seconds_min", round(seconds[0]));
        line.put("generation_seconds_max", round(seconds[runs - 1]));
        line.put("share_of_playing_time_median", round(ratios[runs / 2]));
        line.put("limit", round(1.0 / 50));
        line.put("pass", ratios[runs / 2] <= 1.0 / 50);
        line.put("notes_per_run", notes / runs);
        line.put("threads", Runtime.getRuntime().availableProcessors());
        System.out.println(line);
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
