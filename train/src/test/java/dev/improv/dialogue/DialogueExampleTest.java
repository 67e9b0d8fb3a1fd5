package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a training example becomes tokens, and the weak mood labels its replies get. */
class DialogueExampleTest {
    private static final DialogueFormat FORMAT = new DialogueFormat(TinyCorpus.tokenizer(420));

    @Test
    void anExampleIsPersonaFactsHistoryThenTheScoredReply() {
        DialogueExample x = new DialogueExample(List.of("I am the smith."), List.of("Repairing a sword costs 12 gold."),
                List.of(Turn.player("Hello!"), Turn.npc("Well met."), Turn.player("How much to repair my sword?")),
                "It costs 12 gold.", "test", "g1");
        DialogueFormat.Encoded e = FORMAT.example(x, 400);
        int[] t = e.tokens();
        assertEquals(FORMAT.tokenizer().special("<|persona|>"), t[0]);
        assertEquals(FORMAT.endToken(), t[t.length - 1]);
        assertEquals(FORMAT.npcToken(), t[e.replyStart() - 1], "the reply's mood follows the speaker token");
        assertTrue(FORMAT.isMoodToken(t[e.replyStart()]));
        assertEquals("It costs 12 gold.", FORMAT.tokenizer().decode(t, e.replyStart() + 1, t.length - 1));
        String prompt = FORMAT.tokenizer().decode(t, 0, e.replyStart());
        assertTrue(prompt.indexOf("12 gold") > prompt.indexOf("smith"), "facts come after the persona: " + prompt);
        assertTrue(prompt.indexOf("How much") > prompt.indexOf("12 gold"), "the player's line comes last: " + prompt);

        // A smaller budget drops the oldest turns first; persona, facts and the player's line stay.
        DialogueFormat.Encoded small = FORMAT.example(x, e.tokens().length - 3);
        String trimmed = FORMAT.tokenizer().decode(small.tokens(), 0, small.replyStart());
        assertFalse(trimmed.contains("Hello!"), trimmed);
        assertTrue(trimmed.contains("How much") && trimmed.contains("12 gold"), trimmed);
        assertNull(FORMAT.example(x, 10), "persona and facts alone do not fit");
    }

    @Test
    void moodLabels() {
        assertEquals(Tone.CHEERFUL, Tone.of("I love it! Great."));
        assertEquals(Tone.GRUMPY, Tone.of("No. I hate that, I'm not going."));
        assertEquals(Tone.NEUTRAL, Tone.of("I live by the river."));
        assertEquals(Tone.GRUMPY, Tone.parse(" Angry "));
    }
}
