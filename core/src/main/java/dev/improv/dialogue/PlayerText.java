package dev.improv.dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a player typed, made safe to put in a prompt: control characters become spaces, whitespace
 * runs one space, and a line longer than {@link #MAX_CHARS} is cut at a word boundary, so that a
 * 1 MB paste costs no more than a question and still leaves the question in the prompt. Text such as
 * {@code <|end|>} needs no escaping: {@link BytePairTokenizer#encode} never yields special tokens.
 */
public final class PlayerText {
    /** Longest player line kept: several sentences, a fraction of the model's context. */
    public static final int MAX_CHARS = 300;

    private PlayerText() {
    }

    /** {@code text} cleaned and cut to at most {@link #MAX_CHARS} characters. */
    public static String bounded(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS + 1));
        boolean space = true; // drops leading whitespace
        for (int i = 0; i < text.length() && out.length() <= MAX_CHARS; i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c)
                    || (Character.isSurrogate(c) && !pairAt(text, i));
            if (blank) {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c)) {
                    out.append(text.charAt(++i));
                }
                space = false;
            }
        }
        if (out.length() > MAX_CHARS) {
            int cut = out.lastIndexOf(" ", MAX_CHARS);
            out.setLength(cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
        }
        return out.toString().strip();
    }

    /** A sentence's first letter: at the start, or after an end mark and a space. */
    private static final Pattern SENTENCE_START = Pattern.compile("(?:^|[.!?]\\s+)(\\p{Ll})");
    /** "i" alone, as players type it. */
    private static final Pattern LONE_I = Pattern.compile("\\bi\\b(?!')|\\bi(?='[a-z])");
    /**
     * A last sentence that opens as a question: what, where, can, do... ("tell me" asks nothing back), perhaps after
     * the words people type before one ("so what do you charge per day", "ok where's the well", "arr who's the fella…").
     * The line is read after {@link #spelledOut}: "whats" is "what's" by then.
     */
    private static final Pattern ASKS = Pattern.compile(
            "(?i)^(?:(?:so|and|but|ok|okay|well|hey|oh|um|uh|hm|hmm|right|alright|now|say|listen|then|yo|oi|ey|eh|ay|hiya|arr|arrr|ahoy|aye|excuse me|pardon me|sorry|wait|hold on|also|btw|quick question|real quick|"
                    // whom it is asked of: "hey kid what do they give ya for a days work"
                    + "kid|mister|miss|missus|sir|ma'am|madam|lady|friend|pal|buddy|mate|boss|chief|lad|lass|son|stranger|doc)[,!:]?\\s+)*(what|what's|where|where's|when|when's|who|who's|whom|whose|how|how's|which|why|"
                    + "can|could|do|does|did|is|are|was|were|will|would|have|has|any|anything|anyone|anybody|got|should|shall|may)\\b.*");

    /** A filler word ("lol", "so", "anyway") and a question word after it, with no stop between. */
    private static final Pattern ASKS_AFTER_FILLER = Pattern.compile(
            "(?i)(?<=\\p{L})\\s+(lol|lmao|haha|anyway|anyways|btw)\\s+(?=(?:how|what|what's|where|where's|when|who|who's|"
                    + "which|can|could|do|does|is|are)\\b)");

    /** Words as players type them, and as they are written (improv/dialogue/chat-spellings.json). */
    private static final Map<String, String> SPELLINGS = spellings("/improv/dialogue/chat-spellings.json");
    /** Any of them as a whole word, longest first ("wots" before "wot"). */
    private static final Pattern SPELLED = Pattern.compile("(?i)(?<![\\p{L}\\p{N}'])("
            + SPELLINGS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])");
    /**
     * "4" typed for "for" after a price word: "how much 4 a quick trip", "what do u charge 4 fuel". Not before a
     * plural ("how much 4 rooms" may be four of them) nor a number.
     */
    private static final Pattern FOUR_AS_FOR = Pattern.compile(
            "(?i)(?<=\\b(?:much|charge|cost|costs|price|pay|ask|want)\\s)4(?=\\s+(?:a|an|the|my|your|one|some|this|that|it|[\\p{L}']+(?<!s))\\b)");
    /** "2" typed for "to" before a verb: "how much 2 go up and back down". */
    private static final Pattern TWO_AS_TO = Pattern.compile(
            "(?i)(?<=\\b(?:much|cost|costs|need|want|have|like|got|how|where|when|able)\\s)2(?=\\s+(?:go|get|buy|rent|hire|fix|see|"
                    + "make|take|ride|cross|stay|send|do|be|sleep|eat|find|pay|ask|talk|come|bring|ship|carry|fly|sail)\\b)");
    /** A dropped g: "rollin'", "burnin'". */
    private static final Pattern DROPPED_G = Pattern.compile("(?<=\\p{L}\\p{L})in'(?![\\p{L}\\p{N}])");

    /** {@code line} with chat spellings and dropped g's written out; see chat-spellings.json. */
    static String spelledOut(String line) {
        String out = SPELLED.matcher(line).replaceAll(m -> {
            String typed = m.group(1);
            String written = SPELLINGS.get(typed.toLowerCase(Locale.ROOT));
            if (typed.length() < 3 && !typed.equals(typed.toLowerCase(Locale.ROOT))) {
                return Matcher.quoteReplacement(typed); // "U-boat", "Ye Olde Shoppe"
            }
            boolean capital = Character.isUpperCase(typed.charAt(0)) && !written.startsWith("I'");
            return Matcher.quoteReplacement(capital ? Character.toUpperCase(written.charAt(0)) + written.substring(1) : written);
        });
        out = DROPPED_G.matcher(out).replaceAll("ing");
        out = FOUR_AS_FOR.matcher(out).replaceAll("for");
        out = TWO_AS_TO.matcher(out).replaceAll("to");
        // "skimmin", "sittin": a dropped g without its apostrophe, after a doubled consonant
        return DROPPED_G_BARE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                droppedG(m.group()) ? m.group() + "g" : m.group()));
    }

    /** A lower-case word in -in: perhaps a verb with its g dropped. */
    private static final Pattern DROPPED_G_BARE = Pattern.compile("(?<![\\p{L}'])\\p{Ll}{3,}in(?![\\p{L}'])");

    /** Whether {@code word} (in -in) is no word of its own but a known verb's -ing with the g left off. */
    private static boolean droppedG(String word) {
        Lexicon known = Lexicon.shipped();
        if (known.contains(word) || Mentions.isCommon(word)) {
            return false; // "cabin", "muffin", "within"
        }
        String stem = word.substring(0, word.length() - 2);
        boolean doubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
        // Only a doubled consonant says so: "raisin" is no raising, "bobbin" no bobbing (common -in words are in
        // chat-spellings.json: goin, mornin, fixin…).
        return doubled && known.contains(stem.substring(0, stem.length() - 1)) && known.contains(word + "g");
    }

    private static Map<String, String> spellings(String resource) {
        try (InputStream in = PlayerText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, String> out = new HashMap<>();
            CardJson.mapper().readTree(in).path("words").fields()
                    .forEachRemaining(e -> out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * {@code line} as the corpora's players write it: sentences start with a capital, "i" is "I", and a last
     * sentence that opens as a question ends with a question mark. The model learnt questions from written
     * dialogue: typed as "what would you give me for this watch", it read small talk and answered "I love
     * being a few years old?"; written, it answers "20 dollars.". Nothing else of the line changes.
     */
    public static String asWritten(String line) {
        line = spelledOut(line);
        // "locked my keys in the car lol how much to get back in": a question typed on after a filler word is a
        // sentence of its own (read as a statement, the line got "It costs $4." from the key-copying price).
        line = ASKS_AFTER_FILLER.matcher(line).replaceAll(" $1. ");
        Matcher m = SENTENCE_START.matcher(line);
        StringBuilder out = new StringBuilder(line.length() + 1);
        while (m.find()) {
            m.appendReplacement(out, "");
            out.append(line, m.start(), m.start(1)).append(Character.toUpperCase(line.charAt(m.start(1))));
        }
        m.appendTail(out);
        String written = LONE_I.matcher(out).replaceAll("I");
        int last = Math.max(written.lastIndexOf(". "), Math.max(written.lastIndexOf("! "), written.lastIndexOf("? ")));
        String lastSentence = written.substring(last < 0 ? 0 : last + 2);
        boolean ended = !written.isEmpty() && ".!?".indexOf(written.charAt(written.length() - 1)) >= 0;
        // A player who typed "?" after their question marks their questions: "how much for a whole box of dynamite?
        // got a crew of 6" tells the crew's size (unless it opens with what, where, who…).
        boolean marksQuestions = last >= 0 && written.startsWith("? ", last) && !AnswerCheck.asksWh(lastSentence);
        return !ended && !marksQuestions && (ASKS.matcher(lastSentence).matches() || ASKS_AFTER_CLAUSE.matcher(lastSentence).find()
                || ASKS_AFTER_IF.matcher(lastSentence).find())
                ? written + "?" : written;
    }

    /**
     * A wh-question typed after a clause that sets it up: "need to juice up my truck battery, what'll that run me"
     * (read as a statement, it got small talk: "I've never heard the out."). Wh-words only: "thanks, will do" asks nothing.
     */
    private static final Pattern ASKS_AFTER_CLAUSE = Pattern.compile(
            "(?i)(?:,|\\s[-–—])\\s+(?:what|what's|what'll|where|where's|when|when's|who|who's|how|how's|"
                    + "which|why)\\b[^,]*$");

    /**
     * A wh-question after the condition it is asked on, typed with no comma: "if i wrap a chunk in sackcloth how long
     * til its just water" (read as a statement, it took "Then't have 4 days." for an answer), and after a "so": "so if i
     * borrow a hundred how much do i owe u back" (small talk: "You don't say.").
     */
    private static final Pattern ASKS_AFTER_IF = Pattern.compile(
            "(?i)^(?:(?:so|and|but|ok|okay|well|now|hey)\\s+)?(?:if|once|say|suppose|supposing)\\s.+?\\s"
                    + "(?:what|what's|what'll|where|where's|when|who|who's|how|how's|which)\\b");

    /** The words a player greets with (a regex alternation), for this and for {@link SmallTalk}'s greetings. */
    static final String GREETING_WORDS = "hello|hullo|hi|hiya|hey|heya|greetings|howdy|hail|well met|ahoy|g'day|"
            + "good (?:morning|afternoon|evening|day|morrow)|morning|afternoon|evening";

    /**
     * A greeting that opens a line, with what it calls the NPC: "Good afternoon.", "Good day, mistress.", "Hi there!",
     * "Morning, Reverend Peck."
     */
    private static final Pattern OPENING_GREETING = Pattern.compile("(?i)^\\s*(?:oh\\s+)?(?:" + GREETING_WORDS + ")(?:\\s+(?:there|again|all|friend|stranger|folks|sir))?(?:\\s*[.!]+\\s+|\\s*,\\s+(?:[^.!?,]{1,30}[.!]+\\s+)?)"
            + "(?=\\S)");

    /**
     * {@code line} without the greeting it opens with, when more follows: "Good afternoon. How much would it cost me to
     * send a short wire?" asks nothing about afternoons (its "afternoon" found "a halfpenny for each word after that").
     */
    public static String withoutGreeting(String line) {
        Matcher m = OPENING_GREETING.matcher(line);
        if (!m.find() || m.end() >= line.length()) {
            return line;
        }
        String rest = line.substring(m.end());
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /**
     * What the player says they do not want, set off after a comma or "but", or after "instead of" / "rather than": ", not
     * a whole block", "rather than the big one". Up to the next mark or the line's end, a few words at most.
     */
    private static final Pattern DECLINED = Pattern.compile("(?i)(?:,\\s*|\\s+but\\s+)not\\s+(?:a|an|the|any|my|your)\\s+"
            + "[\\p{L}'-]+(?:\\s+[\\p{L}'-]+){0,3}(?=\\s*(?:[,.;!?]|$))"
            + "|,?\\s+(?:instead of|rather than)\\s+(?:(?:a|an|the|any|my|your)\\s+)?[\\p{L}'-]+(?:\\s+[\\p{L}'-]+){0,3}"
            + "(?=\\s*(?:[,.;!?]|$))");

    /**
     * {@code line} without what the player says they do not want: "I only need a little piece for cooking, not a whole
     * block. What would that cost?" asks the price of a piece (its "whole block" found "A whole slab costs 9 silver
     * dirhams."). Read this way for the facts and the check; the model still reads the line as said.
     */
    public static String withoutDeclined(String line) {
        String out = DECLINED.matcher(line).replaceAll("");
        return out.isBlank() ? line : out;
    }

    /** Questions in one line that are answered one by one, at most: more would be a speech, not a reply. */
    public static final int MAX_QUESTIONS = 2;
    /** Where a second question starts: after a question mark, or after ", and" before a question word. */
    private static final Pattern NEXT_QUESTION = Pattern.compile(
            "(?i)(?<=\\?)\\s+(?=\\S)|[,;]\\s*(?:and|but|also|plus)\\s+(?=(?:what|where|when|who|how|which|why|is|are|do|does|can|will)\\b)");

    /**
     * The questions of a line, in order: "Where can I park my freighter, and what does it cost per hour?" is
     * two. At most {@link #MAX_QUESTIONS} (the rest stays with the last); a line of one question is itself.
     * The caller decides whether the parts stand alone ("What's that run me?" leans on the question before).
     */
    public static java.util.List<String> questions(String line) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        Matcher m = NEXT_QUESTION.matcher(line);
        int from = 0;
        while (parts.size() < MAX_QUESTIONS - 1 && m.find()) {
            String part = line.substring(from, m.start()).strip();
            if (!part.isEmpty()) {
                parts.add(part.endsWith("?") ? part : part + "?");
            }
            from = m.end();
        }
        String last = line.substring(from).strip();
        if (!last.isEmpty()) {
            parts.add(Character.toUpperCase(last.charAt(0)) + last.substring(1));
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            parts.set(i, Character.toUpperCase(p.charAt(0)) + p.substring(1));
        }
        return parts.isEmpty() ? java.util.List.of(line) : java.util.List.copyOf(parts);
    }

    /** Whether a well-formed surrogate pair starts or ends at {@code i}. */
    private static boolean pairAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
