package dev.improv.serve.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.serve.DialogueFixture;
import dev.improv.serve.ServeSettings;
import dev.improv.serve.ServiceNode;
import dev.improv.serve.batch.SharedDecoderBatch;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on a real NATS server (Debian's nats-server, started here on a free loopback port) with
 * worker processes, one of which is killed with SIGKILL while it holds jobs: every accepted request
 * still completes, once, with the content its seed gives.
 */
class NatsWorkQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int REQUESTS = 16;

    static {
        // Jobs of a killed worker come back after 3 s rather than the production 10 s.
        System.setProperty("improv.nats.ackWaitSeconds", "3");
    }

    @Test
    void aWorkerKilledUnderLoadLosesNoAcceptedRequest(@TempDir Path dir) throws Exception {
        Path server = natsServer();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "nats://127.0.0.1:" + port;
        DialogueFixture.use();
        List<Process> processes = new ArrayList<>();
        try {
            processes.add(new ProcessBuilder(server.toString(), "-js", "-a", "127.0.0.1", "-p", Integer.toString(port),
                    "-sd", dir.resolve("js").toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nats.log").toFile()).start());
            awaitNats(url);
            Process doomed = worker(url, processes);
            URI doomedUri = address(doomed);
            URI survivorUri = address(worker(url, processes));
            // Every request at once, all to be admitted: the front node's bound is fixed (admission is OverloadTest's).
            try (ServiceNode front = ServiceNode.start(ServeSettings.DEFAULT.withPort(0).withCapacity(1, 64).withAdaptiveLimit(false),
                    SharedDecoderBatch::new, (local, runner) -> NatsQueue.connect(url, local, runner, 64))) {
                List<String> expected = new ArrayList<>();
                ExecutorService clients = Executors.newFixedThreadPool(REQUESTS);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String body = "{\"card\":{\"persona\":[\"I am the miller.\",\"I grind wheat.\"]},\"say\":\"Hello!\",\"seed\":" + i + "}";
                    answers.add(clients.submit(() -> post(front.uri(), body)));
                }
                // Kill the doomed worker once it holds accepted jobs.
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (activeJobs(doomedUri) == 0 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                assertTrue(activeJobs(doomedUri) > 0, "the doomed worker took jobs");
                doomed.destroyForcibly(); // SIGKILL
                doomed.waitFor(10, TimeUnit.SECONDS);

                for (int i = 0; i < REQUESTS; i++) {
                    HttpResponse<String> r = answers.get(i).get(120, TimeUnit.SECONDS);
                    assertEquals(200, r.statusCode(), r.body());
                    expected.add(JSON.readTree(r.body()).path("replies").get(0).path("text").asText());
                }
                clients.shutdown();
                // The same seeds again, now without the killed worker: the content depends only on the request.
                for (int i = 0; i < REQUESTS; i += 5) {
                    String body = "{\"card\":{\"persona\":[\"I am the miller.\",\"I grind wheat.\"]},\"say\":\"Hello!\",\"seed\":" + i + "}";
                    HttpResponse<String> again = post(survivorUri, body);
                    assertEquals(expected.get(i), JSON.readTree(again.body()).path("replies").get(0).path("text").asText());
                }
                try (Connection nc = Nats.connect(url)) {
                    long left = nc.jetStreamManagement().getStreamInfo(NatsQueue.STREAM).getStreamState().getMsgCount();
                    assertEquals(0, left, "every job was acknowledged once done; none is left in the work queue");
                }
            }
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Path natsServer() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "nats-server");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (Path p : List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"))) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException("nats-server is not installed (.ci/run installs it)");
        }
        Assumptions.assumeTrue(false, "nats-server is not installed (apt-get install nats-server)");
        return null;
    }

    private static void awaitNats(String url) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Connection nc = Nats.connect(url)) {
                return;
            } catch (Exception e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static Process worker(String url, List<Process> processes) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx768m",
                "-Dimprov.nats.ackWaitSeconds=3", "-Dimprov.dialogue.model=" + DialogueFixture.folder(), "-cp", System.getProperty("java.class.path"),
                NatsWorker.class.getName(), url).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        return p;
    }

    private static URI address(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("listening "), "worker started: " + line);
        return URI.create(line.substring("listening ".length()));
    }

    private static int activeJobs(URI node) {
        try {
            JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(node.resolve("health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return health.path("active").asInt();
        } catch (Exception e) {
            return 0;
        }
    }

    private static HttpResponse<String> post(URI base, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("v1/dialogue")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
