package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code improv bench nats}: throughput of the service scaled out on a NATS JetStream work queue
 * with 1, 2, ... worker processes on this machine, against one node without NATS in the same run.
 */
@Command(name = "nats", mixinStandardHelpOptions = true,
        description = {"Measure the NATS scale-out's throughput on loopback and print one JSON line.",
                "Starts nats-server (from PATH, JetStream on a free loopback port, a fresh store for each run) and, "
                + "for each count in --nodes, that many 'improv serve --nats' processes; the load (NPC dialogue "
                + "requests, as in 'bench serve') goes round-robin to their HTTP ports, --clients at a time, --requests "
                + "in all.",
                "The peer, in the same run, is one 'improv serve' process without NATS. Every node runs in its own "
                + "JVM with this one's options, so all of them share this machine's cores: the figures show what the "
                + "queue costs and that the nodes share the work, not what N machines would give. Nodes run with "
                + "--concurrency fixed (workers + queue bound what they admit), so that every request is admitted and "
                + "the figures are the queue's, not the adaptive limit's."})
public final class BenchNatsCommand implements Callable<Integer> {

    @Option(names = "--nodes", split = ",", defaultValue = "1,2",
            description = "Worker processes per run. Default: ${DEFAULT-VALUE}.")
    List<Integer> nodes;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(names = "--requests", defaultValue = "128", description = "Requests measured per run. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(names = "--workers", defaultValue = "16", description = "Each node's --workers. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--max-tokens", defaultValue = "30", description = "Most tokens of a reply. Default: ${DEFAULT-VALUE}.")
    int maxTokens;

    @Option(names = "--warmup-seconds", defaultValue = "10", description = "Requests sent before measuring. Default: ${DEFAULT-VALUE}.")
    double warmupSeconds;

    @Option(names = "--nats-server", defaultValue = "nats-server",
            description = "The nats-server executable (Debian: apt-get install nats-server). Default: ${DEFAULT-VALUE}.")
    String natsServer;

    @Override
    public Integer call() throws Exception {
        if (nodes.isEmpty() || nodes.stream().anyMatch(n -> n < 1 || n > 8) || clients < 1 || requests < 1 || workers < 1) {
            throw new IllegalArgumentException("--nodes in [1, 8], --clients, --requests and --workers at least 1");
        }
        ServiceLoad load = new ServiceLoad(maxTokens, Duration.ofSeconds(300));
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.put("bench", "nats");
        out.put("clients", clients);
        out.put("requests", requests);
        out.put("workers_per_node", workers);
        out.put("cores", Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("improv-bench-nats");
        try {
            ServiceLoad.Result alone = run(load, dir, 1, null);
            ObjectNode peer = out.putObject("one_node_without_nats");
            put(peer, alone, alone);
            System.err.printf(Locale.ROOT, "1 node, no NATS: %.1f requests/s, %.0f sampled tokens/s, p50 %.0f ms, p99 %.0f ms%n",
                    alone.requestsPerSecond(), alone.steppedPerSecond(), alone.p50(), alone.p99());
            ArrayNode runs = out.putArray("nats");
            for (int n : nodes) {
                Path store = Files.createDirectories(dir.resolve("js-" + n));
                int port = NodeProcess.freePort();
                Process nats = new ProcessBuilder(natsServer, "-js", "-a", "127.0.0.1", "-p", Integer.toString(port), "-sd",
                        store.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("nats-" + n + ".log").toFile()).start();
                try {
                    awaitPort(port, nats);
                    ServiceLoad.Result r = run(load, dir, n, "nats://127.0.0.1:" + port);
                    ObjectNode o = runs.addObject();
                    o.put("nodes", n);
                    put(o, r, alone);
                    System.err.printf(Locale.ROOT, "%d node(s) on NATS: %.1f requests/s (%.2fx one node without NATS), "
                                    + "%.0f sampled tokens/s, p50 %.0f ms, p99 %.0f ms%n", n, r.requestsPerSecond(),
                            r.requestsPerSecond() / alone.requestsPerSecond(), r.steppedPerSecond(), r.p50(), r.p99());
                } finally {
                    NodeProcess.stop(nats);
                }
            }
        } finally {
            deleteTree(dir);
        }
        System.out.println(out);
        return 0;
    }

    private static void put(ObjectNode o, ServiceLoad.Result r, ServiceLoad.Result peer) {
        o.put("completed", r.completed());
        o.put("requests_per_s", ServiceLoad.round(r.requestsPerSecond()));
        o.put("sampled_tokens_per_s", ServiceLoad.round(r.steppedPerSecond()));
        o.put("ratio_requests_vs_one_node_without_nats", ServiceLoad.round(r.requestsPerSecond() / peer.requestsPerSecond()));
        o.put("p50_ms", ServiceLoad.round(r.p50()));
        o.put("p99_ms", ServiceLoad.round(r.p99()));
    }

    /** Starts {@code count} nodes (on {@code natsUrl}, or alone when null), warms them and measures them. */
    private ServiceLoad.Result run(ServiceLoad load, Path dir, int count, String natsUrl) throws Exception {
        List<NodeProcess> started = new ArrayList<>();
        List<URI> bases = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                // --concurrency fixed: this bench measures the work queue; admission under load is 'bench overload's.
                List<String> options = new ArrayList<>(List.of("--workers", Integer.toString(workers), "--concurrency", "fixed"));
                if (natsUrl != null) {
                    options.addAll(List.of("--nats", natsUrl));
                }
                Path log = dir.resolve("node-" + count + "-" + i + (natsUrl == null ? "-alone" : "") + ".log");
                NodeProcess node = NodeProcess.start(options, log);
                started.add(node);
                bases.add(node.uri());
            }
            load.warmUp(bases, Math.min(clients, 4), warmupSeconds);
            return load.closedLoop(bases, clients, requests, 600);
        } finally {
            for (NodeProcess node : started) {
                node.close();
            }
        }
    }

    private static void awaitPort(int port, Process p) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            if (!p.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + p.exitValue());
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nats-server did not listen on port " + port + " within 20 s");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }
}
