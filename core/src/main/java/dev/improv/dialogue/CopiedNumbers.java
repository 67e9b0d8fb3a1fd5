package dev.improv.dialogue;

import dev.improv.model.LogitConstraint;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A decoding rule that lets a reply write digits only to copy a number its sources state: every run
 * of digits in the reply must be one of the runs of digits in the card, the world, the conversation
 * or the player's line ("12" and "4" if they say "12 silver" and "4:30"). The invented-fact check
 * would reject a reply that made a number up after it was written; this keeps the number from being
 * made up at all, so a small model that starts "That will be 1..." finishes a price it was given
 * instead of spending a whole draw on "That will be 15 gold.". A number with thousands commas is one
 * run ("2,000"): the model may not write it as "2 000" or stop at "2". Numbers written in words are left
 * to the check ({@link InventedFacts}).
 */
final class CopiedNumbers {
    private static final Pattern RUN = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+");

    private final Set<String> runs = new HashSet<>();
    private final Set<String> prefixes = new HashSet<>();

    CopiedNumbers(Collection<String> sources) {
        for (String source : sources) {
            Matcher m = RUN.matcher(source);
            while (m.find()) {
                String run = m.group();
                runs.add(run);
                for (int i = 1; i <= run.length(); i++) {
                    prefixes.add(run.substring(0, i));
                }
            }
        }
    }

    /**
     * Each token's bytes (none for a special token) and whether it holds a digit: the tokenizer's, not a request's;
     * {@code digitIds} the ids that do, {@code everyId} all of them (the ids a step may forbid, after a digit or not).
     */
    private record TokenDigits(byte[][] bytes, boolean[] hasDigit, int[] digitIds, int[] everyId) {
        static TokenDigits of(BytePairTokenizer tokenizer) {
            int vocab = tokenizer.vocabSize();
            byte[][] bytes = new byte[vocab][];
            boolean[] hasDigit = new boolean[vocab];
            for (int id = 0; id < vocab; id++) {
                bytes[id] = tokenizer.isSpecial(id) ? new byte[0] : tokenizer.bytes(id);
                for (byte b : bytes[id]) {
                    hasDigit[id] |= isDigit(b);
                }
            }
            return new TokenDigits(bytes, hasDigit, IntStream.range(0, vocab).filter(id -> hasDigit[id]).toArray(),
                    IntStream.range(0, vocab).toArray());
        }
    }

    /**
     * Made once per tokenizer (held while it is): every reply built them anew, 10% of a service
     * worker's JFR samples at 16 clients. Tokenizers compare by identity.
     */
    private static final Map<BytePairTokenizer, TokenDigits> DIGITS = Collections.synchronizedMap(new WeakHashMap<>());

    /** Whether each token of {@code tokenizer} holds a digit (shared, do not change it). */
    static boolean[] digitTokens(BytePairTokenizer tokenizer) {
        return DIGITS.computeIfAbsent(tokenizer, TokenDigits::of).hasDigit();
    }

    /** The rule for a reply that starts at history position {@code lineStart}. */
    IntFunction<LogitConstraint> rule(BytePairTokenizer tokenizer) {
        TokenDigits digits = DIGITS.computeIfAbsent(tokenizer, TokenDigits::of);
        byte[][] bytes = digits.bytes();
        return lineStart -> (history, length, logits) -> {
            String open = openRun(tokenizer.decode(history, lineStart, length));
            // Outside a number only a token with a digit can write one: those few ids, not the whole vocabulary a step.
            for (int id : open.isEmpty() ? digits.digitIds() : digits.everyId()) {
                if (logits[id] != Float.NEGATIVE_INFINITY && !allowed(open, bytes[id])) {
                    logits[id] = Float.NEGATIVE_INFINITY;
                }
            }
        };
    }

    /** Whether writing {@code token} after a reply ending in the digits {@code open} copies numbers only. */
    private boolean allowed(String open, byte[] token) {
        StringBuilder run = new StringBuilder(open);
        for (byte b : token) {
            if (isDigit(b) || b == ',' && !run.isEmpty() && prefixes.contains(run + ",")) {
                run.append((char) b); // a comma inside a stated "2,000" belongs to the number
            } else if (!run.isEmpty()) {
                if (!ended(run)) {
                    return false; // the token ends a number nobody stated
                }
                run.setLength(0);
            }
        }
        // A special token (the end of the reply) ends the open number too.
        return run.isEmpty() || (token.length == 0 ? ended(run) : prefixes.contains(run.toString()));
    }

    /** Whether a number may end as {@code run}: a stated run, or one followed by a list's comma ("2, 3"). */
    private boolean ended(CharSequence run) {
        String r = run.toString();
        return runs.contains(r) || r.endsWith(",") && runs.contains(r.substring(0, r.length() - 1));
    }

    /** The digits (and thousands commas) at the very end of {@code text} ("" if it does not end in one). */
    private static String openRun(String text) {
        int i = text.length();
        while (i > 0 && (isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == ',')) {
            i--;
        }
        while (i < text.length() && text.charAt(i) == ',') {
            i++; // a comma before the digits belongs to the sentence
        }
        return text.substring(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
