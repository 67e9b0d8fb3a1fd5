package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import dev.improv.model.LogitConstraint;
import org.junit.jupiter.api.Test;

class CopiedNumbersTest {
    private static final BytePairTokenizer TOKENIZER = TinyCorpus.tokenizer(300);

    /** Whether the rule lets {@code next} follow the reply {@code before}, one byte-level token at a time. */
    private static boolean mayWrite(List<String> sources, String before, String next) {
        IntFunction<LogitConstraint> rule = new CopiedNumbers(sources).rule(TOKENIZER);
        int[] history = TOKENIZER.encode(before);
        int[] ids = TOKENIZER.encode(next);
        for (int id : ids) {
            float[] logits = new float[TOKENIZER.vocabSize()];
            rule.apply(0).apply(history, history.length, logits);
            if (logits[id] == Float.NEGATIVE_INFINITY) {
                return false;
            }
            history = Arrays.copyOf(history, history.length + 1);
            history[history.length - 1] = id;
        }
        // The reply may end here only if no number is left half-written.
        float[] logits = new float[TOKENIZER.vocabSize()];
        rule.apply(0).apply(history, history.length, logits);
        int end = TOKENIZER.special("<|end|>");
        return logits[end] != Float.NEGATIVE_INFINITY;
    }

    @Test
    void onlyStatedNumbersAreWritten() {
        List<String> card = List.of("Repairing a sword costs 12 gold.", "The ferry leaves at 4:30.");
        assertEquals(true, mayWrite(card, "It costs ", "12 gold."));
        assertEquals(false, mayWrite(card, "It costs ", "13 gold."));
        assertEquals(true, mayWrite(card, "At ", "4:30."));
        assertEquals(true, mayWrite(card, "Two of them: ", "12, 4 and 12."), "a list's commas end numbers");
    }

    @Test
    void thousandsStayWhole() {
        List<String> card = List.of("A new cybernetic eye costs 2,000 credits.");
        assertEquals(true, mayWrite(card, "It costs ", "2,000 credits."));
        assertEquals(false, mayWrite(card, "It costs ", "2 000 credits."), "the model once wrote this; it reads as 2");
        assertEquals(false, mayWrite(card, "It costs ", "2 credits."));
        assertEquals(false, mayWrite(card, "It costs ", "000 credits."));
    }

    @Test
    void theAnswerPullSpellsThousandsAsTheRuleAllows() {
        // The pull once spelt the price "2 000 credits" (its normal form lost the comma) and this rule forbade
        // that: no token was left after "2", every draw failed and the fallback spoke.
        List<String> card = List.of("A new cybernetic eye costs 2,000 credits.");
        AnswerCheck check = AnswerCheck.of(card, card, "How much for a new eye?");
        int end = TOKENIZER.special("<|end|>");
        LogitConstraint both = check.bias(TOKENIZER, end, 3f).apply(0).and(new CopiedNumbers(card).rule(TOKENIZER).apply(0));
        int[] history = TOKENIZER.encode("It costs 2");
        float[] logits = new float[TOKENIZER.vocabSize()];
        both.apply(history, history.length, logits);
        int comma = TOKENIZER.encode(",")[0];
        assertEquals(true, logits[comma] != Float.NEGATIVE_INFINITY, "the comma of 2,000 goes on");
    }
}
