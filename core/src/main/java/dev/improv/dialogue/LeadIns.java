package dev.improv.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The words people say before a value, by the value's kind: "That will be" or "It costs" before a price,
 * "There are" before a count, "It's in" before a place. A small model mixes the lead-ins it learnt across
 * kinds ("There are 6 silver.", "It's in Sunday.", "I ask Tuesdays.", "For you think about 90 dollars."),
 * and those lines read as broken English; a lead-in that the training replies never say before a value of
 * that kind is cut, and the line says the value alone ("6 silver.").
 *
 * <p>A lead-in is the clause before a sentence's first stated value (after its last comma or colon),
 * lower case: its whole when it has at most {@link #WORDS} words (marked {@code ^}, it opens the clause),
 * else its last {@link #WORDS}. A sentence of at most {@link #WORDS} words said just before ("Sure.") is an
 * opener, keyed ". sure". Kinds come from {@link Mentions}: {@code money}, {@code clock} (a time of day), {@code span} ("three days"),
 * {@code number}, {@code day} (a weekday or month), {@code place} and {@code name}.
 *
 * <p>Read from {@code improv/dialogue/lead-ins.txt.gz}, which {@code improv train dialogue --lead-ins} counts in the
 * dialogue model's own training replies (SGD, Taskmaster-4, CaSiNo, Persona-Chat and the LIGHT cards):
 * one line per lead-in said at least {@link #MIN_COUNT} times, {@code kind TAB lead-in TAB count}.
 */
final class LeadIns {
    static final String RESOURCE = "/improv/dialogue/lead-ins.txt.gz";
    /** Words of a lead-in that are compared: enough to tell "it costs" from "there are". */
    static final int WORDS = 3;
    /**
     * Times a lead-in must be said before a kind of value to stand: said rarely, it is a corpus's slip or a habit of
     * another setting ("You have 12 gold.", "We have Dusk." passed at 3; on the development cards 20 cut such
     * lines and kept 3-of-5 distinct at 0.78-0.80 with the extra tries after a repeat, against 0.82-0.85 at 3).
     */
    static final int MIN_COUNT = 20;

    /** Where a clause before a value starts: after its last comma, colon, semicolon or dash. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:—–]|\\s-\\s");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Pattern SENTENCE = Pattern.compile(".+?(?:[.!?]+(?=\\s|$)|$)");

    private static final class Shipped {
        static final LeadIns INSTANCE = read(RESOURCE);
    }

    /** "kind\tlead-in" of every lead-in that stands. */
    private final Set<String> said;

    /** Openers that stand before some kind of value. */
    private final Set<String> openers = new HashSet<>();

    /** Per kind, the lead-ins that open a clause ("^ it costs"), most said first. */
    private final Map<String, List<String>> opening;

    private LeadIns(Set<String> said, Map<String, List<String>> opening) {
        this.said = said;
        this.opening = opening;
        for (String key : said) {
            String leadIn = key.substring(key.indexOf('\t') + 1);
            if (leadIn.startsWith(".")) {
                openers.add(leadIn);
            }
        }
    }

    /** The table shipped with the library, read once on first use. */
    static LeadIns shipped() {
        return Shipped.INSTANCE;
    }

    /** A sentence's first stated value: its kind, where it starts, and the lead-in before it. */
    record Value(String kind, int start, String leadIn) {
    }

    /**
     * Whether {@code sentence}'s lead-in before the value at {@code start} may be said: true when it has none,
     * when the value there is not the sentence's first (a lead-in holding a value is not judged here), or
     * when the training replies say it before values of that kind.
     */
    boolean allows(String sentence, int start) {
        return allows(sentence, start, false, null);
    }

    /**
     * As above; with {@code theIsTheNames}, a "the" right before the value is the name's own ("the Widow", as
     * the facts write it) and the lead-in is judged without it: "That's the Widow." as "That's". The value's kind
     * is {@code kindInFacts} when given ({@link #kindIn}), else as the sentence says it.
     */
    boolean allows(String sentence, int start, boolean theIsTheNames, String kindInFacts) {
        Value v = first(sentence);
        if (v == null || v.start() != start || v.leadIn().isEmpty()) {
            return true;
        }
        String leadIn = v.leadIn();
        Matcher the = TRAILING_THE.matcher(sentence.substring(0, start));
        if (theIsTheNames && the.find()) {
            leadIn = leadIn(sentence.substring(0, the.start()));
            if (leadIn.isEmpty()) {
                return true;
            }
        }
        String kind = kindInFacts == null ? v.kind() : kindInFacts;
        if (HAVING.matcher(leadIn).matches() && !kind.equals("number")) {
            return false;
        }
        Pattern preposition = PREPOSITIONS.get(kind);
        // "That will be 12 silver." and "It'll be four days." say what is to come; a count of stairs or a place is
        // not to come: "That will be 112 steps." to "How many stairs up to the top?"
        boolean copula = COPULAS.contains(leadIn) && !(FUTURE.matcher(leadIn).find() && !FUTURE_KINDS.contains(kind));
        return copula || said.contains(kind + "\t" + leadIn)
                || preposition != null && preposition.matcher(leadIn).matches();
    }

    /**
     * "You have" before a price is SGD's bank balance, said often enough to stand, but an NPC asked a price or a
     * time does not say "You have 4 dollars." or "I have eight.": only a count is had ("We have eight.").
     */
    private static final Pattern HAVING = Pattern.compile("\\^ (?:you|i|we|they) have");

    /**
     * A preposition of the kind, after a copula or alone: "On Net Street.", "It's near Mossy Ford.", "It's at
     * noon.", "On Sunday." are English however seldom the corpora say them ("It's in Sunday." is not).
     */
    private static final Map<String, Pattern> PREPOSITIONS = Map.of(
            "place", prepositions("in|on|at|near|by|behind|under|past|beyond|outside|inside|from"),
            "day", prepositions("on|until|till|after|before|from|by"),
            "clock", prepositions("at|until|till|after|before|from|by|around"),
            "span", Pattern.compile(prepositions("in|after|for|within").pattern() + "|\\^ (?:it|that) (?:takes|will take|'ll take)"));

    private static Pattern prepositions(String words) {
        return Pattern.compile("\\^ (?:(?:it's|that's|it is|that is) )?(?:" + words + ")");
    }

    /**
     * The kind of {@code value} as {@code text} (a fact) states it, or null if it states no such value: a name's
     * kind is read from the words around it, so "It's in the Widow." would make a person a place.
     */
    static String kindIn(String text, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (Mentions.Name n : Mentions.names(text)) {
            if (n.surface().toLowerCase(Locale.ROOT).contains(v)) {
                return nameKind(n);
            }
        }
        String lower = " " + text.toLowerCase(Locale.ROOT);
        for (Mentions.Quantity q : Mentions.quantities(text)) {
            String surface = q.surface().toLowerCase(Locale.ROOT);
            if (surface.contains(v)) {
                // A bare number said "at eight" is an hour: "I have eight." does not answer when the show starts.
                String kind = quantityKind(q);
                return kind.equals("number") && lower.contains(" at " + surface) ? "clock" : kind;
            }
        }
        return null;
    }

    private static final Pattern TRAILING_THE = Pattern.compile("(?i)\\bthe\\s+$");

    /**
     * Lead-ins that say a value is what was asked, whatever its kind: "It's Sunday." and "That's Tuesdays."
     * answer "Which day?" though the corpora, SGD's dates, say "on Sunday".
     */
    private static final Pattern FUTURE = Pattern.compile("(?:will|'ll) be$");
    /** Kinds of value a future copula goes before: a price to pay, a span to wait. */
    private static final Set<String> FUTURE_KINDS = Set.of("money", "span");
    private static final Set<String> COPULAS = Set.of("^ it's", "^ that's", "^ it is", "^ that is", "^ it'll be",
            "^ that'll be", "^ it will be", "^ that will be");

    /**
     * Whether a short sentence said just before the one that states a value may open it: when the training replies say {@code opener} before a sentence
     * stating a value of that kind ("Sure. It costs 5 silver." yes; "Me too! 5 silver." and "You should.
     * Hollow Fen." no: Persona-Chat's small talk, said before no price or place).
     */
    boolean allowsOpener(String opener, String sentence) {
        Value v = first(sentence);
        String key = openerKey(opener);
        // A value that opens its sentence may be a word ("Sunday."), not found as a name: any kind then.
        return key.isEmpty() || (v == null ? openers.contains(key) : said.contains(v.kind() + "\t" + key));
    }

    /** Every lead-in key of {@code text}: per sentence that states a value, its lead-in and its opener. */
    static List<String> keys(String text) {
        List<String> out = new ArrayList<>();
        Matcher s = SENTENCE.matcher(text);
        String previous = null;
        while (s.find()) {
            Value v = first(s.group());
            if (v != null) {
                out.add(v.kind() + "\t" + v.leadIn());
                String opener = previous == null ? "" : openerKey(previous);
                if (!opener.isEmpty()) {
                    out.add(v.kind() + "\t" + opener);
                }
            }
            previous = v == null ? s.group() : null;
        }
        return out;
    }

    /** The key of a sentence said before a value's: ". " and its words, or empty if it has none or too many. */
    static String openerKey(String sentence) {
        List<String> words = words(sentence);
        return words.isEmpty() || words.size() > WORDS ? "" : ". " + String.join(" ", words);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(text.replace('’', '\'').toLowerCase(Locale.ROOT));
        while (w.find()) {
            words.add(w.group());
        }
        return words;
    }

    /** The first stated value of one sentence, or null if it states none. */
    static Value first(String sentence) {
        int best = Integer.MAX_VALUE;
        String kind = null;
        for (Mentions.Quantity q : Mentions.quantities(sentence)) {
            int at = sentence.indexOf(q.surface());
            if (at >= 0 && at < best) {
                best = at;
                kind = quantityKind(q);
            }
        }
        for (Mentions.Name n : Mentions.names(sentence)) {
            int at = sentence.indexOf(n.surface());
            if (at >= 0 && at < best) {
                best = at;
                kind = nameKind(n);
            }
        }
        return kind == null ? null : new Value(kind, best, leadIn(sentence.substring(0, best)));
    }

    private static String quantityKind(Mentions.Quantity q) {
        return !q.kind().equals("time") ? q.kind() : isClock(q) ? "clock" : "span";
    }

    private static String nameKind(Mentions.Name n) {
        return switch (n.kind()) {
            case Mentions.Name.TIME -> "day";
            case Mentions.Name.PLACE -> "place";
            default -> "name";
        };
    }

    /** Whether a time is a time of day ("7:15", "3pm", "noon") rather than a span ("three days"). */
    private static boolean isClock(Mentions.Quantity q) {
        return q.unit() == null || q.unit().equals("am") || q.unit().equals("pm");
    }

    /** The lead-in key of the text before a value: see the class comment. */
    static String leadIn(String before) {
        List<String> words = words(clause(before));
        if (words.isEmpty()) {
            return "";
        }
        return words.size() <= WORDS ? "^ " + String.join(" ", words)
                : String.join(" ", words.subList(words.size() - WORDS, words.size()));
    }

    /** The clause of the text before a value: after its last comma, colon, semicolon or dash. */
    static String clause(String before) {
        String clause = before;
        Matcher breaks = CLAUSE_BREAK.matcher(before);
        while (breaks.find()) {
            clause = before.substring(breaks.end());
        }
        return clause;
    }

    /** A table read from lines {@code kind TAB lead-in TAB count} ('#' lines are comments). */
    static LeadIns read(InputStream in, String name) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Set<String> said = new HashSet<>();
        Map<String, List<Map.Entry<String, Integer>>> opening = new java.util.HashMap<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 3) {
                throw new IOException(name + ": line " + number + ": expected kind, lead-in and count separated by tabs");
            }
            try {
                int count = Integer.parseInt(parts[2]);
                if (count >= MIN_COUNT) {
                    said.add(parts[0] + "\t" + parts[1]);
                    if (parts[1].startsWith("^ ")) {
                        opening.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(Map.entry(parts[1].substring(2), count));
                    }
                }
            } catch (NumberFormatException e) {
                throw new IOException(name + ": line " + number + ": count '" + parts[2] + "' is not a number");
            }
        }
        Map<String, List<String>> byCount = new java.util.HashMap<>();
        opening.forEach((kind, leadIns) -> byCount.put(kind, leadIns.stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList()));
        return new LeadIns(said, byCount);
    }

    /**
     * The words people open a clause with before a value of {@code kind}, most said first, as a sentence starts:
     * "It costs", "I ask", "That will be" before a price. Empty for a kind the table does not know.
     */
    List<String> openings(String kind) {
        List<String> out = new ArrayList<>();
        for (String leadIn : opening.getOrDefault(kind, List.of())) {
            out.add(Character.toUpperCase(leadIn.charAt(0)) + leadIn.substring(1));
        }
        return out;
    }

    private static LeadIns read(String resource) {
        try (InputStream raw = LeadIns.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return read(new GZIPInputStream(raw), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** How many lead-ins stand. */
    int size() {
        return said.size();
    }
}
