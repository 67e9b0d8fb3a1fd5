package dev.improv.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words NPCs may say: every lower-case word the dialogue corpora's replies and personas use at least twice
 * ({@code improv/dialogue/lexicon.txt}, written by {@code improv train dialogue --lexicon}), plus the
 * words of the NPC's own card. A small model now and then glues pieces of words into one that does
 * not exist ("canteenging"); a reply with such a word is drawn again, like one that invents a fact.
 */
public final class Lexicon {
    /** Words shorter than this are not checked: "ok", "hm" and the like come and go. */
    static final int MIN_LENGTH = 3;
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern ANY_WORD = Pattern.compile("\\p{L}+");
    private static volatile Lexicon shipped;

    private final Set<String> words;

    private Lexicon(Set<String> words) {
        this.words = words;
    }

    /** The lexicon shipped with the library. */
    public static Lexicon shipped() {
        Lexicon l = shipped;
        if (l == null) {
            l = new Lexicon(load("/improv/dialogue/lexicon.txt"));
            shipped = l;
        }
        return l;
    }

    /** A lexicon of exactly {@code words} (lower-cased), for tests and other word lists. */
    public static Lexicon of(Collection<String> words) {
        Set<String> set = new HashSet<>();
        words.forEach(w -> set.add(w.toLowerCase(Locale.ROOT)));
        return new Lexicon(set);
    }

    /** Every word of this lexicon (lower case). */
    Set<String> words() {
        return java.util.Collections.unmodifiableSet(words);
    }

    /** Whether {@code word} (lower case) is in this lexicon. */
    boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * The first word of {@code reply} (in lower case) that is neither in this lexicon nor in any of
     * {@code sources}, or null if there is none. A capitalised word counts too: "Tenging" at the start
     * of a sentence is made up as much as "tenging" is, and a real name stands in the card.
     */
    public String unknownWord(String reply, Collection<String> sources) {
        return unknownWord(reply, () -> sourceWords(sources));
    }

    /** As above, with the sources' words as {@link #sourceWords} gives them, asked for only when needed. */
    public String unknownWord(String reply, java.util.function.Supplier<Set<String>> sourceWords) {
        Set<String> known = null;
        Matcher m = ANY_WORD.matcher(reply);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.length() < MIN_LENGTH || !WORD.matcher(w).matches() || words.contains(w)) {
                continue; // accented or short: not this check's
            }
            if (known == null) {
                known = sourceWords.get();
            }
            if (!known.contains(w)) {
                return w;
            }
        }
        return null;
    }

    /** The words of {@code sources} this check accepts besides the lexicon's. */
    public static Set<String> sourceWords(Collection<String> sources) {
        Set<String> known = new HashSet<>();
        for (String s : sources) {
            Matcher sm = WORD.matcher(s.toLowerCase(Locale.ROOT));
            while (sm.find()) {
                known.add(sm.group());
            }
        }
        return known;
    }

    /** The words of {@code text} as this class counts them: lower-case letter runs of three or more. */
    public static List<String> words(String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (m.group().length() >= MIN_LENGTH) {
                out.add(m.group());
            }
        }
        return out;
    }

    private static Set<String> load(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
