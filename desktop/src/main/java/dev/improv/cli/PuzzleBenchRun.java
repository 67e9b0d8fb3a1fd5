package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.sokoban.PuzzleGenerator;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleRequest;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.PuzzleSettings;
import dev.improv.level.sokoban.PuzzleTokenizer;
import dev.improv.model.TokenStream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@code improv bench level} for a push-puzzle model: one verified puzzle (sampling, solving for the
 * fewest pushes, resampling until the band is met), warm, against a peer that only samples the
 * same number of cells with no constraint and no solver; interleaved so machine noise hits both.
 */
final class PuzzleBenchRun {
    private PuzzleBenchRun() {
    }

    static void run(PuzzleModel model, String difficulty, int warmup, int runs) throws Exception {
        var bands = model.spec().bands();
        int band = PuzzleRequest.of(difficulty, 0, bands).band();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] peer = new double[runs];
        double[] peerCpu = new double[runs];
        long samples = 0;
        int failures = 0;
        try (PuzzleGenerator gen = model.newGenerator(PuzzleSettings.DEFAULT)) {
            for (int i = 0; i < warmup; i++) {
                gen.generate(new PuzzleRequest(band < 0 ? i % bands.size() : band, 1000 + i));
                sampleOnly(model, 1000 + i);
            }
            for (int i = 0; i < runs; i++) {
                // No band asked: the bands in turn, so the figure covers hard puzzles too.
                PuzzleRequest request = new PuzzleRequest(band < 0 ? i % bands.size() : band, i);
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                PuzzleResult r = gen.generate(request);
                wall[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                samples += r.attempts();
                failures += r.made() && r.matchesRequest() ? 0 : 1;
                long pc0 = threads.getCurrentThreadCpuTime();
                long p0 = System.nanoTime();
                sampleOnly(model, i);
                peer[i] = (System.nanoTime() - p0) / 1e6;
                peerCpu[i] = (threads.getCurrentThreadCpuTime() - pc0) / 1e6;
                System.err.printf("\rbench level: %d/%d", i + 1, runs);
            }
        }
        System.err.println();
        for (double[] a : new double[][] {wall, cpu, peer, peerCpu}) {
            Arrays.sort(a);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("model", model.languageModel().name());
        out.put("band", band < 0 ? "each in turn" : bands.names().get(band));
        out.put("runs", runs);
        out.put("p50_ms", round(wall[runs / 2]));
        out.put("p90_ms", round(wall[p90(runs)]));
        out.put("max_ms", round(wall[runs - 1]));
        out.put("cpu_p50_ms", round(cpu[runs / 2]));
        out.put("cpu_p90_ms", round(cpu[p90(runs)]));
        out.put("samples_per_puzzle", round((double) samples / runs));
        out.put("not_made_or_off_band", failures);
        out.put("machine_load_average", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("peer", "one unconstrained sample of the same cells, no solver");
        out.put("peer_p50_ms", round(peer[runs / 2]));
        out.put("peer_cpu_p50_ms", round(peerCpu[runs / 2]));
        out.put("ratio_cpu_p50", round(cpu[runs / 2] / peerCpu[runs / 2]));
        System.out.println(json.writeValueAsString(out));
    }

    private static int p90(int runs) {
        return Math.min(runs - 1, (int) Math.ceil(runs * 0.9) - 1);
    }

    private static void sampleOnly(PuzzleModel model, long seed) {
        PuzzleTokenizer tok = model.spec().tokenizer();
        try (TokenStream s = new TokenStream(model.languageModel(), PuzzleSettings.DEFAULT.sampling(), seed)) {
            s.feed(PuzzleTokenizer.BOS, tok.bandToken(PuzzleRequest.ANY_BAND));
            for (int i = 0; i < tok.cells(); i++) {
                s.next();
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
