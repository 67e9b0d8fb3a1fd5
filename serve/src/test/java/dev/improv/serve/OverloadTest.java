package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            assertEquals(0, Http.json(Http.get(base, "health")).path("admitted").asInt(), "every place is freed");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"}"));
            HttpResponse<String> after = Http.post(base, "v1/music", music.formatted(99));
            assertEquals(200, after.statusCode(), "served again once the burst is over");
            assertEquals("https://studio.example", after.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        }
    }

    /** A music job long enough to hold a worker while a test sends other requests (seconds on any machine). */
    private static final String LONG_MUSIC = "{\"bars\":64,\"seed\":5}";

    /** Starts a long job and returns once the node has admitted it; its answer comes through the future. */
    private static CompletableFuture<HttpResponse<String>> occupy(URI base) throws Exception {
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(
                () -> Http.post(base, "v1/music", LONG_MUSIC, "X-Deadline-Ms", "120000"));
        while (Http.json(Http.get(base, "health")).path("admitted").asInt() == 0) {
            assertTrue(!held.isDone(), "the long job ended before the test could use it: " + (held.isDone() ? held.get().body() : ""));
            Thread.sleep(5);
        }
        return held;
    }

    @Test
    void aFullNodeRefusesFromTheHeadersWithoutReadingTheBody() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 0))) {
            URI base = node.uri();
            CompletableFuture<HttpResponse<String>> held = occupy(base);
            // Headers that promise a body which never comes: only a refusal decided before reading it can answer.
            String[] refused = headersOnly(base);
            assertTrue(refused[0].startsWith("HTTP/1.1 429"), refused[0]);
            assertEquals("true", refused[1], "a 429 says when to come back");
            assertEquals(200, held.get().statusCode(), "the admitted job is served meanwhile");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"} 1.0"));
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

    /**
     * Fills a one-worker node with {@code count} admitted music requests (a long one running, short ones
     * waiting behind it); returns their answers.
     */
    private static List<CompletableFuture<HttpResponse<String>>> admit(URI base, int count, ExecutorService clients)
            throws Exception {
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        held.add(occupy(base));
        for (int i = 1; i < count; i++) {
            int seed = i;
            held.add(CompletableFuture.supplyAsync(
                    () -> Http.post(base, "v1/music", "{\"bars\":2,\"seed\":" + seed + "}", "X-Deadline-Ms", "120000"), clients));
        }
        while (Http.json(Http.get(base, "health")).path("admitted").asInt() < count) {
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertTrue(!h.isDone() || h.get().statusCode() == 200, "refused while filling: " + (h.isDone() ? h.get().body() : ""));
            }
            assertTrue(!held.get(0).isDone(), "the long job ended before the test could use it");
            Thread.sleep(5);
        }
        return held;
    }

    @Test
    void pastTheAdaptiveLimitARequestGets429BeforeItsBodyIsRead() throws Exception {
        // Workers + queue (12) is more than the adaptive limit starts at, so the adaptive limit is what refuses.
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 11))) {
            URI base = node.uri();
            int limit = ConcurrencyLimit.INITIAL;
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, limit, clients);
            assertEquals(limit, Http.json(Http.get(base, "health")).path("concurrency_limits").path("music").asInt());
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
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertEquals(200, h.get().statusCode(), "every admitted request is served");
            }
            assertEquals(200, Http.post(base, "v1/music", "{\"bars\":2,\"seed\":51}").statusCode(), "served again after");
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aFixedLimitAdmitsUpToWorkersPlusQueue() throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 11).withAdaptiveLimit(false))) {
            URI base = node.uri();
            List<CompletableFuture<HttpResponse<String>>> held = admit(base, 12, clients);
            assertEquals("{}", Http.json(Http.get(base, "health")).path("concurrency_limits").toString());
            String[] refused = headersOnly(base);
            assertTrue(refused[0].startsWith("HTTP/1.1 429"), refused[0]);
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"} 1.0"));
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertEquals(200, h.get().statusCode());
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aDeadlineTheWorkAheadWouldMissGets503AtOnceAndALatencyTargetGets429() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 4)
                .withMaxLatency(Duration.ofMillis(1)))) {
            URI base = node.uri();
            // The node learns a job's time from answers (not a kind's first, which loads the model); an idle
            // node admits whatever its estimate says.
            for (int seed = 1; seed <= 2; seed++) {
                assertEquals(200, Http.post(base, "v1/music", "{\"bars\":4,\"seed\":" + seed + "}").statusCode(), "admitted when idle");
            }
            CompletableFuture<HttpResponse<String>> held = occupy(base);
            HttpResponse<String> pastTarget = Http.post(base, "v1/music", "{\"bars\":4,\"seed\":2}");
            assertEquals(429, pastTarget.statusCode(), pastTarget.body());
            assertTrue(Http.json(pastTarget).path("error").path("message").asText().contains("latency target"), pastTarget.body());
            assertTrue(Long.parseLong(pastTarget.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals(200, held.get().statusCode());
        }
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 4))) {
            URI base = node.uri();
            for (int seed = 1; seed <= 2; seed++) {
                assertEquals(200, Http.post(base, "v1/music", "{\"bars\":4,\"seed\":" + seed + "}").statusCode());
            }
            CompletableFuture<HttpResponse<String>> held = occupy(base);
            // Behind a running job of at least a bar's generation, 1 ms cannot be met: said now, not at the deadline.
            HttpResponse<String> hopeless = Http.post(base, "v1/music", "{\"bars\":4,\"seed\":2}", "X-Deadline-Ms", "1");
            assertEquals(503, hopeless.statusCode(), hopeless.body());
            assertTrue(Http.json(hopeless).path("error").path("message").asText().contains("cannot be met"), hopeless.body());
            assertEquals(200, held.get().statusCode());
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"deadline_unmeetable\"}"));
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
