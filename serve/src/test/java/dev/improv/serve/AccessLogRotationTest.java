package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log rotated as logrotate does it (the file moved away, then SIGHUP to the process), under load, on a node
 * in its own process: every answered request has one whole line, in the file that was open when it was written, and
 * the node goes on serving. Until session 24 a node had no SIGHUP handler: the JVM took SIGHUP as a stop.
 */
class AccessLogRotationTest {
    private static final Pattern LINE = Pattern.compile("time=\\S+ method=GET path=/health status=200 ms=\\d+\\.\\d "
            + "bytes=\\d+ key=- request_id=(rot-\\d+-\\d+)");

    @Test
    void aLogRotatedUnderLoadLosesAndTearsNoLine(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("access.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process node = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), ServeProcess.class.getName(), log.toString(), "5")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue(first != null && first.startsWith("listening "), "started: " + first);
            URI base = URI.create(first.substring("listening ".length()));
            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicBoolean loading = new AtomicBoolean(true);
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int client = c;
                load.add(clients.submit(() -> {
                    for (int i = 0; loading.get(); i++) {
                        String id = "rot-" + client + "-" + i;
                        HttpResponse<String> r = Http.get(base, "health", "X-Request-Id", id);
                        assertEquals(200, r.statusCode(), r.body());
                        answered.add(id);
                    }
                    return null;
                }));
            }
            // As logrotate's create + postrotate does it, twice: move the file away, then SIGHUP; each time after
            // another 200 answers, so that each file has lines of its own however slow the machine.
            awaitAnswered(answered, 200, load);
            Files.move(log, dir.resolve("access.log.2"));
            hangUp(node);
            awaitAnswered(answered, 400, load);
            Files.move(log, dir.resolve("access.log.1"));
            hangUp(node);
            awaitAnswered(answered, 600, load);
            loading.set(false);
            for (Future<?> f : load) {
                f.get(30, TimeUnit.SECONDS); // a client's failure (the node gone on SIGHUP) fails the test here
            }
            assertTrue(node.isAlive(), "SIGHUP does not stop the node");
            node.destroy(); // SIGTERM: the node drains, then writes the lines waiting and closes the log
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the node stops on SIGTERM");

            Map<String, Integer> seen = new HashMap<>();
            for (String name : List.of("access.log.2", "access.log.1", "access.log")) {
                List<String> lines = Files.readAllLines(dir.resolve(name));
                assertTrue(lines.size() > 10, name + " has the lines of its time: " + lines.size());
                for (String line : lines) {
                    Matcher m = LINE.matcher(line);
                    assertTrue(m.matches(), "a whole line in " + name + ": " + line);
                    seen.merge(m.group(1), 1, Integer::sum);
                }
            }
            for (String id : answered) {
                assertEquals(1, seen.getOrDefault(id, 0), "one line for " + id);
            }
            assertEquals(answered.size(), seen.size(), "no line for a request not answered");
        } finally {
            clients.shutdownNow();
            node.destroyForcibly();
        }
    }

    /** Waits for {@code count} answers; a client that failed (the node gone) fails the test at once. */
    private static void awaitAnswered(Set<String> answered, int count, List<Future<?>> load) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (answered.size() < count && System.nanoTime() - until < 0) {
            for (Future<?> f : load) {
                if (f.isDone()) {
                    f.get();
                }
            }
            Thread.sleep(5);
        }
        assertTrue(answered.size() >= count, "the load ran: " + answered.size());
    }

    private static void hangUp(Process node) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(node.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
