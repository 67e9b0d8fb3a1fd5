package dev.improv.dialogue;

import dev.improv.model.LogitConstraint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;

/**
 * A decoding pull that lets a reply go on quoting a fact once it has begun to: when the reply's last
 * tokens are a stretch of a retrieved fact ("…costs 12"), the fact's next token (" silver") gets
 * {@code strength} added to its logit. The small model knows the shape of an answer but loses the
 * thread inside a sentence ("Mossy Ford is a good day."); the facts are written English, so following
 * them where the model already chose to gives lines like "Aye, it's been seen near Mossy Ford." A pull,
 * not a rule: the model may leave the fact at any token, and a single common word ("the") starts no
 * quote. One rule comes with it: a quoted word ends where the fact's word ends, so no token may glue
 * letters onto it ("Hetty" never becomes "Hettyard", "Deacon" never "Deaconwer"), and a quoted name ends
 * where the fact's name ends, so no capitalised word follows it ("Tamsin" never "Tamsin Jimburver").
 * Complements {@link CopiedNumbers} (which forbids digits no source states).
 */
final class CopiedPhrases {
    private static final Set<String> SHORT_WORDS = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on",
            "at", "for", "is", "are", "it", "its", "i", "you", "my", "your", "be", "by", "with", "as", "that", "this");

    private final List<String> facts = new ArrayList<>();
    private final List<String> lowered = new ArrayList<>();
    private final BytePairTokenizer tokenizer;
    /** Which tokens go on with a word or start a name, read once per tokenizer (not per reply). */
    private final TokenStarts starts;

    private static final Map<BytePairTokenizer, TokenStarts> STARTS = Collections.synchronizedMap(new WeakHashMap<>());

    /** The pull towards {@code facts}, read as text so that a quote may start anywhere, at a line's start too. */
    CopiedPhrases(List<String> facts, BytePairTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.starts = STARTS.computeIfAbsent(tokenizer, TokenStarts::of);
        for (String fact : facts) {
            String f = fact.strip();
            if (!f.isEmpty()) {
                this.facts.add(f);
                this.lowered.add(f.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The pull for a reply that starts at history position {@code lineStart}; none when {@code strength} is 0. */
    IntFunction<LogitConstraint> rule(float strength) {
        if (facts.isEmpty() || strength == 0) {
            return lineStart -> LogitConstraint.NONE;
        }
        return lineStart -> (history, length, logits) -> {
            String reply = tokenizer.decode(history, lineStart, length);
            String next = continuation(reply);
            if (next != null) {
                int[] ids = tokenizer.encode(next);
                if (ids.length > 0 && logits[ids[0]] != Float.NEGATIVE_INFINITY) {
                    logits[ids[0]] += strength;
                }
                boolean wordDone = !Character.isLetterOrDigit(next.charAt(0));
                if (wordDone) {
                    endWord(logits); // the quoted word is whole: what follows starts a new one
                }
                // The quoted name is whole too, if the fact's name ends here: "Tamsin" never "Tamsin Jimburver".
                if ((wordDone || reply.endsWith(" ")) && endsCapitalised(reply.stripTrailing())
                        && !startsCapitalised(next.strip())) {
                    endName(logits);
                }
            }
        };
    }

    /** Whether the last word of {@code text} starts with a capital letter. */
    private static boolean endsCapitalised(String text) {
        int end = text.length();
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        return start < end && Character.isUpperCase(text.charAt(start));
    }

    private static boolean startsCapitalised(String text) {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /** Forbids every token that would start another capitalised word ("I" and "I'm" aside): a longer name. */
    private void endName(float[] logits) {
        forbid(starts.naming(), logits);
    }

    /** Forbids every token that would go on with the word just written. */
    private void endWord(float[] logits) {
        forbid(starts.gluing(), logits);
    }

    private static void forbid(boolean[] tokens, float[] logits) {
        for (int id = 0; id < logits.length && id < tokens.length; id++) {
            if (tokens[id]) {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
    }

    /**
     * {@code gluing}: tokens whose text starts inside a word (a letter, a digit, a multi-byte character);
     * {@code naming}: tokens that start a capitalised word other than "I".
     */
    private record TokenStarts(boolean[] gluing, boolean[] naming) {
        static TokenStarts of(BytePairTokenizer tokenizer) {
            boolean[] g = new boolean[tokenizer.vocabSize()];
            boolean[] n = new boolean[tokenizer.vocabSize()];
            for (int id = 0; id < g.length; id++) {
                byte[] b = tokenizer.bytes(id);
                g[id] = b.length > 0 && (Character.isLetterOrDigit(b[0]) || b[0] < 0); // b[0] < 0: not ASCII
                String text = new String(b, StandardCharsets.UTF_8);
                String word = text.startsWith(" ") ? text.substring(1) : text;
                n[id] = !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                        && !(word.equals("I") || word.length() > 1 && word.charAt(0) == 'I' && !Character.isLetter(word.charAt(1)));
            }
            return new TokenStarts(g, n);
        }
    }

    /**
     * What a fact says next after the longest stretch at the end of {@code reply} that quotes it (from a
     * word's start, holding a word worth following), up to the end of the next word; null when the reply
     * quotes nothing or has reached the fact's end.
     */
    String continuation(String reply) {
        String r = reply.toLowerCase(Locale.ROOT);
        for (int start = 0; start < r.length(); start++) {
            if (start > 0 && Character.isLetterOrDigit(r.charAt(start - 1)) || !Character.isLetterOrDigit(r.charAt(start))) {
                continue; // a quote starts at a word's first letter
            }
            String tail = r.substring(start);
            if (!holdsAWord(tail)) {
                return null; // shorter tails hold no word worth following either
            }
            for (int f = 0; f < facts.size(); f++) {
                String fact = lowered.get(f);
                for (int at = fact.indexOf(tail); at >= 0; at = fact.indexOf(tail, at + 1)) {
                    if (at > 0 && Character.isLetterOrDigit(fact.charAt(at - 1))) {
                        continue;
                    }
                    int from = at + tail.length();
                    int to = from;
                    while (to < fact.length() && !Character.isLetterOrDigit(fact.charAt(to))) {
                        to++; // the spaces and punctuation before the next word
                    }
                    while (to < fact.length() && Character.isLetterOrDigit(fact.charAt(to))) {
                        to++;
                    }
                    if (to > from) {
                        return facts.get(f).substring(from, to);
                    }
                }
            }
        }
        return null;
    }

    /** Compiled once: String.split compiles it at every call, and this runs for each tail of a reply at every token. */
    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Whether text holds a word worth following: three letters or more and not "the", "and", "you"... */
    private static boolean holdsAWord(String text) {
        for (String w : NON_WORD.split(text)) {
            if (w.length() >= 3 && !SHORT_WORDS.contains(w) || w.chars().allMatch(Character::isDigit) && !w.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
