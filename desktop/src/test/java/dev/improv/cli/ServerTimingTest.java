package dev.improv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The benches read the service's Server-Timing header as the service writes it. */
class ServerTimingTest {

    @Test
    void readsWaitRunAndTokens() {
        assertEquals(new ServerTiming(0.012, 9.331, 21), ServerTiming.parse("wait;dur=0.012, run;dur=9.331, tokens;desc=21"));
        assertEquals(new ServerTiming(1, 2, 7), ServerTiming.parse("run;dur=2,wait;dur=1, tokens;desc=\"7\""), "any order, a quoted desc");
    }

    @Test
    void tokensAreOptionalWaitAndRunAreNot() {
        assertEquals(new ServerTiming(0.5, 3.25, -1), ServerTiming.parse("wait;dur=0.5, run;dur=3.25"));
        assertNull(ServerTiming.parse("run;dur=3.25, tokens;desc=4"));
        assertNull(ServerTiming.parse(null));
    }
}
