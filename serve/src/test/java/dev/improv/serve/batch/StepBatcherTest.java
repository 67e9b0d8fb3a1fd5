package dev.improv.serve.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Sequences stepped together through the batcher, on the service's backend (one weight read for all
 * rows), get the logits they would get alone from the CLI's batch-1 decoder, within float rounding
 * (the multi-row kernel sums in another order than the one-row kernel).
 */
class StepBatcherTest {
    private static final LanguageModel MODEL = LanguageModel.random(new TransformerConfig(64, 2, 32, 4, 64, 0f), 11);
    private static final float TOLERANCE = 1e-4f;

    @Test
    void concurrentSequencesDecodeTogetherAndMatchTheirOwnDecoders() throws Exception {
        checkAgainstLocalDecoders(6);
    }

    @Test
    void moreSequencesThanOneBlockJoinAnotherBlockAndStillMatch() throws Exception {
        // 20 sequences: the backend's second block of caches is made while the first is full.
        checkAgainstLocalDecoders(SharedDecoderBatch.BLOCK + 4);
    }

    private static void checkAgainstLocalDecoders(int threads) throws Exception {
        AtomicInteger largest = new AtomicInteger();
        List<float[]> got = new ArrayList<>();
        List<float[]> want = new ArrayList<>();
        try (Batchers batchers = new Batchers(SharedDecoderBatch::new, 64, 5_000_000L,
                (n, nanos) -> largest.accumulateAndGet(n, Math::max))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            List<List<float[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<float[]> mine = new ArrayList<>();
                results.add(mine);
                int seed = t;
                Thread w = new Thread(() -> {
                    try (Decoder d = batchers.open(MODEL, false)) {
                        go.await();
                        run(d, seed, mine);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                workers.add(w);
                w.start();
            }
            go.countDown();
            for (Thread w : workers) {
                w.join(30_000);
            }
            for (int t = 0; t < threads; t++) {
                got.addAll(results.get(t));
                try (Decoder alone = MODEL.newLocalDecoder(1, false)) {
                    run(alone, t, want);
                }
            }
        }
        assertTrue(got.size() == want.size() && !got.isEmpty(), got.size() + " vs " + want.size());
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i), got.get(i), TOLERANCE, "step " + i);
        }
        assertTrue(largest.get() >= 2, "steps that arrived together ran together (largest batch " + largest.get() + ")");
    }

    /** A prompt, some steps, a rewind and more steps, with tokens drawn from {@code seed}; records every logits row. */
    private static void run(Decoder d, int seed, List<float[]> out) {
        Random r = new Random(seed);
        int[] prompt = new int[3 + seed];
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = r.nextInt(64);
        }
        out.add(d.prefill(prompt, 0, prompt.length).clone());
        for (int i = 0; i < 12; i++) {
            out.add(d.step(r.nextInt(64)).clone());
        }
        d.rewind(d.position() - 4);
        for (int i = 0; i < 6; i++) {
            out.add(d.step(r.nextInt(64)).clone());
        }
    }
}
