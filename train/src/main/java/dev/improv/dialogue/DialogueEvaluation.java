package dev.improv.dialogue;

import dev.improv.model.Evaluation;
import dev.improv.model.LanguageModel;
import dev.improv.model.NgramModel;
import dev.improv.model.Progress;
import dev.improv.model.SamplingSettings;
import dev.improv.model.TokenStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a dialogue model on conversations: perplexity on the replies, how often replies to
 * persona questions use a persona fact, and how much replies repeat themselves.
 */
public final class DialogueEvaluation {
    private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)?");
    private static final Pattern YOU = Pattern.compile("\\b(you|your|yours|yourself)\\b");
    /** Words too common to show that a reply used a persona fact. */
    private static final Set<String> STOP = Set.of(
            "the", "and", "you", "your", "yours", "have", "has", "had", "like", "love", "enjoy", "what", "that",
            "this", "with", "for", "are", "was", "were", "but", "not", "too", "really", "about", "just", "very",
            "much", "how", "any", "some", "lot", "lots", "thing", "things", "does", "did", "i'm", "it's", "that's",
            "yes", "yeah", "well", "also", "there", "they", "them", "their", "would", "could", "can", "will", "more",
            "been", "being", "from", "into", "out", "get", "got", "one", "all", "most", "time", "i've", "i'd",
            "i'll", "don't", "can't", "my", "me", "our", "who", "why", "when", "where", "which", "its", "his", "her",
            "she", "him", "he", "we", "us", "so", "do", "is", "am", "be", "to", "of", "in", "on", "at", "it", "a",
            "an", "or", "if", "as", "by", "up", "no", "go", "favorite", "sounds", "great", "fun", "cool", "nice",
            "good", "oh", "wow", "awesome", "interesting", "kind", "sure", "know", "think", "want", "see", "other",
            "doing", "free", "hobbies", "hobby", "work", "job");

    private DialogueEvaluation() {
    }

    /** Sum of negative log-likelihoods (natural log) and the number of tokens they cover. */
    public record Nll(double sum, long tokens) {
        public double perplexity() {
            return Math.exp(sum / tokens);
        }
    }

    /**
     * The transformer's NLL on the reply tokens, reading each conversation in order the way a game
     * would (the window slides on long conversations, keeping the persona).
     */
    public static Nll replyNll(LanguageModel model, List<ScoredConversation> conversations) {
        double sum = 0;
        long n = 0;
        long total = conversations.stream().mapToLong(c -> c.tokens().length).sum();
        Progress progress = new Progress("eval", total, "tokens");
        long done = 0;
        for (ScoredConversation c : conversations) {
            // One thread: on a shared machine, helper threads that spin for work slow everyone down.
            try (TokenStream stream = new TokenStream(model.newDecoder(1, false), SamplingSettings.GREEDY, 0)) {
                stream.setKeepPrefix(Math.min(c.personaLength(), model.config().context() / 2));
                int[] t = c.tokens();
                stream.feed(t[0]);
                for (int i = 1; i < t.length; i++) {
                    if (c.scored()[i]) {
                        sum -= Evaluation.logSoftmaxAt(stream.logits(), t[i]);
                        n++;
                    }
                    stream.feed(t[i]);
                }
            }
            done += c.tokens().length;
            progress.update(done, String.format(Locale.ROOT, "ppl %.2f", Math.exp(sum / Math.max(1, n))));
        }
        progress.finish(null);
        return new Nll(sum, n);
    }

    /** The n-gram baseline's NLL on the same reply tokens (its context: the tokens before, up to its order). */
    public static Nll replyNll(NgramModel baseline, List<ScoredConversation> conversations) {
        double sum = 0;
        long n = 0;
        for (ScoredConversation c : conversations) {
            for (int i = 1; i < c.tokens().length; i++) {
                if (c.scored()[i]) {
                    sum -= Math.log(baseline.probability(c.tokens(), i));
                    n++;
                }
            }
        }
        return new Nll(sum, n);
    }

    /** A player line that asks the NPC about itself ("What do you like to do?"). */
    public static boolean isPersonaQuestion(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("?") && YOU.matcher(lower).find();
    }

    /** Whether {@code reply} shares a content word (not a stop word, 3+ letters, plural folded) with a fact. */
    public static boolean usesPersona(String reply, List<String> facts) {
        Set<String> factWords = new HashSet<>();
        for (String f : facts) {
            factWords.addAll(contentWords(f));
        }
        for (String w : contentWords(reply)) {
            if (factWords.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 3 && !STOP.contains(w)) {
                out.add(w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    /** Word 3-grams of {@code text}. */
    static List<String> trigrams(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 2 < words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
        }
        return out;
    }

    /**
     * What generation measured.
     *
     * @param questions          persona questions answered
     * @param grounding          share of those replies that use a persona fact
     * @param referenceGrounding the same share for the human-written (dataset) replies, for scale
     * @param repetition         share of the generated replies' word 3-grams already used earlier in
     *                           the same reply or in the NPC's earlier lines of the conversation
     * @param fallbacks          replies the fallback grammar had to write
     */
    public record Generation(int questions, double grounding, double referenceGrounding, double repetition, int fallbacks) { }

    /**
     * Answers up to {@code limit} persona questions from {@code conversations} with {@code generator}
     * (the dataset's conversation up to the question as history, mood left to the model).
     */
    public static Generation generate(DialogueGenerator generator, List<Conversation> conversations, int limit, long seed) {
        int questions = 0;
        int grounded = 0;
        int referenceGrounded = 0;
        int repeated = 0;
        int trigramCount = 0;
        int fallbacks = 0;
        Progress progress = new Progress("generate", limit, "replies");
        outer:
        for (Conversation conv : conversations) {
            for (int user = 1; user <= 2; user++) {
                List<Turn> turns = conv.turnsAs(user);
                for (int i = 1; i < turns.size(); i++) {
                    Turn q = turns.get(i - 1);
                    if (turns.get(i).speaker() != Speaker.NPC || q.speaker() != Speaker.PLAYER
                            || !isPersonaQuestion(q.text())) {
                        continue;
                    }
                    DialogueRequest.Builder b = DialogueRequest.builder().optSeed(seed + questions);
                    conv.persona(user).forEach(b::addPersona);
                    turns.subList(0, i).forEach(b::addTurn);
                    DialogueLine line = generator.lines(b.build()).get(0);
                    questions++;
                    fallbacks += line.fallback() ? 1 : 0;
                    grounded += usesPersona(line.text(), conv.persona(user)) ? 1 : 0;
                    referenceGrounded += usesPersona(turns.get(i).text(), conv.persona(user)) ? 1 : 0;
                    Set<String> seen = new HashSet<>();
                    for (Turn earlier : turns.subList(0, i)) {
                        if (earlier.speaker() == Speaker.NPC) {
                            seen.addAll(trigrams(earlier.text()));
                        }
                    }
                    for (String g : trigrams(line.text())) {
                        trigramCount++;
                        if (!seen.add(g)) {
                            repeated++;
                        }
                    }
                    progress.update(questions, null);
                    if (questions >= limit) {
                        break outer;
                    }
                }
            }
        }
        progress.finish(null);
        if (questions == 0) {
            throw new IllegalArgumentException("the data has no persona questions (player lines with '?' and 'you')");
        }
        return new Generation(questions, grounded / (double) questions, referenceGrounded / (double) questions,
                trigramCount == 0 ? 0 : repeated / (double) trigramCount, fallbacks);
    }
}
