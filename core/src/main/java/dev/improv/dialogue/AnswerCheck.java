package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import dev.improv.model.LogitConstraint;

/**
 * The two rules an NPC's line must pass before it is said: it invents no fact (every number, price,
 * time and name it states stands in the card, the world, the conversation or the player's line), and
 * when the player asked a question that the retrieved facts answer, it states the answer.
 *
 * <p>"States the answer" means the line contains one of the key terms of a retrieved fact that the
 * question did not already contain: its numbers and names ("12 gold", "Mira") or, for a fact without
 * any ("The ferry leaves at dawn."), its content words ("dawn"). A line that fails is drawn again; after
 * the last try the authored fallback states the fact itself.
 */
public final class AnswerCheck implements ReplyCheck {
    private static final Pattern QUESTION_START = Pattern.compile(
            "(?i)^(what|where|when|who|whom|whose|how|which|why|can|could|do|does|did|is|are|was|were|will|would|"
                    + "have|has|any|got|tell|know|should|shall|may)\\b.*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for",
            "is", "are", "was", "were", "be", "it", "its", "this", "that", "with", "by", "from", "as", "i", "you", "my",
            "your", "me", "we", "our", "they", "their", "he", "she", "his", "her", "them", "there", "here", "have",
            "has", "do", "does", "can", "will", "would", "not", "no", "yes", "but", "so", "if", "than", "then", "just",
            "all", "any", "some", "one", "very", "much", "many", "what", "when", "where", "who", "how", "which");

    private final List<String> sources;
    private final List<List<String>> answers;

    private AnswerCheck(List<String> sources, List<List<String>> answers) {
        this.sources = sources;
        this.answers = answers;
    }

    /**
     * The check for one player line.
     *
     * @param sources   everything the NPC may state facts from: persona, card facts, world facts,
     *                  the conversation and the player's line
     * @param retrieved the facts retrieved for this line, best first
     */
    public static AnswerCheck of(Collection<String> sources, List<String> retrieved, String playerLine) {
        List<List<String>> answers = new ArrayList<>();
        // The best-ranked fact is the answer: stating another fact's price to "How much to repair my
        // sword?" is a wrong answer, not a right one.
        if (isQuestion(playerLine) && !retrieved.isEmpty()) {
            List<String> terms = keyTerms(retrieved.get(0), playerLine);
            if (!terms.isEmpty()) {
                answers.add(terms);
            }
        }
        return new AnswerCheck(List.copyOf(sources), answers);
    }

    @Override
    public String problem(String reply) {
        List<String> invented = InventedFacts.invented(reply, sources);
        if (!invented.isEmpty()) {
            return "states " + invented.get(0) + ", found in no card, world or conversation";
        }
        if (answers.isEmpty() || !answered(reply).isEmpty()) {
            return null;
        }
        return "does not state any of " + answers;
    }

    /** The retrieved facts (by index; only the best-ranked one is checked) whose key terms the reply states. */
    public List<Integer> answered(String reply) {
        String r = normalise(reply);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            for (String term : answers.get(i)) {
                if (r.contains(term)) {
                    out.add(i);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether the facts the player's line calls for exist (it is a question and a retrieved fact answers it). */
    public boolean expectsAnswer() {
        return !answers.isEmpty();
    }

    /**
     * A logit bias towards the answer: while the reply (from {@code lineStart}) states none of the key
     * terms yet, the tokens that spell them get {@code strength} added. A small model that has learnt
     * the shape of an answer ("That will be ... gold.") but copies values unreliably then fills in the
     * value it was given rather than one it made up. None when no answer is expected.
     */
    public IntFunction<LogitConstraint> bias(BytePairTokenizer tokenizer, float strength) {
        if (answers.isEmpty() || strength == 0) {
            return lineStart -> LogitConstraint.NONE;
        }
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        for (List<String> terms : answers) {
            for (String term : terms) {
                for (String form : List.of(term, " " + term, capitalised(term), " " + capitalised(term))) {
                    for (int id : tokenizer.encode(form)) {
                        ids.add(id);
                    }
                }
            }
        }
        int[] boosted = ids.stream().mapToInt(Integer::intValue).toArray();
        return lineStart -> (history, length, logits) -> {
            if (length > lineStart && !answered(tokenizer.decode(history, lineStart, length)).isEmpty()) {
                return;
            }
            for (int id : boosted) {
                logits[id] += strength;
            }
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether a player's line asks something. */
    public static boolean isQuestion(String line) {
        String s = line.strip();
        return s.contains("?") || QUESTION_START.matcher(s).matches();
    }

    /** What a reply must contain to state {@code fact} to someone who said {@code question}. */
    static List<String> keyTerms(String fact, String question) {
        List<String> terms = new ArrayList<>();
        String asked = " " + normalise(question);
        for (String t : InventedFacts.invented(fact, List.of(question))) {
            String term = normalise(t);
            // "Repairing" is capitalised because it starts the fact, not because it is a name.
            if (!asked.contains(" " + term.substring(0, Math.min(5, term.length())))) {
                terms.add(term);
            }
        }
        if (!terms.isEmpty()) {
            return terms;
        }
        String q = " " + normalise(question) + " ";
        var m = WORD.matcher(fact.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            String stem = w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
            if (w.length() > 2 && !STOP.contains(w) && !q.contains(" " + stem)) {
                terms.add(w);
            }
        }
        return terms;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}$:.' ]", " ").replaceAll("\\s+", " ").strip();
    }
}
