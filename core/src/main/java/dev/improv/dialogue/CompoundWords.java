package dev.improv.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two words a closed compound is made of: "sailmaker" is a sail and a maker, "stagecoach" a stage and a coach.
 * A player asks "Who can make me some new sails?" of a card that says "Ol' Finch the sailmaker"; no stemmer and no
 * WordNet relation joins the two.
 *
 * <p>Narrow on purpose. Lucene's {@code DictionaryCompoundWordTokenFilter} was tried (session 24) and split too
 * much ("decontaminated" found a 7-credit fact). Here a word splits only into two whole words: a common word and
 * a trade or place ending ("gun" + "smith", "inn" + "keeper"), or two common words of four letters or more
 * ("stage" + "coach").
 */
final class CompoundWords {
    /**
     * Endings that make a trade, a worker, a place or a kind of thing of the word before them, with the verb of the
     * trade where it has one: "Who makes sails?" asks for the sailmaker.
     */
    private static final Map<String, String> HEADS = Map.ofEntries(Map.entry("smith", ""), Map.entry("smiths", ""),
            Map.entry("wright", ""), Map.entry("wrights", ""), Map.entry("monger", ""), Map.entry("mongers", ""),
            Map.entry("maker", "make"), Map.entry("makers", "make"), Map.entry("keeper", "keep"),
            Map.entry("keepers", "keep"), Map.entry("master", ""), Map.entry("masters", ""), Map.entry("mistress", ""),
            Map.entry("man", ""), Map.entry("men", ""), Map.entry("woman", ""), Map.entry("women", ""),
            Map.entry("seller", "sell"), Map.entry("sellers", "sell"), Map.entry("dealer", "deal"),
            Map.entry("dealers", "deal"), Map.entry("herd", ""), Map.entry("herds", ""), Map.entry("worker", "work"),
            Map.entry("workers", "work"), Map.entry("house", ""), Map.entry("shop", ""), Map.entry("yard", ""),
            // things a first word says which of: "shotgun", "seahorse", "lifeboat", "hovercar"
            Map.entry("gun", ""), Map.entry("guns", ""), Map.entry("horse", ""), Map.entry("horses", ""),
            Map.entry("boat", ""), Map.entry("boats", ""), Map.entry("car", ""), Map.entry("cars", ""),
            Map.entry("bike", ""), Map.entry("bikes", ""));
    /** Endings that are words but make another word of the one before them: "friendship", "careless", "homeward". */
    private static final Set<String> SUFFIXES = Set.of("ship", "ships", "hood", "hoods", "less", "ness", "ment", "able",
            "ward", "wards", "wise", "like", "some", "self", "selves", "fold", "dom");
    /** Shortest first part before a known ending ("gun"), and shortest part of two common words. */
    private static final int MIN_BEFORE_HEAD = 3;
    private static final int MIN_PART = 4;

    private CompoundWords() {
    }

    /**
     * The two parts of {@code word} (any case) and, for a trade, its verb ("sail", "maker", "make"); an empty list
     * when it is no compound of two known words.
     */
    static List<String> parts(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < MIN_BEFORE_HEAD + 3 || !w.chars().allMatch(Character::isLetter)) {
            return List.of();
        }
        for (int cut = MIN_BEFORE_HEAD; cut <= w.length() - 3; cut++) {
            String first = w.substring(0, cut);
            String second = w.substring(cut);
            // Before a known ending, any word the corpora use will do ("shot" in "shotgun" is not among the common ones).
            if (HEADS.containsKey(second) && (Mentions.isCommon(first) || Lexicon.shipped().contains(first))) {
                String verb = HEADS.get(second);
                return verb.isEmpty() ? List.of(first, second) : List.of(first, second, verb);
            }
            if (first.length() >= MIN_PART && second.length() >= MIN_PART && !SUFFIXES.contains(second)
                    && Mentions.isCommon(first) && Mentions.isCommon(second)) {
                return List.of(first, second);
            }
        }
        return List.of();
    }
}
