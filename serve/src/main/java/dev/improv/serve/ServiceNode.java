package dev.improv.serve;

import dev.improv.model.LanguageModel;
import dev.improv.serve.batch.Batchers;
import dev.improv.serve.batch.CountingDecoderSource;
import dev.improv.serve.batch.SharedDecoderBatch;
import dev.improv.serve.content.Workshop;
import java.io.IOException;
import java.util.function.Function;

/**
 * One running node of the service: the HTTP server, this node's workers and queue, and the batcher
 * that every worker's decoder steps go through. {@code improv serve} is one of these.
 */
public final class ServiceNode implements AutoCloseable {
    private final Batchers batchers;
    private final ContentQueue queue;
    private final ContentServer server;

    private ServiceNode(Batchers batchers, ContentQueue queue, ContentServer server) {
        this.batchers = batchers;
        this.queue = queue;
        this.server = server;
    }

    /**
     * Starts a node whose jobs run here. {@code backends} makes each model's batch (normally
     * {@link SharedDecoderBatch}; null: no batching, each job decodes alone on its worker thread, as
     * the CLI does); {@code queueFactory} may wrap the local queue (null: use it as is).
     */
    public static ServiceNode start(ServeSettings settings, Function<LanguageModel, dev.improv.serve.batch.SequenceBatch> backends,
                                    QueueFactory queueFactory) throws IOException {
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
            queue = queueFactory == null ? local : queueFactory.wrap(local, runner);
            holder[0] = queue;
            return new ServiceNode(batchers, queue, ContentServer.start(settings, queue, runner, metrics));
        } catch (IOException | RuntimeException e) {
            queue.close();
            LanguageModel.setDecoderSource(null);
            if (batchers != null) {
                batchers.close();
            }
            throw e;
        }
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

    @Override
    public void close() {
        server.close();
        queue.close();
        LanguageModel.setDecoderSource(null);
        if (batchers != null) {
            batchers.close();
        }
    }
}
