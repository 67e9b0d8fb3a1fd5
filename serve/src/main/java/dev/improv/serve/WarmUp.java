package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a node's own HTTP front every kind of traffic it serves, before the node reports ready: NPC
 * dialogue from 1 to {@code mostClients} clients at once (every batch size the step batcher forms, in one
 * group and in two), bursts past the admission limits (429s), levels, music, chat (streamed and not),
 * health, metrics and bad requests ({@code warm-up.json}), in rounds until the JIT compiles little.
 *
 * <p>Why: HotSpot's C2 compiles a method for the branches and types it has seen, and a branch first
 * taken later traps back to the interpreter and compiles the method again. A node that saw only calm
 * traffic recompiled its HTTP front, admission and dialogue checks in the middle of its first burst, and
 * a warm node did it again after a few seconds of calm ({@code improv bench overload}: 2.3-3.2 s of C2
 * time within a 5 s burst, on the cores the burst needs; docs/benchmarks.md, "Session 15"). Mixed from
 * the first round, every path is in the profile when a method is first compiled.
 */
public final class WarmUp {
    /** A round's compile time, as a share of its wall time, under which the node counts as warm. */
    static final double JIT_QUIET = 0.1;
    /** Most requests in flight during a burst, and most a burst sends. */
    private static final int BURST_IN_FLIGHT = 64;
    private static final int BURST_REQUESTS = 1_500;
    private static final Duration BURST = Duration.ofMillis(750);
    /** Dialogue requests each closed-loop client sends at each concurrency of a round. */
    private static final int PER_CLIENT = 2;

    /** What a warm-up did: rounds, requests by status, seconds, and the last round's compile share. */
    public record Report(int rounds, Map<Integer, Integer> statuses, double seconds, double lastJitShare) {
        public int requests() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ObjectNode> dialogue = new ArrayList<>();
    private final List<JsonNode> eachRound = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final AtomicLong seeds = new AtomicLong();

    WarmUp() {
        try (InputStream in = WarmUp.class.getResourceAsStream("warm-up.json")) {
            JsonNode plan = json.readTree(in);
            plan.get("dialogue").forEach(d -> dialogue.add((ObjectNode) d));
            plan.get("each_round").forEach(eachRound::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read warm-up.json", e);
        }
    }

    /**
     * Rounds against {@code batched} (a node admitting up to its workers, so that every batch size forms)
     * and {@code admitting} (the node as configured, whose admission is warmed by single clients and bursts):
     * one whole round, then more until a round's compile time is under {@value #JIT_QUIET} of its wall time or
     * {@code budget} is spent (a round is cut short there).
     */
    Report run(URI batched, URI admitting, int mostClients, Duration budget) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long t0 = System.nanoTime();
        long end = t0 + budget.toNanos();
        int rounds = 0;
        double share = Double.NaN;
        do {
            long roundStart = System.nanoTime();
            long compiled = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
            round(batched, admitting, mostClients, rounds == 0, end);
            rounds++;
            share = compiled < 0 ? Double.NaN
                    : (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - roundStart) / 1e6);
        } while (System.nanoTime() - end < 0 && !(share < JIT_QUIET));
        synchronized (statuses) {
            return new Report(rounds, new TreeMap<>(statuses), (System.nanoTime() - t0) / 1e9, share);
        }
    }

    /** One round: {@code whole}, or cut short at {@code end} (System.nanoTime) between its parts. */
    private void round(URI batched, URI admitting, int mostClients, boolean whole, long end) throws InterruptedException {
        for (JsonNode r : eachRound) {
            String body = r.has("raw") ? r.get("raw").asText() : r.has("body") ? r.get("body").toString() : null;
            send(batched, r.get("method").asText(), r.get("path").asText(), body, 0).join();
        }
        // Bursts between the levels of concurrency, as a node meets them: a burst's paths are not learnt last.
        for (int clients = 1; clients <= mostClients && (whole || System.nanoTime() - end < 0); clients++) {
            closedLoop(batched, clients, PER_CLIENT);
            if (clients % 4 == 0 || clients == mostClients) {
                closedLoop(admitting, 1, PER_CLIENT);
                burst(clients % 8 == 0 ? batched : admitting);
                // An operator's probes come at any moment, a burst's included.
                send(admitting, "GET", "/health", null, 0).join();
                send(admitting, "GET", "/metrics", null, 0).join();
            }
        }
    }

    /** {@code clients} threads, each sending {@code each} dialogue requests one after the other. */
    private void closedLoop(URI base, int clients, int each) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    dialogueRequest(base, 0).join();
                }
            }, "improv-warm-up-client");
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** Requests as fast as they go, {@value #BURST_IN_FLIGHT} in flight, for {@link #BURST}: mostly refused. */
    private void burst(URI base) throws InterruptedException {
        Semaphore inFlight = new Semaphore(BURST_IN_FLIGHT);
        long end = System.nanoTime() + BURST.toNanos();
        for (int i = 0; i < BURST_REQUESTS && System.nanoTime() < end; i++) {
            inFlight.acquire();
            dialogueRequest(base, 3_000).whenComplete((status, error) -> inFlight.release());
        }
        inFlight.acquire(BURST_IN_FLIGHT);
    }

    private CompletableFuture<Integer> dialogueRequest(URI base, long deadlineMs) {
        ObjectNode body = dialogue.get((int) (seeds.get() % dialogue.size())).deepCopy();
        body.put("seed", seeds.incrementAndGet());
        return send(base, "POST", "/v1/dialogue", body.toString(), deadlineMs);
    }

    /** Sends one request; its status is counted (-1: no answer), never thrown. */
    private CompletableFuture<Integer> send(URI base, String method, String path, String body, long deadlineMs) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (deadlineMs > 0) {
            b.header("X-Deadline-Ms", Long.toString(deadlineMs));
        }
        if (body != null) {
            b.header("Content-Type", "application/json"); // without it the node refuses the body (415)
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).handle((r, error) -> {
            int status = error != null ? -1 : r.statusCode();
            synchronized (statuses) {
                statuses.merge(status, 1, Integer::sum);
            }
            return status;
        });
    }
}
