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
    /**
     * Tokens run by the calling thread's decoders so far, {@link Usage}'s three counts: a worker's job is one thread's
     * run (its decoders block there until their batched step is done), so the difference around a job is its own.
     */
    private static final ThreadLocal<long[]> USED_HERE = ThreadLocal.withInitial(() -> new long[3]);
    private static final int STEPPED = 0;
    private static final int PROMPT = 1;
    private static final int CACHED = 2;

    /**
     * Tokens stepped for their logits on this thread so far, through any decoder this source handed out;
     * the difference around a job is the job's sampled tokens (its redraws included).
     */
    public static long steppedOnThisThread() {
        return USED_HERE.get()[STEPPED];
    }

    /** What this thread's decoders have run so far; {@link Usage#minus} of two is what a job between them ran. */
    public static Usage usageOnThisThread() {
        long[] used = USED_HERE.get();
        return new Usage(used[PROMPT], used[CACHED], used[STEPPED]);
    }

    /**
     * Tokens a job's decoders ran, as OpenAI's {@code usage} counts them.
     *
     * @param prompt    the prompts the model was conditioned on, whole: every prefill's context (the card, the retrieved
     *                  facts, the history and the format's own tokens, as the engine built them), and tokens fed one by
     *                  one without their logits
     * @param cached    of those, the ones not run again because a decoder held them already (the prompt cache)
     * @param generated the tokens sampled and run for the next one's logits: every draw's, redraws included
     */
    public record Usage(long prompt, long cached, long generated) {
        public Usage minus(Usage before) {
            return new Usage(prompt - before.prompt, cached - before.cached, generated - before.generated);
        }
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
            USED_HERE.get()[STEPPED]++;
            return logits;
        }

        @Override
        public float[][] step(int[] tokens) {
            float[][] logits = inner.step(tokens);
            report();
            tally.steppedTokens(tokens.length);
            USED_HERE.get()[STEPPED] += tokens.length;
            return logits;
        }

        @Override
        public void feed(int token) {
            inner.feed(token);
            report();
            USED_HERE.get()[PROMPT]++;
        }

        @Override
        public float[] prefill(int[] tokens, int offset, int length) {
            int held = inner.position();
            float[] logits = inner.prefill(tokens, offset, length);
            report();
            long[] used = USED_HERE.get();
            // The prompt is what the decoder holds now: the positions it kept (cached) and the ones just run.
            used[PROMPT] += held + length;
            used[CACHED] += held;
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
