package dev.improv.serve;

import dev.improv.model.LanguageModel;
import dev.improv.serve.batch.Batchers;
import dev.improv.serve.batch.CountingDecoderSource;
import dev.improv.serve.batch.SharedDecoderBatch;
import dev.improv.serve.content.Workshop;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;

/**
 * One running node of the service: the HTTP server, this node's workers and queue, and the batcher
 * that every worker's decoder steps go through. {@code improv serve} is one of these.
 */
public final class ServiceNode implements AutoCloseable {
    private final Batchers batchers;
    private final ContentQueue queue;
    private final ContentServer server;
    private final WarmUp.Report warmUp;

    private ServiceNode(Batchers batchers, ContentQueue queue, ContentServer server, WarmUp.Report warmUp) {
        this.batchers = batchers;
        this.queue = queue;
        this.server = server;
        this.warmUp = warmUp;
    }

    /**
     * Starts a node whose jobs run here. {@code backends} makes each model's batch (normally
     * {@link SharedDecoderBatch}; null: no batching, each job decodes alone on its worker thread, as
     * the CLI does); {@code queueFactory} may wrap the local queue (null: use it as is).
     */
    public static ServiceNode start(ServeSettings settings, Function<LanguageModel, dev.improv.serve.batch.SequenceBatch> backends,
                                    QueueFactory queueFactory) throws IOException {
        return start(settings, backends, queueFactory, Duration.ZERO);
    }

    /**
     * Starts a node as {@link #start(ServeSettings, Function, QueueFactory)} does, warmed for at most {@code warmUp}
     * before it listens ({@link WarmUp}; zero: not warmed): its models are loaded, and its own traffic of every
     * kind runs through throwaway servers on loopback that share its workers and batcher but not its admission,
     * limits or request metrics (its batch metrics count the warm-up's steps). A warm-up stops early once the JIT
     * is quiet.
     */
    public static ServiceNode start(ServeSettings settings, Function<LanguageModel, dev.improv.serve.batch.SequenceBatch> backends,
                                    QueueFactory queueFactory, Duration warmUp) throws IOException {
        ContentQueue[] holder = new ContentQueue[1];
        ServiceMetrics metrics = new ServiceMetrics(() -> holder[0].queued(), () -> holder[0].active());
        Batchers batchers = backends == null ? null
                : new Batchers(backends, settings.maxBatch(), settings.gather().toNanos(), settings.batchSplit(), metrics);
        LanguageModel.setDecoderSource(new CountingDecoderSource(batchers, metrics));
        Workshop workshop = new Workshop(settings.workers());
        JobRunner runner = new JobRunner(workshop);
        // The front door (Admission) bounds requests to workers + queue. The pool's own queue has room for
        // workers more: an answered request's place is freed a moment before its worker is (the answer
        // is sent from the worker), and a request answered at its deadline may still hold a worker.
        LocalQueue local = new LocalQueue(workshop, settings.workers(), settings.queueCapacity() + settings.workers());
        ContentQueue queue = local;
        try {
            ContentServer.keys(settings); // a bad key file or address is told now, not after the warm-up
            AccessLog.check(settings.accessLog());
            WarmUp.Report warmed = warmUp.isZero() ? null : warm(settings, workshop, local, runner, warmUp);
            queue = queueFactory == null ? local : queueFactory.wrap(local, runner);
            holder[0] = queue;
            return new ServiceNode(batchers, queue, ContentServer.start(settings, queue, runner, metrics), warmed);
        } catch (IOException | RuntimeException e) {
            queue.close();
            LanguageModel.setDecoderSource(null);
            if (batchers != null) {
                batchers.close();
            }
            throw e;
        }
    }

    /**
     * Loads the models, then runs {@link WarmUp} on two loopback servers over the local queue (a node's NATS queue
     * would hand the warm-up's jobs to other nodes): one as configured, one admitting up to its workers, so that
     * every batch size forms whatever the configured admission lets run at once.
     */
    private static WarmUp.Report warm(ServeSettings settings, Workshop workshop, LocalQueue local, JobRunner runner,
                                      Duration budget) throws IOException {
        workshop.warmUp();
        ServeSettings loopback = settings.withHost("127.0.0.1").withPort(0).withApiKeyFile(null).withCorsOrigin(null)
                .withAccessLog(null);
        try (ContentServer admitting = ContentServer.start(loopback, local, runner, new ServiceMetrics(local::queued, local::active));
             ContentServer batched = settings.adaptiveLimit() || settings.maxLatency() != null
                     ? ContentServer.start(loopback.withAdaptiveLimit(false).withMaxLatency(null), local, runner,
                             new ServiceMetrics(local::queued, local::active)) : null) {
            return new WarmUp().run(batched == null ? admitting.uri() : batched.uri(), admitting.uri(),
                    Math.min(settings.workers(), Math.min(settings.maxBatch(), WARM_CLIENTS)), budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while warming up", e);
        }
    }

    /** Most clients at once in a warm-up: one batch block ({@code SharedDecoderBatch.BLOCK}), two groups of 8. */
    private static final int WARM_CLIENTS = 16;

    /** What the warm-up did before the node listened; null if it was not warmed. */
    public WarmUp.Report warmUp() {
        return warmUp;
    }

    /** A node with the default batch backend and no work queue but its own. */
    public static ServiceNode start(ServeSettings settings) throws IOException {
        return start(settings, SharedDecoderBatch::new, null);
    }

    /** Puts another queue (NATS) in front of this node's workers. */
    public interface QueueFactory {
        ContentQueue wrap(LocalQueue local, JobRunner runner) throws IOException;
    }

    public java.net.URI uri() {
        return server.uri();
    }

    /**
     * How long a node stopping for good (SIGTERM, Ctrl-C) answers the requests it has admitted unless told otherwise
     * ({@code --drain-seconds}): under Kubernetes' default grace period of 30 s, which then ends the process anyway.
     */
    public static final int DRAIN_SECONDS = 25;

    /** Reopens the access log at its name (SIGHUP, after logrotate moved the file): see {@link AccessLog#reopen}. */
    public void reopenLogs() {
        server.reopenAccessLog();
    }

    /** Stops within about a second, answering what it can meanwhile (as {@link #close(Duration)}). */
    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }

    /**
     * Stops as a node leaving a pool should: from now on every request gets 503 with Retry-After, /health
     * included (a readiness probe takes the node out), while the requests already admitted are answered, for at
     * most {@code drain}; those still in flight then are answered 503 with Retry-After (their connections were cut),
     * and the server, its workers and batchers close. Until session 22 a node answered its requests in flight for 1 s
     * and then closed their connections, work done and lost.
     */
    public void close(Duration drain) {
        server.close(drain);
        queue.close();
        LanguageModel.setDecoderSource(null);
        if (batchers != null) {
            batchers.close();
        }
    }
}
