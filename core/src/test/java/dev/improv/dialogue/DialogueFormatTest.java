package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prompts for live requests always fit and always keep the player's line and the best fact. */
class DialogueFormatTest {
    private static final DialogueFormat FORMAT = new DialogueFormat(TinyCorpus.tokenizer(420));

    @Test
    void aCardWhosePersonaFillsThePromptStillGetsTheQuestionAndTheBestFact() {
        List<String> persona = Collections.nCopies(12, "I have worked the forge on Anvil Row for twenty-two long years.");
        List<String> facts = List.of("Repairing a sword costs 12 silver.", "Horseshoes are 4 silver.", "The forge opens at dawn.");
        List<Turn> turns = List.of(Turn.player("How much to repair my sword?"));
        int[] prompt = FORMAT.requestPrompt(persona, facts, turns, null, 120);
        assertTrue(prompt.length <= 120, "fits: " + prompt.length);
        String text = FORMAT.tokenizer().decode(prompt);
        assertTrue(text.contains("Repairing a sword costs 12 silver."), text);
        assertTrue(text.contains("How much to repair my sword?"), text);
        assertTrue(text.contains("Anvil Row"), "the first persona line stays while there is room: " + text);
    }

    @Test
    void aPlayerLineTooLongEvenAloneKeepsItsEnd() {
        String line = "blah ".repeat(200) + "How much to repair my sword?";
        int[] prompt = FORMAT.requestPrompt(List.of(), List.of("Repairing a sword costs 12 silver."),
                List.of(Turn.player(line)), null, 80);
        assertEquals(80, prompt.length);
        String text = FORMAT.tokenizer().decode(Arrays.copyOf(prompt, prompt.length));
        assertTrue(text.contains("How much to repair my sword?"), text);
    }
}
