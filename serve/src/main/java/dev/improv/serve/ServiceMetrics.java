package dev.improv.serve;

import dev.improv.serve.batch.CountingDecoderSource;
import dev.improv.serve.batch.StepBatcher;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What an operator watches, in Prometheus text at {@code /metrics}: queue depth, batch sizes,
 * decoded tokens (tokens/s is {@code rate(improv_decoded_tokens_total[1m])}; the sampled ones alone,
 * {@code improv_stepped_tokens_total}), request latency by
 * endpoint and refusals by reason.
 */
public final class ServiceMetrics implements StepBatcher.Listener, CountingDecoderSource.Tally {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Histogram batchSize = Histogram.builder().name("improv_batch_size")
            .help("Sequences decoded together in one batched step").classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
    private final Histogram stepSeconds = Histogram.builder().name("improv_batch_step_seconds")
            .help("Time of one batched decoder step").classicOnly()
            .classicExponentialUpperBounds(0.0002, 2, 12).register(registry);
    private final Counter tokens = Counter.builder().name("improv_decoded_tokens_total")
            .help("Tokens run through the decoders, prompts and sampled alike").register(registry);
    private final Counter stepTokens = Counter.builder().name("improv_stepped_tokens_total")
            .help("Tokens stepped one at a time for the next token's logits (sampled tokens; prompts are fed in bulk)")
            .register(registry);
    private final Histogram latency = Histogram.builder().name("improv_request_seconds")
            .help("Time from a request's arrival to its answer").labelNames("endpoint", "status").classicOnly()
            .classicExponentialUpperBounds(0.005, 2, 14).register(registry);
    /** Why a request is refused: each has its series from the start (below). */
    static final List<String> REFUSAL_REASONS = List.of("queue_full", "concurrency_limit", "latency_target",
            "deadline_unmeetable", "deadline", "rate_limit", "unauthorized", "bad_request", "too_large", "unsupported_encoding",
            "unsupported_media_type", "stopping", "read_timeout");
    private final Counter refusals = Counter.builder().name("improv_refusals_total")
            .help("Requests refused, by reason").labelNames("reason").register(registry);

    /** Reports the queue and active counts through these suppliers. */
    public ServiceMetrics(IntSupplier queued, IntSupplier active) {
        // A series that appears only at the first refusal is invisible to increase() and rate() until the second:
        // an alert on a node's first burst of 429s saw nothing (Prometheus' advice: initialise known labels).
        REFUSAL_REASONS.forEach(refusals::initLabelValues);
        GaugeWithCallback.builder().name("improv_queue_depth").help("Accepted requests waiting for a worker")
                .callback(cb -> cb.call(queued.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("improv_active_requests").help("Requests being generated")
                .callback(cb -> cb.call(active.getAsInt())).register(registry);
    }

    /** Reports each endpoint's adaptive concurrency limit (job kind to limit) through this supplier. */
    void watchConcurrencyLimits(Supplier<Map<String, Integer>> limits) {
        GaugeWithCallback.builder().name("improv_concurrency_limit")
                .help("Requests of an endpoint admitted at once at most, as the adaptive limit stands now")
                .labelNames("endpoint").callback(cb -> limits.get().forEach((kind, limit) -> cb.call(limit, kind)))
                .register(registry);
    }

    @Override
    public void stepped(int sequences, long nanos) {
        batchSize.observe(sequences);
        stepSeconds.observe(nanos / 1e9);
    }

    @Override
    public void decoded(long count) {
        tokens.inc(count);
    }

    @Override
    public void steppedTokens(long count) {
        stepTokens.inc(count);
    }

    void answered(String endpoint, int status, long nanos) {
        latency.labelValues(endpoint, Integer.toString(status)).observe(nanos / 1e9);
    }

    void refused(String reason) {
        refusals.labelValues(reason).inc();
    }

    String contentType() {
        return writer.getContentType();
    }

    void write(OutputStream out) throws IOException {
        writer.write(out, registry.scrape());
    }
}
