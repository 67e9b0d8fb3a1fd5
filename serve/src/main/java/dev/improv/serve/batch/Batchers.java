package dev.improv.serve.batch;

import dev.improv.model.Decoder;
import dev.improv.model.DecoderSource;
import dev.improv.model.LanguageModel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link DecoderSource} with {@code lanes} {@link StepBatcher}s per loaded model, each with its own
 * thread and backend: installed by the service, it makes every generator's decoder a sequence in one
 * of its model's batches, the one with the fewest sequences. Two lanes on 2 cores step two batches at
 * once instead of one thread stepping them in turn.
 */
public final class Batchers implements DecoderSource, AutoCloseable {
    /** Batchers per model; {@code improv.serve.batch.lanes} overrides. */
    public static final int LANES = Integer.getInteger("improv.serve.batch.lanes", 1);

    private final Function<LanguageModel, SequenceBatch> backends;
    private final int maxBatch;
    private final long gatherNanos;
    private final int splitAt;
    private final int lanes;
    private final StepBatcher.Listener listener;
    private final Map<LanguageModel, List<StepBatcher>> byModel = new IdentityHashMap<>();

    public Batchers(Function<LanguageModel, SequenceBatch> backends, int maxBatch, long gatherNanos,
                    StepBatcher.Listener listener) {
        this(backends, maxBatch, gatherNanos, StepBatcher.SPLIT_AT, LANES, listener);
    }

    /**
     * As above, with sequences stepping in two groups in turn from {@code splitAt} of them in a lane (0: never),
     * and {@code lanes} batchers per model.
     */
    public Batchers(Function<LanguageModel, SequenceBatch> backends, int maxBatch, long gatherNanos, int splitAt,
                    int lanes, StepBatcher.Listener listener) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
        }
        this.splitAt = splitAt;
        this.lanes = lanes;
        this.backends = backends;
        this.maxBatch = maxBatch;
        this.gatherNanos = gatherNanos;
        this.listener = listener;
    }

    @Override
    public Decoder open(LanguageModel model, boolean parallel) {
        synchronized (byModel) { // the join inside, so that two opens at once count each other
            List<StepBatcher> ofModel = byModel.computeIfAbsent(model, m -> {
                List<StepBatcher> list = new ArrayList<>();
                for (int i = 0; i < lanes; i++) {
                    String name = lanes == 1 ? m.name() : m.name() + "-" + (i + 1);
                    list.add(new StepBatcher(name, backends.apply(m), maxBatch, gatherNanos, splitAt, listener));
                }
                return list;
            });
            StepBatcher batcher = ofModel.get(0);
            for (StepBatcher b : ofModel) {
                if (b.joinedCount() < batcher.joinedCount()) {
                    batcher = b;
                }
            }
            return batcher.open(model.config().vocabSize());
        }
    }

    /** Sequences joined in each of {@code model}'s lanes (none before its first decoder). */
    int[] joinedPerLane(LanguageModel model) {
        synchronized (byModel) {
            return byModel.getOrDefault(model, List.of()).stream().mapToInt(StepBatcher::joinedCount).toArray();
        }
    }

    @Override
    public void close() {
        synchronized (byModel) {
            byModel.values().forEach(list -> list.forEach(StepBatcher::close));
            byModel.clear();
        }
    }
}
