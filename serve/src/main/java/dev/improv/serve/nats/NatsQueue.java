package dev.improv.serve.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.serve.ContentQueue;
import dev.improv.serve.JobRunner;
import dev.improv.serve.LocalQueue;
import dev.improv.serve.content.BadRequest;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service scaled out on NATS JetStream: a node that accepts a request publishes it to one
 * work-queue stream shared by every node; each node's workers pull jobs from it, run them, send the
 * result to the accepting node and only then acknowledge. A worker that dies holds no
 * acknowledged job, so JetStream hands its jobs to another worker after the ack wait; a result that
 * arrives twice (a worker died between answering and acknowledging) is taken once.
 */
public final class NatsQueue implements ContentQueue {
    public static final String STREAM = "IMPROV_JOBS";
    public static final String SUBJECT = "improv.jobs";
    static final String CONSUMER = "improv-workers";
    /** How long a job may go unacknowledged before another worker gets it; workers signal progress far more often. */
    static final Duration ACK_WAIT = Duration.ofSeconds(Long.getLong("improv.nats.ackWaitSeconds", 10));

    private final ObjectMapper json = new ObjectMapper();
    private final Connection nc;
    private final JetStream js;
    private final LocalQueue local;
    private final JobRunner runner;
    private final int capacity;
    private final String resultSubject = "improv.results." + UUID.randomUUID();
    private final Map<String, CompletableFuture<ObjectNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final List<Thread> pullers = new ArrayList<>();
    private final ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "improv-nats-progress");
        t.setDaemon(true);
        return t;
    });
    private final Dispatcher results;
    private volatile boolean closed;

    private NatsQueue(Connection nc, LocalQueue local, JobRunner runner, int capacity, int workers)
            throws IOException, JetStreamApiException {
        this.nc = nc;
        this.js = nc.jetStream();
        this.local = local;
        this.runner = runner;
        this.capacity = capacity;
        declare(nc.jetStreamManagement(), capacity);
        this.results = nc.createDispatcher(this::onResult);
        results.subscribe(resultSubject);
        for (int i = 0; i < workers; i++) {
            JetStreamSubscription sub = js.subscribe(SUBJECT, PullSubscribeOptions.bind(STREAM, CONSUMER));
            Thread t = new Thread(() -> pull(sub), "improv-nats-worker-" + i);
            t.setDaemon(true);
            t.start();
            pullers.add(t);
        }
    }

    /**
     * Connects to {@code url}, declares the stream and the workers' consumer if they are missing, and
     * starts as many pulling workers as the local queue has.
     */
    public static NatsQueue connect(String url, LocalQueue local, JobRunner runner, int capacity) throws IOException {
        try {
            Options options = new Options.Builder().server(url).connectionName("improv-serve")
                    .connectionTimeout(Duration.ofSeconds(10)).maxReconnects(-1).build();
            Connection nc = null;
            for (int attempt = 1; nc == null; attempt++) {
                try {
                    nc = Nats.connect(options);
                } catch (IOException e) {
                    if (attempt == 5) {
                        throw e; // a node started with its NATS server may have to wait for it a little
                    }
                    Thread.sleep(1_000L * attempt);
                }
            }
            return new NatsQueue(nc, local, runner, capacity, local.workers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + url, e);
        } catch (JetStreamApiException e) {
            throw new IOException("cannot set up the JetStream work queue on " + url + ": " + e.getMessage(), e);
        }
    }

    private static void declare(JetStreamManagement jsm, int capacity) throws IOException, JetStreamApiException {
        if (!jsm.getStreamNames().contains(STREAM)) {
            jsm.addStream(StreamConfiguration.builder().name(STREAM).subjects(SUBJECT)
                    .retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.File)
                    .maxMessages(Math.max(capacity, 1)).discardPolicy(DiscardPolicy.New).build());
        }
        jsm.addOrUpdateConsumer(STREAM, ConsumerConfiguration.builder().durable(CONSUMER).filterSubject(SUBJECT)
                .ackPolicy(AckPolicy.Explicit).ackWait(ACK_WAIT).maxDeliver(5).build());
    }

    @Override
    public CompletableFuture<ObjectNode> submit(String kind, JsonNode job, long deadlineNanos) throws Overloaded {
        if (waiting.size() >= capacity) {
            throw new Overloaded("this node has " + waiting.size() + " requests in the work queue", 1);
        }
        String id = UUID.randomUUID().toString();
        ObjectNode envelope = json.createObjectNode();
        envelope.put("id", id);
        envelope.put("kind", kind);
        envelope.set("job", job);
        envelope.put("reply", resultSubject);
        envelope.put("deadline_epoch_ms", System.currentTimeMillis() + (deadlineNanos - System.nanoTime()) / 1_000_000);
        CompletableFuture<ObjectNode> result = new CompletableFuture<>();
        waiting.put(id, result);
        result.whenComplete((v, e) -> waiting.remove(id));
        try {
            js.publish(SUBJECT, envelope.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JetStreamApiException e) {
            waiting.remove(id);
            // The stream refuses new messages when full (discard policy New).
            throw new Overloaded("the work queue is full: " + e.getErrorDescription(), 1);
        } catch (IOException e) {
            waiting.remove(id);
            throw new Overloaded("the work queue is unreachable: " + e.getMessage(), 5);
        }
        return result;
    }

    /** A worker: takes one job at a time, runs it, answers, then acknowledges. */
    private void pull(JetStreamSubscription sub) {
        while (!closed) {
            List<Message> messages;
            try {
                messages = sub.fetch(1, Duration.ofMillis(500));
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                System.err.println("improv serve: fetching from the work queue failed: " + e);
                sleep();
                continue;
            }
            for (Message m : messages) {
                work(m);
            }
        }
    }

    private void work(Message m) {
        busy.incrementAndGet();
        ScheduledFuture<?> alive = progress.scheduleAtFixedRate(m::inProgress, ACK_WAIT.toMillis() / 3,
                ACK_WAIT.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            JsonNode envelope = json.readTree(m.getData());
            ObjectNode answer = json.createObjectNode();
            answer.put("id", envelope.path("id").asText());
            if (System.currentTimeMillis() > envelope.path("deadline_epoch_ms").asLong()) {
                answer.put("deadline", true);
            } else {
                try {
                    answer.set("result", runner.run(envelope.path("kind").asText(), envelope.path("job")));
                } catch (BadRequest e) {
                    answer.put("bad_field", e.field());
                    answer.put("error", e.getMessage());
                } catch (RuntimeException e) {
                    answer.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            nc.publish(envelope.path("reply").asText(), answer.toString().getBytes(StandardCharsets.UTF_8));
            // The ack goes out on the same connection after the result, so the server has the result
            // first; ackSync waits for the server's confirmation by request-reply. (A flush per job, the
            // earlier way, sent a PING from every worker at once: past the client's 2 outstanding PINGs it
            // dropped the connection, cancelling every flush, and the jobs came back after the ack wait.)
            m.ackSync(Duration.ofSeconds(5));
        } catch (IOException | java.util.concurrent.TimeoutException | InterruptedException e) {
            // Not acknowledged: JetStream gives the job to a worker again after the ack wait.
            System.err.println("improv serve: job not acknowledged, it will be redelivered: " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } catch (RuntimeException | Error e) {
            System.err.println("improv serve: job failed outside the generator, it will be redelivered: " + e);
            throw e;
        } finally {
            alive.cancel(false);
            busy.decrementAndGet();
        }
    }

    private void onResult(Message m) {
        JsonNode answer;
        try {
            answer = json.readTree(m.getData());
        } catch (IOException e) {
            return;
        }
        CompletableFuture<ObjectNode> f = waiting.get(answer.path("id").asText());
        if (f == null) {
            return; // answered already (a redelivered job answered twice) or given up
        }
        if (answer.has("result")) {
            f.complete((ObjectNode) answer.get("result"));
        } else if (answer.has("bad_field")) {
            f.completeExceptionally(new BadRequest(answer.get("bad_field").asText(), answer.path("error").asText()));
        } else if (answer.path("deadline").asBoolean()) {
            f.completeExceptionally(new DeadlinePassed("the deadline passed while the request was queued"));
        } else {
            f.completeExceptionally(new IllegalStateException(answer.path("error").asText()));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int queued() {
        return Math.max(0, waiting.size() - busy.get());
    }

    @Override
    public int active() {
        return busy.get();
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : pullers) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.shutdownNow();
        try {
            nc.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        local.close();
    }
}
