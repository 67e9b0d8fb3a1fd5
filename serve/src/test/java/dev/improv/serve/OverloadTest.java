package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 2)
                .withCorsOrigin("https://studio.example"))) {
            URI base = node.uri();
            String music = "{\"bars\":4,\"seed\":%d}";
            assertEquals(200, Http.post(base, "v1/music", music.formatted(0)).statusCode(), "warm-up");
            ExecutorService clients = Executors.newFixedThreadPool(burst);
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
            assertTrue(ok >= 3 && refused >= 1, ok + " served, " + refused + " refused");
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"queue_full\"}"));
            HttpResponse<String> after = Http.post(base, "v1/music", music.formatted(99));
            assertEquals(200, after.statusCode(), "served again once the burst is over");
            assertEquals("https://studio.example", after.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
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
