package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import dev.improv.serve.batch.SharedDecoderBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench serve}: a loopback load generator against a service started in this process.
 * The peer, in the same run, is the same service serving the same requests one at a time.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Load-test the content service's dynamic batching on loopback and print one JSON line.",
                "Starts 'improv serve' in this process, sends NPC dialogue requests (one card, seeds 1 to --requests in each level and in the peer, so that each does the same work) from "
                + "1, 4, 16 and 64 concurrent clients (closed loop), and reports per level: requests/s, tokens/s and "
                + "p50/p99 latency. 'sampled tokens' are the tokens stepped one at a time for their logits (the reply's); "
                + "'decoded tokens' add the prompt tokens fed in bulk. Both are counted by the service's decoders.",
                "The peer is the same requests served one at a time by a single worker decoding without the batcher "
                + "(exactly the CLI's decoder), measured before and after the concurrent levels; ratios are to the faster of "
                + "the two (the first runs in a younger JVM whose JIT is still compiling). "
                + "Per CPU-second: sampled tokens per CPU-second of this process (service and load generator), which "
                + "other jobs on a shared machine disturb less than tokens per wall-clock second; and the CPU milliseconds a "
                + "request cost by thread group (the service's HTTP front, its workers, its batched steps, the load "
                + "generator, the JIT, GC). "
                + "The service runs with its defaults' admission (the adaptive concurrency limit; --concurrency fixed to "
                + "turn it off): a client refused with 429 waits its Retry-After, as a client should, while the "
                + "others go on; the level reports how many were refused, and its time ends with its last answer. Bounded: --requests per level, --max-seconds each."})
public final class BenchServeCommand implements Callable<Integer> {

    @Option(names = "--clients", split = ",", defaultValue = "1,4,16,64",
            description = "Concurrency levels. Default: ${DEFAULT-VALUE}.")
    List<Integer> clients;

    // 512: a level lasts several seconds, so it measures the node's steady rate, not one refused client's
    // 1-s Retry-After at its end (with 64, one 429 near the end was most of a 0.3 s level).
    @Option(names = "--requests", defaultValue = "512", description = "Requests per level. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--max-seconds", defaultValue = "180", description = "Longest a level may run. Default: ${DEFAULT-VALUE}.")
    int maxSeconds;

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--warmup-seconds", defaultValue = "10",
            description = "Requests sent before measuring, on each service started (JIT, prompt cache). Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--concurrency", defaultValue = "adaptive",
            description = "The service's --concurrency: adaptive or fixed (workers + queue only). Default: ${DEFAULT-VALUE}.")
    String concurrency;

    @Override
    public Integer call() throws Exception {
        if (!concurrency.equals("adaptive") && !concurrency.equals("fixed")) {
            throw new IllegalArgumentException("--concurrency must be adaptive or fixed, got '" + concurrency + "'");
        }
        if (requests < 1 || maxSeconds < 1 || warmupSeconds < 0 || clients.isEmpty()
                || clients.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("--requests and --max-seconds must be at least 1, --warmup-seconds at least 0, "
                    + "--clients in [1, 256]");
        }
        ServiceLoad load = new ServiceLoad(maxTokens, Duration.ofSeconds(maxSeconds));
        int most = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        ObjectMapper json = new ObjectMapper();
        ObjectNode out = json.createObjectNode();
        out.put("bench", "serve");
        out.put("requests_per_level", requests);
        out.put("max_tokens", maxTokens);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("concurrency", concurrency);
        ServiceLoad.Result before = oneAtATime(load);
        List<ServiceLoad.Result> measured = new ArrayList<>();
        // Each level's adaptive limit at its end ("{}" with --concurrency fixed): what the level ran under.
        List<com.fasterxml.jackson.databind.JsonNode> limits = new ArrayList<>();
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(most, 256).withMaxBatch(most)
                .withAdaptiveLimit(concurrency.equals("adaptive")), SharedDecoderBatch::new, null, NODE_WARM_UP)) {
            warm(load, node.uri(), Math.min(most, 16), "the batched node");
            for (int c : clients) {
                load.sameSeedsAgain();
                measured.add(load.closedLoop(node.uri(), c, requests, maxSeconds));
                limits.add(load.health(node.uri()).path("concurrency_limits"));
            }
        }
        ServiceLoad.Result after = oneAtATime(load);
        // The faster run is the baseline: the first ran in a younger JVM (at load 16 its JIT took 6.7 CPU-ms a
        // request against 1.4 after, and it gave 45% of the second's tokens/s), which flattered every ratio.
        ServiceLoad.Result peerRun = before.steppedPerSecond() >= after.steppedPerSecond() ? before : after;
        double peerSampled = peerRun.steppedPerSecond();
        double peerDecoded = peerRun.decodedPerSecond();
        double peerRequests = peerRun.requestsPerSecond();
        ObjectNode peer = out.putObject("one_at_a_time");
        peer.put("baseline", peerRun == before ? "before" : "after");
        for (ServiceLoad.Result r : List.of(before, after)) {
            ObjectNode p = peer.putObject(r == before ? "before" : "after");
            p.put("requests_per_s", ServiceLoad.round(r.requestsPerSecond()));
            p.put("sampled_tokens_per_s", ServiceLoad.round(r.steppedPerSecond()));
            p.put("decoded_tokens_per_s", ServiceLoad.round(r.decodedPerSecond()));
            p.put("sampled_tokens_per_cpu_s", ServiceLoad.round(r.steppedPerCpuSecond()));
            p.put("p50_ms", ServiceLoad.round(r.p50()));
            p.put("p99_ms", ServiceLoad.round(r.p99()));
            p.set("cpu_ms_per_request", json.valueToTree(r.cpuMsPerRequest()));
            p.set("cpu_seconds", json.valueToTree(r.cpuByGroup()));
        }
        double peerPerCpu = peerRun.steppedPerCpuSecond();
        System.err.printf(Locale.ROOT, "one at a time: %.1f requests/s, %.0f sampled tokens/s, %.0f decoded tokens/s "
                        + "(the faster of %.0f before and %.0f after), %.0f sampled tokens per CPU-second; p50 %.0f ms%n", peerRequests,
                peerSampled, peerDecoded, before.steppedPerSecond(), after.steppedPerSecond(), peerPerCpu, peerRun.p50());
        System.err.println("  CPU ms a request, before: " + before.cpuMsPerRequest() + ", after: " + after.cpuMsPerRequest());
        ArrayNode levels = out.putArray("levels");
        for (int i = 0; i < measured.size(); i++) {
            ServiceLoad.Result l = measured.get(i);
            ObjectNode n = levels.addObject();
            n.put("clients", l.clients());
            n.put("completed", l.completed());
            n.put("refused_429", l.refused());
            n.put("requests_per_s", ServiceLoad.round(l.requestsPerSecond()));
            n.put("sampled_tokens_per_s", ServiceLoad.round(l.steppedPerSecond()));
            n.put("decoded_tokens_per_s", ServiceLoad.round(l.decodedPerSecond()));
            n.put("ratio_sampled_tokens_vs_one_at_a_time", ServiceLoad.round(l.steppedPerSecond() / peerSampled));
            n.put("ratio_requests_vs_one_at_a_time", ServiceLoad.round(l.requestsPerSecond() / peerRequests));
            n.put("sampled_tokens_per_cpu_s", ServiceLoad.round(l.steppedPerCpuSecond()));
            n.put("ratio_per_cpu_s_vs_one_at_a_time", ServiceLoad.round(l.steppedPerCpuSecond() / peerPerCpu));
            n.put("p50_ms", ServiceLoad.round(l.p50()));
            n.put("p99_ms", ServiceLoad.round(l.p99()));
            n.put("mean_batch", ServiceLoad.round(l.meanBatch()));
            n.set("steps_by_size", json.valueToTree(l.stepsBySize())); // share of the batched steps by sequences in them
            n.set("concurrency_limits_after", limits.get(i));
            n.set("cpu_ms_per_request", json.valueToTree(l.cpuMsPerRequest()));
            n.set("cpu_seconds", json.valueToTree(l.cpuByGroup())); // user, kernel and waiting for a core, by group
            System.err.printf(Locale.ROOT, "%3d clients: %5.1f requests/s (%.2fx), %6.0f sampled tokens/s (%.2fx), %6.0f decoded, "
                            + "%5.0f sampled per CPU-s (%.2fx), p50 %6.0f ms, p99 %6.0f ms, mean batch %.1f, %d/%d done, "
                            + "%d refused (429, retried after Retry-After), limit after %s%n",
                    l.clients(), l.requestsPerSecond(), l.requestsPerSecond() / peerRequests, l.steppedPerSecond(),
                    l.steppedPerSecond() / peerSampled, l.decodedPerSecond(), l.steppedPerCpuSecond(),
                    l.steppedPerCpuSecond() / peerPerCpu, l.p50(), l.p99(), l.meanBatch(), l.completed(), requests, l.refused(), limits.get(i));
            System.err.println("      CPU ms a request: " + l.cpuMsPerRequest());
            System.err.println("      batched steps by size (share of steps): " + l.stepsBySize());
        }
        System.out.println(out);
        return 0;
    }

    /** Both nodes warm up as {@code improv serve} does by default, before the bench's own warm-up. */
    private static final Duration NODE_WARM_UP = Duration.ofSeconds(ServeCommand.WARM_UP_SECONDS);

    /** Rounds of {@value #WARM_ROUND} requests after --warmup-seconds until the JIT is quiet, at most this many. */
    private static final int MOST_WARM_ROUNDS = 6;
    private static final int WARM_ROUND = 256;
    /** The JIT's share of a core in a round below which a node counts as warm (as {@code bench overload}'s). */
    private static final double JIT_QUIET = 0.10;

    /**
     * --warmup-seconds of closed-loop requests from {@code clients}, then rounds of {@value #WARM_ROUND} until
     * the JIT takes under {@value #JIT_QUIET} of a core in one: after 10 s the JIT still took 1.4-3.1
     * CPU-ms a request in the one-at-a-time run and 1.7-4.7 in the levels (20-37% of their CPU), a
     * one-time cost that a node in service has paid, and that slowed the two sides of the ratio by
     * different amounts.
     */
    private void warm(ServiceLoad load, java.net.URI base, int clients, String what) throws Exception {
        long t0 = System.nanoTime();
        load.warmUp(base, clients, warmupSeconds);
        double jit = Double.NaN;
        int rounds = 0;
        while (rounds < MOST_WARM_ROUNDS) {
            rounds++;
            jit = ThreadCpu.jitShare(load.closedLoop(base, clients, WARM_ROUND, maxSeconds).cpuByGroup());
            if (!(jit > JIT_QUIET)) {
                break;
            }
        }
        System.err.printf(Locale.ROOT, "warmed %s %.0f s (%d rounds of %d requests from %d clients; JIT in the last: %.0f%% of a core)%n",
                what, (System.nanoTime() - t0) / 1e9, rounds, WARM_ROUND, clients, 100 * jit);
    }

    /** The peer: one worker, no batcher (each job decodes alone, as the CLI does), one client. */
    private ServiceLoad.Result oneAtATime(ServiceLoad load) throws Exception {
        try (ServiceNode serial = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 256), null, null, NODE_WARM_UP)) {
            warm(load, serial.uri(), 1, "one at a time");
            load.sameSeedsAgain();
            return load.closedLoop(serial.uri(), 1, requests, maxSeconds);
        }
    }
}
