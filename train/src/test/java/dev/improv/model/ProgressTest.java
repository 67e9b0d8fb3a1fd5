package dev.improv.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void aResumedRunDoesNotCountEarlierWorkAsItsOwnSpeed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("train", 1000, "steps", new PrintStream(bytes, true), false).resumedAt(900);
        p.update(900, "");
        // Nothing done in this process yet: the time left is unknown, not "900 steps in no time".
        assertTrue(bytes.toString().contains("900/1000 steps") && bytes.toString().contains("left ?"), bytes.toString());
    }

    @Test
    void aFreshRunEstimatesTheTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress("eval", 10, "docs", new PrintStream(bytes, true), false);
        p.update(5, "");
        assertTrue(bytes.toString().contains("5/10 docs") && !bytes.toString().contains("left ?"), bytes.toString());
    }
}
