package dev.improv.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who runs, who waits in line and who is refused: counts only, no clock (every deadline is far). */
class AdmissionTest {
    private static final long FAR = Long.MAX_VALUE / 2;

    @Test
    void pastTheLimitAFreshNodeLetsALineWaitThenRefuses() throws Exception {
        Admission door = new Admission(100, null, true);
        List<Admission.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < ConcurrencyLimit.INITIAL + Admission.FRESH_WAITING; i++) {
            tickets.add(door.admit("dialogue", System.nanoTime() + FAR));
        }
        for (int i = 0; i < tickets.size(); i++) {
            assertEquals(i < ConcurrencyLimit.INITIAL, tickets.get(i).started().isDone(), "ticket " + i);
        }
        assertEquals(Admission.FRESH_WAITING, door.waiting());
        Admission.Refused refused = assertThrows(Admission.Refused.class, () -> door.admit("dialogue", System.nanoTime() + FAR));
        assertEquals(429, refused.status());
        assertEquals("concurrency_limit", refused.reason());
        assertTrue(refused.retryAfterSeconds() >= 1);
        assertTrue(door.admit("levels", System.nanoTime() + FAR).started().isDone(), "another endpoint has its own limit and line");
    }

    @Test
    void aFinishedRequestStartsTheFirstInLineAndALeavingOneNeverStarts() throws Exception {
        Admission door = new Admission(100, null, true);
        List<Admission.Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < ConcurrencyLimit.INITIAL + 3; i++) {
            tickets.add(door.admit("music", System.nanoTime() + FAR));
        }
        Admission.Ticket first = tickets.get(ConcurrencyLimit.INITIAL);
        Admission.Ticket second = tickets.get(ConcurrencyLimit.INITIAL + 1);
        Admission.Ticket third = tickets.get(ConcurrencyLimit.INITIAL + 2);
        second.close(); // its client gave up (a deadline) while it waited
        assertEquals(ConcurrencyLimit.INITIAL + 2, door.admitted());
        tickets.get(0).close(true);
        assertTrue(first.started().isDone(), "first come, first served");
        assertFalse(second.started().isDone());
        assertFalse(third.started().isDone());
        tickets.get(1).close(true);
        assertTrue(third.started().isDone());
        assertFalse(second.started().isDone(), "one that left the line never starts");
        assertEquals(0, door.waiting());
        first.close(true);
        third.close(true);
        assertEquals(0, door.admitted());
    }

    @Test
    void theNodesBoundCountsThoseInLine() throws Exception {
        Admission door = new Admission(5, null, true);
        for (int i = 0; i < 5; i++) {
            door.admit("chat", System.nanoTime() + FAR);
        }
        assertEquals(5 - ConcurrencyLimit.INITIAL, door.waiting());
        assertEquals("queue_full", assertThrows(Admission.Refused.class,
                () -> door.admit("levels", System.nanoTime() + FAR)).reason());
    }

    @Test
    void aFixedNodeStartsEverythingUpToItsBound() throws Exception {
        Admission door = new Admission(12, null, false);
        for (int i = 0; i < 12; i++) {
            assertTrue(door.admit("music", System.nanoTime() + FAR).started().isDone());
        }
        assertEquals(0, door.waiting());
        assertEquals("queue_full", assertThrows(Admission.Refused.class,
                () -> door.admit("music", System.nanoTime() + FAR)).reason());
    }
}
