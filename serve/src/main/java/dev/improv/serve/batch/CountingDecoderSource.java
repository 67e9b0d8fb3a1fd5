package dev.improv.serve.batch;

import dev.improv.model.Decoder;
import dev.improv.model.DecoderSource;
import dev.improv.model.LanguageModel;

/**
 * The service's decoder source: every batch-1 decoder it hands out, batched or (without a batcher)
 * local, reports the tokens it runs, so the service counts its own work whichever way it decodes.
 */
public final class CountingDecoderSource implements DecoderSource {

    /** Told about tokens as decoders run them. */
    public interface Tally {
        /** {@code count} more tokens went through a decoder, prompts and sampled alike. */
        void decoded(long count);

        /**
         * {@code count} of them were stepped one at a time for their next-token logits (what a
         * generator samples from); the rest were prompt tokens fed in bulk.
         */
        void steppedTokens(long count);
    }

    private final DecoderSource batched;
    private final Tally tally;
    /** Tokens stepped by the calling thread so far: a worker's job is one thread's run, so this counts a job's own. */
    private static final ThreadLocal<long[]> STEPPED_HERE = ThreadLocal.withInitial(() -> new long[1]);

    /**
     * Tokens stepped for their logits on this thread so far, through any decoder this source handed out;
     * the difference around a job is the job's sampled tokens (its redraws included).
     */
    public static long steppedOnThisThread() {
        return STEPPED_HERE.get()[0];
    }

    /** Over {@code batched} (null: each job's own local decoder), telling {@code tally} each new token count. */
    public CountingDecoderSource(DecoderSource batched, Tally tally) {
        this.batched = batched;
        this.tally = tally;
    }

    @Override
    public Decoder open(LanguageModel model, boolean parallel) {
        Decoder routed = batched == null ? null : batched.open(model, parallel);
        return new Counted(routed != null ? routed : model.newLocalDecoder(1, parallel), tally);
    }

    /** Passes every call on, then reports how many tokens it ran. */
    private static final class Counted implements Decoder {
        private final Decoder inner;
        private final Tally tally;
        private long reported;

        Counted(Decoder inner, Tally tally) {
            this.inner = inner;
            this.tally = tally;
        }

        private void report() {
            long now = inner.tokensDecoded();
            if (now != reported) {
                tally.decoded(now - reported);
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
            tally.steppedTokens(1);
            STEPPED_HERE.get()[0]++;
            return logits;
        }

        @Override
        public float[][] step(int[] tokens) {
            float[][] logits = inner.step(tokens);
            report();
            tally.steppedTokens(tokens.length);
            STEPPED_HERE.get()[0] += tokens.length;
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
