package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The adaptive limit's rule, fed answers with given times (no clock: every figure here is an argument). */
class ConcurrencyLimitTest {
    private static final long MS = 1_000_000L;

    /** Answers that ran alone, each {@code ms} long: they set the unloaded tail. */
    private static void alone(ConcurrencyLimit limit, int answers, long ms) {
        for (int i = 0; i < answers; i++) {
            limit.answered(ms * MS, 1.0, false, 1, limit.generation());
        }
    }

    /**
     * One window of answers of {@code ms}, shared by several requests, admitted under the limit as it stands
     * at the window's start (a change within it does not make the rest of its answers admitted under the new one).
     */
    private static void window(ConcurrencyLimit limit, long ms, int admitted) {
        int generation = limit.generation();
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            limit.answered(ms * MS, 4.0, false, admitted, generation);
        }
    }

    /** The windows under one limit that it takes before it may grow. */
    private static final int WINDOWS_TO_GROW = ConcurrencyLimit.GROW_EVIDENCE / ConcurrencyLimit.WINDOW;

    /** Enough windows of answers of {@code ms} under the limit as it stands, reaching it, for it to grow (if it may). */
    private static void windowsToGrow(ConcurrencyLimit limit, long ms) {
        int at = limit.limit();
        for (int i = 0; i < WINDOWS_TO_GROW; i++) {
            window(limit, ms, at);
        }
    }

    /** Grows the limit to {@code target} with windows at the unloaded latency, the limit reached in each. */
    private static void growTo(ConcurrencyLimit limit, int target) {
        while (limit.limit() < target) {
            window(limit, 10, limit.limit());
        }
    }

    @Test
    void startsLowWithinTheNodesBound() {
        assertEquals(ConcurrencyLimit.INITIAL, new ConcurrencyLimit(320).limit());
        assertEquals(1, new ConcurrencyLimit(1).limit(), "never past workers + queue");
        assertThrows(IllegalArgumentException.class, () -> new ConcurrencyLimit(0));
    }

    @Test
    void growsByOneOnceItsTailIsAP99WhileTheTailStaysNearUnloadedAndTheLimitIsReached() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 20);
        int before = limit.limit();
        // The 32 that ran alone were admitted under this limit too: 64 answers now, whose slowest is not yet a p99.
        window(limit, 21, before);
        assertEquals(before, limit.limit(), "the slowest of 64 is not yet a p99");
        window(limit, 21, before); // 96 = GROW_EVIDENCE
        assertEquals(96, ConcurrencyLimit.GROW_EVIDENCE);
        assertEquals(before + 1, limit.limit());
        assertEquals(1.05, limit.lastRatio(), 1e-9);
        windowsToGrow(limit, 21);
        assertEquals(before + 2, limit.limit());
    }

    @Test
    void oneAnswerLateByTheGoalShrinksTheLimitBeforeTheWindowEnds() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        growTo(limit, 8);
        for (int i = 1; i < ConcurrencyLimit.EARLY; i++) {
            limit.answered(10 * MS, 4.0, false, 8, limit.generation());
        }
        assertEquals(8, limit.limit());
        limit.answered(25 * MS, 4.0, false, 8, limit.generation()); // 2.5x: 8 * 1.5 / 2.5 = 4.8
        assertEquals(4, limit.limit(), "a burst is met after " + ConcurrencyLimit.EARLY + " answers, not a window");
        // Before EARLY answers under the new limit, a late one waits for more evidence.
        limit.answered(25 * MS, 4.0, false, 4, limit.generation());
        assertEquals(4, limit.limit());
    }

    @Test
    void aRequestMayWaitForWhatIsLeftOfTheGrowThresholdAfterTheRecentTail() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        assertEquals(-1, limit.waitBudgetNanos(), "a fresh node knows no unloaded latency to judge a wait by");
        alone(limit, ConcurrencyLimit.EARLY - 1, 20);
        assertEquals(-1, limit.waitBudgetNanos());
        alone(limit, 1, 20);
        assertEquals(4 * MS, limit.waitBudgetNanos(), "the slowest of " + ConcurrencyLimit.EARLY + " that ran alone stands in");
        alone(limit, 32 - ConcurrencyLimit.EARLY, 20);
        assertEquals(4 * MS, limit.waitBudgetNanos(), "1.2 x 20 ms, less the 20 ms that running takes unloaded");
        window(limit, 21, limit.limit());
        assertEquals(3 * MS, limit.waitBudgetNanos(), "24 ms less the recent 21 ms");
        window(limit, 25, limit.limit());
        assertEquals(0, limit.waitBudgetNanos(), "past the grow threshold nobody waits, though the limit holds");
        assertEquals(2, limit.limit());
    }

    @Test
    void doesNotGrowWhenTheLimitWasNotReached() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        growTo(limit, 6);
        // Fast answers while fewer than the limit were admitted say nothing about more load.
        for (int i = 0; i < WINDOWS_TO_GROW; i++) {
            window(limit, 10, 5);
        }
        assertEquals(6, limit.limit());
    }

    @Test
    void shrinksInProportionToHowFarTheTailIsPastTheTolerance() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        growTo(limit, 16);
        window(limit, 20, 16); // 2x unloaded: 16 * 1.5 / 2 = 12
        assertEquals(12, limit.limit());
        window(limit, 1000, 12); // 100x: at most halved at once
        assertEquals(6, limit.limit());
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
        window(limit, 14, before); // 1.4x: neither
        assertEquals(before, limit.limit());
    }

    @Test
    void theUnloadedTailFollowsTheLatestAnswersThatRanAlone() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, ConcurrencyLimit.ALONE, 10);
        // The machine slows down (other work on its cores): answers that run alone now take 30 ms.
        alone(limit, ConcurrencyLimit.ALONE, 30);
        int before = limit.limit();
        windowsToGrow(limit, 32);
        assertEquals(before + 1, limit.limit(), "32 ms is near the new unloaded 30 ms, not 3.2x the old 10 ms");
    }

    @Test
    void answersAdmittedAloneWhileOthersWereRefusedAreNotUnloaded() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, ConcurrencyLimit.ALONE, 10);
        // A burst at a limit of 1: each answer is admitted alone, but the node refuses the rest meanwhile.
        for (int i = 0; i < ConcurrencyLimit.ALONE; i++) {
            limit.answered(30 * MS, 1.0, true, 1, -1); // admitted under another limit: judges nothing but the reference
        }
        assertEquals(10 * MS, limit.unloadedNanos(), "the reference stays the quiet node's");
    }

    @Test
    void withoutAnswersThatRanAloneTheFastestTailStandsIn() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        int before = limit.limit();
        windowsToGrow(limit, 20);
        assertEquals(before + 1, limit.limit(), "the first windows are their own reference");
        window(limit, 60, before + 1); // 3x the fastest tail: at most halved, 3 / 2 = 1.5
        assertEquals(1, limit.limit());
    }

    @Test
    void theTailNotTheP90Decides() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        growTo(limit, 8);
        // A window whose p90 is unloaded but whose slowest answer is 2.4x: the p99 is what the goal is on.
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            limit.answered((i < ConcurrencyLimit.WINDOW - 1 ? 10 : 24) * MS, 4.0, false, 8, limit.generation());
        }
        assertEquals(2.4, limit.lastRatio(), 1e-9);
        assertEquals(5, limit.limit(), "8 * 1.5 / 2.4 = 5");
    }

    @Test
    void theUnloadedTailIsTheTailOfTheAnswersThatRanAloneNotTheirTypicalTime() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        // Most replies alone take 10 ms, one in fifty (a redraw) 40 ms: the unloaded p99 is 40 ms.
        for (int i = 0; i < 100; i++) {
            limit.answered((i % 50 == 49 ? 40 : 10) * MS, 1.0, false, 1, limit.generation());
        }
        int before = limit.limit();
        // Loaded, redraws take 42 ms: 1.05x the unloaded tail, though 4.2x a typical answer alone.
        for (int i = 0; i < ConcurrencyLimit.GROW_EVIDENCE; i++) {
            limit.answered((i % 50 < 2 ? 42 : 12) * MS, 3.0, false, before, limit.generation());
        }
        assertEquals(1.05, limit.lastRatio(), 1e-9);
        assertEquals(before + 1, limit.limit());
    }

    @Test
    void answersAdmittedUnderAnOlderLimitDoNotJudgeTheNewOne() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        alone(limit, 32, 10);
        growTo(limit, 8);
        int old = limit.generation();
        window(limit, 20, 8); // 2x: 8 * 1.5 / 2 = 6
        assertEquals(6, limit.limit());
        // The slow answers admitted under 8 still come in; they say nothing about 6.
        for (int i = 0; i < 3 * ConcurrencyLimit.WINDOW; i++) {
            limit.answered(20 * MS, 4.0, false, 8, old);
        }
        assertEquals(6, limit.limit());
        // Nor does the tail of the old limit linger in the new one's: answers under 6 at 13 ms hold it (1.3x, between).
        window(limit, 13, 6);
        assertEquals(1.3, limit.lastRatio(), 1e-9);
        assertEquals(6, limit.limit());
    }

    /** Answers that ran alone: each {@code ms} long and {@code tokens} tokens sampled. */
    private static void aloneWithTokens(ConcurrencyLimit limit, int answers, long ms, long tokens) {
        for (int i = 0; i < answers; i++) {
            limit.answered(ms * MS, tokens, 1.0, false, 1, limit.generation());
        }
    }

    @Test
    void byTheTokenALongReplyAtTheUnloadedPaceIsNotLoad() {
        // Alone: 10-token replies in 10 ms, 1 ms a token (the unloaded tail 10 ms).
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        aloneWithTokens(limit, 32, 10, 10);
        assertEquals(1e6, limit.unloadedPerToken(), 1e-6);
        int before = limit.limit();
        // Under the limit, 1.1 ms a token; one reply in 16 redrew to 40 tokens, 44 ms: 4.4x the unloaded tail,
        // which the tail rule would read as load (and shrink at once, late by 2x).
        for (int i = 0; i < ConcurrencyLimit.GROW_EVIDENCE; i++) {
            boolean redrew = i % 16 == 15;
            limit.answered((redrew ? 44 : 11) * MS, redrew ? 40 : 10, 3.0, false, before, limit.generation());
        }
        assertEquals(1.1, limit.lastRatio(), 1e-9);
        assertEquals(before + 1, limit.limit(), "1.1x a token's unloaded time: grows");
    }

    @Test
    void byTheTokenSlowTokensShrinkTheLimitThoughTheTailLooksUnloaded() {
        // Alone: most replies 2 tokens in 2 ms, one in 8 redrew to 30 tokens, 30 ms: 1 ms a token, tail 30 ms.
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        for (int i = 0; i < 64; i++) {
            boolean redrew = i % 8 == 7;
            limit.answered((redrew ? 30 : 2) * MS, redrew ? 30 : 2, 1.0, false, 1, limit.generation());
        }
        assertEquals(30 * MS, limit.unloadedNanos());
        growTo(limit, 8); // no tokens said: the tails judge, 10 ms against 30
        // A window of short replies at 2 ms a token: the slowest is 4 ms, far under the unloaded tail, but
        // every token takes twice its unloaded time: 8 * 1.5 / 2 = 6.
        int generation = limit.generation();
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            limit.answered(4 * MS, 2, 4.0, false, 8, generation);
        }
        assertEquals(2.0, limit.lastRatio(), 1e-9);
        assertEquals(6, limit.limit());
    }

    @Test
    void byTheTokenAnAnswerLateByTheGoalShrinksEarlyOnlyIfItsTokensWereSlow() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        aloneWithTokens(limit, 32, 10, 10);
        growTo(limit, 8);
        for (int i = 1; i < ConcurrencyLimit.EARLY; i++) {
            limit.answered(10 * MS, 10, 4.0, false, 8, limit.generation());
        }
        limit.answered(30 * MS, 30, 4.0, false, 8, limit.generation()); // 3x the tail, 1 ms a token
        assertEquals(8, limit.limit(), "a long reply at the unloaded pace");
        limit.answered(25 * MS, 10, 4.0, false, 8, limit.generation()); // 2.5x the tail, 2.5 ms a token
        assertEquals(4, limit.limit(), "late and slow: at once, not at the window's end");
    }

    @Test
    void byTheTokenARequestMayWaitForWhatTheSlowdownLeaves() {
        ConcurrencyLimit limit = new ConcurrencyLimit(320);
        aloneWithTokens(limit, 32, 20, 20); // 1 ms a token, tail 20 ms
        // A window at 1.05 ms a token whose slowest redrew to 60 tokens (63 ms, 3x the tail): the slowdown, not
        // that reply, says what running takes, and what is left of 1.2x the tail may be waited.
        int generation = limit.generation();
        for (int i = 0; i < ConcurrencyLimit.WINDOW; i++) {
            boolean redrew = i == 20;
            limit.answered((redrew ? 63 : 21) * MS, redrew ? 60 : 20, 1.3, false, 1, generation);
        }
        // The 32 that ran alone were admitted under this limit too.
        double ratio = (32 * 20 + 31 * 21 + 63) / (double) (32 * 20 + 31 * 20 + 60);
        assertEquals(ratio, limit.lastRatio(), 1e-9);
        assertEquals(Math.round((1.2 - ratio) * 20 * MS), limit.waitBudgetNanos(), "not 0, as a 63 ms tail would leave");
    }
}
