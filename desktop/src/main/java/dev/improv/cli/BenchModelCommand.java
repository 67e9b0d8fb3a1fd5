package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.BatchDecoder;
import dev.improv.model.CacheFormat;
import dev.improv.model.DecodeProfile;
import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import dev.improv.model.ReadBandwidth;
import dev.improv.model.TransformerConfig;
import dev.improv.model.WeightFormat;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench model}: decoding speed of the default-size transformer on this machine, against
 * ONNX Runtime (two exported forms) and PyTorch eager running the same weights in the same invocation.
 */
@Command(name = "model",
        header = "Decoding speed of the default-size transformer against ONNX Runtime and PyTorch; one JSON line.", mixinStandardHelpOptions = true,
        description = {"Decoding speed of the default-size transformer (4 layers, width 256, 4 heads, "
                + "vocabulary 512, random weights with a fixed seed), warm, greedy, at batch 1, 8 and 16 "
                + "on 1 and 2 threads, against peers on the same weights:",
                "  ort-plain  ONNX Runtime Java, a plain torch.onnx.export (KV cache in and out)",
                "  ort-tuned  ONNX Runtime Java, a GroupQueryAttention graph, shared KV buffers",
                "  torch      PyTorch eager in python (batch 1, 1 torch thread, OpenBLAS 2)",
                "Improv and the ONNX Runtime peers alternate inside this process, run after run, so "
                + "all see the same load; the JSON has each figure, each ratio and the logit agreement.",
                "Improv's one-thread runs are also counted in tokens per CPU-second of the decoding "
                + "thread (tokens_per_cpu_s, batch16_over_batch1_cpu), which a busy machine does not skew.",
                "Exporting needs Debian's python3-torch and python3-onnx (see --python)."})
public final class BenchModelCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int[] PROBE = {1, 17, 300, 42, 511, 7};

    @Option(names = "--tokens", defaultValue = "512", description = "Steps per measured run, per stream (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--batches", defaultValue = "1,8,16", split = ",", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    int[] batches;

    @Option(names = "--threads", defaultValue = "1,2", split = ",", description = "Thread counts, 1 or 2 (default: ${DEFAULT-VALUE}).")
    int[] threads;

    @Option(names = "--peers", defaultValue = "ort-plain,ort-tuned,torch", split = ",",
            description = "Peers to run: ort-plain, ort-tuned, torch (default: ${DEFAULT-VALUE}).")
    List<String> peers;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch and onnx for the export and the PyTorch peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-peer", description = "Skip every peer (Improv alone).")
    boolean noPeer;

    @Option(names = "--profile", description = "Also time where a step goes (matmul, cache writes, attention, norms, sampling, other) at each batch size, 1 thread: shares of the step and microseconds per token (us_per_token).")
    boolean profile;

    @Option(names = "--weights", defaultValue = "fp32,int8", split = ",", converter = WeightsOption.FormatConverter.class,
            description = {"Weight formats of Improv's decoder to run, alternating with each other and the peers run after "
                    + "run (fp32, int8; default: ${DEFAULT-VALUE}). The first keeps the plain keys (improv_t1_b1, "
                    + "ratio_vs_ort_tuned_batch1...); the others add their name (improv_int8_t1_b1, "
                    + "ratio_vs_ort_tuned_batch1_int8, int8_over_fp32_batch1, max_abs_logit_diff_int8_vs_fp32)."})
    List<WeightFormat> weights;

    @Option(names = "--cache", defaultValue = "int8", split = ",", converter = CacheConverter.class,
            description = {"Key/value cache formats of Improv's decoder to run, each with every --weights format: int8"
                    + " (1 byte a value plus a scale per position and head, the decoder's default), bf16 (2 bytes a"
                    + " value) or fp32 (exact, four times the bytes attention reads; see docs/benchmarks.md)."
                    + " Runs other than the first add their names to the keys (with --weights int8 --cache int8,fp32:"
                    + " improv_fp32_t1_b16, fp32_over_int8_int8_batch16_cpu). Default: ${DEFAULT-VALUE}."})
    List<CacheFormat> caches;

    @Option(names = "--bandwidth", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Measure one thread's read bandwidth at working sets from L1 to memory (read_gb_s) with the "
                    + "decoder's own kernel, to set the bytes per token (weight_bytes_per_token) against; --no-bandwidth "
                    + "skips it (about 3 s). Default: on."})
    boolean bandwidth;

    @Option(names = "--at", split = ",", description = {"Also time one thread's steps with every sequence at each of"
            + " these positions (rewound before each step; median of 30 steps, CPU time; batch 1 through a one-sequence"
            + " BatchDecoder, whose one row takes Decoder's kernels), per batch size and format:"
            + " us_per_token_at.b16.256. A batch-16 step reads all sixteen caches once, and where they and the weights"
            + " outgrow the last-level cache its cost a token rises over batch 8's (docs/benchmarks.md). With it, the"
            + " bytes of weights and caches a token reads there over that time: read_gb_s_at.b16.256."})
    int[] at = new int[0];

    @Option(names = "--json", description = "Print only the JSON line.")
    boolean json;

    /** Something that decodes greedily: Improv or a peer. */
    private interface Runner {
        /** Decodes {@code steps} steps of {@code batch} streams greedily; returns tokens per second. */
        double run(int batch, int steps) throws Exception;
    }

    @Override
    public Integer call() throws Exception {
        TransformerConfig config = TransformerConfig.benchmarkDefault();
        if (tokens < 16 || tokens > config.context()) {
            throw new IllegalArgumentException("--tokens must be in [16, " + config.context() + "], got " + tokens);
        }
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs must be in [1, 50], got " + runs);
        }
        for (int b : batches) {
            if (b < 1 || b > 64) {
                throw new IllegalArgumentException("--batches: each must be in [1, 64], got " + b);
            }
        }
        for (int p : at) {
            if (p < 0 || p >= config.context()) {
                throw new IllegalArgumentException("--at: each position must be in [0, " + (config.context() - 1) + "], got " + p);
            }
        }
        for (int t : threads) {
            if (t != 1 && t != 2) {
                throw new IllegalArgumentException("--threads: each must be 1 or 2, got " + t);
            }
        }
        for (String p : peers) {
            if (!List.of("ort-plain", "ort-tuned", "torch").contains(p)) {
                throw new IllegalArgumentException("--peers: unknown peer '" + p + "' (ort-plain, ort-tuned, torch)");
            }
        }
        if (Arrays.stream(threads).anyMatch(t -> t == 2) && System.getProperty("improv.decode.threads") == null) {
            System.setProperty("improv.decode.threads", "2"); // before the first decoder makes the helpers
        }
        if (weights.isEmpty() || weights.stream().distinct().count() != weights.size()) {
            throw new IllegalArgumentException("--weights: give each format once, got " + weights);
        }
        if (caches.isEmpty() || caches.stream().distinct().count() != caches.size()) {
            throw new IllegalArgumentException("--cache: give each format once, got " + caches);
        }
        // Float32 weights and cache: the peers compute in float32, so their logit agreement checks the
        // same function; each format's own distance is its max_abs_logit_diff_<format>_vs_<first> key.
        LanguageModel model = LanguageModel.random(config, 1234).withCacheFormat(CacheFormat.FP32);
        WeightFormat first = weights.get(0);
        Map<String, LanguageModel> formats = new LinkedHashMap<>(); // key suffix -> model in that format
        for (WeightFormat f : weights) {
            for (CacheFormat c : caches) {
                String suffix = (f == first ? "" : "_" + f.label()) + (c == caches.get(0) ? "" : "_" + c.label());
                formats.put(suffix, model.withWeightFormat(f).withCacheFormat(c));
            }
        }
        String firstName = first.label() + (caches.size() > 1 ? "_" + caches.get(0).label() : "");
        ObjectNode out = JSON.createObjectNode();
        out.put("model", "4 layers, width 256, 4 heads, vocab 512, context 512");
        out.put("tokens_per_stream", tokens);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("load_average_start", loadAverage());
        out.put("weights", first.label());
        out.put("cache", caches.get(0).label());
        ObjectNode bytes = out.putObject("weight_bytes_per_token");
        ObjectNode cacheBytes = out.putObject("cache_bytes_per_position");
        for (LanguageModel m : formats.values()) {
            bytes.put(m.weightFormat().label(), m.weightBytesPerToken());
            cacheBytes.put(m.cacheFormat().label(), m.cacheBytesPerPosition());
        }

        Map<String, Runner> runners = new LinkedHashMap<>();
        // CPU seconds of the one decoding thread: on a shared machine wall time also counts the time
        // other processes held the core, which is not the decoder's.
        Map<String, List<Double>> cpuRates = new LinkedHashMap<>();
        formats.forEach((suffix, m) -> {
            for (int t : threads) {
                runners.put("improv" + suffix + "_t" + t, (b, steps) -> {
                    double[] wallAndCpu = improv(m, b, steps, t == 2);
                    if (t == 1 && steps == tokens) {
                        cpuRates.computeIfAbsent("improv" + suffix + "_t1_b" + b, k -> new ArrayList<>()).add(wallAndCpu[1]);
                    }
                    return wallAndCpu[0];
                });
            }
        });
        List<OrtPeer> opened = new ArrayList<>();
        Path dir = Files.createTempDirectory("improv-bench");
        try {
            model.weights().write(dir.resolve("weights.safetensors"));
            copyScript(dir, "torch_peer.py");
            copyScript(dir, "ort_export.py");
            boolean ort = !noPeer && (peers.contains("ort-plain") || peers.contains("ort-tuned"));
            if (ort) {
                log("exporting the ONNX graphs ...");
                String exported = runPython(dir, Map.of(), "ort_export.py", dir.resolve("weights.safetensors").toString(),
                        peerConfig(config), dir.toString());
                out.put("ort_export", exported);
                for (OrtPeer.Form form : OrtPeer.Form.values()) {
                    String name = form == OrtPeer.Form.PLAIN ? "ort-plain" : "ort-tuned";
                    if (!peers.contains(name)) {
                        continue;
                    }
                    for (int t : threads) {
                        OrtPeer peer = new OrtPeer(dir, form, config, t);
                        opened.add(peer);
                        runners.put(name.replace('-', '_') + "_t" + t, (b, steps) -> {
                            long[] nanos = new long[1];
                            peer.decode(b, steps, null, nanos);
                            return (double) b * steps / (nanos[0] / 1e9);
                        });
                    }
                    out.put("max_abs_logit_diff_vs_" + name.replace('-', '_'), probeDiff(model,
                            opened.get(opened.size() - 1).decode(1, PROBE.length, PROBE, new long[1])));
                }
            }

            log("warming up (JIT) ...");
            for (Runner r : runners.values()) {
                for (int b : batches) {
                    r.run(b, Math.min(tokens, 64));
                }
            }
            if (bandwidth) { // after the warm-up, so the read kernel is compiled
                out.set("read_gb_s", readBandwidth());
            }
            Map<String, double[]> rates = new LinkedHashMap<>();
            for (int r = 0; r < runs; r++) {
                for (int b : batches) {
                    for (Map.Entry<String, Runner> e : runners.entrySet()) {
                        double rate = e.getValue().run(b, tokens);
                        rates.computeIfAbsent(e.getKey() + "_b" + b, k -> new double[runs])[r] = rate;
                        log(String.format("run %d: %-14s batch %2d: %7.0f tokens/s", r + 1, e.getKey(), b, rate));
                    }
                }
            }
            ObjectNode perSec = out.putObject("tokens_per_s");
            rates.forEach((k, v) -> perSec.put(k, round(median(v))));
            for (String suffix : formats.keySet()) {
                ratios(out, rates, suffix);
                cpuRatios(out, cpuRates, suffix);
                if (!suffix.isEmpty()) {
                    formatRatios(out, rates, cpuRates, suffix, firstName);
                    out.put("max_abs_logit_diff" + suffix + "_vs_" + firstName,
                            probeDiff(formats.get(""), probeLogits(formats.get(suffix))));
                }
            }
            if (!noPeer && peers.contains("torch")) {
                JsonNode peer = runTorch(dir, config);
                out.put("torch_tokens_per_s_batch1", round(peer.path("tokens_per_s").asDouble()));
                out.put("torch", "PyTorch " + peer.path("torch").asText() + " eager, KV cache, 1 torch thread, OpenBLAS 2 threads");
                out.put("ratio_vs_torch_batch1", round3(median(rates.get("improv_t1_b1")) / peer.path("tokens_per_s").asDouble()));
                float[] torchLogits = new float[config.vocabSize()];
                for (int i = 0; i < torchLogits.length; i++) {
                    torchLogits[i] = (float) peer.path("probe_logits").path(i).asDouble();
                }
                out.put("max_abs_logit_diff_vs_torch", probeDiff(model, torchLogits));
            }
            if (at.length > 0) {
                ObjectNode atPositions = out.putObject("us_per_token_at");
                ObjectNode readRates = out.putObject("read_gb_s_at");
                formats.forEach((suffix, m) -> {
                    for (int b : batches) {
                        ObjectNode us = microsPerTokenAt(m, b);
                        atPositions.set("b" + b + suffix, us);
                        ObjectNode rate = readRates.putObject("b" + b + suffix);
                        us.fields().forEachRemaining(e -> rate.put(e.getKey(),
                                round(bytesPerTokenAt(m, b, Integer.parseInt(e.getKey())) / e.getValue().asDouble() / 1e3)));
                    }
                });
            }
            if (profile) {
                ObjectNode prof = out.putObject("profile_t1");
                formats.forEach((suffix, m) -> {
                    for (int b : batches) {
                        prof.set("b" + b + suffix, profileShares(m, b));
                    }
                });
            }
        } finally {
            for (OrtPeer p : opened) {
                p.close();
            }
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
        out.put("load_average_end", loadAverage());
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }

    /** The ratios the issue asks for, where both sides ran, for Improv's runners with key suffix {@code f}. */
    private static void ratios(ObjectNode out, Map<String, double[]> rates, String f) {
        for (String peer : List.of("ort_tuned", "ort_plain")) {
            for (int t : new int[] {1, 2}) {
                for (String b : List.of("1", "8", "16")) {
                    double[] mine = rates.get("improv" + f + "_t" + t + "_b" + b);
                    double[] theirs = rates.get(peer + "_t" + t + "_b" + b);
                    if (mine != null && theirs != null) {
                        out.put("ratio_vs_" + peer + "_batch" + b + (t == 1 ? "" : "_2threads") + f,
                                round3(median(mine) / median(theirs)));
                    }
                }
            }
        }
        for (int t : new int[] {1, 2}) {
            double[] b1 = rates.get("improv" + f + "_t" + t + "_b1");
            for (String b : List.of("8", "16")) {
                double[] bn = rates.get("improv" + f + "_t" + t + "_b" + b);
                if (b1 != null && bn != null) {
                    out.put("batch" + b + "_over_batch1" + (t == 1 ? "" : "_2threads") + f, round3(median(bn) / median(b1)));
                }
            }
        }
    }

    /** Improv's one-thread rates in tokens per CPU-second of the decoding thread, and their batch ratios. */
    private static void cpuRatios(ObjectNode out, Map<String, List<Double>> cpuRates, String f) {
        ObjectNode perCpuSec = out.has("tokens_per_cpu_s") ? (ObjectNode) out.get("tokens_per_cpu_s")
                : out.putObject("tokens_per_cpu_s");
        cpuRates.forEach((k, v) -> {
            if (k.startsWith("improv" + f + "_t1_b")) {
                perCpuSec.put(k, round(cpuMedian(cpuRates, k)));
            }
        });
        Double b1 = cpuMedian(cpuRates, "improv" + f + "_t1_b1");
        for (String b : List.of("8", "16")) {
            Double bn = cpuMedian(cpuRates, "improv" + f + "_t1_b" + b);
            if (b1 != null && bn != null) {
                out.put("batch" + b + "_over_batch1_cpu" + f, round3(bn / b1));
            }
        }
    }

    /**
     * A format (weights, cache) against the first one, same batch, same run: wall time at each thread count
     * ({@code int8_over_fp32_batch1}, {@code ..._2threads}) and CPU time of one thread ({@code ..._cpu}).
     */
    private static void formatRatios(ObjectNode out, Map<String, double[]> rates, Map<String, List<Double>> cpuRates,
                                     String f, String firstName) {
        String name = f.substring(1) + "_over_" + firstName + "_batch";
        for (String b : List.of("1", "8", "16")) {
            for (int t : new int[] {1, 2}) {
                double[] mine = rates.get("improv" + f + "_t" + t + "_b" + b);
                double[] base = rates.get("improv_t" + t + "_b" + b);
                if (mine != null && base != null) {
                    out.put(name + b + (t == 1 ? "" : "_2threads"), round3(median(mine) / median(base)));
                }
            }
            Double mine = cpuMedian(cpuRates, "improv" + f + "_t1_b" + b);
            Double base = cpuMedian(cpuRates, "improv_t1_b" + b);
            if (mine != null && base != null) {
                out.put(name + b + "_cpu", round3(mine / base));
            }
        }
    }

    /** The median tokens per CPU-second of run {@code key}; null when that run was not made (its batch size not asked for). */
    private static Double cpuMedian(Map<String, List<Double>> cpuRates, String key) {
        List<Double> v = cpuRates.get(key);
        return v == null ? null : median(v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One thread's read bandwidth from working sets the size of L1, L2, the int8 and fp32 weights, and memory. */
    private ObjectNode readBandwidth() {
        ObjectNode gbs = JSON.createObjectNode();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("16KB", 16 << 10);
        sizes.put("512KB", 512 << 10);
        sizes.put("4MB", 4 << 20);
        sizes.put("16MB", 16 << 20);
        sizes.put("256MB", 256 << 20);
        sizes.forEach((label, size) -> {
            double v = ReadBandwidth.gigabytesPerSecond(size, 400);
            gbs.put(label, round(v));
            log(String.format("read bandwidth, 1 thread, %6s working set: %6.1f GB/s", label, v));
        });
        return gbs;
    }

    /**
     * Greedy Improv decoding: batch 1 through a {@link Decoder} (the game's path), larger batches
     * through a {@link BatchDecoder}; tokens per second over all streams, by wall time and by the
     * calling thread's CPU time (the decoder is made before the clocks start, as a service makes it once).
     */
    private static double[] improv(LanguageModel model, int batch, int steps, boolean parallel) {
        int vocab = model.config().vocabSize();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t0;
        long c0;
        if (batch == 1) {
            try (Decoder d = model.newDecoder(1, parallel)) {
                t0 = System.nanoTime();
                c0 = cpu.getCurrentThreadCpuTime();
                int token = 1;
                for (int i = 0; i < steps; i++) {
                    token = argmax(d.step(token), vocab);
                }
            }
        } else {
            try (BatchDecoder d = model.newBatchDecoder(batch, parallel)) {
                int[] seqs = joinAll(d);
                int[] toks = firstTokens(batch);
                t0 = System.nanoTime();
                c0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < steps; i++) {
                    float[][] rows = d.step(seqs, toks, batch);
                    for (int b = 0; b < batch; b++) {
                        toks[b] = argmax(rows[b], vocab);
                    }
                }
            }
        }
        long c1 = cpu.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        double tokensDone = (double) batch * steps;
        return new double[] {tokensDone / ((t1 - t0) / 1e9), tokensDone / ((c1 - c0) / 1e9)};
    }

    /** Shares of one thread's decoding time at {@code batch}, sampling (greedy argmax) timed here. */
    private ObjectNode profileShares(LanguageModel model, int batch) {
        DecodeProfile.reset();
        DecodeProfile.enable(true);
        long sampling = 0;
        long total;
        try (BatchDecoder d = model.newBatchDecoder(batch, false)) {
            int[] seqs = joinAll(d);
            int[] toks = firstTokens(batch);
            // Only the steps are timed, as in the timed runs: making a 16-sequence decoder (18 MB of caches,
            // allocated and zeroed) took 44-190 ms, which showed as "unaccounted" time a token, as if batch 16
            // paid a per-row overhead that batch 1 does not (session 19).
            long t0 = System.nanoTime();
            for (int i = 0; i < tokens; i++) {
                float[][] rows = d.step(seqs, toks, batch);
                long s0 = System.nanoTime();
                for (int b = 0; b < batch; b++) {
                    toks[b] = argmax(rows[b], model.config().vocabSize());
                }
                sampling += System.nanoTime() - s0;
            }
            total = System.nanoTime() - t0;
        } finally {
            DecodeProfile.enable(false);
        }
        ObjectNode shares = JSON.createObjectNode();
        // Microseconds per token (per stream) beside the shares: set against batch 1's, they say which
        // part a batch does not share out (the matmuls' per-token cost falls with the batch, attention's does not).
        ObjectNode perToken = JSON.createObjectNode();
        double tokensDone = (double) tokens * batch;
        long accounted = sampling;
        for (DecodeProfile.Part p : DecodeProfile.Part.values()) {
            shares.put(p.name().toLowerCase(), round3((double) DecodeProfile.nanos(p) / total));
            perToken.put(p.name().toLowerCase(), round3(DecodeProfile.nanos(p) / 1e3 / tokensDone));
            accounted += DecodeProfile.nanos(p);
        }
        shares.put("sampling", round3((double) sampling / total));
        perToken.put("sampling", round3(sampling / 1e3 / tokensDone));
        shares.put("unaccounted", round3(1 - (double) accounted / total));
        perToken.put("unaccounted", round3((total - accounted) / 1e3 / tokensDone));
        shares.put("step_ms", round3(total / 1e6 / tokens));
        shares.set("us_per_token", perToken);
        log(String.format("profile batch %2d: %s", batch, shares));
        return shares;
    }

    /**
     * One thread's CPU microseconds per token of a step of {@code batch} sequences all at each --at
     * position: the caches are filled to the furthest, then each position is timed highest first
     * (a rewind only goes back), every sequence rewound before each of 30 steps; the median step.
     */
    private ObjectNode microsPerTokenAt(LanguageModel model, int batch) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int[] positions = Arrays.stream(at).distinct().sorted().toArray();
        ObjectNode byPosition = JSON.createObjectNode();
        try (BatchDecoder d = model.newBatchDecoder(batch, false)) {
            int[] seqs = joinAll(d);
            int[] toks = firstTokens(batch);
            for (int i = 0; i <= positions[positions.length - 1]; i++) {
                d.step(seqs, toks, batch);
            }
            for (int pi = positions.length - 1; pi >= 0; pi--) {
                double[] us = new double[30];
                for (int r = 0; r < us.length; r++) {
                    for (int s : seqs) {
                        d.rewind(s, positions[pi]);
                    }
                    long c0 = cpu.getCurrentThreadCpuTime();
                    d.step(seqs, toks, batch);
                    us[r] = (cpu.getCurrentThreadCpuTime() - c0) / 1e3 / batch;
                }
                byPosition.put(Integer.toString(positions[pi]), round(median(us)));
            }
        }
        log(String.format("batch %2d, us a token at positions %s: %s", batch, Arrays.toString(positions), byPosition));
        return byPosition;
    }

    /**
     * Bytes a step at {@code position} reads a token, weights and caches, at batch {@code batch}: the weights
     * once a step for all rows, each sequence's cache of positions 0..position once for its own row. Against
     * the step's time this is the read rate the step ran at (read_gb_s_at), to set beside read_gb_s.
     */
    private static double bytesPerTokenAt(LanguageModel model, int batch, int position) {
        return (double) model.weightBytesPerToken() / batch + (double) model.cacheBytesPerPosition() * (position + 1);
    }

    /** Fills the batch: one sequence per slot. */
    private static int[] joinAll(BatchDecoder d) {
        int[] seqs = new int[d.maxSequences()];
        for (int b = 0; b < seqs.length; b++) {
            seqs[b] = d.join();
        }
        return seqs;
    }

    /** Stream b starts from token b + 1, so the streams differ. */
    private static int[] firstTokens(int batch) {
        int[] toks = new int[batch];
        for (int b = 0; b < batch; b++) {
            toks[b] = b + 1;
        }
        return toks;
    }

    private static int argmax(float[] v, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Largest difference between Improv's logits after the probe sequence and a peer's. */
    private static double probeDiff(LanguageModel model, float[] peerLogits) {
        float[] logits = probeLogits(model);
        double max = 0;
        for (int i = 0; i < logits.length; i++) {
            max = Math.max(max, Math.abs(logits[i] - peerLogits[i]));
        }
        return max;
    }

    /** Improv's batch-1 logits after the probe sequence. */
    private static float[] probeLogits(LanguageModel model) {
        try (Decoder d = model.newDecoder(1, false)) {
            float[] logits = null;
            for (int t : PROBE) {
                logits = d.step(t);
            }
            return logits.clone();
        }
    }

    private JsonNode runTorch(Path dir, TransformerConfig config) throws IOException, InterruptedException {
        String probe = String.join(",", Arrays.stream(PROBE).mapToObj(String::valueOf).toArray(String[]::new));
        log("running the PyTorch peer ...");
        // The peer's best setting on 2 cores (docs/benchmarks.md): 1 torch thread, OpenBLAS on 2.
        String output = runPython(dir, Map.of("OPENBLAS_NUM_THREADS", "2", "OMP_NUM_THREADS", "1"), "torch_peer.py",
                dir.resolve("weights.safetensors").toString(), peerConfig(config), "--tokens",
                String.valueOf(tokens), "--probe", probe, "--threads", "1");
        return JSON.readTree(output);
    }

    /** The model's shape and its tensor names (declared once, in TransformerLayout) for the Python peers. */
    private static String peerConfig(TransformerConfig config) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode c = JSON.valueToTree(config);
        c.set("names", JSON.valueToTree(dev.improv.model.TransformerLayout.layout()));
        return JSON.writeValueAsString(c);
    }

    /** Runs a bundled script; returns its last output line. */
    private String runPython(Path dir, Map<String, String> env, String script, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, dir.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + python + " (install python3-torch, python3-onnx and "
                    + "libopenblas0-pthread, or pass --no-peer): " + e.getMessage());
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(script + " failed (exit " + p.exitValue() + "); are python3-torch and python3-onnx "
                    + "installed for " + python + "?");
        }
        return output.lines().reduce((a, b) -> b).orElse("{}");
    }

    private static void copyScript(Path dir, String name) throws IOException {
        try (InputStream in = BenchModelCommand.class.getResourceAsStream("/bench/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void log(String message) {
        if (!json) {
            System.err.println(message);
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Parses with {@link CacheFormat#parse}; its message, naming the choices, is what the user sees. */
    static final class CacheConverter implements picocli.CommandLine.ITypeConverter<CacheFormat> {
        @Override
        public CacheFormat convert(String value) {
            try {
                return CacheFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
