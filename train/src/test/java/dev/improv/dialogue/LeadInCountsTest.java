package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counting what training replies say before a value, and writing the table the NPC check reads. */
class LeadInCountsTest {

    @Test
    void countsLeadInsAndOpenersByKindAndWritesThoseSaidOftenEnough(@TempDir Path dir) throws IOException {
        LeadInCounts counts = new LeadInCounts();
        int often = LeadIns.MIN_COUNT;
        for (int i = 0; i < often; i++) {
            counts.add("It costs $" + (10 + i) + ".");
            counts.add("Sure. There are " + (3 + i) + " rooms left.");
        }
        counts.add("There are 6 silver coins on the table."); // once: a slip, not a way of saying a price
        counts.add("Hello there!");
        assertEquals(often, counts.count("money", "^ it costs"));
        assertEquals(often, counts.count("number", "^ there are"));
        assertEquals(often, counts.count("number", ". sure"));
        assertEquals(1, counts.count("money", "^ there are"));
        assertEquals(2 * often + 1, counts.sentences());

        Path file = dir.resolve("lead-ins.txt.gz");
        counts.write(file, "a test");
        LeadIns read;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            read = LeadIns.read(in, file.toString());
        }
        assertEquals(3, read.size());
        assertTrue(read.allows("It costs 5 gold.", 9));
        assertTrue(read.allows("There are 8 rooms.", 10));
        assertFalse(read.allows("There are 8 gold.", 10));
        assertTrue(read.allowsOpener("Sure.", "There are 8 rooms."));
    }
}
