package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench overload}: a bounded burst past the service's capacity, on loopback, against a
 * node started in this process; checks what an operator needs from overload handling.
 */
@Command(name = "overload", mixinStandardHelpOptions = true,
        description = {"Overload the content service on loopback with a bounded burst and print one JSON line.",
                "Starts 'improv serve' in this process with --workers and --queue and --concurrency fixed, then measures: "
                + "unloaded latency (one client), capacity (requests/s with as many closed-loop clients as workers), a burst "
                + "of --burst-factor x capacity requests/s sent open loop for --burst-seconds, each with X-Deadline-Ms "
                + "--deadline-ms, and recovery (one client probing from the end of the burst on). Then the same burst against "
                + "a node with the defaults' adaptive concurrency limit (after a few seconds of one client, from which it "
                + "learns its unloaded latency), and, with --max-latency-ms, against a fixed node with that latency target. "
                + "Reports for each the answers by status, answers later than their deadline, the accepted requests' p99 "
                + "against the unloaded p99, how fast 429s came, the peak heap, and the seconds until the probes' median "
                + "(per half second) is back within twice the unloaded p50, and, on the adaptive node, its limit every 250 ms "
                + "from the burst's start.",
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
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ServeSettings settings = ServeSettings.DEFAULT.withPort(0).withCapacity(workers, queue).withMaxBatch(workers);
        ServeSettings fixed = settings.withAdaptiveLimit(false);
        ServiceLoad.Result idle;
        ServiceLoad.Result full;
        ObjectNode bounded = out.putObject("fixed_limit");
        try (ServiceNode node = ServiceNode.start(fixed)) {
            URI base = node.uri();
            load.warmUp(base, Math.min(workers, 4), warmupSeconds);
            idle = load.closedLoop(base, 1, requests, 300);
            full = load.closedLoop(base, workers, requests, 300);
            System.err.printf(Locale.ROOT, "unloaded p50 %.0f ms p99 %.0f ms; capacity %.1f requests/s (p50 %.0f ms, p99 %.0f ms)%n",
                    idle.p50(), idle.p99(), full.requestsPerSecond(), full.p50(), full.p99());
            report("--concurrency fixed (workers + queue only)", burst(load, base, full.requestsPerSecond() * burstFactor, memory),
                    idle, full, bounded);
        }
        out.put("unloaded_p50_ms", ServiceLoad.round(idle.p50()));
        out.put("unloaded_p99_ms", ServiceLoad.round(idle.p99()));
        out.put("capacity_requests_per_s", ServiceLoad.round(full.requestsPerSecond()));
        out.put("capacity_p50_ms", ServiceLoad.round(full.p50()));
        out.put("capacity_p99_ms", ServiceLoad.round(full.p99()));
        out.put("burst_rate_per_s", ServiceLoad.round(full.requestsPerSecond() * burstFactor));
        // The defaults: an adaptive concurrency limit, no latency figure given.
        try (ServiceNode node = ServiceNode.start(settings)) {
            URI base = node.uri();
            // One client: the JVM is warm already; the node learns its unloaded latency from these answers.
            load.warmUp(base, 1, Math.min(warmupSeconds, 3));
            ObjectNode adaptive = out.putObject("adaptive_limit");
            adaptive.set("concurrency_limits_before", load.health(base).path("concurrency_limits"));
            report("--concurrency adaptive (the default)", burst(load, base, full.requestsPerSecond() * burstFactor, memory),
                    idle, full, adaptive);
            adaptive.set("concurrency_limits_after", load.health(base).path("concurrency_limits"));
            System.err.printf(Locale.ROOT, "  concurrency limit before the burst %s, after the probes %s%n",
                    adaptive.get("concurrency_limits_before"), adaptive.get("concurrency_limits_after"));
        }
        if (maxLatencyMs > 0) {
            out.put("max_latency_ms", maxLatencyMs);
            // A fixed node with an operator's latency target (an SLO), under the same burst.
            try (ServiceNode node = ServiceNode.start(fixed.withMaxLatency(Duration.ofMillis(maxLatencyMs)))) {
                URI base = node.uri();
                // One client: calibrates the node's estimate of a job's time.
                load.warmUp(base, 1, Math.min(warmupSeconds, 3));
                report("--concurrency fixed and --max-latency-ms " + maxLatencyMs,
                        burst(load, base, full.requestsPerSecond() * burstFactor, memory), idle, full, out.putObject("latency_target"));
            }
        }
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
        out.put("heap_before_mb", burst.heapBefore >> 20);
        out.put("heap_peak_mb", burst.peakHeap >> 20);
        out.put("recovered_after_s", recovered < 0 ? -1 : ServiceLoad.round(recovered));
        out.put("most_waiting_in_line", burst.mostWaiting);
        if (!burst.limits.isEmpty()) {
            var limits = out.putArray("concurrency_limits_every_" + LIMIT_SAMPLE_MS + "_ms");
            burst.limits.forEach(limits::add);
        }
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
        System.err.printf(Locale.ROOT, "  the service's own histogram (from its handler's start): accepted p50 <= %.0f ms, p99 <= %.0f ms, "
                + "429s p99 <= %.0f ms%n", burst.serverAcceptedP50, burst.serverAcceptedP99, burst.serverRefusalP99);
        System.err.printf(Locale.ROOT, "  heap %d MB before, %d MB at peak; probes' median back within %.0fx the unloaded p50 %s%n",
                burst.heapBefore >> 20, burst.peakHeap >> 20, NORMAL_FACTOR, recovered < 0 ? "never within " + PROBE_SECONDS + " s"
                        : String.format(Locale.ROOT, "%.1f s after the burst", recovered));
        System.err.printf(Locale.ROOT, "  probes' median ms per half second: %s%n", windows);
        if (!burst.limits.isEmpty()) {
            System.err.printf(Locale.ROOT, "  most waiting in line (sampled every %d ms): %d%n", LIMIT_SAMPLE_MS, burst.mostWaiting);
            System.err.printf(Locale.ROOT, "  concurrency limits every %d ms from the burst's start: %s%n", LIMIT_SAMPLE_MS,
                    burst.limits.stream().map(l -> l.toString().replace("\"", "")).toList());
        }
    }

    /** What the burst saw. */
    private static final class Burst {
        final Latencies ok = new Latencies();
        final Latencies refused = new Latencies();
        final Latencies late = new Latencies();
        int sent;
        int other;
        long heapBefore;
        double serverAcceptedP50;
        /** Most requests seen waiting in their endpoint's line (/health, every {@link #LIMIT_SAMPLE_MS} ms). */
        int mostWaiting;
        double serverAcceptedP99;
        double serverRefusalP99;
        int pastDeadline;
        long peakHeap;
        /** The message of the first 503, which says why. */
        String first503;
        /** The service's refusals during the burst by reason (improv_refusals_total). */
        final java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
        /** The adaptive limits every {@link #LIMIT_SAMPLE_MS} ms from the burst's start to the probes' end (a node with them). */
        final List<com.fasterxml.jackson.databind.JsonNode> limits = new ArrayList<>();
        /** Recovery probes: seconds after the burst's end when sent, latency in ms. */
        final List<double[]> probes = new ArrayList<>();
    }

    /** Sends at {@code rate} per second for the burst's length, probes from its end, waits for every answer. */
    private Burst burst(ServiceLoad load, URI base, double rate, MemoryMXBean memory) throws Exception {
        Burst b = new Burst();
        System.gc();
        b.heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        watcher.setDaemon(true);
        watcher.start();
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
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long interval = (long) (1e9 / rate);
        long t0 = System.nanoTime();
        long end = t0 + (long) (burstSeconds * 1e9);
        for (long at = t0; at < end; at += interval) {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long sentAt = System.nanoTime();
            b.sent++;
            answers.add(load.sendAsync(base, load.body(), deadlineMs).handle((r, error) -> {
                record(b, r, error, System.nanoTime() - sentAt);
                return null;
            }));
        }
        long burstEnd = System.nanoTime();
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
        watcher.interrupt();
        limitWatcher.interrupt();
        limitWatcher.join();
        b.peakHeap = peak.get();
        return b;
    }

    private void record(Burst b, HttpResponse<String> r, Throwable error, long nanos) {
        synchronized (b) {
            if (nanos > (deadlineMs + SLACK_MS) * 1_000_000L) {
                b.pastDeadline++;
            }
            int status = error != null ? -1 : r.statusCode();
            switch (status) {
                case 200 -> b.ok.add(nanos);
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
