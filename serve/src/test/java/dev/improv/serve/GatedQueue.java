package dev.improv.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.batch.SharedDecoderBatch;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node's own queue behind a gate for one kind of job: its jobs are held, not run, until {@link #open},
 * so a test fills the node's admission to an exact count however fast or slow the machine is (a job long
 * enough to hold a worker was a guess about the machine, and failed under load). The node around it is
 * real: the HTTP front, admission and the workers that run the jobs once the gate opens.
 */
final class GatedQueue implements ContentQueue {
    private final LocalQueue local;
    private final String gatedKind;
    /** Shut while incomplete; {@link #shut} puts a new one in place of an open one. */
    private volatile CompletableFuture<Void> gate = new CompletableFuture<>();
    private final AtomicInteger held = new AtomicInteger();

    GatedQueue(LocalQueue local, String gatedKind) {
        this.local = local;
        this.gatedKind = gatedKind;
    }

    /** A node whose jobs of {@code kind} wait for {@link #open} (its gate through {@code gates[0]}). */
    static ServiceNode start(ServeSettings settings, String kind, GatedQueue[] gates) throws IOException {
        return ServiceNode.start(settings, SharedDecoderBatch::new, (local, runner) -> {
            gates[0] = new GatedQueue(local, kind);
            return gates[0];
        });
    }

    @Override
    public CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos) throws Overloaded {
        CompletableFuture<Void> now = gate;
        if (!kind.equals(gatedKind) || now.isDone()) {
            return local.submit(kind, job, deadlineNanos);
        }
        held.incrementAndGet();
        return now.thenCompose(open -> {
            try {
                return local.submit(kind, job, deadlineNanos);
            } catch (Overloaded e) {
                return CompletableFuture.failedFuture(e);
            }
        });
    }

    /**
     * Fills a node of capacity one: posts {@code body} to {@code path} (a gated kind, with a long deadline) and returns
     * once the node has admitted it; the answer comes when the gate opens.
     */
    static CompletableFuture<java.net.http.HttpResponse<String>> holdOne(java.net.URI base, String path, String body)
            throws InterruptedException {
        CompletableFuture<java.net.http.HttpResponse<String>> held = CompletableFuture.supplyAsync(
                () -> Http.post(base, path, body, "X-Deadline-Ms", "120000"));
        while (Http.json(Http.get(base, "health")).path("admitted").asInt() < 1) {
            Thread.sleep(5);
        }
        return held;
    }

    /** Jobs of the gated kind that reached the queue and are held. */
    int held() {
        return held.get();
    }

    /** Lets every held job (and every later one until {@link #shut}) run. */
    void open() {
        gate.complete(null);
    }

    /** Holds the jobs that come from now on (the gate starts shut). */
    void shut() {
        if (gate.isDone()) {
            gate = new CompletableFuture<>();
            held.set(0);
        }
    }

    @Override
    public int queued() {
        return local.queued() + (gate.isDone() ? 0 : held.get());
    }

    @Override
    public int active() {
        return local.active();
    }

    @Override
    public void close() {
        local.close();
    }
}
