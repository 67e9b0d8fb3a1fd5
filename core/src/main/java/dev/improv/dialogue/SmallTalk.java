package dev.improv.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a player's line does when it asks for nothing the NPC knows: greets, thanks, takes leave, asks how
 * the NPC is, or asks who the NPC is. Such a line has no fact to retrieve ("How are you today?" found the
 * forge's hours) and the model, trained mostly on service and persona chat, cannot be trusted with it
 * ("Hello there!" drew "I'm not sure yet."), so it gets its own reply: a model line only if it does what
 * the player's line calls for, in one short sentence, else the fallback grammar's line for the act
 * ({@code hello}, {@code thanks}, {@code goodbye}, {@code wellbeing}, {@code identity} or {@code name}, each
 * with mood variants). A line that also asks or says something else ("Hi, how much is a sword?", "Hello, I need a
 * sword.") is not small talk: the rest of it is what needs an answer.
 *
 * <p>Recognised by patterns rather than a classifier: a handful of set phrases do the work, and a pattern
 * that misses leaves the line to the ordinary answer path, which is what happened before.
 */
public enum SmallTalk {
    /** Asks who the NPC is: answered from the card's name and role, never from the model. */
    IDENTITY("identity name",
            "who are (you|ye)|who might you be|what('s| is) your name|your name|who am i (talking|speaking) (to|with)|"
                    + "what do you do( here| for a living)?|what('s| is) your (job|trade|work|line of work)|"
                    + "tell me about yourself|what are you",
            null),
    WELLBEING("wellbeing",
            "how are (you|ye|things)( doing| keeping| holding up)?|how('s| is) it going|how do you do|"
                    + "how have you been|how('s| is) (life|business|work|trade)|how you doing|"
                    + "(are )?you (ok|okay|alright|all right|well)",
            "fine|well|good|great|busy|tired|okay|ok|alright|all right|better|worse|lovely|wonderful|"
                    + "can't complain|not bad|never better|same as ever"),
    FAREWELL("goodbye",
            "bye|goodbye|good bye|farewell|see (you|ya)( later| around| soon)?|take care|so long|good night|"
                    + "later|until next time|i('ll| will) be (back|going|off|on my way)|i (must|have to|should) go|"
                    + "gotta go|i('m| am) off",
            "bye|goodbye|farewell|take care|safe travels|see you|good (night|day|luck)|come back|until next|"
                    + "be well|go well|luck|off with you"),
    THANKS("thanks",
            "thanks|thank (you|ye)|thankyou|cheers|much obliged|obliged|(i )?appreciate (it|that|this)",
            "welcome|my pleasure|pleasure's mine|any ?time|no problem|no trouble|don't mention it|"
                    + "glad (to|i could) help|happy to help|not at all|of course"),
    GREETING("hello",
            PlayerText.GREETING_WORDS + "|"
                    // a remark on the day, as one greets: "Hello there! Nice day, isn't it?" asks nothing the NPC knows
                    + "(it's |it is |what |such )?(a )?(" + Weather.WORDS + ") (day|morning|evening|night|weather)"
                    + "( today| out| out there)?"
                    + "(,? (isn't it|ain't it|eh|huh|right|innit))?",
            "hello|hi|hey|greetings|welcome|good (morning|day|evening|afternoon)|well met|howdy|hail|"
                    + "what do you (want|need)|what can i do|how can i help|"
                    // to a remark on the day: "A lovely day indeed.", "Aye, cold enough."
                    // (not "It's nice to be you.": the weather word ends the remark or names the day)
                    + "(a |it's |it is )?(" + Weather.WORDS + ")(?=\\s+(day|morning|evening|night|weather|one|indeed|enough|"
                    + "out|today)\\b|\\s*[.!,]|\\s*$)|"
                    + "indeed|aye|that it is|so it is");

    /** What a day is said to be like, in a remark and in the reply to it ("Nice day!" "A lovely day indeed."). */
    private static final class Weather {
        static final String WORDS = "nice|lovely|fine|beautiful|grand|fair|cold|hot|wet|grey|gray|windy|warm|chilly";
    }

    /** Words a small-talk line may hold besides its set phrase: "Thanks for the help, friend!" */
    private static final Set<String> FILLER = Set.of("there", "friend", "friends", "sir", "madam", "ma'am", "maam",
            "mate", "again", "so", "much", "very", "lot", "a", "all", "for", "the", "help", "your", "you", "today",
            "now", "then", "and", "oh", "ok", "okay", "well", "dear", "everyone", "folks", "kindly", "really",
            "buddy", "pal", "stranger", "traveller", "traveler", "my", "it", "everything", "to", "too", "as",
            "always", "time", "this", "fine", "lady", "lad", "lass", "old", "good", "kind", "one", "tonight",
            "morning", "evening", "day", "just", "nice", "meet", "pleased",
            // Titles a player addresses an NPC by: "Good day, Your Majesty.", "Evening, captain."
            "majesty", "highness", "grace", "lordship", "ladyship", "excellency", "honour", "honor", "sire", "lord",
            "milord", "milady", "m'lady", "master", "mistress", "miss", "mister", "captain", "sergeant", "boss",
            "chief", "father", "mother", "brother", "sister", "elder", "queen", "king", "prince", "princess");
    /** Words of more than this in the clause that does the act: a longer one is where the small model rambles. */
    private static final int MAX_WORDS = 8;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final List<String> symbols;
    private final Pattern said;
    private final Pattern fitting;

    SmallTalk(String symbols, String said, String fitting) {
        this.symbols = List.of(symbols.split(" "));
        this.said = Pattern.compile("(?i)\\b(?:" + said + ")\\b");
        this.fitting = fitting == null ? null : Pattern.compile("(?i)\\b(?:" + fitting + ")\\b");
    }

    /**
     * The fallback grammar's start symbols for lines that do this act, the first one whose lines can be filled
     * wins: who the NPC is says name and role ({@code identity}), or the name alone for a card with no role
     * ({@code name}).
     */
    public List<String> symbols() {
        return symbols;
    }

    /**
     * What {@code line} does, if it is small talk to the NPC called {@code name} (whose name and role may be
     * said: "Morning, Dagna!"): the first of the acts above it does and nothing else of substance besides.
     * Thanks may carry a remark in the same sentence ("Thanks for fixing my sword!"); the others may not ("Hi, how
     * much is a sword?" is a question about swords, "Goodbye, see you at the market." is about the market).
     */
    public static Optional<SmallTalk> of(String line, String name, String role) {
        String lower = line.toLowerCase(Locale.ROOT).replace('’', '\'');
        Boolean bare = null; // whether the line is only set phrases and filler: the same for every act, read once
        for (SmallTalk act : values()) {
            if (!act.said.matcher(lower).find()) {
                continue;
            }
            if (act == THANKS && !QuestionKind.isQuestion(line) && line.strip().split("(?<=[.!?])\\s+").length == 1) {
                return Optional.of(act);
            }
            if (bare == null) {
                bare = onlyFiller(lower, name, role);
            }
            if (bare) {
                return Optional.of(act);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the line is nothing but set phrases of small talk, filler words and the NPC's name or role, or an
     * address after its last comma ("Morning, smith.", "Well met, old timer!").
     */
    private static boolean onlyFiller(String lower, String name, String role) {
        String rest = lower;
        for (SmallTalk act : values()) {
            rest = act.said.matcher(rest).replaceAll(m -> " ".repeat(m.group().length())); // positions kept for the comma
        }
        Set<String> own = new java.util.HashSet<>();
        for (String s : (name + " " + role).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            own.add(s);
        }
        int comma = lower.lastIndexOf(',');
        List<String> after = comma < 0 ? List.of() : WORD.matcher(lower.substring(comma)).results().map(r -> r.group()).toList();
        boolean address = comma >= 0 && !lower.strip().endsWith("?") && after.size() <= MAX_ADDRESS_WORDS
                && after.stream().noneMatch(NOT_ADDRESS::contains);
        Matcher w = WORD.matcher(rest);
        while (w.find()) {
            if (!FILLER.contains(w.group()) && !own.contains(w.group()) && !(address && w.start() > comma)) {
                return false;
            }
        }
        return true;
    }

    /** Words an address after a greeting may have: "Good day, Your Majesty.", "Evening, you old rogue." */
    private static final int MAX_ADDRESS_WORDS = 3;
    /** Words that make the end of a line a request, not an address: "Hi, a sword please.", "Hello, I need nails." */
    private static final Set<String> NOT_ADDRESS = Set.of("i", "i'm", "me", "we", "need", "want", "please", "buy",
            "sell", "looking", "got", "have", "give", "get");

    /**
     * What the player reads of a model's line for this act: its opening clause, if that does the act in a few
     * words ("No problem." to thanks; "Busy, but well." to "How are you?"), else null (the line is drawn again).
     * The act's words must open the line (after an "Oh," or "Well,"): the small model puts them anywhere
     * ("I'm not a good day.").
     */
    public String fitting(String reply) {
        if (fitting == null) {
            return null;
        }
        String first = reply.strip().split("(?<=[.!?])\\s+", 2)[0];
        Matcher m = fitting.matcher(first);
        if (!m.find() || !OPENER.matcher(first.substring(0, m.start())).matches()) {
            return null;
        }
        // Up to the end of the clause that does the act: "No problem, I'm not sure yet." reads "No problem."
        int end = first.length();
        for (int i = m.end(); i < first.length(); i++) {
            if (",;:".indexOf(first.charAt(i)) >= 0) {
                end = i;
                break;
            }
        }
        String clause = first.substring(0, end).strip().replaceAll("[,;:.!?]+$", "");
        int words = 0;
        for (Matcher w = WORD.matcher(clause); w.find(); ) {
            words++;
        }
        if (words > MAX_WORDS) {
            return null;
        }
        char last = first.charAt(first.length() - 1);
        return clause + (end == first.length() && ".!?".indexOf(last) >= 0 ? String.valueOf(last) : ".");
    }

    /** What may stand before the act's words: nothing, an interjection, or "I'm" ("I'm fine", "I'm glad"). */
    private static final Pattern OPENER = Pattern.compile(
            "(?i)\\s*(?:(?:oh|ah|well|aye|yes|why|hmph|hm|heh|sure|right)[,!.]?\\s+)?(?:(?:i'm|i am|i'm doing|doing|you're|you are)\\s+)?");
}
