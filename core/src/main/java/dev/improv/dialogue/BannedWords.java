package dev.improv.dialogue;

import dev.improv.model.LogitConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Words a line must never contain, in any letter case and also inside longer words ("goblin" keeps
 * out "Goblins" and "HOBGOBLIN"). Enforced while decoding, not by filtering afterwards.
 *
 * <p>A banned word can be spread over several BPE tokens ("gob" + "lin"), so the constraint looks
 * at the bytes already generated in the line and forbids every token whose bytes would complete a
 * banned string. Because nothing banned was ever let through, a new occurrence must end inside the
 * candidate token, so each step checks only the short tail plus the candidate. Letter case is folded
 * for ASCII letters; other characters must match exactly.
 */
public final class BannedWords {
    private final List<byte[]> words = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private int longest;

    /** Bans each of {@code words}; blank entries are an error (they would ban everything). */
    public BannedWords(Collection<String> words) {
        for (String w : words) {
            String t = w.strip();
            if (t.isEmpty()) {
                throw new IllegalArgumentException("a banned word must not be blank");
            }
            byte[] b = fold(t.getBytes(StandardCharsets.UTF_8));
            this.words.add(b);
            this.texts.add(new String(b, StandardCharsets.UTF_8));
            longest = Math.max(longest, b.length);
        }
    }

    /** Whether nothing is banned. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether {@code text} contains a banned word (same folding as the decoding constraint). */
    public boolean matches(String text) {
        String folded = new String(fold(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        for (String w : texts) {
            if (folded.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The decoding constraint for a line that starts at history position {@code lineStart}: forbids
     * every token that would complete a banned word in the text generated since then.
     */
    public LogitConstraint constraint(BytePairTokenizer tokenizer, int lineStart) {
        if (words.isEmpty()) {
            return LogitConstraint.NONE;
        }
        int vocab = tokenizer.vocabSize();
        byte[][] folded = new byte[vocab][];
        boolean[] always = new boolean[vocab];
        for (int id = 0; id < vocab; id++) {
            folded[id] = fold(tokenizer.bytes(id));
            for (byte[] w : words) {
                if (indexOf(folded[id], w) >= 0) {
                    always[id] = true;
                }
            }
        }
        int tailLength = longest - 1;
        return (history, length, logits) -> {
            byte[] tail = tail(folded, history, lineStart, length, tailLength);
            for (int id = 0; id < vocab; id++) {
                if (always[id] || (tail.length > 0 && completes(tail, folded[id]))) {
                    logits[id] = Float.NEGATIVE_INFINITY;
                }
            }
        };
    }

    /** Whether a banned word starts inside {@code tail} and ends inside {@code token}. */
    private boolean completes(byte[] tail, byte[] token) {
        if (token.length == 0) {
            return false;
        }
        for (byte[] w : words) {
            // k = how many of the word's bytes come from the tail.
            for (int k = Math.min(w.length - 1, tail.length); k >= 1; k--) {
                if (w.length - k > token.length) {
                    break; // smaller k needs even more bytes from the token
                }
                if (regionEquals(tail, tail.length - k, w, 0, k) && regionEquals(token, 0, w, k, w.length - k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The last {@code n} bytes generated since {@code lineStart}. */
    private static byte[] tail(byte[][] folded, int[] history, int lineStart, int length, int n) {
        if (n <= 0) {
            return new byte[0];
        }
        int from = length;
        int have = 0;
        while (from > lineStart && have < n) {
            from--;
            have += folded[history[from]].length;
        }
        byte[] all = new byte[have];
        int at = 0;
        for (int i = from; i < length; i++) {
            byte[] b = folded[history[i]];
            System.arraycopy(b, 0, all, at, b.length);
            at += b.length;
        }
        return have <= n ? all : java.util.Arrays.copyOfRange(all, have - n, have);
    }

    private static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int n) {
        for (int i = 0; i < n; i++) {
            if (a[aFrom + i] != b[bFrom + i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** ASCII lower case; other bytes unchanged (UTF-8 multi-byte sequences never contain ASCII bytes). */
    private static byte[] fold(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = (byte) (out[i] + ('a' - 'A'));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
