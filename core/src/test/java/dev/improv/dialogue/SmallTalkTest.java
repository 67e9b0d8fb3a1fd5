package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which player lines are small talk, and which model lines do what they call for. */
class SmallTalkTest {
    private static Optional<SmallTalk> of(String line) {
        return SmallTalk.of(line, "Dagna Holt", "blacksmith");
    }

    @Test
    void setPhrasesWithFillerAndTheNpcsNameAreSmallTalk() {
        assertEquals(Optional.of(SmallTalk.GREETING), of("Hello there!"));
        assertEquals(Optional.of(SmallTalk.GREETING), of("Good morning, Dagna."));
        assertEquals(Optional.of(SmallTalk.GREETING), of("Good day, Your Majesty."), "a title is an address");
        assertEquals(Optional.of(SmallTalk.GREETING), of("Morning, smith."), "so is a word after the last comma");
        assertEquals(Optional.of(SmallTalk.GREETING), of("Hello there! Nice day, isn't it?"),
                "a remark on the day greets (it drew the forge's years in the hedged fallback)");
        assertEquals(Optional.of(SmallTalk.GREETING), of("Cold morning, eh?"));
        assertEquals(Optional.of(SmallTalk.WELLBEING), of("How are you today?"));
        assertEquals(Optional.of(SmallTalk.WELLBEING), of("Hello, how are you?"), "the question is what needs an answer");
        assertEquals(Optional.of(SmallTalk.FAREWELL), of("Thanks, goodbye."), "leaving is what needs an answer");
        assertEquals(Optional.of(SmallTalk.THANKS), of("Thank you so much!"));
        assertEquals(Optional.of(SmallTalk.THANKS), of("Thanks for fixing my sword!"), "thanks may say what for");
        assertEquals(Optional.of(SmallTalk.IDENTITY), of("What's your name?"));
        assertEquals(Optional.of(SmallTalk.IDENTITY), of("Who are you?"));
        assertEquals(Optional.of(SmallTalk.IDENTITY), of("What do you do here?"));
    }

    @Test
    void aLineThatAlsoAsksOrSaysSomethingElseIsNot() {
        assertEquals(Optional.empty(), of("Hi, how much is a new shortsword?"));
        assertEquals(Optional.empty(), of("Hello, I need a sword."));
        assertEquals(Optional.empty(), of("Hi, a sword please."));
        assertEquals(Optional.empty(), of("Hello, nails and hinges?"));
        assertEquals(Optional.empty(), of("What are you selling?"));
        assertEquals(Optional.empty(), of("Goodbye, see you at the market."));
        assertEquals(Optional.empty(), of("Thanks. Now, where is the mine?"));
        assertEquals(Optional.empty(), of("How are you getting to the mine?"));
        assertEquals(Optional.empty(), of("Where is the forge?"));
    }

    @Test
    void aModelLineFitsOnlyIfItOpensWithTheActAndStaysShort() {
        assertEquals("No problem.", SmallTalk.THANKS.fitting("No problem, I'm not sure yet. I like dogs."));
        assertEquals("You're welcome!", SmallTalk.THANKS.fitting("You're welcome!"));
        assertEquals("I'm doing well.", SmallTalk.WELLBEING.fitting("I'm doing well."));
        assertEquals("Hi!", SmallTalk.GREETING.fitting("Hi!"));
        assertNull(SmallTalk.GREETING.fitting("I'm not a good day."), "the act's words somewhere inside");
        assertNull(SmallTalk.GREETING.fitting("It's nice to be you."), "a weather word that is no remark on the day");
        assertNotNull(SmallTalk.GREETING.fitting("A lovely day indeed."));
        assertNotNull(SmallTalk.GREETING.fitting("Aye, cold enough."));
        assertNull(SmallTalk.WELLBEING.fitting("I'm not very good time for my family."));
        assertNull(SmallTalk.THANKS.fitting("I'm glad you!"));
        assertNull(SmallTalk.FAREWELL.fitting("Bye and take care of the very many things that you own at home now."),
                "a long clause is where the small model rambles");
        assertNull(SmallTalk.IDENTITY.fitting("I'm Dagna."), "who the NPC is comes from the card alone");
    }
}
