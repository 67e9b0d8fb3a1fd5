package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.api.MusicControls;
import dev.improv.api.Key;
import dev.improv.music.MusicGenerator;
import dev.improv.music.SongRequest;
import dev.improv.music.Song;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv bench music}: how long 32 bars take to generate, against how long they play. */
@Command(name = "music",
        header = "Times whole-piece music generation at batch 1 on a warm JVM; one JSON line.", mixinStandardHelpOptions = true,
        description = {"Times whole-piece generation at batch 1 on a warm JVM, decoding on one thread and with the "
            + "decoder's helper thread (interleaved), against the playing time of the music. Prints one JSON line."})
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

    @Mixin
    ModelOption model = new ModelOption("music");

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || bars < 1) {
            throw new IllegalArgumentException("--runs and --bars must be >= 1 and --warmup >= 0");
        }
        LanguageModel lm = model.load();
        // Two ways to decode, measured interleaved so that load from other processes hits both alike.
        MusicGenerator single = new MusicGenerator(lm, false);
        MusicGenerator helped = new MusicGenerator(lm, true);
        MusicControls controls = MusicControls.DEFAULT.withKey(Key.parse("G")).withIntensity(intensity).withTempo(tempo);
        for (int i = 0; i < warmup; i++) {
            single.generate(SongRequest.of(bars, controls, 1000 + i));
            helped.generate(SongRequest.of(bars, controls, 1000 + i));
            System.err.printf("\rwarm-up %d/%d", i + 1, warmup);
        }
        System.err.println();
        double playing = bars * controls.meter().quarters() * 60 / tempo;
        double[] one = new double[runs];
        double[] two = new double[runs];
        long tokens = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Song a = single.generate(SongRequest.of(bars, controls, i));
            one[i] = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            Song b = helped.generate(SongRequest.of(bars, controls, i));
            two[i] = (System.nanoTime() - t0) / 1e9;
            if (!a.notes().equals(b.notes())) {
                throw new IllegalStateException("seed " + i + ": one and two decode threads gave different music");
            }
            tokens += single.tokenizer().encode(a).length;
            System.err.printf("run %d/%d: %.3f s (1 thread), %.3f s (2 threads) for %.1f s of music%n", i + 1, runs, one[i], two[i], playing);
        }
        Arrays.sort(one);
        Arrays.sort(two);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("bars", bars);
        line.put("playing_seconds", playing);
        line.put("tokens_per_run", tokens / runs);
        line.put("seconds_1_thread_median", round(one[runs / 2]));
        line.put("seconds_1_thread_min", round(one[0]));
        line.put("seconds_1_thread_max", round(one[runs - 1]));
        line.put("seconds_2_threads_median", round(two[runs / 2]));
        line.put("seconds_2_threads_min", round(two[0]));
        line.put("seconds_2_threads_max", round(two[runs - 1]));
        double best = Math.min(one[runs / 2], two[runs / 2]);
        line.put("share_of_playing_time", round(best / playing));
        line.put("limit", round(1.0 / 50));
        line.put("pass", best / playing <= 1.0 / 50);
        line.put("load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println(line);
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
