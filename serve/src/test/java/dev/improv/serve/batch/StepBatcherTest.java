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

    /**
     * From {@code splitAt} sequences stepping, even and odd sequences step in turn (one group samples
     * while the other's step runs); below it they all step together. A backend that records each step.
     */
    @Test
    void manySequencesStepInTwoGroupsInTurnAndFewInOne() throws Exception {
        for (int threads : new int[] {4, 12}) {
            List<int[]> stepped = java.util.Collections.synchronizedList(new ArrayList<>());
            // After one step each the sequences are known to the batcher (a sequence that has not stepped yet is
            // awaited by no one): without the barrier, a thread the OS wakes late under load found the others done.
            java.util.concurrent.CyclicBarrier stepping = new java.util.concurrent.CyclicBarrier(threads);
            // A long gather (2 s, not 50 ms): which sequences step together is what is tested, not how soon a late one
            // comes back; under load (a build beside the tests on 2 cores) a thread woken 50 ms late split a 4-step.
            try (StepBatcher batcher = new StepBatcher("test", new RecordingBatch(stepped), 64, 2_000_000_000L, 8, (n, t) -> { })) {
                together(threads, t -> batcher.open(4), (d, t) -> {
                    d.step(1);
                    try {
                        stepping.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 1; i < 40; i++) {
                        d.step(1);
                    }
                });
            }
            int mixed = 0;
            int largest = 0;
            for (int[] step : stepped) {
                largest = Math.max(largest, step.length);
                for (int s : step) {
                    mixed += (s & 1) != (step[0] & 1) ? 1 : 0;
                }
            }
            int total = stepped.stream().mapToInt(a -> a.length).sum();
            assertTrue(total == threads * 40, total + " tokens stepped");
            if (threads >= 8) {
                // The first steps mix, before the batcher has seen how many are stepping, and so do the last ones,
                // once fewer than half of 8 are left; one group would put about half of the tokens with the other parity.
                assertTrue(mixed < total / 5, mixed + " tokens stepped with the other group, of " + total);
                assertTrue(largest >= 3 && largest <= threads / 2 + 1, "largest step " + largest);
            } else {
                assertTrue(largest == threads, "all " + threads + " step together below the split: largest " + largest);
            }
        }
    }

    /**
     * The only stepping sequence's steps run on its caller's thread (no hand-off to the batcher's thread and
     * back), a joined one that does not step notwithstanding; once a second sequence steps, they step together
     * on the batcher's thread again.
     */
    @Test
    void aLoneSequenceStepsOnItsOwnThreadAndTwoStillStepTogether() throws Exception {
        List<int[]> stepped = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> steppers = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingBatch backend = new RecordingBatch(stepped) {
            @Override
            public float[][] step(int[] sequences, int[] tokens, int count) {
                steppers.add(Thread.currentThread());
                return super.step(sequences, tokens, count);
            }
        };
        // A long gather: a step waits for the other sequence however slow the machine, so only who runs it is tested.
        try (StepBatcher batcher = new StepBatcher("test", backend, 64, 5_000_000_000L, 8, (n, t) -> { })) {
            // A primed prompt waiting in a cache: joined, never stepping.
            try (Decoder idle = batcher.open(4); Decoder lone = batcher.open(4)) {
                idle.prefill(new int[] {1, 2}, 0, 2);
                lone.prefill(new int[] {1, 2, 3}, 0, 3);
                for (int i = 0; i < 20; i++) {
                    lone.step(1);
                }
            }
            assertTrue(steppers.size() == 20 && steppers.stream().allMatch(t -> t == Thread.currentThread()),
                    "a lone sequence's 20 steps ran on its own thread: " + steppers.stream().map(Thread::getName).toList());
            stepped.clear();
            steppers.clear();
            try (Decoder first = batcher.open(4); Decoder second = batcher.open(4)) {
                first.step(1); // alone: on this thread, and now awaited
                Thread other = new Thread(() -> {
                    for (int i = 0; i < 20; i++) {
                        second.step(1);
                    }
                });
                other.start();
                // Its first step waits in the batcher for this one's next: the two step together from then on.
                long until = System.nanoTime() + 30_000_000_000L;
                while (other.getState() != Thread.State.WAITING && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                for (int i = 1; i < 20; i++) {
                    first.step(1);
                }
                first.close(); // the other's last step awaits it no longer
                other.join(30_000);
            }
        }
        assertTrue(stepped.stream().mapToInt(a -> a.length).sum() == 40, "every token stepped once");
        long pairs = stepped.stream().filter(a -> a.length == 2).count();
        assertTrue(pairs == 19, "two sequences stepping at once stepped together: " + pairs + " steps of 2 of "
                + stepped.size() + ": " + stepped.stream().map(java.util.Arrays::toString).toList());
    }

    /**
     * Every caller of a large step (13 sequences) wakes with its own row, and a step that fails fails every caller
     * of it instead of leaving one parked: the backend fails every step once it has stepped 300 rows, and each
     * caller steps until its step fails. (Session 20 tried callers waking each other in a tree, and kept this test
     * of the wake-ups when the tree went.)
     */
    @Test
    void everyCallerOfALargeStepWakesWithItsOwnRowOrItsError() throws Exception {
        int threads = 13;
        AtomicInteger rowsStepped = new AtomicInteger();
        RecordingBatch backend = new RecordingBatch(java.util.Collections.synchronizedList(new ArrayList<>())) {
            @Override
            public float[][] step(int[] sequences, int[] tokens, int count) {
                if (rowsStepped.get() >= 300) {
                    throw new IllegalStateException("the backend failed");
                }
                rowsStepped.addAndGet(count);
                float[][] rows = super.step(sequences, tokens, count);
                for (int i = 0; i < count; i++) {
                    rows[i][0] = tokens[i]; // each caller's row says whose it is
                }
                return rows;
            }
        };
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger rows = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // One group (splitAt 0) and a long gather: the steps hold all 13 however slow the machine.
        try (StepBatcher batcher = new StepBatcher("test", backend, 64, 5_000_000_000L, 0, (n, t) -> { })) {
            together(threads, t -> batcher.open(4), (d, t) -> {
                try {
                    for (int i = 0; i < 10_000; i++) {
                        float[] row = d.step(100 + t);
                        wrong.addAndGet(row[0] == 100 + t ? 0 : 1);
                        rows.incrementAndGet();
                    }
                } catch (IllegalStateException e) {
                    failed.incrementAndGet();
                }
            });
        }
        assertTrue(rows.get() >= 300, rows.get() + " rows came back");
        assertTrue(wrong.get() == 0, wrong.get() + " rows went to another sequence's caller");
        assertTrue(failed.get() == threads, failed.get() + " of " + threads + " callers saw the failed step");
    }

    /** Records which sequences each step held; logits are zeros. */
    private static class RecordingBatch implements SequenceBatch {
        private final List<int[]> stepped;
        private int next;

        RecordingBatch(List<int[]> stepped) {
            this.stepped = stepped;
        }

        @Override
        public int join() {
            return next++;
        }

        @Override
        public void leave(int sequence) {
        }

        @Override
        public void rewind(int sequence, int position) {
        }

        @Override
        public float[] prefill(int sequence, int[] tokens, int offset, int length) {
            return new float[4];
        }

        @Override
        public float[][] step(int[] sequences, int[] tokens, int count) {
            stepped.add(java.util.Arrays.copyOf(sequences, count));
            float[][] rows = new float[count][];
            for (int i = 0; i < count; i++) {
                rows[i] = new float[4];
            }
            return rows;
        }

        @Override
        public int capacity() {
            return 1000;
        }

        @Override
        public void close() {
        }
    }

    private static void checkAgainstLocalDecoders(int threads) throws Exception {
        AtomicInteger largest = new AtomicInteger();
        List<float[]> got = new ArrayList<>();
        List<float[]> want = new ArrayList<>();
        try (Batchers batchers = new Batchers(SharedDecoderBatch::new, 64, 5_000_000L,
                (n, nanos) -> largest.accumulateAndGet(n, Math::max))) {
            List<List<float[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(new ArrayList<>());
            }
            together(threads, t -> batchers.open(MODEL, false), (d, t) -> run(d, t, results.get(t)));
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

    /** {@code threads} threads, each opening its decoder, then all decoding at once with {@code work}; waits for them. */
    private static void together(int threads, java.util.function.IntFunction<Decoder> open,
                                 java.util.function.ObjIntConsumer<Decoder> work) throws InterruptedException {
        // Every thread opens its decoder before any steps: a thread that started late used to open after the
        // others had stepped alone for a while (a 4-thread run could end before its last thread's first step).
        CountDownLatch opened = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread w = new Thread(() -> {
                try (Decoder d = open.apply(index)) {
                    opened.countDown();
                    go.await();
                    work.accept(d, index);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers.add(w);
            w.start();
        }
        opened.await(30, java.util.concurrent.TimeUnit.SECONDS); // a thread whose open failed ends the wait too
        go.countDown();
        for (Thread w : workers) {
            w.join(30_000);
        }
    }

    /** A prompt, some steps, a rewind, a one-token prompt and more steps, with tokens drawn from {@code seed}; records every logits row. */
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
        out.add(d.prefill(new int[] {r.nextInt(64)}, 0, 1).clone()); // one token: stepped with the others in the batcher
        for (int i = 0; i < 6; i++) {
            out.add(d.step(r.nextInt(64)).clone());
        }
    }
}
