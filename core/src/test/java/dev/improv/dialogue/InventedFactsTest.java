package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventedFactsTest {
    private static final List<String> BLACKSMITH = List.of(
            "I am Brom, the blacksmith of Oakvale.",
            "Repairing a sword costs 12 gold.",
            "A new horseshoe costs $4.50.",
            "The forge opens at 7am and closes at noon on market days.",
            "My daughter Tess sells nails at the market.",
            "How much to repair my sword?");

    private static List<String> invented(String reply) {
        return InventedFacts.invented(reply, BLACKSMITH);
    }

    @Test
    void pricesMustBeTheSourcesPrices() {
        assertEquals(List.of(), invented("It costs 12 gold."));
        assertEquals(List.of(), invented("Twelve gold pieces, and not a copper less."));
        assertEquals(List.of("15 gold"), invented("It costs 15 gold."));
        assertEquals(List.of("12 silver"), invented("That will be 12 silver."));
        assertEquals(List.of(), invented("A horseshoe is $4.50, friend."));
        assertEquals(List.of("$5"), invented("A horseshoe is $5, friend."));
        assertEquals(List.of("twenty-five"), invented("I have shod twenty-five horses today."));
    }

    @Test
    void aPriceInTheCardsOwnCurrencyMaySoundLikeACount() {
        List<String> well = List.of("A canteen of clean water costs 5 bullets.", "Wiping a police record costs 2000 eddies.");
        assertEquals(List.of(), InventedFacts.invented("You want 5 bullets.", well));
        assertEquals(List.of(), InventedFacts.invented("For you, 2000 eddies.", well));
        assertEquals(List.of("6"), InventedFacts.invented("You want 6 bullets.", well));
        assertEquals(List.of("5"), InventedFacts.invented("I counted 5 canteens.", well));
    }

    @Test
    void timesMustBeTheSourcesTimes() {
        assertEquals(List.of(), invented("Come at 7 am, or before noon."));
        assertEquals(List.of("8pm"), invented("I close at 8pm."));
        assertEquals(List.of("midnight"), invented("I work until midnight."));
        assertEquals(List.of("sunset"), InventedFacts.invented("Not until sunset.", List.of("The gate closes at the curfew bell.")));
        assertEquals(List.of(), InventedFacts.invented("Come back at dusk.", List.of("The forge closes at dusk.")));
        assertEquals(List.of("3:30"), invented("Come back at 3:30."));
    }

    @Test
    void numberWordsAndOrdinalsCount() {
        assertEquals(List.of("three"), InventedFacts.invented("Yes, I have three sisters.", List.of("I am a smith.")));
        assertEquals(List.of(), InventedFacts.invented("Yes, I have three sisters.", List.of("I have 3 sisters.")));
        assertEquals(List.of("three"), InventedFacts.invented("Yes, I have three sisters.", List.of("A bed is 3 silver.")));
        assertEquals(List.of(), InventedFacts.invented("Twelve, and not a copper less.", List.of("It costs 12 gold.")));
        assertEquals(List.of("third house"), InventedFacts.invented("It is the third house.", List.of("I live by the well.")));
        // "one" and "first" are everyday words unless they count something.
        assertEquals(List.of(), InventedFacts.invented("No one comes here at first light. Take the red one.", List.of("I sell fish.")));
        assertEquals(List.of("one gold"), InventedFacts.invented("It costs one gold.", List.of("I sell fish.")));
    }

    @Test
    void namesMustComeFromASource() {
        assertEquals(List.of("Mira"), invented("Ask Mira at the mill."));
        assertEquals(List.of(), InventedFacts.invented("Ask Mira at the mill.", List.of("Mira runs the mill.")));
        assertEquals(List.of(), invented("Tess's stall is by the well, and Brom's forge is here in Oakvale."));
        assertEquals(List.of("Jorund"), invented("Brom said Jorund would pay."));
        assertEquals(List.of("Tess Hale"), invented("My daughter is Tess Hale."));
        assertEquals(List.of("two days", "Harrowgate"), invented("Harrowgate is two days north."));
    }

    @Test
    void ordinarySentencesPass() {
        assertEquals(List.of(), invented("The forge is hot today. Sure, I can fix that. Well, come back later."));
        assertEquals(List.of(), invented("Aye, I can mend it. Hmm, let me look. Oh! That blade is old."));
        assertEquals(List.of(), invented("I think I'd better get to work. I'm busy, you know."));
        assertEquals(List.of(), invented("Sharpening is extra. Mended blades hold. Honestly, it's fine."));
        assertEquals(List.of(), invented("\"Good day,\" I always say. What do you need?"));
    }
}
