package dev.improv.serve.batch;

import dev.improv.model.Decoder;
import dev.improv.model.DecoderSource;
import dev.improv.model.LanguageModel;
import java.util.function.LongConsumer;

/**
 * The service's decoder source: every batch-1 decoder it hands out, batched or (without a batcher)
 * local, reports the tokens it runs, prompts and sampled alike, so the service counts its own work
 * whichever way it decodes.
 */
public final class CountingDecoderSource implements DecoderSource {
    private final DecoderSource batched;
    private final LongConsumer tokens;

    /** Over {@code batched} (null: each job's own local decoder), telling {@code tokens} each new token count. */
    public CountingDecoderSource(DecoderSource batched, LongConsumer tokens) {
        this.batched = batched;
        this.tokens = tokens;
    }

    @Override
    public Decoder open(LanguageModel model, boolean parallel) {
        Decoder routed = batched == null ? null : batched.open(model, parallel);
        return new Counted(routed != null ? routed : model.newLocalDecoder(1, parallel), tokens);
    }

    /** Passes every call on, then reports how many tokens it ran. */
    private static final class Counted implements Decoder {
        private final Decoder inner;
        private final LongConsumer tokens;
        private long reported;

        Counted(Decoder inner, LongConsumer tokens) {
            this.inner = inner;
            this.tokens = tokens;
        }

        private void report() {
            long now = inner.tokensDecoded();
            if (now != reported) {
                tokens.accept(now - reported);
                reported = now;
            }
        }

        @Override
        public int batch() {
            return inner.batch();
        }

        @Override
        public int capacity() {
            return inner.capacity();
        }

        @Override
        public int position() {
            return inner.position();
        }

        @Override
        public float[] step(int token) {
            float[] logits = inner.step(token);
            report();
            return logits;
        }

        @Override
        public float[][] step(int[] tokens) {
            float[][] logits = inner.step(tokens);
            report();
            return logits;
        }

        @Override
        public void feed(int token) {
            inner.feed(token);
            report();
        }

        @Override
        public float[] prefill(int[] tokens, int offset, int length) {
            float[] logits = inner.prefill(tokens, offset, length);
            report();
            return logits;
        }

        @Override
        public long tokensDecoded() {
            return inner.tokensDecoded();
        }

        @Override
        public void rewind(int position) {
            inner.rewind(position);
        }

        @Override
        public void reset() {
            inner.reset();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
