package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The wait estimate behind deadlines and the latency target, fed answers with given times and loads. */
class LatencyEstimateTest {
    private static final long MS = 1_000_000L;

    @Test
    void knowsNothingBeforeAnAnswer() {
        assertEquals(0, new LatencyEstimate().expectedNanos(5));
    }

    @Test
    void atALoadItHasSeenItSaysWhatAnswersAtThatLoadTook() {
        LatencyEstimate estimate = new LatencyEstimate();
        // Eight requests decoding together each took 100 ms: the ninth-to-eighth admitted is not 8 x 100 ms away.
        for (int i = 0; i < 20; i++) {
            estimate.answered(100 * MS, 8);
        }
        assertEquals(100 * MS, estimate.expectedNanos(8));
    }

    @Test
    void itTakesTheTailOfWhatAnswersNearThatLoadTook() {
        LatencyEstimate estimate = new LatencyEstimate();
        for (int i = 0; i < 18; i++) {
            estimate.answered(50 * MS, 10);
        }
        estimate.answered(400 * MS, 10); // one reply in ten redraws: the 95th percentile is a redraw's
        estimate.answered(400 * MS, 10);
        assertEquals(400 * MS, estimate.expectedNanos(10));
    }

    @Test
    void aLittleMoreLoadThanSeenScalesUpInProportion() {
        LatencyEstimate estimate = new LatencyEstimate();
        for (int i = 0; i < 20; i++) {
            estimate.answered(100 * MS, 8);
        }
        assertEquals(150 * MS, estimate.expectedNanos(12));
        assertEquals(100 * MS, estimate.expectedNanos(5), "answers at more load, within 2x, as they took: an overstatement");
    }

    @Test
    void farFromEveryLoadSeenItAssumesWorkAddsUp() {
        LatencyEstimate estimate = new LatencyEstimate();
        for (int i = 0; i < 20; i++) {
            estimate.answered(10 * MS, 1);
        }
        assertEquals(240 * MS, estimate.expectedNanos(24));
        for (int i = 0; i < 20; i++) {
            estimate.answered(240 * MS, 24);
        }
        assertEquals(240 * MS, estimate.expectedNanos(24), "once answers at that load come, they decide");
    }

    @Test
    void farFromEveryLoadSeenOneSlowAnswerDoesNotDecide() {
        LatencyEstimate estimate = new LatencyEstimate();
        estimate.answered(10_000 * MS, 1); // a worker elsewhere loaded its model for this one
        for (int i = 0; i < 10; i++) {
            estimate.answered(100 * MS, 1);
        }
        assertEquals(700 * MS, estimate.expectedNanos(7), "a typical answer's time, seven times: not 70 s");
    }

    @Test
    void onlyTheRecentAnswersCount() {
        LatencyEstimate estimate = new LatencyEstimate();
        estimate.answered(60_000 * MS, 1); // a first answer that loaded the model
        for (int i = 0; i < LatencyEstimate.RECENT; i++) {
            estimate.answered(10 * MS, 1);
        }
        assertEquals(10 * MS, estimate.expectedNanos(1));
    }
}
