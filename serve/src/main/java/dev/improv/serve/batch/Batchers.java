package dev.improv.serve.batch;

import dev.improv.model.Decoder;
import dev.improv.model.DecoderSource;
import dev.improv.model.LanguageModel;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link DecoderSource} with one {@link StepBatcher} per loaded model: installed by the service,
 * it makes every generator's decoder a sequence in its model's batch.
 */
public final class Batchers implements DecoderSource, AutoCloseable {
    private final Function<LanguageModel, SequenceBatch> backends;
    private final int maxBatch;
    private final long gatherNanos;
    private final int splitAt;
    private final StepBatcher.Listener listener;
    private final Map<LanguageModel, StepBatcher> byModel = new IdentityHashMap<>();

    public Batchers(Function<LanguageModel, SequenceBatch> backends, int maxBatch, long gatherNanos,
                    StepBatcher.Listener listener) {
        this(backends, maxBatch, gatherNanos, StepBatcher.SPLIT_AT, listener);
    }

    /** As above, with sequences stepping in two groups in turn from {@code splitAt} of them (0: never). */
    public Batchers(Function<LanguageModel, SequenceBatch> backends, int maxBatch, long gatherNanos, int splitAt,
                    StepBatcher.Listener listener) {
        this.splitAt = splitAt;
        this.backends = backends;
        this.maxBatch = maxBatch;
        this.gatherNanos = gatherNanos;
        this.listener = listener;
    }

    @Override
    public Decoder open(LanguageModel model, boolean parallel) {
        StepBatcher batcher;
        synchronized (byModel) {
            batcher = byModel.computeIfAbsent(model,
                    m -> new StepBatcher(m.name(), backends.apply(m), maxBatch, gatherNanos, splitAt, listener));
        }
        return batcher.open(model.config().vocabSize());
    }

    @Override
    public void close() {
        synchronized (byModel) {
            byModel.values().forEach(StepBatcher::close);
            byModel.clear();
        }
    }
}
