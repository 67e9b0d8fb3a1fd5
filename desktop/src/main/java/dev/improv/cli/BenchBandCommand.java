package dev.improv.cli;

import dev.improv.api.MusicControls;
import dev.improv.api.Mood;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.band.Band;
import dev.improv.band.BandControls;
import dev.improv.band.MoodLibrary;
import dev.improv.drums.DrumGenerator;
import dev.improv.model.LanguageModel;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv bench band}: how long the whole arrangement takes to generate, against how long it plays. */
@Command(name = "band", mixinStandardHelpOptions = true,
        header = "Times the whole band arrangement for a mood against the melody/chord model alone.",
        description = {"Times the whole arrangement (melody/chord model, drum model, derived bass) for a mood on a warm "
            + "JVM, decoding on one thread, interleaved with its peer: the melody/chord model alone on the same bars.",
            "Prints one JSON line with the share of playing time (the target is at most 1/50)."})
public final class BenchBandCommand implements Callable<Integer> {

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Option(names = "--bars", defaultValue = "32", description = "Bars a run generates. Default: ${DEFAULT-VALUE}.")
    int bars;

    @Option(names = "--runs", defaultValue = "7", description = "Timed runs (after --warmup). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed runs first, for the JIT. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--mood", defaultValue = "battle",
            description = "Mood preset (its tempo, meter and intensity; battle has every layer). Default: ${DEFAULT-VALUE}.")
    String mood;

    @Option(names = "--drums-model", defaultValue = "drums", description = "Drum model folder or default name. Default: ${DEFAULT-VALUE}.")
    String drumsModel;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || bars < 1) {
            throw new IllegalArgumentException("--runs and --bars must be >= 1 and --warmup >= 0");
        }
        MusicGenerator music = new MusicGenerator(weights.apply(LanguageModel.loadResource(MusicGenerator.DEFAULT_MODEL)), false);
        Band band = new Band(music, new DrumGenerator(weights.apply(LanguageModel.loadFolderOrDefault(drumsModel))));
        BandControls controls = BandControls.of(MoodLibrary.standard().get(mood), 1);
        MusicControls alone = new MusicControls(4, controls.key(), Mood.CALM, controls.bpm(), controls.meter());
        for (int i = 0; i < warmup; i++) {
            band.generate(bars, controls, 1000 + i);
            music.generate(SongRequest.of(bars, alone, 1000 + i));
            System.err.printf("\rwarm-up %d/%d", i + 1, warmup);
        }
        System.err.println();
        double playing = bars * controls.meter().quarters() * 60 / controls.bpm();
        double[] full = new double[runs];
        double[] peer = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            band.generate(bars, controls, i);
            full[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            music.generate(SongRequest.of(bars, alone, i));
            peer[i] = (System.nanoTime() - t0) / 1e9;
            System.err.printf("run %d/%d: band %.3f s, melody model alone %.3f s, for %.1f s of music%n", i + 1, runs, full[i], peer[i], playing);
        }
        Arrays.sort(full);
        Arrays.sort(peer);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("mood", mood);
        line.put("bars", bars);
        line.put("playing_seconds", round(playing));
        line.put("band_seconds_median", round(full[runs / 2]));
        line.put("band_seconds_min", round(full[0]));
        line.put("band_seconds_max", round(full[runs - 1]));
        line.put("melody_model_alone_seconds_median", round(peer[runs / 2]));
        line.put("times_real_time", round(playing / full[runs / 2]));
        line.put("pass", full[runs / 2] / playing <= 1.0 / 50);
        line.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(line);
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
