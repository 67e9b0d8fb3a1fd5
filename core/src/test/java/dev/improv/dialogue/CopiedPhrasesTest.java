package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply that has begun to quote a fact is pulled on along it, and only then. */
class CopiedPhrasesTest {
    private static final String BOAR = "The great boar called Old Tusk has been seen near Mossy Ford.";
    private static final BytePairTokenizer TOKENIZER = TinyCorpus.tokenizer(420);

    private static CopiedPhrases phrases(String... facts) {
        return new CopiedPhrases(List.of(facts), TOKENIZER);
    }

    @Test
    void aQuoteGoesOnWithTheFactsNextWordFromAnyPlaceInTheLine() {
        CopiedPhrases p = phrases(BOAR);
        assertEquals(" Ford", p.continuation("Aye, near Mossy"), "after a word, the next word with its space");
        assertEquals("ord", p.continuation("Mossy F"), "inside a word, the rest of it");
        assertEquals(".", p.continuation("It was seen near Mossy Ford"), "the fact's own full stop ends the quote");
        assertNull(p.continuation("It was seen near Mossy Ford."), "nothing after the fact's end");
    }

    @Test
    void aCommonWordAloneStartsNoQuote() {
        CopiedPhrases p = phrases(BOAR);
        assertNull(p.continuation("Go to the"), "'the' is in the fact, but says nothing of it");
        assertNull(p.continuation("I like cheese"));
    }

    @Test
    void thePullRaisesTheNextTokenOnlyWhileQuoting() {
        CopiedPhrases p = phrases(BOAR);
        int[] line = TOKENIZER.encode("near Mossy");
        float[] logits = new float[TOKENIZER.vocabSize()];
        p.rule(3f).apply(0).apply(line, line.length, logits);
        int next = TOKENIZER.encode(" Ford")[0];
        assertEquals(3f, logits[next]);
        int pulled = 0;
        for (float v : logits) {
            pulled += v > 0 ? 1 : 0;
        }
        assertEquals(1, pulled, "one token pulled (the others are left, or forbidden as glued onto 'Mossy')");
        float[] none = new float[TOKENIZER.vocabSize()];
        int[] other = TOKENIZER.encode("Hello there");
        p.rule(3f).apply(0).apply(other, other.length, none);
        assertTrue(sum(none) == 0f);
    }

    @Test
    void aQuotedWordEndsWhereTheFactsWordEnds() {
        CopiedPhrases p = phrases("My wife Hetty bakes bread.");
        int[] line = TOKENIZER.encode("Ask Hetty");
        float[] logits = new float[TOKENIZER.vocabSize()];
        p.rule(3f).apply(0).apply(line, line.length, logits);
        for (String glued : List.of("ard", "s", "y", "9")) {
            assertEquals(Float.NEGATIVE_INFINITY, logits[TOKENIZER.encode(glued)[0]], "'Hetty' + '" + glued + "'");
        }
        assertEquals(3f, logits[TOKENIZER.encode(" bakes")[0]], "the fact's next word is pulled");
        assertEquals(0f, logits[TOKENIZER.encode(".")[0]], "a full stop may end the line");
        assertEquals(0f, logits[TOKENIZER.encode(" and")[0]], "another word may follow");
        assertEquals(0f, logits[TOKENIZER.encode(" I")[0]], "'I' is no name");
        // Nor does the name go on ("Hetty Jimburver"), right after it or after a space.
        for (String said : List.of("Ask Hetty", "Ask Hetty ")) {
            int[] ids = TOKENIZER.encode(said);
            float[] l = new float[TOKENIZER.vocabSize()];
            p.rule(3f).apply(0).apply(ids, ids.length, l);
            int forbidden = 0;
            for (int id = 0; id < l.length; id++) {
                String t = new String(TOKENIZER.bytes(id), java.nio.charset.StandardCharsets.UTF_8).stripLeading();
                if (!t.isEmpty() && Character.isUpperCase(t.charAt(0)) && !t.equals("I")) {
                    assertEquals(Float.NEGATIVE_INFINITY, l[id], "'" + said + "' + '" + t + "'");
                    forbidden++;
                }
            }
            assertTrue(forbidden > 0);
        }
        // Inside a quoted word nothing is forbidden: "Het" goes on to "ty".
        int[] part = TOKENIZER.encode("Ask Het");
        float[] open = new float[TOKENIZER.vocabSize()];
        p.rule(3f).apply(0).apply(part, part.length, open);
        assertEquals(0f, open[TOKENIZER.encode("ard")[0]]);
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
