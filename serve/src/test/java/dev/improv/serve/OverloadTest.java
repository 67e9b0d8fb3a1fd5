package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, rate limits and a burst past capacity: every request gets an answer, refusals come at once. */
class OverloadTest {
    private static final String OPEN_KEY = "test-key-open-0123456789";
    private static final String TIGHT_KEY = "test-key-tight-0123456789";

    @Test
    void keysAreRequiredAndLimitedPerKey(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), "# test keys\n" + OPEN_KEY + "\n" + TIGHT_KEY + " 2\n");
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withApiKeyFile(keys))) {
            URI base = node.uri();
            assertEquals(401, Http.get(base, "v1/models").statusCode());
            assertEquals(401, Http.get(base, "v1/models", "Authorization", "Bearer not-a-key-at-all-000").statusCode());
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + TIGHT_KEY).statusCode());
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + TIGHT_KEY).statusCode());
            HttpResponse<String> limited = Http.get(base, "v1/models", "Authorization", "Bearer " + TIGHT_KEY);
            assertEquals(429, limited.statusCode());
            assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + OPEN_KEY).statusCode(),
                    "another key has its own limit");
            assertEquals(200, Http.get(base, "health").statusCode(), "health needs no key");
            // The scheme is case-insensitive (RFC 9110): this was a 401.
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "bearer " + OPEN_KEY).statusCode());
        }
    }

    @Test
    void corsLetsTheOneOriginCallAsABrowserSdkDoesAndReadRetryAfter(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), TIGHT_KEY + " 1\n");
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withApiKeyFile(keys)
                .withCorsOrigin("https://studio.example"))) {
            URI base = node.uri();
            // OpenAI's SDKs send headers of their own; the fixed list refused them, so a browser never sent the call.
            String asked = "authorization, content-type, x-stainless-os, x-stainless-retry-count";
            HttpResponse<String> preflight = Http.options(base, "v1/chat/completions", "Origin", "https://studio.example",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", asked);
            assertEquals(204, preflight.statusCode());
            assertEquals("https://studio.example", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals(asked, preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""));
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + TIGHT_KEY).statusCode());
            HttpResponse<String> limited = Http.get(base, "v1/models", "Origin", "https://studio.example",
                    "Authorization", "Bearer " + TIGHT_KEY);
            assertEquals(429, limited.statusCode());
            // Without this a page cannot read Retry-After (it is not a CORS-safelisted header).
            assertTrue(limited.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("Retry-After"),
                    limited.headers().map().toString());
        }
    }

    @Test
    void anOpenServiceRefusesToListenBeyondLoopback() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withHost("0.0.0.0")));
        assertTrue(e.getMessage().contains("--api-key-file"), e.getMessage());
    }

    @Test
    void aBurstPastTheQueueGets429sAtOnceAndEveryRequestAnAnswer() throws Exception {
        int burst = 12;
        // The queue's bound (workers + queue, 3) is what this burst meets: a fixed node, since the adaptive limit
        // starts below it (pastTheAdaptiveLimitARequestGets429BeforeItsBodyIsRead is about that one).
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 2).withAdaptiveLimit(false)
                .withCorsOrigin("https://studio.example"))) {
            URI base = node.uri();
            String music = "{\"bars\":4,\"seed\":%d}";
            assertEquals(200, Http.post(base, "v1/music", music.formatted(0)).statusCode(), "warm-up");
            ExecutorService clients = Executors.newFixedThreadPool(burst);
            AtomicInteger mostAdmitted = new AtomicInteger();
            AtomicBoolean watching = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    mostAdmitted.accumulateAndGet(Http.json(Http.get(base, "health")).path("admitted").asInt(), Math::max);
                }
            });
            watcher.start();
            List<Future<long[]>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                int seed = i + 1;
                answers.add(clients.submit(() -> {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = Http.post(base, "v1/music", music.formatted(seed), "X-Deadline-Ms", "60000");
                    long retryAfter = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
                    return new long[] {r.statusCode(), System.nanoTime() - t0, retryAfter};
                }));
            }
            int ok = 0;
            int refused = 0;
            for (Future<long[]> f : answers) {
                long[] a = f.get();
                if (a[0] == 200) {
                    ok++;
                } else {
                    assertEquals(429, a[0], "a request is served or refused");
                    assertTrue(a[2] >= 1, "a 429 says when to come back");
                    assertTrue(a[1] < Duration.ofSeconds(5).toNanos(), "a refusal comes at once, not after the queue");
                    refused++;
                }
            }
            clients.shutdown();
            watching.set(false);
            watcher.join();
            assertTrue(ok >= 3 && refused >= 1, ok + " served, " + refused + " refused");
            assertTrue(mostAdmitted.get() <= 3, "at most workers + queue are held at once, saw " + mostAdmitted.get());
            assertEquals(0, admittedOnceSettled(base), "every place is freed");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"}"));
            HttpResponse<String> after = Http.post(base, "v1/music", music.formatted(99));
            assertEquals(200, after.statusCode(), "served again once the burst is over");
            assertEquals("https://studio.example", after.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        }
    }

    /**
     * The node's admitted count once it stops falling: a place is freed just after its answer is written (the
     * adaptive limit times the write too), so a client may read its answer a moment before. Waits at most 10 s,
     * a hang guard rather than a measurement.
     */
    private static int admittedOnceSettled(URI base) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int admitted = Http.json(Http.get(base, "health")).path("admitted").asInt();
        while (admitted > 0 && System.nanoTime() < until) {
            Thread.sleep(5);
            admitted = Http.json(Http.get(base, "health")).path("admitted").asInt();
        }
        return admitted;
    }

    /** A node whose music jobs wait at a gate until the test opens it (its gate in {@code gates[0]}). */
    private static ServiceNode gated(ServeSettings settings, GatedQueue[] gates) throws Exception {
        return GatedQueue.start(settings.withPort(0), JobRunner.MUSIC, gates);
    }

    /** Sends {@code count} music requests at once; returns their answers once the node has admitted them all. */
    private static List<CompletableFuture<HttpResponse<String>>> admit(URI base, int count, ExecutorService clients)
            throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = send(base, count, clients);
        while (Http.json(Http.get(base, "health")).path("admitted").asInt() < count) {
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertTrue(!h.isDone(), "answered while the gate is shut: " + (h.isDone() ? h.get().body() : ""));
            }
            Thread.sleep(5);
        }
        return held;
    }

    /**
     * Waits until no request is admitted: a node learns an answer's time when it closes the request, just after the
     * client has its answer. Under load (CI on 2 busy cores) the next request could arrive first and find no time
     * learnt yet, so an idle estimate admitted a deadline the work ahead would miss.
     */
    private static void awaitAnswersLearnt(URI base) throws InterruptedException {
        while (Http.json(Http.get(base, "health")).path("admitted").asInt() > 0) {
            Thread.sleep(5);
        }
    }

    private static List<CompletableFuture<HttpResponse<String>>> send(URI base, int count, ExecutorService clients) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int seed = i;
            sent.add(CompletableFuture.supplyAsync(
                    () -> Http.post(base, "v1/music", "{\"bars\":2,\"seed\":" + seed + "}", "X-Deadline-Ms", "120000"), clients));
        }
        return sent;
    }

    @Test
    void aFullNodeRefusesFromTheHeadersWithoutReadingTheBody() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(1, 0), gate)) {
            URI base = node.uri();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 1, clients);
            // Headers that promise a body which never comes: only a refusal decided before reading it can answer.
            String[] refused = headersOnly(base);
            assertTrue(refused[0].startsWith("HTTP/1.1 429"), refused[0]);
            assertEquals("true", refused[1], "a 429 says when to come back");
            gate[0].open();
            assertEquals(200, held.get(0).get().statusCode(), "the admitted job is served");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"} 1.0"));
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aStoppingNodeAnswersWhatItAdmittedAndRefusesTheRestWith503() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(2, 2), gate)) {
            URI base = node.uri();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 2, clients);
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> node.close(Duration.ofSeconds(60)), clients);
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> health = Http.get(base, "health");
            while (health.statusCode() == 200 && System.nanoTime() < until) {
                Thread.sleep(5);
                health = Http.get(base, "health");
            }
            assertEquals(503, health.statusCode(), "a readiness probe takes a stopping node out");
            assertEquals("draining", Http.json(health).path("status").asText(), "and is told why: " + health.body());
            assertTrue(health.headers().firstValue("Retry-After").isPresent(), health.headers().toString());
            HttpResponse<String> late = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":9}");
            assertEquals(503, late.statusCode(), late.body());
            assertTrue(late.headers().firstValue("Retry-After").isPresent(), "a client may retry at once, on another node");
            Thread.sleep(200);
            assertTrue(!stopped.isDone(), "the node waits for what it admitted");
            // Until session 22 their connections were closed 1 s into the stop, the work done and lost.
            gate[0].open();
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertEquals(200, h.get().statusCode(), "an admitted request is answered");
            }
            stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aDrainThatRunsOutAnswersWhatIsStillRunning503() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(2, 2), gate)) {
            URI base = node.uri();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 2, clients);
            long t0 = System.nanoTime();
            // --drain-seconds: the gate stays shut, so the drain runs out. Before, their connections were cut (the
            // client saw no answer) after a drain fixed at 25 s.
            node.close(Duration.ofMillis(500));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < 10, "the drain is bounded by its setting: " + seconds + " s");
            for (CompletableFuture<HttpResponse<String>> h : held) {
                HttpResponse<String> r = h.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("1", r.headers().firstValue("Retry-After").orElse(""), "another node may take it at once");
                assertTrue(Http.json(r).path("error").path("message").asText().contains("drained for 0.5 s"), r.body());
            }
        } finally {
            gate[0].open();
            clients.shutdown();
        }
    }

    /** Sends the headers of a music request whose body never comes; returns the status line and whether Retry-After came. */
    private static String[] headersOnly(URI base) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000); // a hang guard, not a measurement
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/music HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String status = in.readLine();
            boolean retryAfter = false;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                retryAfter |= line.toLowerCase(java.util.Locale.ROOT).startsWith("retry-after: ");
            }
            return new String[] {status, Boolean.toString(retryAfter)};
        }
    }

    @Test
    void pastTheAdaptiveLimitARequestGets429BeforeItsBodyIsRead() throws Exception {
        // Workers + queue (32) is more than the adaptive limit and its line hold, so the adaptive limit is what refuses.
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(1, 31), gate)) {
            URI base = node.uri();
            int limit = ConcurrencyLimit.INITIAL;
            // The gate holds the running ones: however slow the machine, none finishes and frees a place.
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, limit + Admission.FRESH_WAITING, clients);
            JsonNode health = Http.json(Http.get(base, "health"));
            assertEquals(limit, health.path("concurrency_limits").path("music").asInt());
            assertEquals(Admission.FRESH_WAITING, health.path("waiting").asInt(), "past the limit they wait in line");
            assertEquals(limit, gate[0].held(), "only the limit's worth run");
            String[] refused = headersOnly(base);
            assertTrue(refused[0].startsWith("HTTP/1.1 429"), refused[0]);
            assertEquals("true", refused[1], "a 429 says when to come back");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"concurrency_limit\"} 1.0"));
            assertTrue(Http.get(base, "metrics").body().contains("improv_concurrency_limit{endpoint=\"music\"}"));
            HttpResponse<String> another = Http.post(base, "v1/music", "{\"bars\":2,\"seed\":50}");
            assertEquals(429, another.statusCode(), another.body());
            assertTrue(Http.json(another).path("error").path("message").asText().contains("concurrency limit"), another.body());
            HttpResponse<String> level = Http.post(base, "v1/levels", "{\"width\":32,\"seed\":1}");
            assertEquals(200, level.statusCode(), "each endpoint has its own limit: " + level.body());
            gate[0].open();
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertEquals(200, h.get().statusCode(), "every admitted request is served, those that waited too");
            }
            assertEquals(0, admittedOnceSettled(base), "every place is freed");
            assertEquals(200, Http.post(base, "v1/music", "{\"bars\":2,\"seed\":51}").statusCode(), "served again after");
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aFreshNodeServesMostOfAFirstBurstInsteadOfRefusingIt() throws Exception {
        int burst = 24;
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(16, 48), gate)) {
            URI base = node.uri();
            // All at once, while the first ones are held (as if the model were still loading): those past the
            // limit wait in line, and only those past the line are refused.
            List<CompletableFuture<HttpResponse<String>>> answers = send(base, burst, clients);
            int expectedAdmitted = ConcurrencyLimit.INITIAL + Admission.FRESH_WAITING;
            while (Http.json(Http.get(base, "health")).path("admitted").asInt() < expectedAdmitted
                    || answers.stream().filter(CompletableFuture::isDone).count() < burst - expectedAdmitted) {
                Thread.sleep(5);
            }
            gate[0].open();
            int ok = 0;
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                if (r.statusCode() == 200) {
                    ok++;
                } else {
                    assertEquals(429, r.statusCode(), r.body());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                }
            }
            assertEquals(expectedAdmitted, ok, "served: the limit's worth at once and a line behind them");
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aFixedLimitAdmitsUpToWorkersPlusQueue() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(1, 11).withAdaptiveLimit(false), gate)) {
            URI base = node.uri();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 12, clients);
            assertEquals("{}", Http.json(Http.get(base, "health")).path("concurrency_limits").toString());
            String[] refused = headersOnly(base);
            assertTrue(refused[0].startsWith("HTTP/1.1 429"), refused[0]);
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"} 1.0"));
            gate[0].open();
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertEquals(200, h.get().statusCode());
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aDeadlineTheWorkAheadWouldMissGets503AtOnceAndALatencyTargetGets429() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(1, 4).withMaxLatency(Duration.ofMillis(1)), gate)) {
            URI base = node.uri();
            // The node learns a job's time from answers (not a kind's first, which loads the model); an idle
            // node admits whatever its estimate says.
            gate[0].open();
            for (int seed = 1; seed <= 2; seed++) {
                assertEquals(200, Http.post(base, "v1/music", "{\"bars\":4,\"seed\":" + seed + "}").statusCode(), "admitted when idle");
            }
            awaitAnswersLearnt(base);
            gate[0].shut();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 1, clients);
            HttpResponse<String> pastTarget = Http.post(base, "v1/music", "{\"bars\":4,\"seed\":2}");
            assertEquals(429, pastTarget.statusCode(), pastTarget.body());
            assertTrue(Http.json(pastTarget).path("error").path("message").asText().contains("latency target"), pastTarget.body());
            assertTrue(Long.parseLong(pastTarget.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            gate[0].open();
            assertEquals(200, held.get(0).get().statusCode());
        }
        try (ServiceNode node = gated(ServeSettings.DEFAULT.withCapacity(1, 4), gate)) {
            URI base = node.uri();
            gate[0].open();
            for (int seed = 1; seed <= 2; seed++) {
                assertEquals(200, Http.post(base, "v1/music", "{\"bars\":4,\"seed\":" + seed + "}").statusCode());
            }
            awaitAnswersLearnt(base);
            gate[0].shut();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 1, clients);
            // Behind a running job, work of at least a bar's generation: 1 ms cannot be met, said now, not at the deadline.
            HttpResponse<String> hopeless = Http.post(base, "v1/music", "{\"bars\":4,\"seed\":2}", "X-Deadline-Ms", "1");
            assertEquals(503, hopeless.statusCode(), hopeless.body());
            assertTrue(Http.json(hopeless).path("error").path("message").asText().contains("cannot be met"), hopeless.body());
            gate[0].open();
            assertEquals(200, held.get(0).get().statusCode());
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"deadline_unmeetable\"}"));
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aRequestWhoseDeadlinePassesGets503() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 4))) {
            HttpResponse<String> r = Http.post(node.uri(), "v1/music", "{\"bars\":64,\"seed\":1}", "X-Deadline-Ms", "50");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(Http.json(r).path("error").path("message").asText().contains("deadline"));
        }
    }
}
