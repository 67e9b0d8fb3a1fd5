package dev.improv.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a node serves: where it listens, how much it takes on, who may call it.
 *
 * @param host            address to bind (loopback by default: a public address is a deliberate choice)
 * @param port            port (0: any free one)
 * @param workers         jobs generated at once on this node; their decoder steps are batched together
 * @param queueCapacity   accepted jobs that may wait for a worker; past it requests get 429 at once
 * @param maxBodyBytes    largest request body accepted (413 past it)
 * @param defaultDeadline a request's deadline unless it sends {@code X-Deadline-Ms}
 * @param apiKeyFile      keys and per-key limits, or null for an open service (then only loopback is allowed)
 * @param corsOrigin      the one origin browsers may call from, or null for no CORS headers
 * @param maxBatch        most sequences in one batched decoder step
 * @param gather          longest a step waits for the other sequences' tokens
 * @param batchSplit      sequences stepping from which they step in two groups in turn (0: always one group)
 * @param maxLatency      the latency this node keeps its accepted requests under (an SLO): a request expected
 *                        to take longer, given the work already admitted, gets 429 at once; null: no target,
 *                        only the queue bound and each request's deadline
 * @param adaptiveLimit   whether each endpoint's requests are also bounded by an adaptive concurrency limit that
 *                        keeps their latency near the unloaded latency ({@link ConcurrencyLimit}); false: only
 *                        workers + queue bound them
 * @param accessLog       where a line per answered request goes ({@link AccessLog}): a file, {@code -} for standard
 *                        output, or null for no access log
 * @param readTimeout     longest a request's body may take to come whole; past it the answer is 400 and the
 *                        connection closes (a client that declared more bytes than it sent held a thread for good)
 */
public record ServeSettings(String host, int port, int workers, int queueCapacity, int maxBodyBytes,
                            Duration defaultDeadline, Path apiKeyFile, String corsOrigin, int maxBatch, Duration gather,
                            int batchSplit, Duration maxLatency, boolean adaptiveLimit, String accessLog,
                            Duration readTimeout) {

    public static final ServeSettings DEFAULT = new ServeSettings("127.0.0.1", 8080, 64, 256, 256 * 1024,
            Duration.ofSeconds(60), null, null, 64, Duration.ofNanos(500_000),
            dev.improv.serve.batch.StepBatcher.SPLIT_AT, null, true, null, Duration.ofSeconds(10));

    public ServeSettings {
        if (workers < 1 || queueCapacity < 0 || maxBodyBytes < 1024 || maxBatch < 1 || batchSplit < 0) {
            throw new IllegalArgumentException("workers >= 1, queue >= 0, max body >= 1024 bytes, max batch >= 1 and batch split >= 0 are needed");
        }
        if (maxLatency != null && (maxLatency.isNegative() || maxLatency.isZero())) {
            throw new IllegalArgumentException("the latency target must be positive, got " + maxLatency);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("the read timeout must be positive, got " + readTimeout);
        }
    }

    public ServeSettings withPort(int value) {
        return new ServeSettings(host, value, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withHost(String value) {
        return new ServeSettings(value, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withCapacity(int workersValue, int queueValue) {
        return new ServeSettings(host, port, workersValue, queueValue, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withApiKeyFile(Path value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, value, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withCorsOrigin(String value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, value, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withDefaultDeadline(Duration value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, value, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withMaxBatch(int value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, value, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withMaxLatency(Duration value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, value, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withAdaptiveLimit(boolean value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, value, accessLog, readTimeout);
    }

    public ServeSettings withGather(Duration value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, value, batchSplit, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withBatchSplit(int value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, value, maxLatency, adaptiveLimit, accessLog, readTimeout);
    }

    public ServeSettings withAccessLog(String value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, value, readTimeout);
    }

    public ServeSettings withReadTimeout(Duration value) {
        return new ServeSettings(host, port, workers, queueCapacity, maxBodyBytes, defaultDeadline, apiKeyFile, corsOrigin, maxBatch, gather, batchSplit, maxLatency, adaptiveLimit, accessLog, value);
    }
}
