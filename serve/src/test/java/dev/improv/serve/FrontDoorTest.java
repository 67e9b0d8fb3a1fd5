package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a node checks and records of every request before and after its job, as an operator expects: bodies that
 * say they are JSON, a declared size past the limit refused before admission, a request id on every answer and in
 * every error, and the access log.
 */
class FrontDoorTest {
    private static final String KEY = "front-door-key-0123456789";
    private static final String MUSIC = "{\"bars\":1,\"seed\":3}";

    @Test
    void aBodyThatIsNotSaidToBeJsonIsRefusedWith415NamingContentType() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 2))) {
            URI base = node.uri();
            // What a page on any site may POST without a CORS preflight: a text/plain or form body, or one with no type.
            for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/jsonx")) {
                HttpResponse<String> r = Http.post(base, "v1/music", MUSIC, "Content-Type", type);
                assertEquals(415, r.statusCode(), type + ": " + r.body());
                assertEquals("Content-Type", Http.json(r).path("error").path("param").asText(), r.body());
                assertEquals("application/json", r.headers().firstValue("Accept").orElse(""));
            }
            HttpResponse<String> none = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("v1/music"))
                    .POST(HttpRequest.BodyPublishers.ofString(MUSIC)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, none.statusCode(), none.body());
            assertTrue(Http.json(none).path("error").path("message").asText().contains("Content-Type is missing"), none.body());
            // JSON, with or without its charset, in any case: served.
            for (String type : List.of("application/json", "Application/JSON; charset=\"utf-8\"", "application/json;charset=UTF-8")) {
                assertEquals(200, Http.post(base, "v1/music", MUSIC, "Content-Type", type).statusCode(), type);
            }
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"unsupported_media_type\"} 7.0"));
        }
    }

    @Test
    void aDeclaredBodyPastTheLimitIsRefusedBeforeItTakesAPlace() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        try (ServiceNode node = GatedQueue.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 0), JobRunner.MUSIC, gate)) {
            URI base = node.uri();
            CompletableFuture<HttpResponse<String>> held = GatedQueue.holdOne(base, "v1/music", MUSIC);
            // The node is full: a body it may take gets 429, one past the size limit is told so (it was told 429 and
            // would have held a place while its 300 KB were read).
            assertEquals(429, Http.post(base, "v1/music", MUSIC).statusCode());
            HttpResponse<String> big = Http.post(base, "v1/music", "{\"bars\":1,\"x\":\"" + "x".repeat(300_000) + "\"}");
            assertEquals(413, big.statusCode(), big.body());
            assertEquals("body", Http.json(big).path("error").path("param").asText());
            assertTrue(Http.json(big).path("error").path("message").asText().contains("Content-Length"), big.body());
            gate[0].open();
            assertEquals(200, held.get().statusCode());
        }
    }

    @Test
    void everyAnswerCarriesARequestIdAndTheAccessLogHasALineForIt(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("keys"), KEY + "\n");
        Path log = dir.resolve("access.log");
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 2).withApiKeyFile(keys)
                .withAccessLog(log.toString()))) {
            URI base = node.uri();
            String auth = "Bearer " + KEY;
            // A client's own id is echoed, in the header and in an error's body.
            HttpResponse<String> bad = Http.post(base, "v1/music", "{\"bars\":0}", "Authorization", auth,
                    "X-Request-Id", "client-trace-42");
            assertEquals(400, bad.statusCode());
            assertEquals("client-trace-42", bad.headers().firstValue("X-Request-Id").orElse(""));
            assertEquals("client-trace-42", Http.json(bad).path("error").path("request_id").asText(), bad.body());
            // One that could forge or flood a log line is replaced by the node's own.
            HttpResponse<String> ok = Http.post(base, "v1/music", MUSIC, "Authorization", auth, "X-Request-Id", "a b\"c");
            assertEquals(200, ok.statusCode());
            String made = ok.headers().firstValue("X-Request-Id").orElse("");
            assertTrue(made.matches("[0-9a-f]{32}"), made);
            String other = Http.get(base, "health").headers().firstValue("X-Request-Id").orElse("");
            assertTrue(other.matches("[0-9a-f]{32}") && !other.equals(made), other);
            HttpResponse<String> unauthorized = Http.get(base, "v1/models");
            assertEquals(401, unauthorized.statusCode());
            String refusedId = Http.json(unauthorized).path("error").path("request_id").asText();
            assertEquals(unauthorized.headers().firstValue("X-Request-Id").orElse(""), refusedId);
            assertTrue(refusedId.matches("[0-9a-f]{32}"), refusedId);
            // Each request a line, written within a moment: the key's id, never the key.
            List<String> lines = waitForLines(log, 4);
            assertEquals(4, lines.size(), String.join("\n", lines));
            String keyId = ApiKeys.id(KEY);
            // Found by id: a line is written once its answer is sent, so two in a row may be logged either way round.
            assertTrue(line(lines, "client-trace-42").matches("time=\\S+ method=POST path=/v1/music status=400 ms=\\d+\\.\\d "
                    + "bytes=\\d+ key=" + keyId + " request_id=client-trace-42"), String.join("\n", lines));
            String served = line(lines, made);
            assertTrue(served.matches("time=\\S+ method=POST path=/v1/music status=200 ms=\\d+\\.\\d bytes=\\d+ key="
                    + keyId + " request_id=" + made), served);
            assertEquals(ok.body().length(), Long.parseLong(served.replaceAll(".* bytes=(\\d+) .*", "$1")));
            assertTrue(line(lines, other).contains("method=GET path=/health status=200 "), line(lines, other));
            assertTrue(line(lines, other).contains(" key=- "), "an open endpoint has no key: " + line(lines, other));
            assertTrue(line(lines, refusedId).contains("path=/v1/models status=401 "), line(lines, refusedId));
            assertFalse(String.join("\n", lines).contains(KEY), "the key itself is never logged");
            assertNotEquals(KEY, keyId);
        }
    }

    @Test
    void keysRotateWhenTheKeyFileChangesWithoutARestart(@TempDir Path dir) throws Exception {
        String next = "front-door-next-key-0123456789";
        Path keys = Files.writeString(dir.resolve("keys"), KEY + "\n");
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 2).withApiKeyFile(keys))) {
            URI base = node.uri();
            assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + KEY).statusCode());
            assertEquals(401, Http.get(base, "v1/models", "Authorization", "Bearer " + next).statusCode());
            // The new key in, the old one out: a rotation. (The time set apart, as a second write in the same
            // clock tick keeps it.)
            Files.writeString(keys, next + " 600\n");
            Files.setLastModifiedTime(keys, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            assertEquals(200, waitFor(base, next, 200), "the new key is taken within a second or two");
            assertEquals(401, Http.get(base, "v1/models", "Authorization", "Bearer " + KEY).statusCode(), "the old key is out");
            // A file that no longer reads (a key too short) leaves the keys in force.
            Files.writeString(keys, "short\n");
            Files.setLastModifiedTime(keys, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 10_000));
            Thread.sleep(1_500);
            for (int i = 0; i < 3; i++) {
                assertEquals(200, Http.get(base, "v1/models", "Authorization", "Bearer " + next).statusCode());
                Thread.sleep(500);
            }
        }
    }

    /** The status a key gets once it is {@code expected}, or after 10 s the last one it got. */
    private static int waitFor(URI base, String key, int expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status;
        do {
            status = Http.get(base, "v1/models", "Authorization", "Bearer " + key).statusCode();
            Thread.sleep(100);
        } while (status != expected && System.nanoTime() - until < 0);
        return status;
    }

    private static String line(List<String> lines, String requestId) {
        return lines.stream().filter(l -> l.endsWith(" request_id=" + requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + requestId + " in\n" + String.join("\n", lines)));
    }

    private static List<String> waitForLines(Path log, int count) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() - until < 0) {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (lines.size() >= count) {
                break;
            }
            Thread.sleep(20);
        }
        return lines;
    }
}
