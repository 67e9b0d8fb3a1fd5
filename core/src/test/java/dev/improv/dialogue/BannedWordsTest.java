package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.LogitConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannedWordsTest {

    @Test
    void matchesAnyCaseAndInsideLongerWords() {
        BannedWords b = new BannedWords(List.of("goblin"));
        assertTrue(b.matches("Goblins!"));
        assertTrue(b.matches("the HOBGOBLIN"));
        assertFalse(b.matches("gob lin"));
    }

    /**
     * Walks every way of spelling a text as a token sequence that ends with the last letters of the
     * banned word: at each step the constraint must forbid exactly the tokens that would complete it.
     */
    @Test
    void forbidsEveryTokenThatWouldCompleteABannedWordAcrossTokens() {
        BytePairTokenizer tok = TinyCorpus.tokenizer(420);
        BannedWords banned = new BannedWords(List.of("Goblin"));
        int[] prompt = tok.encode("Hello there!");
        LogitConstraint c = banned.constraint(tok, prompt.length);
        for (String prefix : List.of("The gob", "the GOBL", "hob-go", "g", "", "bad Gobli")) {
            int[] ids = tok.encode(prefix);
            int[] history = new int[prompt.length + ids.length];
            System.arraycopy(prompt, 0, history, 0, prompt.length);
            System.arraycopy(ids, 0, history, prompt.length, ids.length);
            float[] logits = new float[tok.vocabSize()];
            c.apply(history, history.length, logits);
            for (int id = 0; id < tok.vocabSize(); id++) {
                String next = prefix + new String(tok.bytes(id), StandardCharsets.UTF_8);
                boolean shouldBan = next.toLowerCase().contains("goblin");
                assertEquals(shouldBan, logits[id] == Float.NEGATIVE_INFINITY,
                        "prefix '" + prefix + "' + token '" + new String(tok.bytes(id), StandardCharsets.UTF_8) + "'");
            }
        }
    }

    @Test
    void theLineStartSeparatesThePromptFromTheLine() {
        BytePairTokenizer tok = TinyCorpus.tokenizer(420);
        int[] history = tok.encode("I saw a gob");
        LogitConstraint c = new BannedWords(List.of("goblin")).constraint(tok, history.length);
        float[] logits = new float[tok.vocabSize()];
        c.apply(history, history.length, logits);
        // "lin" after the prompt's "gob" starts a new line, so it is allowed.
        int lin = tok.encode("lin")[0];
        assertTrue(Float.isFinite(logits[lin]));
    }

    @Test
    void greedyWalkThatWantsTheWordTakesAnotherPath() {
        // A "model" that always prefers the token that continues spelling "goblins": with the ban it
        // must never emit the word, yet keep writing.
        BytePairTokenizer tok = TinyCorpus.tokenizer(420);
        BannedWords banned = new BannedWords(List.of("goblin"));
        LogitConstraint c = banned.constraint(tok, 0);
        String target = "the goblins came";
        List<Integer> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int step = 0; step < 20 && text.length() < target.length(); step++) {
            float[] logits = new float[tok.vocabSize()];
            for (int id = 0; id < logits.length; id++) {
                String piece = new String(tok.bytes(id), StandardCharsets.UTF_8);
                boolean continues = !piece.isEmpty() && target.startsWith(text + piece);
                logits[id] = continues ? 10 + piece.length() : 0;
            }
            int[] history = out.stream().mapToInt(Integer::intValue).toArray();
            c.apply(history, history.length, logits);
            int best = 0;
            for (int id = 1; id < logits.length; id++) {
                if (logits[id] > logits[best]) {
                    best = id;
                }
            }
            out.add(best);
            text.append(new String(tok.bytes(best), StandardCharsets.UTF_8));
        }
        assertFalse(text.toString().toLowerCase().contains("goblin"), text.toString());
        assertTrue(text.toString().startsWith("the gobli"), text.toString());
    }
}
