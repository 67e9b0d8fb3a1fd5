package dev.improv.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class GenerationExecutorTest {

    /** A job that works in small steps, as a decoder does, until cancelled or done. */
    private static String slowJob(Cancellation c, long millis, AtomicBoolean sawCancel) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (c.isCancelled()) {
                sawCancel.set(true);
            }
            c.throwIfCancelled();
            Thread.sleep(1);
        }
        return "done";
    }

    @Test
    void aDeadlineAThousandYearsOutCompletesThePending() {
        try (GenerationExecutor ex = new GenerationExecutor(1, 4)) {
            // Duration.toNanos overflows past 292 years: this used to throw on the caller's thread.
            Outcome<String> o = ex.submit(c -> "later", Duration.ofDays(365_250)).await();
            assertEquals(Outcome.Status.COMPLETED, o.status());
            assertEquals("later", o.value());
            assertEquals("max", ex.submit(c -> "max", Duration.ofSeconds(Long.MAX_VALUE)).await().value());
        }
    }

    @Test
    void completesWithTheValue() {
        try (GenerationExecutor ex = new GenerationExecutor(1, 4)) {
            Outcome<String> o = ex.submit(c -> "hello", Duration.ofSeconds(5)).await();
            assertEquals(Outcome.Status.COMPLETED, o.status());
            assertEquals("hello", o.value());
        }
    }

    @Test
    void missedDeadlineEndsPromptlyAndStopsTheJob() throws Exception {
        try (GenerationExecutor ex = new GenerationExecutor(1, 4)) {
            AtomicBoolean sawCancel = new AtomicBoolean();
            long t0 = System.nanoTime();
            Pending<String> p = ex.submit(c -> slowJob(c, 5_000, sawCancel), Duration.ofMillis(50));
            Outcome<String> o = p.await();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(Outcome.Status.DEADLINE_MISSED, o.status());
            assertTrue(ms < 1_000, "deadline outcome took " + ms + " ms");
            assertEquals("authored", o.orElse("authored"));
            // The job saw its cancellation and freed the thread: the next job runs at once.
            assertEquals("next", ex.submit(c -> "next", Duration.ofSeconds(2)).await().value());
            assertTrue(sawCancel.get());
        }
    }

    @Test
    void cancelEndsTheCallAndFreesItsQueueSlot() {
        try (GenerationExecutor ex = new GenerationExecutor(1, 1)) {
            CountDownLatch release = new CountDownLatch(1);
            Pending<String> running = ex.submit(c -> {
                release.await(5, TimeUnit.SECONDS);
                return "first";
            }, null);
            Pending<String> queued = ex.submit(c -> "second", null);
            assertEquals(Outcome.Status.REJECTED, ex.submit(c -> "third", null).await().status());
            assertTrue(queued.cancel());
            assertEquals(Outcome.Status.CANCELLED, queued.await().status());
            assertEquals(0, ex.queued(), "the cancelled call gave its slot back");
            Pending<String> fourth = ex.submit(c -> "fourth", null);
            release.countDown();
            assertEquals("first", running.await().value());
            assertEquals("fourth", fourth.await().value());
        }
    }

    @Test
    void failuresAreOutcomesNotExceptions() {
        try (GenerationExecutor ex = new GenerationExecutor(1, 4)) {
            Outcome<String> o = ex.<String>submit(c -> {
                throw new IllegalStateException("model file is corrupt");
            }, null).await();
            assertEquals(Outcome.Status.FAILED, o.status());
            assertEquals("model file is corrupt", o.message());
        }
    }

    @Test
    void closeEndsEveryOpenCall() {
        GenerationExecutor ex = new GenerationExecutor(1, 4);
        AtomicBoolean sawCancel = new AtomicBoolean();
        Pending<String> running = ex.submit(c -> slowJob(c, 5_000, sawCancel), null);
        Pending<String> waiting = ex.submit(c -> "never", null);
        ex.close();
        assertEquals(Outcome.Status.CANCELLED, running.await().status());
        assertEquals(Outcome.Status.CANCELLED, waiting.await().status());
        assertEquals(Outcome.Status.REJECTED, ex.submit(c -> "late", null).await().status());
    }
}
