package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TyposTest {
    private static final Typos GONDOLIER = Typos.of(List.of(
            "A ride from the Salt Steps to the Opal Market costs 4 copper soldi.", "Ask the gondolier for the gondola."));

    @Test
    void aLetterLeftOutOrTwoSwappedIsWrittenOut() {
        assertEquals("Who does the stitching on your boats?", GONDOLIER.corrected("Who does the stiching on your boats?"));
        assertEquals("Any mountains near?", GONDOLIER.corrected("Any mountians near?"));
        assertEquals("Where is the innkeeper?", GONDOLIER.corrected("Where is the innkeper?"));
    }

    @Test
    void theCardsWordsAreFoundByAnySlip() {
        assertEquals("How much is the gondola?", GONDOLIER.corrected("How much is the gondala?"));
        assertEquals("Is 4 soldi enough?", GONDOLIER.corrected("Is 4 soldi enough?"), "the card's coin is known");
    }

    @Test
    void wordsTheDictionariesLackAreNotTurnedIntoOthers() {
        // one mistyped letter from "smallholder" and "overhand": off the card only dropped or swapped letters count
        assertEquals("What does a stallholder pay to carry a canoe overland?",
                GONDOLIER.corrected("What does a stallholder pay to carry a canoe overland?"));
        assertEquals("Capitals stay: Stiching Lane", GONDOLIER.corrected("Capitals stay: Stiching Lane"));
        assertEquals("lol hahaha", GONDOLIER.corrected("lol hahaha"));
    }
}
