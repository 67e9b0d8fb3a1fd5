package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a question that tell one thing from its opposite, and the facts about the opposite: "the strong sour
 * stuff" is not "sweet toddy", "a grown man" is not "a boy". Opposites are WordNet's antonyms of adjectives ({@link
 * RelatedWords#opposites}) and the words of size, age and state the answer check tells apart ({@link AnswerValues#opposites}).
 * A word counts only when one of the facts found says it: "The light outside my door died" finds "a lantern goes dark",
 * which says no "light" and is the same thing.
 */
final class OppositeWords {
    /** No word of the question has an opposite any fact found says. */
    static final OppositeWords NONE = new OppositeWords(Map.of(), Map.of(), Map.of());

    /** "last night" is the night before, not the last one of several. */
    private static final Pattern A_TIME_AGO = Pattern.compile("(?i)\\b(?:last|this|next|past) (?:night|week|month|year|"
            + "time|season|summer|winter|spring|autumn|fall|evening|morning|afternoon)\\b");

    /** Each word of the question (a stem) that has opposites, with them. */
    private final Map<String, List<String>> opposites;
    /** The words (stems) of each fact found, read once for {@link #asked} and {@link #opposes}. */
    private final Map<String, Set<String>> factWords;
    /** Each size or age word of the question with the words that say the same ("little": "small", "tiny"). */
    private final Map<String, Set<String>> alike;

    private OppositeWords(Map<String, List<String>> opposites, Map<String, Set<String>> factWords,
                          Map<String, Set<String>> alike) {
        this.opposites = opposites;
        this.factWords = factWords;
        this.alike = alike;
    }

    /**
     * The words of {@code question} that have opposites and that one of the {@code found} facts says, with their
     * opposites; none for a word whose opposite the question also says ("sweet or sour?").
     */
    static OppositeWords asked(String question, List<String> found) {
        String asked = A_TIME_AGO.matcher(question).replaceAll(" ");
        List<String> said = FactRetriever.terms(asked, FactRetriever.MAX_QUERY_TERMS);
        Map<String, List<String>> all = new HashMap<>();
        for (String stem : said) {
            all.computeIfAbsent(stem, s -> new ArrayList<>()).addAll(RelatedWords.opposites(stem));
        }
        Map<String, Set<String>> alike = new HashMap<>();
        for (String word : asked.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            List<String> stem = FactRetriever.terms(word, 1);
            for (String opposite : stem.isEmpty() ? Set.<String>of() : AnswerValues.opposites(word)) {
                all.computeIfAbsent(stem.get(0), s -> new ArrayList<>()).addAll(FactRetriever.terms(opposite, 1));
            }
            for (String same : stem.isEmpty() ? Set.<String>of() : AnswerValues.alike(word)) {
                alike.computeIfAbsent(stem.get(0), s -> new HashSet<>()).addAll(FactRetriever.terms(same, 1));
            }
        }
        all.values().removeIf(opposite -> opposite.isEmpty() || opposite.stream().anyMatch(said::contains));
        if (all.isEmpty()) {
            return NONE; // most questions: no fact needs reading
        }
        Map<String, Set<String>> factWords = new HashMap<>();
        for (String text : found) {
            factWords.computeIfAbsent(text, OppositeWords::words);
        }
        Map<String, List<String>> out = new HashMap<>();
        all.forEach((stem, opposite) -> {
            // (or a word that says the same: "a little candle" is "a small hand taper", not "a tall paschal candle")
            if (factWords.values().stream().anyMatch(words -> says(words, stem, alike))) {
                out.put(stem, List.copyOf(opposite));
            }
        });
        return out.isEmpty() ? NONE : new OppositeWords(Map.copyOf(out), factWords, Map.copyOf(alike));
    }

    /** Whether a fact's words say {@code stem} or a word alike. */
    private static boolean says(Set<String> words, String stem, Map<String, Set<String>> alike) {
        return words.contains(stem) || alike.getOrDefault(stem, Set.of()).stream().anyMatch(words::contains);
    }

    /** A word said not to be so: "will not grow", "never opens", "no longer sells", "can't fix". */
    private static final Pattern NEGATED = Pattern.compile("(?i)\\b(?:not|never|no longer(?! than)|cannot|\\p{L}+n[’']t)\\s+"
            + "((?:[\\p{L}'-]+\\s+)?[\\p{L}'-]+)");
    /**
     * The words of {@code question} that a fact may say are not so ({@link #negates}): those of a question that asks who,
     * what, where, when or how, without the ones it denies itself ("I want to grow corn, not rocks" denies rocks); none
     * for a yes-no question, which a "not" may answer ("Do you open on Sundays?"). Read once per question.
     */
    static Set<String> affirmed(String question) {
        if (!AnswerCheck.asksWh(question)) {
            return Set.of();
        }
        Set<String> asked = words(question);
        Matcher denied = NEGATED.matcher(question);
        while (denied.find()) {
            FactRetriever.terms(denied.group(1), 2).forEach(asked::remove);
        }
        return asked;
    }

    /**
     * Whether {@code fact} says that one of the {@code affirmed} words is not so: "Where's the richest soil? I want to grow
     * corn" is not "The high ridge … will not grow a thing".
     */
    static boolean negates(String fact, Set<String> affirmed) {
        if (affirmed.isEmpty()) {
            return false;
        }
        Matcher negated = NEGATED.matcher(fact);
        while (negated.find()) {
            if (FactRetriever.terms(negated.group(1), 2).stream().anyMatch(affirmed::contains)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String text) {
        return new HashSet<>(FactRetriever.terms(text, FactRetriever.MAX_QUERY_TERMS));
    }

    /**
     * Whether {@code fact} says the opposite of a word of the question and not the word itself (a fact that says both is
     * about both: "I open at 8 and close at 6").
     */
    boolean opposes(String fact) {
        if (opposites.isEmpty()) {
            return false;
        }
        Set<String> said = factWords.containsKey(fact) ? factWords.get(fact) : words(fact);
        return opposites.entrySet().stream()
                .anyMatch(e -> !says(said, e.getKey(), alike) && e.getValue().stream().anyMatch(said::contains));
    }
}
