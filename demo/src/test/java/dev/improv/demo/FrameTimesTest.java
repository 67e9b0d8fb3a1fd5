package dev.improv.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.demo.FrameTimes.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame timings from a synthetic clock: intervals, phases inside a frame, the time between frames. */
class FrameTimesTest {
    private static final long MS = 1_000_000L;

    @Test
    void splitsEachFrameIntoItsPhases() {
        FrameTimes t = new FrameTimes();
        long now = 1_000 * MS;
        for (int i = 0; i < 10; i++) {
            long interval = i == 7 ? 40 * MS : 16 * MS; // one slow frame
            t.begin(now);
            t.logicDone(now + 1 * MS);
            t.pass(Series.WORLD_PASS, now + 3 * MS);
            t.pass(Series.SCREEN_PASS, now + 6 * MS);
            t.drawDone(now + 7 * MS);
            t.end(now + 8 * MS);
            now += interval;
        }
        assertEquals(10, t.count());
        assertEquals(16, t.percentile(Series.INTERVAL, 50, 0), 1e-9);
        assertEquals(40, t.percentile(Series.INTERVAL, 100, 0), 1e-9, "frame 8 began 40 ms after frame 7");
        assertEquals(1, t.slowerThan(20, 0));
        assertEquals(0, t.slowerThan(20, 9), "the slow interval is left out with the first 9 frames");
        assertEquals(1, t.percentile(Series.LOGIC, 50, 0), 1e-9);
        assertEquals(6, t.percentile(Series.DRAW, 50, 0), 1e-9);
        assertEquals(8, t.percentile(Series.WORK, 50, 0), 1e-9);
        assertEquals(2, t.percentile(Series.WORLD_PASS, 50, 0), 1e-9);
        assertEquals(3, t.percentile(Series.SCREEN_PASS, 50, 0), 1e-9);
        assertEquals(8, t.percentile(Series.OUTSIDE, 50, 1), 1e-9, "16 ms apart, 8 ms inside: 8 ms between");
        List<String> lines = t.csv().lines().toList();
        assertEquals(11, lines.size());
        assertTrue(lines.get(0).startsWith("frame,interval_ms,logic_ms"), lines.get(0));
        assertTrue(lines.get(8).startsWith("7,16.000,1.000,6.000,8.000,8.000"), lines.get(8));
    }
}
