package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * A player's typos written out, one letter each: "who does the stiching on ur boats" asks about stitching, and
 * only "stitching" finds the fact that says "sews" (through its synonyms). A lower-case word of five letters or
 * more that neither the NPC's card, the lexicon, the common words nor WordNet ({@link RelatedWords}) knows, as
 * written or by its stem, is replaced by the one known word a single edit away, the card's words first (they are what the player
 * is asking about, any slip of one letter), then a word of the dictionaries a letter left out ("stiching") or two
 * letters swapped ("mountians") away. Two candidates of the same kind ("stiching": no other) leave the
 * word as typed: a guess between two words would be worse than the typo. Made-up words of the card ("soldi",
 * "Frostmonth") are known, so they are never "corrected".
 *
 * <p>Hand-written rather than Lucene's {@code DirectSpellChecker} (lucene-suggest): that one ranks an index's
 * terms, which are stems here ("stitch"), and knows no dictionary beyond the index; this needs the card's
 * surface words and WordNet's stems together, and the rule is twenty lines.
 */
final class Typos {
    /** Shorter words are left alone: one edit from a short word reaches too many others ("wich", "celar" are spellings). */
    static final int MIN_LENGTH = 5;
    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}'’-])\\p{Ll}{" + MIN_LENGTH + ",24}(?![\\p{L}'’-])");
    private static final Pattern ANY_WORD = Pattern.compile("\\p{L}+");
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** The stems of the lexicon's and the common words: "pigeons" is known as "pigeon" is. */
    private static final class Dictionary {
        static final Set<String> STEMS = stems(Lexicon.shipped().words(), Mentions.commonWords());
    }

    private final Set<String> cardWords;
    private final Set<String> cardStems;

    private Typos(Set<String> cardWords) {
        this.cardWords = cardWords;
        this.cardStems = stems(cardWords);
    }

    @SafeVarargs
    private static Set<String> stems(Collection<String>... lists) {
        Set<String> out = new HashSet<>();
        for (Collection<String> words : lists) {
            for (String w : words) {
                out.add(stem(w));
            }
        }
        return Set.copyOf(out);
    }

    /** A corrector that knows the words of {@code lines} (a card's persona, facts, name and role, the world's facts). */
    static Typos of(Collection<String> lines) {
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            Matcher m = ANY_WORD.matcher(line.toLowerCase(Locale.ROOT));
            while (m.find()) {
                words.add(m.group());
            }
        }
        return new Typos(Set.copyOf(words));
    }

    /** {@code line} with each unknown lower-case word that is one edit from exactly one known word written as that word. */
    String corrected(String line) {
        Matcher m = LOWER_WORD.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            String word = m.group();
            String fixed = known(word) ? word : fix(word);
            m.appendReplacement(out, Matcher.quoteReplacement(fixed));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the card, the lexicon, the common words or WordNet know {@code word}, as it is or by its stem. */
    private boolean known(String word) {
        if (cardWords.contains(word) || Lexicon.shipped().contains(word)) {
            return true;
        }
        String stem = stem(word);
        return cardStems.contains(stem) || Dictionary.STEMS.contains(stem) || RelatedWords.shipped().knows(stem);
    }

    /** The one known word {@code word} is a slip for, or {@code word} itself. */
    private String fix(String word) {
        Set<String> onCard = new LinkedHashSet<>();
        List<List<String>> byKind = List.of(inserted(word), swapped(word), replaced(word), deleted(word));
        for (List<String> kind : byKind) {
            for (String c : kind) {
                if (cardWords.contains(c)) {
                    onCard.add(c);
                }
            }
        }
        if (onCard.size() == 1) {
            return onCard.iterator().next();
        }
        if (onCard.size() > 1) {
            return word;
        }
        // Off the card, only the slips that seldom turn one real word into another: a word the dictionaries lack
        // ("stallholder", "overland") is one mistyped letter from a word they have ("smallholder", "overhand").
        for (List<String> kind : byKind.subList(0, 2)) {
            Set<String> found = new LinkedHashSet<>();
            for (String c : kind) {
                if (known(c)) {
                    found.add(c);
                }
            }
            if (found.size() == 1) {
                return found.iterator().next();
            }
            if (found.size() > 1) {
                return word;
            }
        }
        return word;
    }

    /** Words with one letter added: the player left it out. */
    private static List<String> inserted(String w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= w.length(); i++) {
            for (char c : LETTERS.toCharArray()) {
                out.add(w.substring(0, i) + c + w.substring(i));
            }
        }
        return out;
    }

    /** Words with two neighbouring letters swapped back. */
    private static List<String> swapped(String w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < w.length(); i++) {
            if (w.charAt(i) != w.charAt(i + 1)) {
                out.add(w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2));
            }
        }
        return out;
    }

    /** Words with one letter changed: the player hit the wrong key. */
    private static List<String> replaced(String w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.length(); i++) {
            for (char c : LETTERS.toCharArray()) {
                if (c != w.charAt(i)) {
                    out.add(w.substring(0, i) + c + w.substring(i + 1));
                }
            }
        }
        return out;
    }

    /** Words with one letter taken out: the player typed one too many. */
    private static List<String> deleted(String w) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.length(); i++) {
            out.add(w.substring(0, i) + w.substring(i + 1));
        }
        return out;
    }

    /** The Porter stem, as the retrieval's analyzer and {@link RelatedWords} hold words. */
    private static String stem(String word) {
        PorterStemmer s = new PorterStemmer();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }
}
