package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words said before a value, by its kind: what an NPC line may open its answer with. */
class LeadInsTest {

    private static LeadIns table(String lines) throws IOException {
        return LeadIns.read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "test table");
    }

    @Test
    void aLeadInIsTheClauseBeforeTheFirstValueKeyedByItsKind() {
        assertEquals(List.of("money\t^ that will be"), LeadIns.keys("That will be 6 silver."));
        assertEquals(List.of("money\tyou think about"), LeadIns.keys("For you think about 90 dollars."));
        assertEquals(List.of("day\t^ that's"), LeadIns.keys("Aye, that's Tuesdays."));
        assertEquals(List.of("place\t^ it's in"), LeadIns.keys("It's in Hollow Fen."));
        assertEquals(List.of("number\t^ there are"), LeadIns.keys("There are six cars waiting."));
        assertEquals(List.of("clock\t^ at", "span\t^ the run takes"), LeadIns.keys("At 7:15. The run takes three days."));
        // A short sentence before the value's is its opener; a value at the start has no lead-in.
        assertEquals(List.of("money\t", "money\t. sure"), LeadIns.keys("Sure. 5 silver."));
        assertEquals(List.of(), LeadIns.keys("Hello there, traveller."));
    }

    @Test
    void onlyLeadInsSaidEnoughTimesBeforeThatKindStand() throws IOException {
        LeadIns said = table("# comment\nmoney\t^ it costs\t" + LeadIns.MIN_COUNT + "\nnumber\t^ there are\t40\n"
                + "money\t^ we have\t" + (LeadIns.MIN_COUNT - 1) + "\nmoney\t. sure\t25\n");
        assertTrue(said.allows("It costs 6 silver.", 9));
        assertTrue(said.allows("There are six cars.", 10));
        assertFalse(said.allows("There are 6 silver.", 10), "said before counts, never before a price");
        assertFalse(said.allows("We have 6 silver.", 8), "said fewer than MIN_COUNT times");
        assertTrue(said.allows("It's 6 silver.", 5), "a copula says any value is what was asked");
        assertTrue(said.allows("6 silver.", 0));
        assertTrue(said.allows("There are six cars at 7:15.", 21), "not the sentence's first value: not judged here");
        assertTrue(said.allowsOpener("Sure.", "It costs 6 silver."));
        assertFalse(said.allowsOpener("Me too!", "6 silver."));
        assertTrue(said.allowsOpener("Sure.", "Sunday."), "a value not found as one: openers of any kind");
        assertFalse(said.allowsOpener("You should.", "Sunday."));
    }

    @Test
    void aBrokenTableNamesTheLine() {
        IOException e = assertThrows(IOException.class, () -> table("money\t^ it costs\t12\nmoney ^ it is 3\n"));
        assertTrue(e.getMessage().contains("test table: line 2"), e.getMessage());
        e = assertThrows(IOException.class, () -> table("money\t^ it costs\tmany\n"));
        assertTrue(e.getMessage().contains("'many'"), e.getMessage());
    }

    @Test
    void theShippedTableKnowsHowPricesCountsAndTimesAreSaid() {
        LeadIns shipped = LeadIns.shipped();
        assertTrue(shipped.size() > 300, "lead-ins: " + shipped.size());
        assertTrue(shipped.allows("That will be 6 silver.", 13));
        assertTrue(shipped.allows("It costs 6 silver.", 9));
        assertTrue(shipped.allows("There are six cars.", 10));
        assertTrue(shipped.allows("It leaves at 7:15.", 12));
        assertFalse(shipped.allows("There are 6 silver.", 10));
        assertFalse(shipped.allows("I ask Tuesdays.", 6));
        assertFalse(shipped.allows("You want me to Sunday.", 15));
        assertTrue(shipped.allows("It's on Net Street.", 8), "a preposition of place after a copula");
        assertFalse(shipped.allows("It's on 6 silver.", 8));
        assertFalse(shipped.allows("You have 4 dollars.", 9), "a balance, not a price");
        assertFalse(shipped.allows("I have eight.", 7, false, "clock"), "a show's time (as its fact says it) is not had");
        assertTrue(shipped.allows("We have eight.", 8), "a count is");
        String show = "I perform at the Laughing Goat every evening at eight.";
        assertEquals("clock", LeadIns.kindIn(show, "eight"), "said 'at eight', a bare number is an hour");
        assertFalse(shipped.allows("I have eight.", 7, false, LeadIns.kindIn(show, "eight")));
        // what is to come is a price or a wait, not the stairs there are: fresh set 11 read "That will be 112 steps."
        assertFalse(shipped.allows("That will be 112 steps.", 13));
        assertTrue(shipped.allows("It's 112 steps.", 5));
        assertTrue(shipped.allows("That'll be four days.", 11, false, "span"));
    }
}
