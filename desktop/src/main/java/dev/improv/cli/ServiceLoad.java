package dev.improv.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load the service benches send: NPC dialogue requests (one card, the same line, a new seed each)
 * to an {@code improv serve} on loopback, closed loop from a number of clients, with the service's
 * own counters read from {@code /metrics} before and after.
 */
final class ServiceLoad {
    private static final String CARD = "{\"name\":\"Bram\",\"role\":\"blacksmith\",\"persona\":[\"I forge swords and horseshoes.\","
            + "\"I have two sons.\",\"I love to fish in the river on sundays.\"]}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int maxTokens;
    private final Duration timeout;
    private final AtomicInteger seeds = new AtomicInteger();

    ServiceLoad(int maxTokens, Duration timeout) {
        this.maxTokens = maxTokens;
        this.timeout = timeout;
    }

    /** What one closed-loop run measured; tokens are counted by the service itself. */
    record Result(int clients, int completed, int refused, double seconds, double cpuSeconds, double decodedPerSecond,
                  double steppedPerSecond, double p50, double p99, double serverRunP99, double runMsPerToken, double meanBatch, java.util.Map<String, Double> cpuByGroup,
                  java.util.Map<String, Double> stepsBySize) {
        double requestsPerSecond() {
            return completed / seconds;
        }

        /** Sampled tokens per CPU-second of this process (service and clients): the work a token costs, whatever else runs. */
        double steppedPerCpuSecond() {
            return steppedPerSecond * seconds / cpuSeconds;
        }

        /**
         * CPU milliseconds per answered request by thread group ({@link ThreadCpu#group}: the service's HTTP
         * front, its workers, its batched steps, the load generator, the JIT, GC), user and kernel added.
         */
        java.util.Map<String, Double> cpuMsPerRequest() {
            java.util.Map<String, Double> out = new java.util.TreeMap<>();
            cpuByGroup.forEach((key, s) -> {
                if (key.endsWith(" user") || key.endsWith(" kernel")) {
                    out.merge(key.substring(0, key.lastIndexOf(' ')), round(1000 * s / Math.max(1, completed)), Double::sum);
                }
            });
            out.replaceAll((group, ms) -> round(ms));
            return out;
        }
    }

    /**
     * The service's counters at one moment; {@code batchBuckets}: batched steps of at most so many
     * sequences (the cumulative buckets of {@code improv_batch_size}).
     */
    record Counters(double decoded, double stepped, double batchedSequences, double batchedSteps,
                    java.util.TreeMap<Double, Double> batchBuckets) {
        /** The share of the steps since {@code before} by size ("1", "2", "3-4", ..., "17-32"); empty without steps. */
        java.util.Map<String, Double> stepsBySize(Counters before) {
            java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
            double steps = batchedSteps - before.batchedSteps;
            double below = 0;
            double lower = 0;
            for (var e : batchBuckets.entrySet()) {
                double upTo = e.getValue() - before.batchBuckets.getOrDefault(e.getKey(), 0.0);
                if (steps > 0 && upTo > below) {
                    String name = e.getKey().isInfinite() ? ">" + (long) lower : lower + 1 == e.getKey()
                            ? Long.toString(e.getKey().longValue()) : (long) lower + 1 + "-" + e.getKey().longValue();
                    out.put(name, round((upTo - below) / steps));
                }
                below = Math.max(below, upTo);
                lower = e.getKey();
            }
            return out;
        }
    }

    /**
     * The next requests' seeds start again from 1: runs measured against each other send the same requests, so
     * that they do the same work (a seed decides how many tokens a reply samples, its redraws included).
     */
    void sameSeedsAgain() {
        seeds.set(0);
    }

    /** The next request's body (a new seed). */
    String body() {
        return "{\"card\":" + CARD + ",\"say\":\"Hello! What do you make here?\",\"max_tokens\":" + maxTokens
                + ",\"seed\":" + seeds.incrementAndGet() + "}";
    }

    /** Sends one request; {@code deadlineMs} 0 sends no deadline header. */
    HttpResponse<String> send(URI base, String body, long deadlineMs) throws Exception {
        return http.send(request(base, body, deadlineMs), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one request without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> sendAsync(URI base, String body, long deadlineMs) {
        return http.sendAsync(request(base, body, deadlineMs), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(URI base, String body, long deadlineMs) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("v1/dialogue")).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (deadlineMs > 0) {
            b.header("X-Deadline-Ms", Long.toString(deadlineMs));
        }
        return b.build();
    }

    /**
     * {@code total} requests from {@code concurrency} clients, each sending its next request when the
     * last is answered, for at most {@code maxSeconds}. A client refused with 429 (the node's limits)
     * waits its Retry-After and tries again, while the others go on (counted in {@link Result#refused});
     * any other answer but 200 fails the run. The level's time ends with its last answer.
     */
    Result closedLoop(URI base, int concurrency, int total, int maxSeconds) throws Exception {
        return closedLoop(List.of(base), concurrency, total, maxSeconds);
    }

    /** As above, the requests going round-robin to {@code bases} (nodes of one service); their counters are summed. */
    Result closedLoop(List<URI> bases, int concurrency, int total, int maxSeconds) throws Exception {
        Counters before = counters(bases);
        AtomicInteger next = new AtomicInteger();
        long cpu0 = processCpuNanos();
        ThreadCpu threads0 = ThreadCpu.now();
        Latencies latencies = new Latencies();
        Latencies serverRuns = new Latencies();
        double[] runAndTokens = new double[2];
        AtomicInteger unclaimed = new AtomicInteger(total);
        AtomicInteger refused = new AtomicInteger();
        AtomicLong lastAnswer = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(maxSeconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<?>> clientsDone = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Callable<Void> client = () -> {
                while (System.nanoTime() < end && unclaimed.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = send(bases.get(Math.floorMod(next.getAndIncrement(), bases.size())), body(), 0);
                    if (r.statusCode() == 429) {
                        // As a client should: give the request back and wait as long as the service asks.
                        refused.incrementAndGet();
                        unclaimed.incrementAndGet();
                        long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                        try {
                            Thread.sleep(Math.max(1, seconds) * 1000);
                        } catch (InterruptedException e) {
                            return null; // every request was answered meanwhile
                        }
                        continue;
                    }
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("the service answered " + r.statusCode() + ": " + r.body());
                    }
                    long now = System.nanoTime();
                    ServerTiming timing = ServerTiming.parse(r.headers().firstValue("Server-Timing").orElse(null));
                    synchronized (latencies) {
                        latencies.add(now - s);
                        if (timing != null) {
                            serverRuns.add((long) (timing.runMs() * 1e6));
                            if (timing.tokens() >= 0) {
                                runAndTokens[0] += timing.runMs();
                                runAndTokens[1] += timing.tokens();
                            }
                        }
                        lastAnswer.set(now);
                        if (latencies.count() == total) {
                            pool.shutdownNow(); // wakes the clients still waiting out a Retry-After
                        }
                    }
                }
                return null;
            };
            try {
                clientsDone.add(pool.submit(client));
            } catch (RejectedExecutionException allAnswered) {
                break; // every request was answered before all the clients had started (a busy machine)
            }
        }
        try {
            for (Future<?> f : clientsDone) {
                try {
                    f.get();
                } catch (java.util.concurrent.CancellationException ignored) {
                    // a client that had not started when the level ended
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // Until the last answer: clients still waiting out a Retry-After when it came add nothing.
        double seconds = (Math.max(lastAnswer.get(), t0 + 1) - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        java.util.Map<String, Double> cpuByGroup = ThreadCpu.now().since(threads0);
        Counters after = counters(bases);
        double steps = after.batchedSteps() - before.batchedSteps();
        return new Result(concurrency, latencies.count(), refused.get(), seconds, cpuSeconds, (after.decoded() - before.decoded()) / seconds,
                (after.stepped() - before.stepped()) / seconds, latencies.percentileMs(50), latencies.percentileMs(99),
                serverRuns.percentileMs(99), runAndTokens[0] / runAndTokens[1],
                steps == 0 ? 1 : (after.batchedSequences() - before.batchedSequences()) / steps, cpuByGroup,
                after.stepsBySize(before));
    }

    /** Closed-loop requests from {@code concurrency} clients for about {@code seconds} (JIT, caches), at least 8. */
    void warmUp(URI base, int concurrency, double seconds) throws Exception {
        warmUp(List.of(base), concurrency, seconds);
    }

    /** As above, round-robin over {@code bases}. */
    void warmUp(List<URI> bases, int concurrency, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int sent = 0;
        while (sent < 8 || System.nanoTime() < end) {
            closedLoop(bases, concurrency, concurrency, 600);
            sent += concurrency;
        }
    }

    /** The counters of all {@code bases}, summed. */
    Counters counters(List<URI> bases) throws Exception {
        double[] sum = new double[4];
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        for (URI b : bases) {
            Counters c = counters(b);
            sum[0] += c.decoded();
            sum[1] += c.stepped();
            sum[2] += c.batchedSequences();
            sum[3] += c.batchedSteps();
            c.batchBuckets().forEach((le, n) -> buckets.merge(le, n, Double::sum));
        }
        return new Counters(sum[0], sum[1], sum[2], sum[3], buckets);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The service's refusals so far by reason, as {@code improv_refusals_total} counts them. */
    java.util.TreeMap<String, Double> refusals(URI base) throws Exception {
        String text = http.send(HttpRequest.newBuilder(base.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.TreeMap<String, Double> out = new java.util.TreeMap<>();
        String prefix = "improv_refusals_total{reason=\"";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                out.put(line.substring(prefix.length(), line.indexOf('"', prefix.length())),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return out;
    }

    /** The service's {@code /health} answer. */
    com.fasterxml.jackson.databind.JsonNode health(URI base) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(
                HttpRequest.newBuilder(base.resolve("health")).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The service's counters, read from /metrics like any monitoring would. */
    Counters counters(URI base) throws Exception {
        String text = http.send(HttpRequest.newBuilder(base.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("improv_batch_size_bucket{")) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return new Counters(metric(text, "improv_decoded_tokens_total"), metric(text, "improv_stepped_tokens_total"),
                metric(text, "improv_batch_size_sum"), metric(text, "improv_batch_size_count"), buckets);
    }

    /**
     * The service's own latency histogram for {@code endpoint} answers with {@code status}: upper bounds
     * in seconds and cumulative counts, as {@code /metrics} shows them (time from the handler's start,
     * so without the client's side or the wait for an HTTP thread).
     */
    java.util.TreeMap<Double, Double> latencyBuckets(URI base, String endpoint, int status) throws Exception {
        String text = http.send(HttpRequest.newBuilder(base.resolve("metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.TreeMap<Double, Double> buckets = new java.util.TreeMap<>();
        String labels = "endpoint=\"" + endpoint + "\"";
        String statusLabel = "status=\"" + status + "\"";
        for (String line : text.split("\n")) {
            if (line.startsWith("improv_request_seconds_bucket{") && line.contains(labels) && line.contains(statusLabel)) {
                int le = line.indexOf("le=\"") + 4;
                String bound = line.substring(le, line.indexOf('"', le));
                double upper = bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
                buckets.put(upper, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return buckets;
    }

    /**
     * The upper bound (ms) of the bucket holding the {@code p}-th percentile of the answers counted
     * between two readings of {@link #latencyBuckets}; NaN if none.
     */
    static double bucketPercentileMs(java.util.TreeMap<Double, Double> before, java.util.TreeMap<Double, Double> after, double p) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (var e : after.entrySet()) {
            if (e.getValue() - before.getOrDefault(e.getKey(), 0.0) >= p / 100 * total) {
                return e.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(line.indexOf(' ') + 1));
            }
        }
        return 0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
