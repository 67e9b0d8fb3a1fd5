package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench overload}: a bounded burst past the service's capacity, on loopback, against a
 * node started in a process of its own; checks what an operator needs from overload handling.
 */
@Command(name = "overload", mixinStandardHelpOptions = true,
        description = {"Overload the content service on loopback with a bounded burst and print one JSON line.",
                "Starts 'improv serve' in a process of its own with --workers and --queue and --concurrency fixed, warms it "
                + "(closed-loop clients, then bursts until neither JIT compiles much), then measures: "
                + "unloaded latency (one client), capacity (requests/s with as many closed-loop clients as workers), a burst "
                + "of --burst-factor x capacity requests/s sent open loop for --burst-seconds, each with X-Deadline-Ms "
                + "--deadline-ms from a lean open-loop client, and recovery (one client probing from the end of the burst on). Then the same burst against "
                + "a node with the defaults' adaptive concurrency limit (warmed alike, then 256 requests of one client, from which it "
                + "learns its unloaded latency), and, with --max-latency-ms, against a fixed node with that latency target. "
                + "Reports for each the answers by status, answers later than their deadline, the accepted requests' p99 "
                + "against the unloaded p99, how fast 429s came, the peak heap, and the seconds until the probes' median "
                + "(per half second) is back within twice the unloaded p50, where the CPU went during the burst (node and "
                + "generator, by thread group, and how long each waited for a core), and, on the adaptive node, its limit "
                + "every 250 ms from the burst's start.",
                "Requests are NPC dialogue requests (one card, a new seed each), as in 'bench serve'."})
public final class BenchOverloadCommand implements Callable<Integer> {

    @Option(names = "--workers", defaultValue = "16", description = "The node's --workers. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--queue", defaultValue = "8", description = "The node's --queue. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--burst-factor", defaultValue = "4", description = "Burst rate as a multiple of the measured capacity. "
            + "Default: ${DEFAULT-VALUE}.")
    double burstFactor;

    @Option(names = "--burst-seconds", defaultValue = "5", description = "How long the burst is sent. Default: ${DEFAULT-VALUE}.")
    double burstSeconds;

    @Option(names = "--deadline-ms", defaultValue = "3000", description = "Each burst request's X-Deadline-Ms. Default: ${DEFAULT-VALUE}.")
    long deadlineMs;

    @Option(names = "--max-latency-ms", defaultValue = "0",
            description = "Also burst a third node, --concurrency fixed with this --max-latency-ms (an operator's latency "
                    + "target). Default: ${DEFAULT-VALUE}: no third node.")
    long maxLatencyMs;

    @Option(names = "--requests", defaultValue = "64",
            description = "Requests for the unloaded and capacity measurements each. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Requests sent before measuring. Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    /** How late past its deadline an answer may come (the HTTP round trip) and still count as in time. */
    private static final long SLACK_MS = 250;
    /** How long recovery is probed after the burst. */
    private static final double PROBE_SECONDS = 10;
    /** Recovery is judged on the median probe of each window this long. */
    private static final double WINDOW_SECONDS = 0.5;
    /** A window is back to normal when its median probe is within this multiple of the unloaded p50. */
    private static final double NORMAL_FACTOR = 2;
    /** The solo answers a node's adaptive limit keeps for its unloaded tail (ConcurrencyLimit.ALONE). */
    private static final int SOLO_ANSWERS_KEPT = 256;
    /** A warm-up burst's length ({@link #warm}). */
    private static final double WARM_BURST_SECONDS = 2;
    /** Most warm-up bursts while a JIT still compiles. */
    private static final int MOST_WARM_BURSTS = 15;
    /** JIT CPU during a warm-up burst, as a share of one core, under which a process counts as warm. */
    private static final double JIT_QUIET = 0.1;
    /** Closed-loop seconds after the warm-up bursts: the node is calm again before it is measured. */
    private static final double WARM_CALM_SECONDS = 3;
    /** How often the adaptive limit is read from /health during a burst. */
    private static final long LIMIT_SAMPLE_MS = 250;

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || queue < 0 || burstFactor <= 0 || burstSeconds <= 0 || burstSeconds > 60 || deadlineMs < 1
                || requests < 1 || warmupSeconds < 0 || maxLatencyMs < 0) {
            throw new IllegalArgumentException("--workers >= 1, --queue >= 0, --burst-factor > 0, --burst-seconds in (0, 60], "
                    + "--deadline-ms >= 1, --requests >= 1, --warmup-seconds >= 0 and --max-latency-ms >= 0 are needed");
        }
        ServiceLoad load = new ServiceLoad(maxTokens, Duration.ofSeconds(120));
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("bench", "overload");
        out.put("workers", workers);
        out.put("queue", queue);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        List<String> capacity = List.of("--workers", Integer.toString(workers), "--queue", Integer.toString(queue),
                "--max-batch", Integer.toString(workers));
        List<String> fixed = new ArrayList<>(capacity);
        fixed.addAll(List.of("--concurrency", "fixed"));
        List<String> adaptiveNode = new ArrayList<>(capacity);
        adaptiveNode.addAll(List.of("--concurrency", "adaptive"));
        ServiceLoad.Result idle;
        ServiceLoad.Result full;
        ObjectNode bounded = out.putObject("fixed_limit");
        Path logs = Files.createTempDirectory("improv-bench-overload");
        // Each node in a process of its own, as deployed: the generator's JIT, collector and safepoints stay in
        // this one (clients run on other machines); it still shares the cores, as nothing else can here.
        try (NodeProcess node = NodeProcess.start(fixed, logs.resolve("fixed.log"))) {
            URI base = node.uri();
            bounded.put("warmup_s", ServiceLoad.round(warm(load, node, 0)));
            idle = load.closedLoop(base, 1, requests, 300);
            full = load.closedLoop(base, workers, requests, 300);
            System.err.printf(Locale.ROOT, "unloaded p50 %.0f ms p99 %.0f ms; capacity %.1f requests/s (p50 %.0f ms, p99 %.0f ms)%n",
                    idle.p50(), idle.p99(), full.requestsPerSecond(), full.p50(), full.p99());
            report("--concurrency fixed (workers + queue only)", burst(load, node, full.requestsPerSecond() * burstFactor),
                    idle, full, bounded);
        }
        out.put("unloaded_p50_ms", ServiceLoad.round(idle.p50()));
        out.put("unloaded_p99_ms", ServiceLoad.round(idle.p99()));
        out.put("capacity_requests_per_s", ServiceLoad.round(full.requestsPerSecond()));
        out.put("capacity_p50_ms", ServiceLoad.round(full.p50()));
        out.put("capacity_p99_ms", ServiceLoad.round(full.p99()));
        out.put("burst_rate_per_s", ServiceLoad.round(full.requestsPerSecond() * burstFactor));
        // The defaults: an adaptive concurrency limit, no latency figure given.
        try (NodeProcess node = NodeProcess.start(adaptiveNode, logs.resolve("adaptive.log"))) {
            URI base = node.uri();
            // Warm as the first node was, then one client, from whose answers the node learns its unloaded latency:
            // as many as the node keeps (its last 256 solo answers), as the unloaded figure above is measured, so
            // that its reference is today's idle node and not what was left from its cold start.
            ObjectNode adaptive = out.putObject("adaptive_limit");
            adaptive.put("warmup_s", ServiceLoad.round(warm(load, node, full.requestsPerSecond() * burstFactor)));
            load.closedLoop(base, 1, SOLO_ANSWERS_KEPT, 300);
            adaptive.set("concurrency_limits_before", load.health(base).path("concurrency_limits"));
            adaptive.set("unloaded_tail_ms_before", load.health(base).path("unloaded_tail_ms"));
            report("--concurrency adaptive (the default)", burst(load, node, full.requestsPerSecond() * burstFactor),
                    idle, full, adaptive);
            adaptive.set("concurrency_limits_after", load.health(base).path("concurrency_limits"));
            adaptive.set("unloaded_tail_ms_after", load.health(base).path("unloaded_tail_ms"));
            System.err.printf(Locale.ROOT, "  concurrency limit before the burst %s, after the probes %s; the node's unloaded tail "
                    + "(its reference) before %s ms, after %s ms%n", adaptive.get("concurrency_limits_before"),
                    adaptive.get("concurrency_limits_after"), adaptive.get("unloaded_tail_ms_before"),
                    adaptive.get("unloaded_tail_ms_after"));
        }
        if (maxLatencyMs > 0) {
            out.put("max_latency_ms", maxLatencyMs);
            // A fixed node with an operator's latency target (an SLO), under the same burst.
            List<String> target = new ArrayList<>(fixed);
            target.addAll(List.of("--max-latency-ms", Long.toString(maxLatencyMs)));
            try (NodeProcess node = NodeProcess.start(target, logs.resolve("target.log"))) {
                URI base = node.uri();
                ObjectNode latencyTarget = out.putObject("latency_target");
                latencyTarget.put("warmup_s", ServiceLoad.round(warm(load, node, full.requestsPerSecond() * burstFactor)));
                // One client: calibrates the node's estimate of a job's time.
                load.warmUp(base, 1, Math.min(warmupSeconds, 3));
                report("--concurrency fixed and --max-latency-ms " + maxLatencyMs,
                        burst(load, node, full.requestsPerSecond() * burstFactor), idle, full, latencyTarget);
            }
        }
        try (var files = Files.list(logs)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        Files.delete(logs);
        System.out.println(out);
        return 0;
    }

    /** Prints a burst's figures to stderr and puts them in {@code out}. */
    private void report(String name, Burst burst, ServiceLoad.Result idle, ServiceLoad.Result full, ObjectNode out) {
        double[] medians = windowMedians(burst.probes);
        double recovered = recoverySeconds(medians, NORMAL_FACTOR * idle.p50());
        out.put("burst_sent", burst.sent);
        out.put("ok", burst.ok.count());
        out.put("refused_429", burst.refused.count());
        out.put("deadline_503", burst.late.count());
        out.put("other", burst.other);
        out.put("answered_after_deadline", burst.pastDeadline);
        out.put("deadline_503_p99_ms", ServiceLoad.round(burst.late.percentileMs(99)));
        if (burst.first503 != null) {
            out.put("first_503", burst.first503);
        }
        var reasons = out.putObject("refusals_by_reason");
        burst.reasons.forEach(reasons::put);
        out.put("accepted_p50_ms", ServiceLoad.round(burst.ok.percentileMs(50)));
        out.put("accepted_p99_ms", ServiceLoad.round(burst.ok.percentileMs(99)));
        out.put("accepted_p99_vs_unloaded_p99", ServiceLoad.round(burst.ok.percentileMs(99) / idle.p99()));
        out.put("accepted_p99_vs_capacity_p99", ServiceLoad.round(burst.ok.percentileMs(99) / full.p99()));
        out.put("accepted_per_s", ServiceLoad.round(burst.ok.count() / burstSeconds));
        out.put("refusal_p99_ms", ServiceLoad.round(burst.refused.percentileMs(99)));
        out.put("server_accepted_p50_ms_at_most", burst.serverAcceptedP50);
        out.put("server_accepted_p99_ms_at_most", burst.serverAcceptedP99);
        out.put("server_refusal_p99_ms_at_most", burst.serverRefusalP99);
        out.put("heap_before_mb", burst.heapBeforeMb);
        out.put("heap_peak_mb", burst.peakHeapMb);
        out.put("recovered_after_s", recovered < 0 ? -1 : ServiceLoad.round(recovered));
        out.put("most_waiting_in_line", burst.mostWaiting);
        if (!burst.limits.isEmpty()) {
            var limits = out.putArray("concurrency_limits_every_" + LIMIT_SAMPLE_MS + "_ms");
            burst.limits.forEach(limits::add);
        }
        out.put("decoder_steps_during_burst", burst.steps);
        out.put("mean_batch_during_burst", ServiceLoad.round(burst.meanBatch));
        var cpu = out.putObject("cpu_s_during_burst");
        var nodeCpu = cpu.putObject("node");
        burst.nodeCpu.forEach((group, seconds) -> nodeCpu.put(group, ServiceLoad.round(seconds)));
        var generatorCpu = cpu.putObject("load_generator_process");
        burst.generatorCpu.forEach((group, seconds) -> generatorCpu.put(group, ServiceLoad.round(seconds)));
        var windows = out.putArray("probe_median_ms_per_half_second");
        for (double m : medians) {
            windows.add(Double.isInfinite(m) ? -1 : ServiceLoad.round(m));
        }
        System.err.printf(Locale.ROOT, "%s:%n", name);
        System.err.printf(Locale.ROOT, "  burst: %d sent at %.0f/s for %.0f s: %d ok, %d 429, %d 503, %d other, %d after their deadline%n",
                burst.sent, full.requestsPerSecond() * burstFactor, burstSeconds, burst.ok.count(), burst.refused.count(),
                burst.late.count(), burst.other, burst.pastDeadline);
        System.err.printf(Locale.ROOT, "  the service's refusals by reason: %s; 503s p99 %.0f ms%s%n", burst.reasons,
                burst.late.percentileMs(99), burst.first503 == null ? "" : "; the first said " + burst.first503);
        System.err.printf(Locale.ROOT, "  accepted p50 %.0f ms, p99 %.0f ms (%.2fx unloaded p99, %.2fx capacity p99); 429s p99 %.1f ms%n",
                burst.ok.percentileMs(50), burst.ok.percentileMs(99), burst.ok.percentileMs(99) / idle.p99(),
                burst.ok.percentileMs(99) / full.p99(), burst.refused.percentileMs(99));
        double[] tail = tailSplit(burst.okSplit, burst.ok.percentileMs(99));
        var split = out.putObject("accepted_tail_split_ms");
        split.put("answers", tail[0]);
        split.put("client", ServiceLoad.round(tail[1]));
        split.put("wait", ServiceLoad.round(tail[2]));
        split.put("run", ServiceLoad.round(tail[3]));
        split.put("outside", ServiceLoad.round(tail[1] - tail[2] - tail[3]));
        split.put("run_p99_all_accepted", ServiceLoad.round(runP99(burst.okSplit)));
        split.put("unloaded_run_p99", ServiceLoad.round(idle.serverRunP99()));
        split.put("tokens", ServiceLoad.round(tail[4]));
        split.put("run_ms_per_token", ServiceLoad.round(runMsPerToken(burst.okSplit)));
        split.put("unloaded_run_ms_per_token", ServiceLoad.round(idle.runMsPerToken()));
        System.err.printf(Locale.ROOT, "  the accepted tail (the %.0f answers at or past the client's p99), mean ms: client %.1f = wait %.1f "
                + "+ run %.1f + outside the handler %.1f, %.1f tokens sampled; run p99 of every accepted answer %.1f ms, "
                + "of the unloaded ones %.1f ms; run ms a token, every accepted answer %.3f, unloaded %.3f%n",
                tail[0], tail[1], tail[2], tail[3], tail[1] - tail[2] - tail[3], tail[4], runP99(burst.okSplit),
                idle.serverRunP99(), runMsPerToken(burst.okSplit), idle.runMsPerToken());
        System.err.printf(Locale.ROOT, "  the service's own histogram (from its handler's start): accepted p50 <= %.0f ms, p99 <= %.0f ms, "
                + "429s p99 <= %.0f ms%n", burst.serverAcceptedP50, burst.serverAcceptedP99, burst.serverRefusalP99);
        System.err.printf(Locale.ROOT, "  heap %d MB before, %d MB at peak; probes' median back within %.0fx the unloaded p50 %s%n",
                burst.heapBeforeMb, burst.peakHeapMb, NORMAL_FACTOR, recovered < 0 ? "never within " + PROBE_SECONDS + " s"
                        : String.format(Locale.ROOT, "%.1f s after the burst", recovered));
        System.err.printf(Locale.ROOT, "  probes' median ms per half second: %s%n", windows);
        System.err.printf(Locale.ROOT, "  while the burst was sent: %.0f decoder steps of %.2f sequences on average; CPU seconds "
                + "of the node's process: %s; of the load generator's: %s%n", burst.steps, burst.meanBatch, nodeCpu, generatorCpu);
        if (!burst.limits.isEmpty()) {
            System.err.printf(Locale.ROOT, "  most waiting in line (sampled every %d ms): %d%n", LIMIT_SAMPLE_MS, burst.mostWaiting);
            System.err.printf(Locale.ROOT, "  concurrency limits every %d ms from the burst's start: %s%n", LIMIT_SAMPLE_MS,
                    burst.limits.stream().map(l -> l.toString().replace("\"", "")).toList());
        }
    }

    /**
     * The answers whose client time is at least {@code p99Ms}: {count, mean client ms, mean wait, mean run} by
     * their Server-Timing (NaNs when none had it).
     */
    private static double[] tailSplit(List<double[]> split, double p99Ms) {
        double[] sum = new double[5];
        for (double[] a : split) {
            if (a[0] >= p99Ms) {
                sum[0]++;
                for (int i = 0; i < 4; i++) {
                    sum[i + 1] += a[i];
                }
            }
        }
        for (int i = 1; i < 5; i++) {
            sum[i] /= sum[0];
        }
        return sum;
    }

    /** Run ms per sampled token over every accepted answer that said its tokens (their sums' ratio). */
    private static double runMsPerToken(List<double[]> split) {
        double run = 0;
        double tokens = 0;
        for (double[] a : split) {
            if (a[3] >= 0) {
                run += a[2];
                tokens += a[3];
            }
        }
        return run / tokens;
    }

    /** The p99 of the accepted answers' run time (Server-Timing), ms. */
    private static double runP99(List<double[]> split) {
        Latencies runs = new Latencies();
        split.forEach(a -> runs.add((long) (a[2] * 1e6)));
        return runs.percentileMs(99);
    }

    /** What the burst saw. */
    private static final class Burst {
        final Latencies ok = new Latencies();
        /** Each accepted answer's client ms and its Server-Timing: {client, wait, run, tokens} (answers with the header). */
        final List<double[]> okSplit = new ArrayList<>();
        final Latencies refused = new Latencies();
        final Latencies late = new Latencies();
        int sent;
        int other;
        /** The node's used heap (garbage included) at the burst's start, and the most seen (every {@link #LIMIT_SAMPLE_MS} ms). */
        long heapBeforeMb;
        long peakHeapMb;
        double serverAcceptedP50;
        /** Most requests seen waiting in their endpoint's line (/health, every {@link #LIMIT_SAMPLE_MS} ms). */
        int mostWaiting;
        double serverAcceptedP99;
        double serverRefusalP99;
        int pastDeadline;
        /** The message of the first 503, which says why. */
        String first503;
        /** The service's refusals during the burst by reason (improv_refusals_total). */
        final java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        /** The adaptive limits every {@link #LIMIT_SAMPLE_MS} ms from the burst's start to the probes' end (a node with them). */
        final List<com.fasterxml.jackson.databind.JsonNode> limits = new ArrayList<>();
        /** CPU seconds of the node's process and of this one (the generator) while the burst was sent ({@link ThreadCpu#since}). */
        java.util.Map<String, Double> nodeCpu = java.util.Map.of();
        java.util.Map<String, Double> generatorCpu = java.util.Map.of();
        /** Batched decoder steps while the burst was sent, and the sequences in one on average. */
        double steps;
        double meanBatch;
        /** Recovery probes: seconds after the burst's end when sent, latency in ms. */
        final List<double[]> probes = new ArrayList<>();
    }

    /** Sends at {@code rate} per second for the burst's length, probes from its end, waits for every answer. */
    private Burst burst(ServiceLoad load, NodeProcess node, double rate) throws Exception {
        URI base = node.uri();
        Burst b = new Burst();
        b.heapBeforeMb = load.health(base).path("heap_used_mb").asLong();
        Thread limitWatcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    var health = load.health(base);
                    var limits = health.path("concurrency_limits");
                    synchronized (b) {
                        if (!limits.isEmpty()) {
                            b.limits.add(limits);
                        }
                        b.mostWaiting = Math.max(b.mostWaiting, health.path("waiting").asInt());
                        b.peakHeapMb = Math.max(b.peakHeapMb, health.path("heap_used_mb").asLong());
                    }
                    Thread.sleep(LIMIT_SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read /health", e);
                }
            }
        }, "limit-watch");
        limitWatcher.setDaemon(true);
        limitWatcher.start();
        var okBefore = load.latencyBuckets(base, "dialogue", 200);
        var refusedBefore = load.latencyBuckets(base, "dialogue", 429);
        var reasonsBefore = load.refusals(base);
        ServiceLoad.Counters countersBefore = load.counters(base);
        ThreadCpu nodeCpuBefore = ThreadCpu.of(node.pid());
        ThreadCpu generatorCpuBefore = ThreadCpu.now();
        OpenLoopClient client = new OpenLoopClient(base);
        List<CompletableFuture<Void>> answers = openLoop(client, load, base, rate, burstSeconds,
                (r, error, nanos) -> record(b, r, error, nanos));
        b.sent = answers.size();
        long burstEnd = System.nanoTime();
        b.nodeCpu = ThreadCpu.of(node.pid()).since(nodeCpuBefore);
        b.generatorCpu = ThreadCpu.now().since(generatorCpuBefore);
        ServiceLoad.Counters countersAfter = load.counters(base);
        b.steps = countersAfter.batchedSteps() - countersBefore.batchedSteps();
        b.meanBatch = (countersAfter.batchedSequences() - countersBefore.batchedSequences()) / Math.max(1, b.steps);
        // The service's histogram once the burst's last answer is in (the few probes answered by then count too).
        CompletableFuture<Void> histogram = CompletableFuture.allOf(answers.toArray(new CompletableFuture[0])).thenRun(() -> {
            try {
                var okAfter = load.latencyBuckets(base, "dialogue", 200);
                b.serverAcceptedP50 = ServiceLoad.bucketPercentileMs(okBefore, okAfter, 50);
                b.serverAcceptedP99 = ServiceLoad.bucketPercentileMs(okBefore, okAfter, 99);
                b.serverRefusalP99 = ServiceLoad.bucketPercentileMs(refusedBefore, load.latencyBuckets(base, "dialogue", 429), 99);
                load.refusals(base).forEach((reason, n) -> b.reasons.put(reason, (int) (n - reasonsBefore.getOrDefault(reason, 0.0))));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read /metrics", e);
            }
        });
        while (System.nanoTime() - burstEnd < PROBE_SECONDS * 1e9) {
            long s = System.nanoTime();
            HttpResponse<String> r = load.send(base, load.body(), 0);
            if (r.statusCode() == 200) {
                b.probes.add(new double[] {(s - burstEnd) / 1e9, (System.nanoTime() - s) / 1e6});
            } else {
                b.probes.add(new double[] {(s - burstEnd) / 1e9, Double.POSITIVE_INFINITY}); // refused: not recovered yet
                Thread.sleep(50);
            }
        }
        histogram.get(deadlineMs + 60_000, TimeUnit.MILLISECONDS);
        client.close();
        limitWatcher.interrupt();
        limitWatcher.join();
        return b;
    }

    /** Told of each answer of an open-loop send (null if its connection failed, {@code error} then says why) and how long it took. */
    private interface Answered {
        void answered(OpenLoopClient.Answer answer, Throwable error, long nanos);
    }

    /**
     * Sends at {@code rate} a second for {@code seconds} on {@code client} without waiting for answers; one
     * future per request, done once {@code answered} has been told.
     */
    private List<CompletableFuture<Void>> openLoop(OpenLoopClient client, ServiceLoad load, URI base, double rate, double seconds,
                                                   Answered answered) throws InterruptedException {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        String deadline = "X-Deadline-Ms: " + deadlineMs + "\r\n";
        String path = base.resolve("v1/dialogue").getPath();
        long interval = (long) (1e9 / rate);
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        for (long at = t0; at < end; at += interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sentAt = System.nanoTime();
            answers.add(client.post(path, deadline, load.body()).handle((r, error) -> {
                answered.answered(r, error, System.nanoTime() - sentAt);
                return null;
            }));
        }
        return answers;
    }

    /**
     * Warms a node as one in service is warm: --warmup-seconds of closed-loop clients, then bursts of
     * {@value #WARM_BURST_SECONDS} s at {@code burstRate} until neither the node's JIT nor this process's
     * takes more than {@value #JIT_QUIET} of a core during one (at most {@value #MOST_WARM_BURSTS}), then
     * {@value #WARM_CALM_SECONDS} s of closed-loop clients. A JVM a minute old still compiles: in the first
     * bursts of a fresh node the JIT took 2.0-3.2 CPU-seconds of 5 s (node and generator together), and the
     * refusals' code reaches C2 only after thousands of them, within the burst itself. That is a one-time cost
     * that a node in service has paid long before a burst, and no admission rule can give back. {@code
     * burstRate} 0: the capacity is not measured yet, so --burst-factor times what 4 clients get. Returns the
     * seconds it took.
     */
    private double warm(ServiceLoad load, NodeProcess node, double burstRate) throws Exception {
        URI base = node.uri();
        long t0 = System.nanoTime();
        load.warmUp(base, Math.min(workers, 4), warmupSeconds);
        double rate = burstRate > 0 ? burstRate : burstFactor * load.closedLoop(base, Math.min(workers, 4), 64, 300).requestsPerSecond();
        for (int i = 1; ; i++) {
            ThreadCpu nodeBefore = ThreadCpu.of(node.pid());
            ThreadCpu selfBefore = ThreadCpu.now();
            try (OpenLoopClient client = new OpenLoopClient(base)) {
                CompletableFuture.allOf(openLoop(client, load, base, rate, WARM_BURST_SECONDS, (r, error, nanos) -> { })
                        .toArray(new CompletableFuture[0])).get(deadlineMs + 60_000, TimeUnit.MILLISECONDS);
            }
            double nodeJit = ThreadCpu.jitShare(ThreadCpu.of(node.pid()).since(nodeBefore));
            double selfJit = ThreadCpu.jitShare(ThreadCpu.now().since(selfBefore));
            if ((nodeJit <= JIT_QUIET && selfJit <= JIT_QUIET) || i == MOST_WARM_BURSTS || Double.isNaN(nodeJit)) {
                load.warmUp(base, Math.min(workers, 4), WARM_CALM_SECONDS);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.err.printf(Locale.ROOT, "  warmed %.0f s, %d bursts of %.0f/s; JIT in the last: %.0f%% of a core in the node, "
                        + "%.0f%% in the generator%n", seconds, i, rate, 100 * nodeJit, 100 * selfJit);
                return seconds;
            }
        }
    }

    private void record(Burst b, OpenLoopClient.Answer r, Throwable error, long nanos) {
        synchronized (b) {
            if (nanos > (deadlineMs + SLACK_MS) * 1_000_000L) {
                b.pastDeadline++;
            }
            int status = error != null ? -1 : r.status();
            switch (status) {
                case 200 -> {
                    b.ok.add(nanos);
                    ServerTiming timing = ServerTiming.parse(r.serverTiming());
                    if (timing != null) {
                        b.okSplit.add(new double[] {nanos / 1e6, timing.waitMs(), timing.runMs(), timing.tokens()});
                    }
                }
                case 429 -> b.refused.add(nanos);
                case 503 -> {
                    b.late.add(nanos);
                    if (b.first503 == null) {
                        b.first503 = r.body();
                    }
                }
                default -> b.other++;
            }
        }
    }

    /**
     * The probes' median latency in each {@link #WINDOW_SECONDS} window after the burst (infinite for a
     * window whose probes were refused or that had none).
     */
    private static double[] windowMedians(List<double[]> probes) {
        int n = (int) Math.ceil(PROBE_SECONDS / WINDOW_SECONDS);
        double[] medians = new double[n];
        for (int w = 0; w < n; w++) {
            double from = w * WINDOW_SECONDS;
            double[] in = probes.stream().filter(p -> p[0] >= from && p[0] < from + WINDOW_SECONDS)
                    .mapToDouble(p -> p[1]).sorted().toArray();
            medians[w] = in.length == 0 ? Double.POSITIVE_INFINITY : in[in.length / 2];
        }
        return medians;
    }

    /**
     * Seconds after the burst from which every window's median was within {@code normalMs}; -1 if the
     * last window's was not. Medians, not single probes: one probe in a hundred is past the unloaded
     * p99 even when nothing is wrong.
     */
    private static double recoverySeconds(double[] medians, double normalMs) {
        double since = -1;
        for (int w = 0; w < medians.length; w++) {
            if (medians[w] > normalMs) {
                since = -1;
            } else if (since < 0) {
                since = w * WINDOW_SECONDS;
            }
        }
        return since;
    }
}
