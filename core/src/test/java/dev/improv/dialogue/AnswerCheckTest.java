package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as answering a player's question from the facts retrieval found. */
class AnswerCheckTest {
    private static final String PIM = "My apprentice Pim sharpens knives and axes for 1 silver each.";

    private static AnswerCheck check(String question, String... facts) {
        return AnswerCheck.of(List.of(facts), List.of(facts), question);
    }

    @Test
    void aWhoQuestionIsAnsweredByTheNameNotByThePrice() {
        AnswerCheck who = check("Who can sharpen my axe?", PIM);
        assertTrue(who.problem("That costs 1 silver.") != null, "a price does not say who");
        assertNull(who.problem("Pim does that."));
        AnswerCheck price = check("How much to sharpen my axe?", PIM);
        assertNull(price.problem("1 silver each."));
        assertTrue(price.problem("Ask Pim.") != null, "a name does not say how much");
    }

    @Test
    void aNearFactMayAnswerOnlyWithWhatWasAskedFor() {
        AnswerCheck when = check("When does the port close?", "The harbour chain is raised at midnight.",
                "Mooring costs 10 silver a night.");
        assertNull(when.problem("At midnight."));
        assertTrue(when.problem("Not until 10 silver.") != null, "a price from the other fact is no time");
    }

    @Test
    void aReplyThatMakesUpANumberIsRejectedWithTheReason() {
        assertEquals("states fifteen gold, found in no card, world or conversation",
                check("How much to sharpen my axe?", PIM).problem("That is fifteen gold."));
    }

    @Test
    void aReplyWithAMadeUpWordIsDrawnAgainButTheCardsOwnWordsPass() {
        AnswerCheck c = check("Hello!", "The crossing to Reedmoor costs 3 copper.");
        assertEquals("makes up the word 'canteenging'", c.problem("It's a canteenging day."));
        assertEquals("makes up the word 'tenging'", c.problem("Tenging that is not free."));
        assertNull(c.problem("The crossing to Reedmoor is a fine trip."));
    }

    @Test
    void aPriceInAnotherCoinIsAnotherPrice() {
        assertEquals("states 75 silver, found in no card, world or conversation",
                check("How much for a patch-up?", "A standard patch-up costs 75 credits.").problem("That's 75 silver."));
    }
}
