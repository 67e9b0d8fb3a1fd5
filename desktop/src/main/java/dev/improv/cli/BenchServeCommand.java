package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench serve}: a loopback load generator against a service started in this process.
 * The peer, in the same run, is the same service serving the same requests one at a time.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load-test the content service on loopback and print one JSON line.",
                "Starts 'improv serve' in this process, sends NPC dialogue requests (different seeds, one card) from "
                + "1, 4, 16 and 64 concurrent clients, and reports decoded tokens/s and "
                + "p50/p99 latency per level. The peer is the same requests served one at a time by a single worker "
                + "decoding without the batcher (exactly the CLI's decoder), measured before and after the concurrent "
                + "levels. Tokens are every token through a decoder, prompts included. Bounded: --requests per level, "
                + "--max-seconds each."})
public final class BenchServeCommand implements Callable<Integer> {
    private static final String CARD = "{\"name\":\"Bram\",\"role\":\"blacksmith\",\"persona\":[\"I forge swords and horseshoes.\","
            + "\"I have two sons.\",\"I love to fish in the river on sundays.\"]}";

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16,64",
            description = "Concurrency levels. Default: ${DEFAULT-VALUE}.")
    List<Integer> clients;

    @Option(names = "--requests", defaultValue = "64", description = "Requests per level. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--max-seconds", defaultValue = "180", description = "Longest a level may run. Default: ${DEFAULT-VALUE}.")
    int maxSeconds;

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger seeds = new AtomicInteger();

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || maxSeconds < 1 || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--requests and --max-seconds must be at least 1, --clients in [1, 256]");
        }
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        ObjectNode out = json.createObjectNode();
        out.put("bench", "serve");
        out.put("requests_per_level", requests);
        out.put("max_tokens", maxTokens);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        Level before;
        Level after;
        ArrayNode levels = out.putArray("levels");
        List<Level> measured = new ArrayList<>();
        try (ServiceNode serial = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 256), null, null)) {
            run(serial.uri(), 1, Math.max(8, requests / 4)); // warm-up: JIT and the prompt cache
            before = run(serial.uri(), 1, requests);
        }
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(most, 256).withMaxBatch(most))) {
            run(node.uri(), Math.min(most, 4), Math.max(8, requests / 4));
            for (int c : clients) {
                measured.add(run(node.uri(), c, requests));
            }
        }
        try (ServiceNode serial = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 256), null, null)) {
            run(serial.uri(), 1, 8);
            after = run(serial.uri(), 1, requests);
        }
        double peer = (before.tokensPerSecond + after.tokensPerSecond) / 2;
        out.put("one_at_a_time_tokens_per_s_before", round(before.tokensPerSecond));
        out.put("one_at_a_time_tokens_per_s_after", round(after.tokensPerSecond));
        out.put("one_at_a_time_p50_ms", round(before.p50));
        System.err.printf(Locale.ROOT, "one at a time: %.0f tokens/s before, %.0f after; p50 %.0f ms%n",
                before.tokensPerSecond, after.tokensPerSecond, before.p50);
        for (Level l : measured) {
            ObjectNode n = levels.addObject();
            n.put("clients", l.clients);
            n.put("completed", l.completed);
            n.put("tokens_per_s", round(l.tokensPerSecond));
            n.put("ratio_vs_one_at_a_time", round(l.tokensPerSecond / peer));
            n.put("p50_ms", round(l.p50));
            n.put("p99_ms", round(l.p99));
            n.put("mean_batch", round(l.meanBatch));
            System.err.printf(Locale.ROOT, "%3d clients: %6.0f tokens/s (%.2fx), p50 %6.0f ms, p99 %6.0f ms, mean batch %.1f, %d/%d done%n",
                    l.clients, l.tokensPerSecond, l.tokensPerSecond / peer, l.p50, l.p99, l.meanBatch, l.completed, requests);
        }
        System.out.println(out);
        return 0;
    }

    private record Level(int clients, int completed, double tokensPerSecond, double p50, double p99, double meanBatch) {
    }

    /** {@code total} requests from {@code concurrency} clients; tokens counted by the service itself. */
    private Level run(URI base, int concurrency, int total) throws Exception {
        double[] before = counters(base);
        Latencies latencies = new Latencies();
        AtomicInteger left = new AtomicInteger(total);
        long end = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> clientsDone = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clientsDone.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0 && System.nanoTime() < end) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = post(base, "{\"card\":" + CARD + ",\"say\":\"Hello! What do you do here?\","
                            + "\"max_tokens\":" + maxTokens + ",\"seed\":" + seeds.incrementAndGet() + "}");
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("the service answered " + r.statusCode() + ": " + r.body());
                    }
                    synchronized (latencies) {
                        latencies.add(System.nanoTime() - s);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clientsDone) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        double[] after = counters(base);
        double tokens = after[0] - before[0];
        double batched = after[1] - before[1];
        double steps = after[2] - before[2];
        return new Level(concurrency, latencies.count(), tokens / seconds, latencies.percentileMs(50),
                latencies.percentileMs(99), steps == 0 ? 1 : batched / steps);
    }

    private HttpResponse<String> post(URI base, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("v1/dialogue")).timeout(Duration.ofSeconds(maxSeconds))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Tokens decoded, sequences stepped and batched steps so far, read from /metrics like any monitoring would. */
    private double[] counters(URI base) throws Exception {
        String text = http.send(HttpRequest.newBuilder(base.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double tokens = 0;
        double sequences = 0;
        double steps = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("improv_decoded_tokens_total ")) {
                tokens = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            } else if (line.startsWith("improv_batch_size_sum ")) {
                sequences = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            } else if (line.startsWith("improv_batch_size_count ")) {
                steps = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        return new double[] {tokens, sequences, steps};
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
