package dev.improv.dialogue;

import dev.improv.model.LogitConstraint;

/**
 * The shape of one generated line: only text tokens and the end token, and the end token only
 * right after a sentence boundary ({@code . ! ?}, optionally followed by closing quotes or brackets).
 * Other special tokens (persona, speaker, mood) never appear inside a line.
 */
public final class SentenceEnd {
    private SentenceEnd() {
    }

    /** Whether {@code text} (trailing spaces ignored) ends a sentence. */
    public static boolean endsSentence(CharSequence text) {
        int i = text.length() - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        while (i >= 0 && "\"')]”’".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?…".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * The constraint for a line starting at history position {@code lineStart}: masks special tokens
     * other than the end token, and the end token unless the line so far ends a sentence.
     */
    public static LogitConstraint constraint(DialogueFormat format, int lineStart) {
        BytePairTokenizer tok = format.tokenizer();
        int end = format.endToken();
        return (history, length, logits) -> {
            for (int id = 0; id < logits.length; id++) {
                if (tok.isSpecial(id) && id != end) {
                    logits[id] = Float.NEGATIVE_INFINITY;
                }
            }
            if (!endsSentence(tok.decode(history, lineStart, length))) {
                logits[end] = Float.NEGATIVE_INFINITY;
            }
        };
    }
}
