package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The adaptive limit's rule, fed answers with given times (no clock: every figure here is an argument). */
class ConcurrencyLimitTest {
    private static final long MS = 1_000_000L;

    /** Answers that ran alone, each {@code ms} long: they set the unloaded latency. */
    private static void alone(ConcurrencyLimit limit, int answers, long ms) {
        for (int i = 0; i < answers; i++) {
            limit.answered(ms * MS, 1.0, 1);
        }
    }

    /** One window of answers of {@code ms}, shared by several requests, while {@code admitted} were admitted. */
    private static void window(ConcurrencyLimit limit, long ms, int admitted) {
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            limit.answered(ms * MS, 4.0, admitted);
        }
    }

    @Test
    void startsAtItsInitialGuessWithinTheNodesBound() {
        assertEquals(ConcurrencyLimit.INITIAL, new ConcurrencyLimit(320).limit());
        assertEquals(3, new ConcurrencyLimit(3).limit(), "never past workers + queue");
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(0));
    }

    @Test
    void growsByOneAWindowWhileLatencyStaysNearUnloadedAndTheLimitIsInUse() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        int before = limit.limit();
        window(limit, 11, before);
        assertEquals(before + 1, limit.limit());
        assertEquals(1.1, limit.lastRatio(), 1e-9);
        window(limit, 11, before + 1);
        assertEquals(before + 2, limit.limit());
    }

    @Test
    void doesNotGrowWhenFewRequestsUseIt() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        int before = limit.limit();
        // Fast answers while fewer than half the limit were admitted say nothing about more load.
        window(limit, 10, before / 2 - 1);
        assertEquals(before, limit.limit());
    }

    @Test
    void shrinksInProportionToHowFarLatencyIsPastTheTolerance() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        while (limit.limit() < 16) {
            window(limit, 10, 100); // one more a window
        }
        window(limit, 30, 16); // 3x unloaded: 16 * 1.75 / 3 = 9.3
        assertEquals(9, limit.limit());
        window(limit, 1000, 9); // 100x: at most halved at once
        assertEquals(4, limit.limit());
        for (int i = 0; i < 10; i++) {
            window(limit, 1000, 5);
        }
        assertEquals(1, limit.limit(), "never below one: a node always serves something");
    }

    @Test
    void holdsBetweenTheGrowAndShrinkThresholds() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        int before = limit.limit();
        window(limit, 17, before); // 1.7x: neither
        assertEquals(before, limit.limit());
    }

    @Test
    void theUnloadedLatencyFollowsTheLatestAnswersThatRanAlone() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 64, 10);
        // The machine slows down (other work on its cores): answers that run alone now take 30 ms.
        alone(limit, 64, 30);
        int before = limit.limit();
        window(limit, 33, before);
        assertEquals(before + 1, limit.limit(), "33 ms is near the new unloaded 30 ms, not 3.3x the old 10 ms");
    }

    @Test
    void withoutAnswersThatRanAloneTheFastestWindowStandsIn() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        int before = limit.limit();
        window(limit, 20, before);
        assertEquals(before + 1, limit.limit(), "the first window is its own reference");
        window(limit, 60, before + 1); // 3x the fastest window: (4 + 1) * 1.75 / 3 = 2.9
        assertEquals(2, limit.limit());
    }

    @Test
    void theP90NotTheMedianDecides() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        int before = limit.limit();
        // A window whose median is unloaded but whose slowest eighth is 4x: the tail is what clients see.
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            limit.answered((i < ConcurrencyLimit.WINDOW - ConcurrencyLimit.WINDOW / 8 ? 10 : 40) * MS, 4.0, before);
        }
        assertEquals(4.0, limit.lastRatio(), 1e-9);
        assertEquals(before / 2, limit.limit());
    }
}
