package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LevelGenerator;
import dev.improv.level.GameLevels;
import dev.improv.level.LevelModel;
import dev.improv.level.LevelRequest;
import dev.improv.level.LevelTokenizer;
import dev.improv.level.TileGrid;
import dev.improv.model.TokenStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code improv bench level}: time to make one whole level, including every chunk check and a final
 * verification by the playability agent, warm, against a peer that only samples tokens.
 */
@Command(name = "level", mixinStandardHelpOptions = true,
        description = {"Times level generation with verification (warm); prints one JSON line.",
                "For a push-puzzle model (--game boxoban): one puzzle including its solver check, the bands in turn "
                        + "(or --prompt's difficulty)."})
public final class BenchLevelCommand implements Callable<Integer> {
    @Mixin
    WeightsOption weights = new WeightsOption();

    @Option(names = "--game", defaultValue = "smb", description = "A game definition (built-in name, .json file or folder "
            + "holding game.json) whose model is timed, a default model name, or a model folder. Default: ${DEFAULT-VALUE}.")
    String game;

    @Option(names = "--width", defaultValue = "150", description = "Columns per level; a top-down game makes one room per "
            + "level, whatever the width (a dungeon of one room: no door leads out). Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--prompt", defaultValue = "", description = "Prompt for every level. Default: none.")
    String prompt;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed levels first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--runs", defaultValue = "30", description = "Timed levels. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--parallel", description = "Let the decoder use a helper thread (both the level and the peer).")
    boolean parallel;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || warmup < 0 || width < 1) {
            throw new IllegalArgumentException("--runs and --width must be positive, --warmup not negative");
        }
        GameLevels levels = GameLevels.load(game, weights::apply);
        if (levels.isPuzzleGame()) {
            PuzzleBenchRun.run(levels.puzzleModel(), prompt, warmup, runs);
            return 0;
        }
        LevelModel model = levels.tileModel();
        if (model.spec().rooms() != null) {
            benchRooms(model);
            return 0;
        }
        double[] full = new double[runs];
        double[] peer = new double[runs];
        double[] verify = new double[runs];
        double[] cpu = new double[runs];
        double[] peerCpu = new double[runs];
        // CPU time of this thread: the work a level costs, which on a machine shared with other jobs is
        // far below the wall time (the thread waits for a core); on an idle core the two meet.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int failures = 0;
        long tokens = 0;
        long sampled = 0;
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withParallelDecoder(parallel), 1)) {
            for (int i = 0; i < warmup; i++) {
                gen.generate(new LevelRequest(width, prompt, 1000 + i));
                sampleOnly(model, 1000 + i);
            }
            // interleave the two so that machine noise hits both alike
            for (int i = 0; i < runs; i++) {
                long before = gen.sampledTokens();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                TileGrid level = gen.generate(new LevelRequest(width, prompt, i));
                long tv = System.nanoTime();
                boolean ok = !Boolean.FALSE.equals(levels.playable(level));
                long t1end = System.nanoTime();
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                full[i] = (t1end - t0) / 1e6;
                verify[i] = (t1end - tv) / 1e6;
                failures += ok ? 0 : 1;
                sampled += gen.sampledTokens() - before;
                long pc0 = threads.getCurrentThreadCpuTime();
                long t1 = System.nanoTime();
                tokens += sampleOnly(model, i);
                peer[i] = (System.nanoTime() - t1) / 1e6;
                peerCpu[i] = (threads.getCurrentThreadCpuTime() - pc0) / 1e6;
                System.err.printf("\rbench level: %d/%d", i + 1, runs);
            }
        }
        System.err.println();
        Arrays.sort(full);
        Arrays.sort(peer);
        Arrays.sort(verify);
        Arrays.sort(cpu);
        Arrays.sort(peerCpu);
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("model", model.languageModel().name());
        out.put("width", width);
        out.put("runs", runs);
        out.put("parallel_decoder", parallel);
        out.put("p50_ms", round(full[runs / 2]));
        out.put("p90_ms", round(full[Math.min(runs - 1, runs * 9 / 10)]));
        out.put("max_ms", round(full[runs - 1]));
        out.put("final_verification_p50_ms", round(verify[runs / 2]));
        out.put("cpu_p50_ms", round(cpu[runs / 2]));
        out.put("cpu_p90_ms", round(cpu[Math.min(runs - 1, runs * 9 / 10)]));
        out.put("unplayable", failures);
        out.put("sampled_tokens_per_level", sampled / runs);
        out.put("machine_load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("peer", "unconstrained sampling of the same number of columns, no checks");
        out.put("peer_p50_ms", round(peer[runs / 2]));
        out.put("peer_cpu_p50_ms", round(peerCpu[runs / 2]));
        out.put("peer_tokens_per_level", tokens / runs);
        out.put("ratio_p50", round(full[runs / 2] / peer[runs / 2]));
        System.out.println(json.writeValueAsString(out));
        return 0;
    }

    /**
     * A top-down game: one room at a time, streamed into dungeons 4 rooms wide (a new dungeon every 12
     * rooms), each room with its pinned doors, its reachability check and any resampling; the peer
     * samples the same number of tokens with no constraint or check, interleaved room by room.
     */
    private void benchRooms(LevelModel model) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        double[] peerCpu = new double[runs];
        long attemptsSum = 0;
        int repaired = 0;
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withParallelDecoder(parallel), 1);
             TokenStream peer = new TokenStream(model.languageModel().newDecoder(1, parallel), GeneratorSettings.DEFAULT.sampling(), 1)) {
            for (int i = -warmup; i < runs; i++) {
                if (Math.floorMod(i + warmup, 12) == 0) {
                    gen.reset(2000 + i);
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                long before = gen.sampledTokens();
                var room = gen.nextChunk(dev.improv.level.ChunkRequest.of(prompt));
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                int tokens = (int) (gen.sampledTokens() - before) / Math.max(1, room.attempts());
                long pc0 = threads.getCurrentThreadCpuTime();
                if (peer.length() == 0) {
                    peer.feed(LevelTokenizer.BOS);
                } else {
                    peer.rewind(1); // back to BOS: every peer room starts a fresh document
                }
                for (int k = 0; k < tokens; k++) {
                    peer.next();
                }
                long pc1 = threads.getCurrentThreadCpuTime();
                if (i >= 0) {
                    wall[i] = (t1 - t0) / 1e6;
                    cpu[i] = (c1 - c0) / 1e6;
                    peerCpu[i] = (pc1 - pc0) / 1e6;
                    attemptsSum += room.attempts();
                    repaired += room.repaired() ? 1 : 0;
                }
                System.err.printf("\rbench level: %d/%d rooms", i + warmup + 1, runs + warmup);
            }
        }
        System.err.println();
        Arrays.sort(wall);
        Arrays.sort(cpu);
        Arrays.sort(peerCpu);
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("model", model.languageModel().name());
        out.put("unit", "one room of a 4-room-wide dungeon, in context, with its door pins, checks and resampling");
        out.put("runs", runs);
        out.put("p50_ms", round(wall[runs / 2]));
        out.put("p90_ms", round(wall[Math.min(runs - 1, runs * 9 / 10)]));
        out.put("cpu_p50_ms", round(cpu[runs / 2]));
        out.put("cpu_p90_ms", round(cpu[Math.min(runs - 1, runs * 9 / 10)]));
        out.put("mean_samples_per_room", round((double) attemptsSum / runs));
        out.put("repaired_rooms", repaired);
        out.put("machine_load_average", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.put("peer", "the same model sampling one room's tokens with no constraint or check");
        out.put("peer_cpu_p50_ms", round(peerCpu[runs / 2]));
        out.put("ratio_cpu_p50", round(cpu[runs / 2] / peerCpu[runs / 2]));
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }

    /** The peer: the same model sampling columns with no constraint, resampling or agent. Returns tokens made. */
    private int sampleOnly(LevelModel model, long seed) {
        LevelTokenizer tok = model.spec().tokenizer();
        int[] any = new int[model.spec().features().size()];
        Arrays.fill(any, dev.improv.level.FeatureSet.ANY);
        try (TokenStream s = new TokenStream(model.languageModel().newDecoder(1, parallel), GeneratorSettings.DEFAULT.sampling(), seed)) {
            s.setKeepPrefix(1);
            s.feed(LevelTokenizer.BOS);
            int cols = 0;
            int made = 0;
            while (cols < width) {
                if (cols % tok.chunkColumns() == 0) {
                    s.feed(tok.header(any));
                }
                int t = s.next();
                made++;
                if (t == LevelTokenizer.END_COLUMN || made % (tok.height() + 1) == 0) {
                    cols++;
                }
            }
            return made;
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
