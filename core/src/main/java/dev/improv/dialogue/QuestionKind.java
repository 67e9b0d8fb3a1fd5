package dev.improv.dialogue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a player's line asks for: a person ("who"), a place ("where"), a price, a time or a count, or no kind of
 * value; and the cues that say it ("how long" asks a length of time, "what day" a day, "which level" a place). Read
 * by {@link AnswerCheck}, {@link AnswerValues} and {@link FactRetriever}.
 */
enum QuestionKind {
    NAME, PLACE, MONEY, TIME, COUNT, NONE;

    private static final Pattern QUESTION_START = Pattern.compile(
            // ("until what time r u on duty", "for how long…", "in which shed…": a question opened by a preposition)
            "(?i)^(?:(?:until|till|til|from|at|by|for|on|in|to|with|since)\\s+(?=(?:what|which|when|how|who|whom|where)\\b))?"
                    + "(what|where|when|who|whom|whose|how|which|why|whats|wheres|whens|whos|hows|wat|wot|wut|can|could|do|does|did|is|are|was|were|will|would|"
                    + "have|has|any|got|tell|know|should|shall|may)\\b.*");
    /** "Which time of year…?", "What season…?": a month or a season, not the hour. */
    static final Pattern ASKS_TIME_OF_YEAR = Pattern.compile("(?i)\\b(?:time of (?:the )?year|(?:what|which) (?:seasons?|months?))\\b");
    /** A question for a time of day: a span ("eleven days") does not answer it. */
    static final Pattern ASKS_CLOCK = Pattern.compile("(?i)\\b(?:what|which) (?:time|hours?)\\b(?! of (?:the )?(?:year|month))");
    /**
     * Whether {@code fact} states a value of the kind {@code question} asks for (a person for "who", a
     * place for "where", a price, a time, a count); true when the question asks for no kind.
     */
    static boolean holdsAskedKind(String fact, String question) {
        if (of(question) == NONE) {
            return true;
        }
        return !AnswerValues.fitting(AnswerValues.unasked(AnswerValues.statedTerms(fact, question), question), fact, question).isEmpty();
    }
    /** Whether a player's line asks something. */
    public static boolean isQuestion(String line) {
        String s = line.strip();
        return s.contains("?") || QUESTION_START.matcher(s).matches() || EMBEDDED_QUESTION.matcher(s).find()
                || ASKED_LAST.matcher(s).find();
    }

    /** A question said inside a statement: "My wife wants to know which days you bring the barge down." */
    private static final Pattern EMBEDDED_QUESTION = Pattern.compile("(?i)\\b(?:(?:want|wants|wanted|need|needs|like|trying) to "
            + "know|wonder|wondering|tell me|curious)\\b[^.!]*?\\b(?:what|where|when|who|whom|whose|how|which|if|whether)\\b");
    /** A question typed terse, what it asks last: "wool skein red how much". */
    private static final Pattern ASKED_LAST = Pattern.compile("(?i)\\b(?:how much|how many|price|cost|what time)\\s*[.!]*$");
    /** A question for a name; not the player's own ("Can you engrave my name on it?" asks for no name). */
    // Not the player's own name or their thing's: "a glowing sign with my bar's name on it" asks a price.
    private static final Pattern ASKS_NAME = Pattern.compile("(?i)\\b(who|whom|whose|(?<!\\b(?:my|our) )(?<!\\b(?:my|our) \\p{L}{1,20}'s )name|named|called|"
            // "which noble wears your cloth?": which one of some people asks for a name
            + "(?:which|what) (?:noble|lord|lady|person|man|woman|guy|gal|girl|boy|kid|fella|captain|merchant|trader|officer|"
            + "priest|knight|sailor|soldier|doctor|customer|client|patron|one of you)"
            // "Which of your crew knows the way through the rocks?": one of some people
            + "|which (?:one )?of (?:you|your|the|them|those|these)(?: \\p{L}+)? (?:crew|men|people|folks?|lads|boys|girls|guards|"
            + "hands|sailors|staff|workers|team|mates|friends|family|sons|daughters|brothers|sisters|runners|riders)"
            // "Is there anyone who could bless my room?", "Does anyone else in your family do this work?"
            + "|(?:anyone|anybody|someone|somebody)(?: else)? (?:who|in your|of your|from your))\\b");
    /**
     * Words that ask a price (a regex alternation): "how much", "cost", "what'll it run me", "how many caps", and
     * "what do you want to fix it?" (not "what do you want to do?"). Fact retrieval's price intent fires on these
     * too (beside its own cues in question-intents.json), so the two never disagree on what asks a price; it
     * matches them in lower-case text with single spaces, where "what'll" reads "what will".
     */
    static final String PRICE_ASKED = "how much|cost|costs|price|charge|fee|fare|toll|run me|set me back|asking for|"
            // "what's the hourly rate for that?"
            + "(?:hourly|daily|nightly|weekly|monthly|going|your|ur|the) rates?|"
            + "want for|going for|fetch|fetches|give (?:me|you|ya|u|us) for|get for|what (?:do|would|will) (?:you|ya|u) (?:want|take|ask) "
            + "(?:to|for) (?!do\\b|talk\\b|know\\b|say\\b|tell\\b|hear\\b|see\\b|ask\\b|be\\b|go\\b)\\w+|"
            + "what(?:'ll| will| would) (?:you|ya) take|"
            // "What's a new one run?", "what do those run these days?"
            + "what(?:'s|s| is| does| do| did| would| will|'ll|'d)(?: \\S+){0,3} (?:one|ones|it|that|this|these|those|them) run|"
            // "What does an official copy run?"
            + "what(?: does| do| would| will)(?: an?| the| your| ur| one)(?: \\S+){1,3} run\\b|"
            // "What's a bag of the rough salt go for?", "what do those sell for"
            + "what(?:'s|s| is| do| does| would| will)?(?: \\S+){0,8} (?:go|goes|sell|sells) for\\b|"
            // "what'd it take to send your birds over?": the price of a job (not "what does it take to join")
            + "what(?:'d|'ll| would| will) it take|"
            // "how many caps to get my face smooth": counted in a coin, a price
            // (not "how many pieces of glass": a count of a thing; "pieces of silver" are coins)
            + "how many (?:" + String.join("|", new java.util.TreeSet<>(Mentions.coins())) + ")s?"
            + "(?!\\s+of\\s+(?!gold\\b|silver\\b|copper\\b|eight\\b))";
    /** A question for a value a fact either holds or not: a name, a price, a count or an age ("how much" is either). */
    static final Pattern ASKS_DEFINITE = Pattern.compile("(?i)\\b(who|whom|whose|how many|how old|" + PRICE_ASKED + ")\\b");
    /** "How old are you?": an age, which only a span of years answers ("Forty years."). */
    static final Pattern ASKS_AGE = Pattern.compile("(?i)\\bhow old\\b");
    /**
     * "Where do you get…?": the NPC's source, which a seller's name answers ("Where do I go to get my goods
     * inspected?" asks for a place).
     */
    static final Pattern ASKS_SOURCE = Pattern.compile(
            "(?i)\\bwhere\\s+(?:do|did|does|can|could|would)\\s+you\\s+(?:usually\\s+)?(?:get|buy|obtain|source|find)\\b"
            // "Where can I get straw for my horses?": from someone ("try Goodwife Maud Perrin") when no place is said
            + "|\\bwhere\\s+(?:can|could|do|should|would|might)\\s+(?:i|we)\\s+(?:get|buy|obtain|hire|rent)\\b");
    /** "How do I even get out to your island?": the way there, which starts somewhere ("from the Glass Steps"). */
    private static final String WAY_THERE = "how (?:do|can|could|would|should|might) (?:i|we|one|you) (?:even )?"
            + "(?:get|go|travel|make it|cross)(?: (?:out|over|across|down|up|back))? (?:to|there|into)"
            + "|how (?:do|can|could) (?:i|we|one|you) reach";
    static final Pattern ASKS_WAY = Pattern.compile("(?i)\\b(?:" + WAY_THERE + ")\\b");
    /** "Where…?", and "Is there somewhere I can practise shooting?", "Anywhere to get a drink?". */
    private static final Pattern ASKS_PLACE = Pattern.compile("(?i)\\b(where|whereabouts|somewhere|anywhere|someplace|anyplace|"
            // "Which level of the station do I head to?"; "whats the closest spot to fill my canteens"
            + "(?:which|what)(?:(?:'s| is|s) (?:the |a )?(?:nearest|closest|best|safest|quickest|cheapest|nicest|quietest|good))? "
            + "(?:level|floor|deck|storey|street|quarter|district|sector|ring|hangar|berth|pier|platform|"
            // "Which settlement do your critters come from?"
            + "settlement|town|city|village|port|planet|moon|island|country|kingdom|realm|region|outpost|camp|colony|"
            + "neighbourhood|neighborhood|part of town|"
            // "Which spot on the mountain road gives you the most trouble?": a place on a way, not a thing
            + "spot|place|stretch|corner|bend|ford|crossing|slope|hillside|field|pasture|beach|cove|bay)|" + WAY_THERE + ")\\b");
    static final Pattern HOW_MUCH = Pattern.compile("(?i)\\bhow much\\b");
    /** A size, which may be a sum: the share, the reward, the debt. */
    static final Pattern HOW_BIG = Pattern.compile("(?i)\\bhow (?:big|large)\\b");
    private static final Pattern ASKS_MONEY = Pattern.compile("(?i)\\b(prices|pay|paid|worth|cheapest|cheaper|min(?:imum)? (?:bet|wager|stake)|(?:least|most|smallest|biggest|largest) (?:\\p{L}+ ){0,3}?(?:bet|wager|stake)|reward|bounty|jackpot|winnings|owe|owed|wages?|salary|" + PRICE_ASKED + ")\\b");
    private static final Pattern ASKS_TIME = Pattern.compile(
            "(?i)\\b(when|what time|which time|how long|what hour|ever a time|a time (?:you|when)|(?:what|which|opening|your|the) hours|what day|which day|what days|"
                    + "which days|what nights?|which nights?|(?:what|which) (?:mornings?|evenings?|afternoons?|weeks?|months?|seasons?)|how often|"
                    + "how far (?:ahead|in advance)|how early|how late|"
                    // "What's the latest I can drop my crates off?"
                    + "what(?:'s| is|s) the (?:latest|earliest))\\b");
    private static final Pattern ASKS_COUNT = Pattern.compile("(?i)\\b(how many|how old|how far|how big|how large|how deep|"
            + "how high|how tall|how wide|how heavy|how close)\\b");
    /**
     * "Which horse…?", "Which ship…?": one of a kind of thing, answered by the name the fact gives it ("Whisper.")
     * when it gives one. Not "which day" or "which way" (a time, a direction), nor "which of…".
     */
    static final Pattern WHICH_THING = Pattern.compile(
            "(?i)\\bwhich\\s+(?!day|days|time|hour|way|road|of|one|is|are|was|were|do|does|did|can|will|would)\\p{L}+");
    static final Pattern ASKS_WHEN = Pattern.compile("(?i)\\b(?:when|what time|what day|which day)\\b");
    /**
     * "When will it be ready?", "if I write her, when will she get it?": a point from now, which how long it takes
     * answers ("In 4 nights.").
     */
    static final Pattern ASKS_DONE = Pattern.compile("(?i)\\b(?:when|how soon)\\b(?:\\s+[\\p{L}'-]+){0,5}?\\s+(?:be\\s+)?(?:ready|done|"
            + "finished|fixed|mended|repaired|delivered|arrive|arrives|get it|get them|get there|hear back|be back)\\b");
    /** "What night are you not here?", "which day are you closed?": asks for the time a fact leaves out. */
    static final Pattern ASKS_ABSENCE = Pattern.compile(" (?:not|never|closed|shut|off|away|gone|\\p{L}+n't) ");
    /** "How many kites…?", "how many of your traps": a count of things, which no length of time answers. */
    static final Pattern HOW_MANY_THINGS = Pattern.compile("(?i)\\bhow many\\s+(?!(?:\\p{L}+\\s+)?(?:minutes?|hours?|days?|"
            + "nights?|weeks?|months?|years?|seasons?|moons?|winters?|summers?|times|turns|bells|shifts|cycles)\\b)\\p{L}");
    static final Pattern ASKS_HOW_LONG = Pattern.compile("(?i)\\bhow long\\b");
    /**
     * "How long till you shut?", "how long before the next ferry leaves": a length of time up to when a place opens or
     * shuts or a ride goes, which that time answers (not "how long until a young bird learns…").
     */
    static final Pattern ASKS_UNTIL = Pattern.compile("(?i)\\bhow long\\s+(?:until|till|til|'til|before)(?:\\s+[\\p{L}']+){1,3}?\\s+"
            + "(?:shut|shuts|close|closes|open|opens|leave|leaves|start|starts|begin|begins|sail|sails|depart|departs|"
            + "arrive|arrives|go|goes|set off|sets off|pack up|packs up)\\b");
    /** "How far ahead should I come to you about the flowers?": a length of time before something. */
    static final Pattern ASKS_AHEAD = Pattern.compile("(?i)\\bhow far (?:ahead|in advance)\\b");
    /**
     * "How long…?" asking a length of time, which no point in time answers ("How long do ye let the rum sit?" by
     * "After sunset.", "How long until a young bird learns…?" by "Thursday."); not "how long are you open", which
     * hours answer; "How long until you open?" is answered "At 8." when the fact gives no length of time ({@link #ASKS_UNTIL}).
     */
    static final Pattern ASKS_SPAN = Pattern.compile("(?i)\\bhow long\\b(?!\\s+"
            + "(?:are|is|do|does) (?:you|it|they|(?:the|your) \\p{L}+) (?:stay )?open)"
            + "|" + ASKS_AHEAD.pattern());
    /**
     * "How much sand do you carry each run?": an amount of a thing ("twelve tons"), not a price; not "how much rent do
     * you charge", nor "how much is it", "how much do you want".
     */
    private static final Pattern HOW_MUCH_OF_A_THING = Pattern.compile("(?i)\\bhow much (?!(?:is|are|r|was|were|for|to|do|does|"
            + "did|would|will|can|could|should|you|ya|u|i|we|it|that|this|they|he|she|rent|fare|fares|toll|fee|fees|money|cash|"
            + "coin|coins|gold|silver|copper|credits?|cost|price|tax|taxes|tip|change|interest|extra|more|longer|further|"
            + "farther|time|left|of)\\b)\\p{L}+ (?:do|does|did|can|could|will|would|is|are|was|were|have|has|u|you|ya)\\b");
    /** "How much of the curdling stuff have you still got in stock?": an amount, not a price. */
    private static final Pattern HOW_MUCH_LEFT = Pattern.compile("(?i)\\bhow much (?:of )?(?:\\S+ ){0,5}(?:have you (?:still )?got|"
            + "is (?:still )?left|(?:got|have) left|in stock|remaining)\\b");
    /** "How much does that big cauldron of yours hold?": an amount, not a price. */
    private static final Pattern HOW_MUCH_HELD = Pattern.compile("(?i)\\bhow much (?:\\S+ ){1,6}(?:hold|holds|contain|contains|"
            + "weigh|weighs|fit|fits)\\b");

    /** The cues of the kinds that compete by position (retrieval asks this of every line it scores). */
    private static final List<Map.Entry<QuestionKind, Pattern>> VALUE_CUES = List.of(Map.entry(MONEY, ASKS_MONEY),
            Map.entry(TIME, ASKS_TIME), Map.entry(COUNT, ASKS_COUNT));
    /**
     * What {@code question} asks for: a person ("who") or a place ("where") first; otherwise the price, time or
     * count whose cue comes first, so that "When's the deadline to pay up?" asks for a time, not for the price
     * that "pay" cues, and "What would you charge per day?" for a price.
     */
    static QuestionKind of(String question) {
        // Of several sentences, the one question asks: "My uncle wants the strong stuff for his name day, just a
        // little bottle. How much?" asks a price, not a name. (Two questions keep the first cue: "How much is it? How
        // long does it take?" is answered by its price.)
        String asking = askingSentence(question);
        if (asking.length() < question.length()) {
            QuestionKind kind = kindOf(asking);
            if (kind != NONE) {
                return kind;
            }
        }
        return kindOf(question);
    }

    /**
     * The one sentence of {@code line} that asks, when it asks once after other sentences ("My horse threw a shoe on
     * the way in. Who can fix that?"); else the whole line.
     */
    static String askingSentence(String line) {
        Matcher end = SENTENCE_BREAK.matcher(line);
        int last = -1;
        boolean askedBefore = false;
        while (end.find()) {
            if (end.end() < line.length() && line.indexOf('?', end.end()) >= 0) {
                askedBefore |= last >= 0 ? line.substring(last, end.start()).contains("?")
                        : line.substring(0, end.start()).contains("?");
                last = end.end();
            }
        }
        return last > 0 && !askedBefore ? line.substring(last) : line;
    }

    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");

    /** "Where's the guy who puts shoes on your mules?" asks where he is: its "who" asks nothing. */
    private static final Pattern WHERE_IS_WHO = Pattern.compile("(?i)\\bwhere(?:'s|’s| is| are)\\s+(?:the|that|this|your|ur)\\s+"
            + "(?:\\p{L}+\\s+){1,2}(?:who|that)\\b");

    /** A question that opens by asking when: "What day does your boss put his name on the rights?" asks a day, not a name. */
    private static final Pattern OPENS_WITH_WHEN = Pattern.compile("(?i)^\\W*(?:(?:so|and|but|ok|okay)\\W+)?"
            + "(?:(?:at|on|by|from|until|till|for)\\s+(?=what|which))?(?:when(?:'s|s)?\\s+"
            + "(?:do|does|did|is|are|was|were|will|would|can|could|should|shall|must|r|u|ya|you)|when['’]s|what time|what day|"
            + "which day|what hour|what night|which night)\\b");
    /**
     * A question that opens by asking where, whose "who" only says which ones: "Where do they take kids who get lost?"
     * asks a place (not "Where can I find someone who…", which a name answers).
     */
    private static final Pattern OPENS_WITH_WHERE = Pattern.compile("(?i)^\\W*(?:(?:so|and|but|ok|okay)\\W+)?where\\b"
            + "(?!.*\\b(?:someone|somebody|anyone|anybody|person|guy|gal|fella|man|woman|one|folks?|people)\\s+(?:who|that)\\b)");

    /** "is there a physician anywhere", "know of a good smith around here": someone asked for, who may be anywhere. */
    private static final Pattern SOMEONE_ANYWHERE = Pattern.compile("(?i)\\b(?:is there|are there|know of|know) (?:a|an|any) "
            + "(?:good |decent |local |real )?(\\p{L}+) (?:anywhere|around|nearby|near here|in town|about)\\b");

    /** "where" itself ("where's", "whereabouts"), not "somewhere" or "anywhere". */
    private static final Pattern WHERE_WORD = Pattern.compile("(?i)\\bwhere(?:abouts)?\\b");
    /** "How much for somewhere to kip tonight?" asks what a bed costs, not where one is. */
    private static final Pattern PRICE_OF_A_PLACE = Pattern.compile("(?i)\\bhow much (?:is it |would it be |does it cost )?"
            + "(?:for|to (?:rent|hire|book|get)) (?:a |an )?(?:somewhere|someplace|anywhere|place|spot)\\b");

    private static QuestionKind kindOf(String question) {
        if (WHERE_IS_WHO.matcher(question).find()) {
            return PLACE;
        }
        if (OPENS_WITH_WHEN.matcher(question).find()) {
            return TIME;
        }
        if (OPENS_WITH_WHERE.matcher(question).find() && !PRICE_OF_A_PLACE.matcher(question).find()) {
            return PLACE;
        }
        Matcher someone = SOMEONE_ANYWHERE.matcher(question);
        if (someone.find() && FactRetriever.terms(someone.group(1), 1).stream().anyMatch(RelatedWords::namesPerson)) {
            return NAME; // "Is there a physician anywhere nearby?": whom to see ("Dr. Esther Quintana"), not only where
        }
        if (ASKS_NAME.matcher(question).find()) {
            return NAME;
        }
        if (ASKS_PLACE.matcher(question).find()) {
            // "need somewhere cheap to crash tonight, how much is it up there?": somewhere is what is priced
            return PRICE_OF_A_PLACE.matcher(question).find()
                    || !WHERE_WORD.matcher(question).find() && HOW_MUCH.matcher(question).find() ? MONEY : PLACE;
        }
        if (HOW_MUCH_OF_A_THING.matcher(question).find() || HOW_MUCH_HELD.matcher(question).find()
                || HOW_MUCH_LEFT.matcher(question).find()) {
            return COUNT;
        }
        QuestionKind kind = NONE;
        int first = Integer.MAX_VALUE;
        for (Map.Entry<QuestionKind, Pattern> cue : VALUE_CUES) {
            Matcher m = cue.getValue().matcher(question);
            if (m.find() && m.start() < first) {
                first = m.start();
                kind = cue.getKey();
            }
        }
        return kind;
    }
    /** "Which day…?", and "On which night does the tale play?", which asks for a day too. */
    /** "What day of the week…?": a weekday, ours or a made-up one. */
    static final Pattern ASKS_WEEKDAY = Pattern.compile("(?i)\\b(?:what|which) days? of the week\\b");
    static final Pattern ASKS_DAY = Pattern.compile("(?i)\\b(?:what|which) (?:days?|nights?|evenings?|mornings?|afternoons?)\\b");
    static final Pattern ASKS_NIGHT = Pattern.compile(" (?:nights?|tonight|evenings?|dark|supper) ");
    static final Pattern ASKS_MORNING = Pattern.compile(" (?:mornings?|dawn|daybreak|breakfast) ");
}
