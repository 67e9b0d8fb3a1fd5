package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * How a node reads a body it cannot trust, as clients send them on the wire: chunked past the size limit (refused
 * 413 as it is read, before it takes an admission place), a {@code Content-Length} larger or smaller than the body,
 * a chunked body that stops. Each gets an answer that says what was wrong, within the read timeout, and the node's
 * threads are free again after.
 */
class BodyReadTest {
    private static final String MUSIC = "{\"bars\":1,\"seed\":3}";
    private static final int LIMIT = ServeSettings.DEFAULT.maxBodyBytes();

    @Test
    void aChunkedBodyPastTheLimitIs413WhileItIsReadBeforeItTakesAPlace() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        try (ServiceNode node = GatedQueue.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 0), JobRunner.MUSIC, gate)) {
            URI base = node.uri();
            CompletableFuture<HttpResponse<String>> held = GatedQueue.holdOne(base, "v1/music", MUSIC);
            // The node is full. A chunked body past the limit was admitted first, so it was told 429 (or, on a node
            // with room, held a place while its bytes were read): now it is refused for its size, by its size.
            String big = "{\"bars\":1,\"x\":\"" + "x".repeat(LIMIT + 50_000) + "\"}";
            String answer = raw(base, chunked(big.getBytes(StandardCharsets.UTF_8), 16_384), true, 30_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("\"param\":\"body\""), answer);
            assertTrue(answer.contains("limit of " + LIMIT + " bytes") && answer.contains("chunked"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
            // Declared past the limit: 413 too, before admission.
            HttpResponse<String> declared = Http.post(base, "v1/music", big);
            assertEquals(413, declared.statusCode(), declared.body());
            gate[0].open();
            assertEquals(200, held.get().statusCode());
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"too_large\"} 2.0"));
            // Chunked and within the limit: served as any body.
            String small = raw(base, chunked(MUSIC.getBytes(StandardCharsets.UTF_8), 7), true, 30_000);
            assertTrue(small.startsWith("HTTP/1.1 200"), small);
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnswered400AtTheReadTimeout() throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        // Room for them all: each is admitted and waits for its body.
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 30).withAdaptiveLimit(false)
                .withReadTimeout(Duration.ofSeconds(1)))) {
            URI base = node.uri();
            // More of them than the node has HTTP threads (16): each held one for as long as its client waited.
            List<CompletableFuture<String>> lies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                lies.add(CompletableFuture.supplyAsync(() -> raw(base, head("Content-Length: 100")
                        + "{\"bars\":1,", false, 20_000), clients));
            }
            for (CompletableFuture<String> lie : lies) {
                String answer = lie.get();
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("10 of the 100 bytes its Content-Length declares came"), answer);
                assertTrue(answer.contains("within 1.0 s"), answer);
                assertTrue(answer.endsWith("}"), "the answer whole, then the connection closed: " + answer);
            }
            // A chunked body that stops mid-way: the same.
            String stopped = raw(base, head("Transfer-Encoding: chunked") + "a\r\n{\"bars\":1,\r\n", false, 20_000);
            assertTrue(stopped.startsWith("HTTP/1.1 400") && stopped.contains("10 bytes came"), stopped);
            assertTrue(Http.get(base, "metrics").body().contains("improv_refusals_total{reason=\"read_timeout\"} 21.0"));
            // And the node is free for the next client.
            assertEquals(200, Http.post(base, "v1/music", MUSIC).statusCode());
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aClientRefusedBeforeItsBodyWhoNeverSendsItIsLetGoAtTheReadTimeout() throws Exception {
        GatedQueue[] gate = new GatedQueue[1];
        ExecutorService clients = Executors.newCachedThreadPool();
        try (ServiceNode node = GatedQueue.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 0)
                .withReadTimeout(Duration.ofSeconds(1)), JobRunner.MUSIC, gate)) {
            URI base = node.uri();
            CompletableFuture<HttpResponse<String>> held = GatedQueue.holdOne(base, "v1/music", MUSIC);
            // 429 from the headers; then the JDK's server reads the body it declared before the connection may serve
            // another request, and waited for it for good, an HTTP thread each: 20 of them took all 16.
            List<CompletableFuture<String>> refused = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                refused.add(CompletableFuture.supplyAsync(() -> raw(base, head("Content-Length: 100") + "{", false, 20_000),
                        clients));
            }
            for (CompletableFuture<String> r : refused) {
                assertTrue(r.get().startsWith("HTTP/1.1 429"), "[" + r.get() + "]");
            }
            assertEquals(200, Http.get(base, "health").statusCode());
            gate[0].open();
            assertEquals(200, held.get().statusCode());
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void aBodyLongerThanItsContentLengthIsCutThereAndSaysSo() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 2))) {
            URI base = node.uri();
            String answer = raw(base, head("Content-Length: 10") + MUSIC, true, 20_000);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("it ends before it is whole") && answer.contains("Content-Length"), answer);
            // The rest of the body is not read as another request: the connection closes after the answer.
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
            assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer: " + answer);
        }
    }

    @Test
    void aClientThatWaitsToSendIsTold413AtOnceAndBrokenChunksAre400() throws Exception {
        try (ServiceNode node = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(2, 2)
                .withReadTimeout(Duration.ofSeconds(60)))) {
            URI base = node.uri();
            // Expect: 100-continue, as curl sends a large body: the JDK's server says 100 by itself, and the client
            // waits for the final answer before sending. It was told only when the read timed out (then 400, not 413).
            String waiting = raw(base, head("Content-Length: 10000000\r\nExpect: 100-continue"), true, 20_000);
            assertTrue(waiting.contains("HTTP/1.1 413"), waiting);
            assertTrue(waiting.contains("(Content-Length: 10000000)"), waiting);
            // A chunk size that is not hexadecimal: no answer at all (read as a client gone away), now 400.
            String broken = raw(base, head("Transfer-Encoding: chunked") + "zz\r\n" + MUSIC + "\r\n0\r\n\r\n", true, 20_000);
            assertTrue(broken.startsWith("HTTP/1.1 400"), "[" + broken + "]");
            assertTrue(broken.contains("\"param\":\"body\"") && broken.contains("chunked transfer coding"), broken);
        }
    }

    private static String head(String framing) {
        return "POST /v1/music HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    /** A chunked request of {@code body} in chunks of {@code size} bytes, ending with the last chunk. */
    private static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += size) {
            int n = Math.min(size, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String raw(URI base, String request, boolean closeAfterOne, int timeoutMs) {
        return raw(base, request.getBytes(StandardCharsets.UTF_8), closeAfterOne, timeoutMs);
    }

    /**
     * Sends {@code request} as bytes (a failed write, the node having answered and closed, is let be) and reads what
     * comes until the node closes the connection, or, with {@code closeAfterOne}, until one whole answer came and the
     * connection stayed open (then what came). A read that waits past {@code timeoutMs} fails: a hang.
     */
    private static String raw(URI base, byte[] request, boolean closeAfterOne, int timeoutMs) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the node answered before the body was all sent, and closed
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                    if (closeAfterOne && whole(got.toString(StandardCharsets.UTF_8))) {
                        socket.setSoTimeout(1_000); // a second answer, or the close, would come at once
                    }
                }
            } catch (SocketTimeoutException e) {
                if (!(closeAfterOne && whole(got.toString(StandardCharsets.UTF_8)))) {
                    throw new AssertionError("no answer within " + timeoutMs + " ms; got: " + got, e);
                }
            } catch (IOException reset) {
                // a reset after the answer: what came is what counts
            }
            return got.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether {@code text} holds an answer's head and a body of its Content-Length. */
    private static boolean whole(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(text.substring(0, end));
        return m.find() && text.length() - end - 4 >= Integer.parseInt(m.group(1));
    }
}
