package dev.improv.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An {@code improv serve} node in a process of its own, as it is deployed: for the benches whose load
 * generator must not share the node's JVM (its JIT, its garbage collector, its safepoints). Started with
 * this JVM's java, options and class path on a free loopback port; {@link #close} stops it.
 */
final class NodeProcess implements AutoCloseable {
    /** Longest a node may take to listen: its models load, then it warms up ({@code --warm-up-seconds}, 30 s at most). */
    private static final int READY_SECONDS = 120;
    private final Process process;
    private final URI uri;

    private NodeProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts {@code improv serve --port P} with {@code options} after it, its output to {@code log}; returns
     * once its {@code /health} answers (at most {@value #READY_SECONDS} s: a node loads its models and warms up
     * before it listens).
     */
    static NodeProcess start(List<String> options, Path log) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("serve", "--port", Integer.toString(port)));
        command.addAll(options);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeProcess node = new NodeProcess(p, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            node.awaitHealth();
        } catch (Exception | Error e) {
            node.close();
            throw e;
        }
        return node;
    }

    /** The address clients call, ending in a slash. */
    URI uri() {
        return uri;
    }

    /** The node's process id (for reading its threads' CPU, {@link ThreadCpu#of}). */
    long pid() {
        return process.pid();
    }

    /** This JVM's java, options and class path, running the improv command line. */
    static List<String> javaCommand() {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) {
                c.add(arg);
            }
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(ImprovCommand.class.getName());
        return c;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitHealth() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("a node exited with " + process.exitValue() + " before it listened on " + uri);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri.resolve("health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no node listened on " + uri + " within " + READY_SECONDS + " s");
    }

    /** Stops a process: asks, then after 10 s forces. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }
}
