package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import dev.improv.model.Sampler;
import dev.improv.model.SamplingSettings;
import dev.improv.model.TransformerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench model}: decoding speed of the default-size transformer on this machine, against
 * PyTorch eager running the same weights in the same invocation.
 */
@Command(name = "model",
        header = "Decoding speed of the default-size transformer against a PyTorch peer; one JSON line.", mixinStandardHelpOptions = true,
        description = {"Decoding speed of the default-size transformer (4 layers, width 256, 4 heads,",
                "vocabulary 512, random weights with a fixed seed), warm, at batch 1 and batch 8,",
                "compared with PyTorch eager on the same weights (Debian python3-torch + OpenBLAS)."})
public final class BenchModelCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--tokens", defaultValue = "512", description = "Tokens per measured run (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Python with torch for the peer (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--no-peer", description = "Skip the PyTorch peer.")
    boolean noPeer;

    @Option(names = "--json", description = "Print only the JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (tokens < 16 || tokens > TransformerConfig.benchmarkDefault().context()) {
            throw new IllegalArgumentException("--tokens must be in [16, 512], got " + tokens);
        }
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs must be in [1, 50], got " + runs);
        }
        TransformerConfig config = TransformerConfig.benchmarkDefault();
        LanguageModel model = LanguageModel.random(config, 1234);
        log("warming up (JIT) ...");
        for (int i = 0; i < 3; i++) {
            decodeBatch1(model);
            decodeBatch8(model, tokens / 4);
        }
        double[] batch1 = new double[runs];
        double[] batch8 = new double[runs];
        Latencies steps = new Latencies();
        for (int r = 0; r < runs; r++) {
            Latencies l = decodeBatch1(model);
            batch1[r] = l.count() / l.totalSeconds();
            for (int i = 0; i < l.count(); i++) {
                steps.add((long) (l.percentileMs(100.0 * i / l.count()) * 1e6));
            }
            batch8[r] = decodeBatch8(model, tokens);
            log(String.format("run %d: batch 1 %.0f tokens/s, batch 8 %.0f tokens/s", r + 1, batch1[r], batch8[r]));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("model", "4 layers, width 256, 4 heads, vocab 512, context 512");
        out.put("tokens_per_s_batch1", round(median(batch1)));
        out.put("tokens_per_s_batch8", round(median(batch8)));
        out.put("step_ms_p50", round3(steps.percentileMs(50)));
        out.put("step_ms_p99", round3(steps.percentileMs(99)));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("decode_threads", Integer.getInteger("improv.decode.threads", 1));
        if (!noPeer) {
            JsonNode peer = runPeer(model, config);
            out.put("peer_tokens_per_s_batch1", round(peer.path("tokens_per_s").asDouble()));
            out.put("peer_step_ms_p50", round3(peer.path("step_ms_p50").asDouble()));
            out.put("peer", "PyTorch " + peer.path("torch").asText() + " eager, KV cache, " + peer.path("threads").asInt()
                    + " torch thread(s), OpenBLAS 2 threads");
            out.put("ratio_vs_peer", round3(median(batch1) / peer.path("tokens_per_s").asDouble()));
            out.put("peer_max_abs_logit_diff", peerDiff(model, peer.path("probe_logits")));
        }
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }

    private static final int[] PROBE = {1, 17, 300, 42, 511, 7};

    /** Greedy decoding at batch 1; times each step (decode + sampling). */
    private Latencies decodeBatch1(LanguageModel model) {
        Latencies l = new Latencies();
        Sampler greedy = new Sampler(SamplingSettings.GREEDY, 1);
        try (Decoder d = model.newDecoder()) {
            int token = 1;
            for (int i = 0; i < tokens; i++) {
                long t0 = System.nanoTime();
                token = greedy.sample(d.step(token));
                l.add(System.nanoTime() - t0);
            }
        }
        return l;
    }

    /** Eight streams decoded as one batch; returns tokens per second over all streams. */
    private double decodeBatch8(LanguageModel model, int steps) {
        Sampler greedy = new Sampler(SamplingSettings.GREEDY, 1);
        try (Decoder d = model.newDecoder(8)) {
            int[] tokens = {1, 2, 3, 4, 5, 6, 7, 8};
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                float[][] logits = d.step(tokens);
                for (int b = 0; b < 8; b++) {
                    tokens[b] = greedy.sample(logits[b]);
                }
            }
            return 8.0 * steps / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private JsonNode runPeer(LanguageModel model, TransformerConfig config) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("improv-bench");
        try {
            Path weights = dir.resolve("weights.safetensors");
            model.weights().write(weights);
            Path script = dir.resolve("torch_peer.py");
            try (InputStream in = BenchModelCommand.class.getResourceAsStream("/bench/torch_peer.py")) {
                Files.copy(in, script);
            }
            String probe = String.join(",", Arrays.stream(PROBE).mapToObj(String::valueOf).toArray(String[]::new));
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), weights.toString(),
                    JSON.writeValueAsString(config), "--tokens", String.valueOf(tokens), "--probe", probe,
                    "--threads", "1");
            // The peer's best setting on 2 cores (docs/benchmarks.md): 1 torch thread, OpenBLAS on 2.
            pb.environment().put("OPENBLAS_NUM_THREADS", "2");
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            log("running the PyTorch peer ...");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                throw new IOException("cannot start the peer with " + python + " (install python3-torch and "
                        + "libopenblas0-pthread, or pass --no-peer): " + e.getMessage());
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("the PyTorch peer failed (exit " + p.exitValue() + "); is python3-torch installed?");
            }
            return JSON.readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Largest difference between Java's and the peer's logits after the probe sequence. */
    private static double peerDiff(LanguageModel model, JsonNode peerLogits) {
        try (Decoder d = model.newDecoder(1, false)) {
            float[] logits = null;
            for (int t : PROBE) {
                logits = d.step(t);
            }
            double max = 0;
            for (int i = 0; i < logits.length; i++) {
                max = Math.max(max, Math.abs(logits[i] - peerLogits.path(i).asDouble()));
            }
            return max;
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
}
