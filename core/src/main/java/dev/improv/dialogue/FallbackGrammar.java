package dev.improv.dialogue;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.model.SeededRandom;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authored, Tracery-style grammar for lines the model could not deliver (deadline missed, a rule
 * it could not satisfy). JSON maps each symbol to its alternatives; {@code #symbol#} expands a
 * symbol, {@code #symbol.capitalize#} / {@code .a} / {@code .s} apply Tracery's modifiers, and
 * {@code {slot}} is filled from game state. Expansion starts at {@code origin_<mood>} if the grammar
 * has it (e.g. {@code origin_grumpy}), else at {@code origin}; lines that state a retrieved fact
 * ({@link #answer}) start at {@code answer_<mood>} or {@code answer} and hold {@code {fact}}.
 * Alternatives whose slots the request does not provide are skipped. Immutable and thread-safe.
 *
 * <pre>{@code {"origin": ["#greeting#, {player}.", "Looking for {item}?"], "greeting": ["Hello", "Well met"]}}</pre>
 */
public final class FallbackGrammar {
    private static final Pattern REF = Pattern.compile("#([A-Za-z_][A-Za-z0-9_]*)((?:\\.[a-z]+)*)#");
    private static final int MAX_DEPTH = 16;
    private static final int ATTEMPTS = 32;
    /** The start symbol of lines that state a retrieved fact, and the slot that holds the fact. */
    private static final String ANSWER = "answer";
    private static final String ASIDE = "aside";
    private static final String FIRST = "first";
    private static final String ALSO = "also";
    private static final String FACT = "fact";
    private static final String UNKNOWN = "unknown";
    private static final String RECALL = "recall";
    private static final String HEARD = "heard";
    private static final String HEARD_FACT = "heard_fact";
    private static final java.util.Set<String> MODIFIERS = java.util.Set.of("", "capitalize", "a", "s");

    private final Map<String, List<String>> rules;

    private FallbackGrammar(Map<String, List<String>> rules) {
        if (!rules.containsKey("origin")) {
            throw new IllegalArgumentException("a fallback grammar needs an 'origin' symbol");
        }
        for (Map.Entry<String, List<String>> e : rules.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("grammar symbol '" + BoundedFiles.printable(e.getKey()) + "' has no alternatives");
            }
            for (String alt : e.getValue()) {
                Matcher m = REF.matcher(alt);
                while (m.find()) {
                    if (!rules.containsKey(m.group(1))) {
                        throw new IllegalArgumentException("grammar symbol '" + BoundedFiles.printable(e.getKey()) + "' refers to undefined #"
                                + m.group(1) + "#");
                    }
                    for (String mod : m.group(2).split("\\.")) {
                        if (!MODIFIERS.contains(mod)) {
                            throw new IllegalArgumentException("grammar symbol '" + BoundedFiles.printable(e.getKey()) + "' uses unknown modifier ."
                                    + BoundedFiles.printable(mod) + " (known: capitalize, a, s)");
                        }
                    }
                }
            }
        }
        this.rules = rules;
    }

    /**
     * This grammar with {@code lines} (symbol to its alternatives; a card's own, {@link NpcCard#lines}) in place of
     * its own for those symbols, in every mood: a symbol given here drops this grammar's mood variants of it
     * ({@code hello_grumpy} for {@code hello}) unless they are given too. The lines may use this grammar's symbols
     * ("#grumble# Mind the sparks.").
     *
     * @throws IllegalArgumentException naming the symbol, for a malformed name, a symbol with no lines, or a line
     *                                  that refers to a symbol neither defines
     */
    public FallbackGrammar withLines(Map<String, List<String>> lines) {
        if (lines.isEmpty()) {
            return this;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(rules);
        for (Map.Entry<String, List<String>> e : lines.entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + BoundedFiles.printable(e.getKey()) + "' is not a symbol name (letters, digits, _)");
            }
            for (Tone mood : Tone.values()) {
                String variant = e.getKey() + "_" + mood.name().toLowerCase(Locale.ROOT);
                if (!lines.containsKey(variant)) {
                    merged.remove(variant);
                }
            }
        }
        merged.putAll(lines);
        return new FallbackGrammar(merged);
    }

    /** Parses a grammar from JSON; {@code source} names it in error messages. */
    public static FallbackGrammar fromJson(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": a grammar is a JSON object of symbol -> [alternatives]");
        }
        Map<String, List<String>> rules = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            List<String> alts = new ArrayList<>();
            if (e.getValue().isTextual()) {
                alts.add(e.getValue().asText());
            } else if (e.getValue().isArray()) {
                for (JsonNode a : e.getValue()) {
                    if (!a.isTextual()) {
                        throw new IllegalArgumentException(source + ": symbol '" + BoundedFiles.printable(e.getKey()) + "' has a non-text alternative");
                    }
                    alts.add(a.asText());
                }
            } else {
                throw new IllegalArgumentException(source + ": symbol '" + BoundedFiles.printable(e.getKey()) + "' must be a text or a list of texts");
            }
            rules.put(e.getKey(), List.copyOf(alts));
        }
        try {
            return new FallbackGrammar(rules);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }

    /** Reads a grammar file. */
    public static FallbackGrammar load(Path file) throws IOException {
        return fromJson(BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "grammar files"), file.toString());
    }

    /** The shipped grammar, read once: every card checks its lines against it (a service request each, 9% of a worker). */
    private static volatile FallbackGrammar shipped;

    /** The grammar shipped with the engine: short generic lines of a village NPC. */
    public static FallbackGrammar defaultGrammar() {
        FallbackGrammar read = shipped;
        if (read == null) {
            read = readDefault();
            shipped = read;
        }
        return read;
    }

    private static FallbackGrammar readDefault() {
        String name = "/improv/dialogue/fallback-grammar.json";
        try (InputStream in = FallbackGrammar.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return fromJson(new ObjectMapper().readTree(in), name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /**
     * An authored line for {@code mood} (null for any), slots filled, containing no banned word; empty
     * if no expansion tried satisfies both. Same seed, same line.
     */
    public Optional<String> line(Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        return generate("origin", mood, slots, banned, seed);
    }

    /**
     * An authored line that states {@code fact} in the NPC's voice ("Aye. I close at dusk."), from
     * {@code answer_<mood>} or {@code answer}, where {@code {fact}} is the fact as a sentence of its own
     * (never reworded, so a first-person fact reads as the NPC speaking). A grammar without an
     * {@code answer} symbol says the fact alone. Empty if every line tried has a banned word (the
     * fact itself may have one). Same seed, same line.
     */
    public Optional<String> answer(String fact, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        return stating(ANSWER, fact, mood, slots, banned, seed);
    }

    /**
     * As {@link #answer}, for a fact that may not answer what was asked ("Do you sell horseshoes?" and the town's
     * river): from {@code aside_<mood>} or {@code aside}, lines that offer what the NPC knows without claiming it
     * answers ("Here's what I know. …"); a grammar without them states it as an answer.
     */
    public Optional<String> aside(String fact, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        return stating(rules.containsKey(ASIDE) ? ASIDE : ANSWER, fact, mood, slots, banned, seed);
    }

    /**
     * As {@link #answer}, for one of two facts said in turn because either may answer the question: the first from
     * {@code first_<mood>} or {@code first} (no closing offer, another line follows), the second from {@code
     * also_<mood>} or {@code also} ("Or, if that's not it: …"); a grammar without them says the fact alone.
     */
    public Optional<String> inTurn(boolean second, String fact, Tone mood, Map<String, String> slots, BannedWords banned,
                                   long seed) {
        return stating(second ? ALSO : FIRST, fact, mood, slots, banned, seed);
    }

    private Optional<String> stating(String symbol, String fact, Tone mood, Map<String, String> slots, BannedWords banned,
                                     long seed) {
        String sentence = asSentence(fact);
        if (sentence.isEmpty()) {
            throw new IllegalArgumentException("the fact to state is empty");
        }
        if (!rules.containsKey(symbol)) {
            return banned.matches(sentence) ? Optional.empty() : Optional.of(sentence);
        }
        Map<String, String> withFact = new LinkedHashMap<>(slots);
        withFact.put(FACT, sentence);
        return generate(symbol, mood, withFact, banned, seed);
    }

    /**
     * An authored line that gives the player's own earlier words back ({@code said}, quoted: "You said so yourself:
     * \"My horse is called Bramble.\""), from {@code recall_<mood>} or {@code recall}; a grammar without them says
     * it does not know (see {@link #unknown}), never the player's line as the NPC's own. Same seed, same line.
     */
    public Optional<String> recall(String said, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        return rules.containsKey(RECALL) ? stating(RECALL, said, mood, slots, banned, seed)
                : unknown(mood, slots, banned, seed);
    }

    /**
     * An authored reply to something the player told rather than asked ("Is that so?"), from {@code heard_<mood>}
     * or {@code heard}; with {@code fact} (may be null), one the player's words touch, from {@code heard_fact}
     * ("You don't say. Wolves have been seen in the Thornwood."). A grammar without them gives an ordinary line,
     * or states the fact. Same seed, same line.
     */
    public Optional<String> heard(String fact, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        if (fact != null) {
            return rules.containsKey(HEARD_FACT) ? stating(HEARD_FACT, fact, mood, slots, banned, seed)
                    : answer(fact, mood, slots, banned, seed);
        }
        return rules.containsKey(HEARD) ? generate(HEARD, mood, slots, banned, seed) : line(mood, slots, banned, seed);
    }

    /**
     * An authored line for a question the NPC's facts do not answer ("I couldn't say."), from
     * {@code unknown_<mood>} or {@code unknown}; a grammar without them gives an ordinary line. Same
     * seed, same line.
     */
    public Optional<String> unknown(Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        return rules.containsKey(UNKNOWN) ? generate(UNKNOWN, mood, slots, banned, seed) : line(mood, slots, banned, seed);
    }

    /**
     * An authored line that does {@code act} ("Safe travels." to a farewell), from {@code <symbol>_<mood>} or
     * {@code <symbol>} of the first of {@link SmallTalk#symbols} that has a line to fill; a grammar without them
     * gives an ordinary line. Same seed, same line.
     */
    public Optional<String> smallTalk(SmallTalk act, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        for (String symbol : act.symbols()) {
            Optional<String> line = rules.containsKey(symbol) ? generate(symbol, mood, slots, banned, seed) : Optional.empty();
            if (line.isPresent()) {
                return line;
            }
        }
        return line(mood, slots, banned, seed);
    }

    /** Expands {@code <base>_<mood>} if the grammar has it, else {@code base}. */
    private Optional<String> generate(String base, Tone mood, Map<String, String> slots, BannedWords banned, long seed) {
        String moodStart = mood == null ? null : base + "_" + mood.name().toLowerCase(Locale.ROOT);
        String start = moodStart != null && rules.containsKey(moodStart) ? moodStart : base;
        SeededRandom random = new SeededRandom(seed);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String text = expand(start, slots, random, 0);
            if (text != null) {
                text = Slots.fill(text, slots).strip();
                if (!text.isEmpty() && !banned.matches(text)) {
                    return Optional.of(text);
                }
            }
        }
        return Optional.empty();
    }

    /** The fact as one sentence: stripped, first letter capitalised, ending in . ! or ?. */
    static String asSentence(String fact) {
        String s = DialogueFormat.clean(fact);
        if (s.isEmpty()) {
            return s;
        }
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        return ".!?\"'”’)".indexOf(last) >= 0 ? s : s + ".";
    }

    /** Expands a symbol, or null if no alternative can be filled with {@code slots}. */
    private String expand(String symbol, Map<String, String> slots, SeededRandom random, int depth) {
        if (depth > MAX_DEPTH) {
            return null; // a recursive grammar that keeps choosing itself: give up on this attempt
        }
        List<String> usable = new ArrayList<>();
        for (String alt : rules.get(symbol)) {
            if (Slots.canFill(alt, slots)) {
                usable.add(alt);
            }
        }
        if (usable.isEmpty()) {
            return null;
        }
        String alt = usable.get(random.nextInt(usable.size()));
        Matcher m = REF.matcher(alt);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = expand(m.group(1), slots, random, depth + 1);
            if (inner == null) {
                return null;
            }
            for (String mod : m.group(2).split("\\.")) {
                inner = modify(inner, mod);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(inner));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String modify(String s, String modifier) {
        switch (modifier) {
            case "":
                return s;
            case "capitalize":
                return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
            case "a":
                return (!s.isEmpty() && "aeiouAEIOU".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
            case "s":
                if (s.endsWith("s") || s.endsWith("x") || s.endsWith("ch") || s.endsWith("sh")) {
                    return s + "es";
                }
                if (s.endsWith("y") && s.length() > 1 && "aeiou".indexOf(s.charAt(s.length() - 2)) < 0) {
                    return s.substring(0, s.length() - 1) + "ies";
                }
                return s + "s";
            default:
                throw new IllegalArgumentException("unknown grammar modifier ." + modifier);
        }
    }
}
