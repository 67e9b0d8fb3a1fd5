package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The values of a fact that answer a question: the name for "who", the nearer place for "where", the price for the
 * thing asked ("a private tub", not "the common pool"), the time on the side asked ("opens at dawn", not "closes at
 * dusk"), a length of time for "how long". What {@link AnswerCheck} requires a reply to say.
 */
final class AnswerValues {
    private AnswerValues() {
    }

    /** A day counted within a time, just before it: "last day of ", "third night of the ". */
    private static final Pattern DAY_OF = Pattern.compile(
            "\\b((?:first|last|final|second|third|\\d+(?:st|nd|rd|th)|\\p{L}+th) (?:day|night|week) of )(?:the )?$");
    /** A time that says which day, not which hour: "first day of every week", "every fifth rest day". */
    private static final Pattern DAY_LIKE = Pattern.compile("\\b(?:day|days|week|weeks|month|months)\\b");
    private static final Pattern IN_TOTAL = Pattern.compile("(?i)\\b(?:in total|total|altogether|all together|all told|in all)\\b");
    /** "though only", "but just", "of which": what follows counts a part of what was counted before. */
    private static final Pattern PART_AFTER = Pattern.compile("(?i)\\b(?:though|although|but|while|of which|of whom)\\s+(?:only\\s+|just\\s+)?$");
    /** A count's value, digits or words ("34", "thirty four"); 0 when it says none. */
    private static long countValue(String count) {
        return Mentions.quantities(count).stream().findFirst().map(q -> {
            try {
                return (long) Double.parseDouble(q.value());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }
    // (not "how many of them scoop-net things": "them" is "those" there, before a plural)
    private static final Pattern HOW_MANY_OF = Pattern.compile(
            "(?i)\\bhow many of\\b(?! them (?:\\p{L}+[ -])?(?!does\\b|was\\b|is\\b|has\\b)\\p{L}+s\\b)");
    /** A question for how many more: "another twenty" answers it. */
    private static final Pattern ASKS_MORE = Pattern.compile("(?i)\\b(?:more|another|else|extra|besides|added|including)\\b");
    /** Words before a count that make it part of another or added to it: "counting the", "including", "another". */
    private static final Pattern PART_COUNTED = Pattern.compile("\\b(?:counting|including|another|plus)(?: the| my| our| his| her)? $");
    /** Words after "of five" that make it an age, not a count ("the little ones of five up to…"). */
    private static final Set<String> AFTER_AGE = Set.of("up", "to", "until", "through");
    /** "What time of day…": an hour, never a day. */
    private static final Pattern TIME_OF_DAY_ASKED = Pattern.compile("(?i)\\btime of (?:the )?day\\b");

    /** A day with no hour: "sixth day", "Starday", "Tuesday" (not "Tuesday at 6"). */
    private static boolean dayAlone(String time) {
        return NTH_DAY.matcher(time).matches() || namesDay(time) && !HOUR_AFTER_DAY.matcher(" " + time + " ").find();
    }

    /** A day by its place in a longer time, no hour: "sixth day", "the third night of the fair". */
    private static final Pattern NTH_DAY = Pattern.compile("(?:the )?(?:(?:twenty|thirty) )?(?:first|second|third|fourth|"
            + "fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last|\\d+(?:st|nd|rd|th)) (?:day|night)(?: of .*)?");
    /** An ordinal of a month's days: "ninth", "twenty-first", "15th". */
    private static final String DAY_ORDINAL = "(?:(?:twenty|thirty)-?)?(?:first|second|third|fourth|fifth|sixth|seventh|"
            + "eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
            + "nineteenth|twentieth|thirtieth|last|\\d{1,2}(?:st|nd|rd|th))";
    /**
     * A day counted in a month or a week, or every so many days: "last day of each month", "every fifth rest-day",
     * "the first and fifteenth of each month", "the ninth of the ninth month".
     */
    private static final Pattern COUNTED_DAY = Pattern.compile("\\b((?:(?:first|last|final|second|third|fourth|longest|shortest|"
            + "\\d+(?:st|nd|rd|th)) "
            + "(?:day|night|week|morning|evening) of (?:each|every|the) (?:(?:new|full) )?(?:month|week|year|season|moon))"
            + "|(?:the )?" + DAY_ORDINAL + "(?: and (?:the )?" + DAY_ORDINAL + ")? of (?:each|every|the(?: " + DAY_ORDINAL
            + ")?) (?:month|moon)"
            + "|every (?:other|second|third|fourth|fifth|sixth|seventh|tenth|\\d+(?:st|nd|rd|th)) (?:\\p{L}+-)?"
            + "(?:day|night|week|month|year|morning|evening)s?)\\b");
    /** What a fact leaves out: "except Sunday", "but not on Sundays", "other than Tuesday". */
    private static final Pattern EXCEPT_BEFORE = Pattern.compile(
            "\\b(?:except|excepting|apart from|other than|but not|save)(?: on| at| in| for)?(?: the)? $");
    /**
     * Whether {@code value} stands in {@code fact} (lower case) as what is left out ("I close at 9 every night except
     * Sunday"), and the question ({@code asked}: normalised, spaced) does not ask about it: "When do you close?" is
     * not "Sunday.".
     */
    private static boolean excepted(String fact, String value, String asked) {
        return leftOut(fact, value) && !asked.contains(" " + value + " ") && !asked.contains(" " + value + "s ");
    }
    /** The case a fact sets apart, up to its end: "except sundays, when i open only from noon to 2". */
    private static final Pattern EXCEPTED_CASE = Pattern.compile(
            "\\b(?:except|excepting|apart from|other than|but not|save)(?: on| at| in| for)?(?: the)? (\\p{L}+)[,;]? "
            + "(?:when|then|where)\\b[^.;]*");
    /**
     * Whether {@code value} is said of the case {@code fact} (lower case) sets apart ("I close the key at 9 at night,
     * except Sundays, when I open only from noon to 2"), which the question ({@code asked}) does not name: "What
     * time do you shut tonight?" is not "2.".
     */
    private static boolean ofExceptedCase(String fact, String value, String asked) {
        Matcher m = EXCEPTED_CASE.matcher(fact);
        while (m.find()) {
            String day = m.group(1).replaceAll("s$", "");
            if (m.group().contains(" " + value) && !asked.contains(" " + day + " ") && !asked.contains(" " + day + "s ")) {
                return true;
            }
        }
        return false;
    }
    /** Whether {@code value} stands in {@code fact} (lower case) as what is left out: "except Sunday". */
    static boolean leftOut(String fact, String value) {
        int at = (" " + fact).indexOf(" " + value);
        if (at < 0) {
            return false;
        }
        Matcher except = EXCEPT_BEFORE.matcher(fact.substring(0, at));
        // "closed to visitors except on Sundays": the exception to a closing is when it is open, no day left out
        return except.find() && !DENIED_BEFORE.matcher(fact.substring(0, except.start())).find();
    }
    /** A word denying what a clause says, in the clause before an exception ("closed", "not", "never", "no one"). */
    private static final Pattern DENIED_BEFORE = Pattern.compile("\\b(?:closed|not|never|no|nobody|none|forbidden|barred|\\w+n't)\\b[^,.;]*$");
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\p{L}+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** "how much flour…": the thing whose amount is asked. */
    private static final Pattern HOW_MUCH_NOUN = Pattern.compile("(?i)\\bhow much (\\p{L}+)");
    /** A question about a time gone by: "When did you lose it?", "How long ago…?". */
    private static final Pattern PAST_ASKED = Pattern.compile(" (?:did|was|were|ago|happened|used to|last time) ");
    /** A day of a month or season written after it: " 14" of "Summer 14", " 3rd" of "June 3rd". */
    private static final Pattern DAY_NUMBER_AFTER = Pattern.compile(" (?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?(?![\\d:.,]\\d)\\b");
    /** A date with the day's number: "22 June", "June 22nd". */
    private static final Pattern NUMBERED_DATE = Pattern.compile("\\b(?:(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)? (?:of )?"
            + "(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b"
            + "|(?:january|february|march|april|may|june|july|august|september|october|november|december) (?:[1-9]|[12]\\d|3[01])\\b)");
    /** The word after a name, when it goes on in lower case ("Midwinter hand stamp"). */
    private static final Pattern DESCRIBED_AFTER = Pattern.compile(" (\\p{Ll}+)\\b");
    /** Words after a day's name that do not make it describe a thing: "Midwinter is", "Midsummer at noon". */
    private static final Set<String> FUNCTION_AFTER_NAME = Set.of("of", "on", "in", "at", "is", "was", "and", "or", "the", "a",
            "every", "each", "when", "until", "till", "to", "from", "begins", "starts", "ends", "comes", "falls", "day", "eve",
            "night", "morning", "evening", "afternoon", "week", "only", "this", "next", "last", "before", "after", "for", "by");
    /** The day's number just before a month: "22 " of "on 22 June". */
    private static final Pattern DAY_NUMBER_BEFORE = Pattern.compile("(?<![\\d,.])\\b((?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)? )$");
    /** Which of a month's weekdays: "the second Tuesday", "every other Thursday", "the last Friday". */
    private static final Pattern NTH_WEEKDAY = Pattern.compile(
            "\\b((?:every )?(?:first|second|third|fourth|last|final|other|\\d(?:st|nd|rd|th))) $");
    /** What such a weekday is of: "of each month", "of Harvestmoon". */
    private static final Pattern OF_MONTH_AFTER = Pattern.compile(" of (?:each |every |the )?\\p{L}+");
    /** How far into a season or part of the day: "late summer", "early morning", "the next sunrise" are times of their own. */
    private static final Pattern HOW_FAR_INTO = Pattern.compile("\\b(early|late|mid|next|following) $");
    /** A time the fact puts on one side of: "I trade only after midnight." is not "At midnight." */
    private static final Pattern BEFORE_OR_AFTER = Pattern.compile("\\b((?:(?:the )?\\p{L}+ (?:hours?|minutes?) )?(?:after|before|past)(?: the)?) $");
    /** What a time word names after it, when the time is called by it: " prayer" of "after the evening prayer". */
    private static final Pattern CALLED_TIME_AFTER = Pattern.compile(" (?:prayers?|mass|service|meal|muster|bells?)\\b");
    /** How near a time before or after it: "a little before midnight", "shortly after dawn". */
    private static final Pattern NEARLY = Pattern.compile("\\b(?:a little|a bit|just|shortly|right|well|soon|long|an hour|half an hour) $");
    /** An hour said with its part of the day: "10 in the morning", "four in the afternoon", "9 at night". */
    private static final Pattern HOUR_PART = Pattern.compile(
            " ([\\p{L}\\d]+(?::\\d\\d)?) (?:in the (?:morning|afternoon|evening)|at night)(?= )"); // (the space after is the next one's)
    /**
     * A counted hour or day with what it is counted in: "sixth hour of the night", "first bell of the morning", "the
     * fifth day of the dry month", "third night of the fair".
     */
    private static final Pattern OF_DAY_PART = Pattern.compile(
            " ((?:\\p{L}+|\\d+(?:st|nd|rd|th)) (?:hour|bell|watch|day|night)) of (?:(?:the|each|every|this) (?:[\\p{L}-]+ ){0,2}?)?"
                    + "(night|day|morning|afternoon|evening|month|moon|season|year|week|fair|festival|feast|harvest|market) ");
    private static final Pattern DAY_PART_AFTER = Pattern.compile(" (?:morning|afternoon|evening|night)s?\\b");
    /** A number just before a word of time: "4 nights", "three whole days" are lengths of time, not the night. */
    private static final Pattern COUNTED_BEFORE = Pattern.compile(
            "(?:\\b\\d+|\\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                    + "sixty|hundred|few|several|many))(?:[ -](?:full|whole|long|short|more|solid))? $");
    /** A building or a stand that is someone's, before their name: "the bakery of ", "the forge of old ". */
    private static final Pattern OWNED_PLACE_BEFORE = Pattern.compile("\\bthe (bakery|house|shop|forge|workshop|stall|"
            + "tavern|inn|mill|store|yard|tent|hut|cottage|hall|kitchen|warehouse|smithy|booth|garden|farm) of (?:old )?$");
    /** A byname after a name: " the Armenian", " the Younger". */
    private static final Pattern EPITHET_AFTER = Pattern.compile(" the \\p{Lu}\\p{L}+");
    /**
     * A word for a part of a building, a stand or a landform after a place's name: "the Tidegarden Commons kitchen",
     * "Mauna Kea ridge".
     */
    private static final Pattern ROOM_AFTER = Pattern.compile(" (kitchen|hatch|stall|shed|door|gate|office|booth|counter|"
            + "cellar|tent|window|desk|stand|yard|loft|attic|basement|annex|wing|lobby|entrance|terrace|landing|"
            + "ridge|creek|hill|point|bend|crossing|ford|spring|springs|falls|pass|quarry|bluff|cove|beach|flats|wharf|pier|"
            + "jetty|dock|square|market|road|lane|camp|station|mine|field|fields|meadow|grove|woods|gap)\\b");
    /**
     * A building after a one-word name, which alone is someone's: "the old Pickett boathouse" is not "Pickett." (the
     * Sour Plum tavern is "the Sour Plum").
     */
    private static final Pattern BUILDING_AFTER = Pattern.compile(" (" + Mentions.BUILDING_WORDS + ")\\b");
    /** A day of the month before its month: "the first of October", "the 3rd of June", "the first day of Gormonth". */
    private static final Pattern DATE_OF = Pattern.compile("\\b((?:the )?(?:(?:twenty|thirty)-?)?(?:first|second|third|"
            + "fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
            + "seventeenth|eighteenth|nineteenth|twentieth|thirtieth|last|\\d{1,2}(?:st|nd|rd|th)?) (?:day )?of )$");
    private static final Set<String> SEASONS = Set.of("spring", "summer", "autumn", "winter", "fall");
    /** Words before a landmark: "next to the chapel", "beside the well". */
    private static final Pattern LANDMARK_BEFORE = Pattern.compile("\\b(?:next to|beside|near|by|opposite|close to|past|beyond"
            // "at a boathouse in Wyandotte, just downriver from Detroit": found by Detroit, not at it
            + "|(?:up|down)(?:river|stream|hill) (?:from|of)|(?:north|south|east|west) of|away from) (?:the |a |an |my |our )?");
    /** Up to two words between a landmark's preposition and its name: "next to the chapel of Saint Orla". */
    private static final Pattern LANDMARK_GAP = Pattern.compile("(?:[\\p{L}'-]+ ){0,2}(?:of |of the )?");

    /**
     * Whether {@code place} (lower case) is said in {@code lower} as a landmark, after "next to", "past"…: how to find
     * the place said before it, not where that is.
     */
    private static boolean landmark(String lower, String place) {
        return LANDMARK_BEFORE.matcher(lower).results().anyMatch(r -> {
            int at = lower.indexOf(place, r.end());
            return at >= 0 && LANDMARK_GAP.matcher(lower.substring(r.end(), at)).matches()
                    && at + place.length() < lower.length() && !Character.isLetter(lower.charAt(at + place.length()));
        });
    }
    /** A phrase that tells what a place is like, after where it is: ", with willow rods soaking in the trough". */
    private static final Pattern WITH_PHRASE = Pattern.compile(", with [^,.;!?]*");

    /**
     * Whether {@code place} (lower case) is said in {@code lower} in a ", with…" phrase: "the open lean-to behind the
     * camel corral, with willow rods soaking in the trough" is by the camel corral, not "In the trough.".
     */
    private static boolean described(String lower, String place) {
        return WITH_PHRASE.matcher(lower).results().anyMatch(r -> r.group().contains(" " + place));
    }

    /** A question for a count of each one: "how many to a boat", "how many does each side get". */
    private static final Pattern EACH_ASKED = Pattern.compile("(?i)\\b(?:each|every|apiece|per|a piece|to a|in a|on a)\\b");
    /** Words after a count that make it one for each: "two off each side", "twelve chosen from each". */
    private static final Pattern EACH_AFTER = Pattern.compile("^(?:[a-z'-]+ ){0,2}(?:each|apiece|per)\\b");
    /** Words before a count that make it one for each: "each with eight". */
    private static final Pattern EACH_BEFORE = Pattern.compile("\\beach (?:with|holding|of|carrying|taking) $");

    /** Whether {@code count} is said in {@code lower} (normalised, spaced) as a count for each of something. */
    private static boolean forEachOne(String lower, String count) {
        int at = lower.indexOf(" " + count + " ");
        return at >= 0 && (EACH_AFTER.matcher(lower.substring(at + count.length() + 2)).find()
                || EACH_BEFORE.matcher(lower.substring(0, at + 1)).find());
    }

    /** Whether {@code count} is said in {@code spaced} of one of the {@code thing} stems, within three words after it. */
    private static boolean countsThe(String spaced, String count, Set<String> thing) {
        return !thing.isEmpty() && !Collections.disjoint(AnswerCheck.stems(wordsAfter(spaced, count)), thing);
    }

    /** "how much is the permit", "how much r the eyes", "how much for a spring": the price of a thing. */
    /** "How much to mend a hole like that?": the price of a job, which only a line that prices something says. */
    private static final Pattern HOW_MUCH_TO = Pattern.compile("(?i)\\bhow much (?:would it (?:be |cost )?|will it (?:be |cost )?)?to\\b");
    /** Words of a line that prices what it counts: "Toll for a skiff is 2 washers." */
    private static final Pattern PRICING = Pattern.compile("(?i)\\b(?:costs?|charges?|charged|pays?|paid|fee|fares?|tolls?|"
            + "price|prices|priced|rates?|sells?|sold|buys?|bought|is|are|for|each|apiece|per)\\b");
    private static final Pattern HOW_MUCH_IS_THE = Pattern.compile("(?i)\\bhow much (?:is|are|r|'s|was|were|for) "
            + "(?:the|a|an|one|your|ur|yer|that|this|these|those|them|each)\\b");
    /** "How many people…": a count of people, whatever the fact calls them. */
    // (a list, not WordNet's people: it files "animals", "beasts", "lights" and "water" under people too)
    private static final Pattern PEOPLE_COUNTED = Pattern.compile("(?i)\\bhow many (?:\\p{L}+ )?(?:people|ppl|persons|folks?|"
            + "guys|men|women|souls|hands|workers|fellows|fellas|blokes|chaps|lads|crew|crewmen|sailors|soldiers|riders|"
            + "kids|children|passengers|pilgrims|miners|diggers|of (?:you|ya|u|y'all|us))\\b");

    /** A number that labels one thing: "number 6", "no 4" (normalised text). */
    // ("active region 4127 has thrown three flares": which region, not how many)
    private static final Pattern LABELLED = Pattern.compile(" (?:number|no|num|region|cabin|room|bay|dock|gate|platform|pier|"
            + "berth|channel|sector|ring|level|deck|hangar|lot|stall|table|track|route|block|unit|cell|locker|row|seat|car|"
            + "flight|item|zone|site|shaft|tunnel|bunk|ward|tank|line|bus|engine|model|squad|company|precinct|building|"
            + "apartment|suite|booth|counter|terminal|aisle|shelf|bin|slot|station|pit|vat|kiln|furnace|pen|stable|shed|"
            + "warehouse|hold|barracks|tower|wing|floor|door|window|lane|box|crate|case|file|form|grid|area|camp) "
            + "(\\d+[a-z]?|[a-z]+)(?= )");

    /** Things one person each holds, counted for the people: "six sleeping mats", "ninety-three graves", "36 seats". */
    private static final Set<String> ONE_EACH = Set.of("bed", "bunk", "cot", "mat", "mattress", "hammock", "pallet",
            "seat", "chair", "bench", "stool", "place", "spot", "space", "berth", "grave", "tomb", "cell", "ticket", "pew");

    /**
     * Whether {@code count} is said in {@code lower} (normalised, spaced) of a plural noun, within two words, that names
     * no person though WordNet knows it: "three districts", "two dead willows"; not "twenty-three strong".
     */
    private static boolean countsThingsNotPeople(String lower, String count) {
        String w = pluralAfter(lower, count, List.of());
        String stem = w == null ? null : stemOf(w);
        return stem != null && RelatedWords.shipped().knows(stem) && !RelatedWords.namesPerson(stem)
                && !ONE_EACH.contains(w.substring(0, w.length() - 1)) && !ONE_EACH.contains(w.replaceAll("es$", ""));
    }

    /**
     * Whether {@code question} asks how many people and {@code fact} (as written) says so in a count of a word for people,
     * within three words of it: "She carries 420 passengers", not "I only take thirty".
     */
    static boolean countsPeopleAsked(String fact, String question) {
        if (!PEOPLE_COUNTED.matcher(question).find()) {
            return false;
        }
        String lower = clauseText(fact);
        // "it takes two men and a ramp" says how many a job needs, not how many the NPC has, unless that is asked
        boolean needAsked = NEEDED.matcher(question).find();
        return Mentions.quantities(fact).stream().map(q -> AnswerCheck.normalise(q.surface()))
                .anyMatch(c -> countsPeople(lower, c) && (needAsked
                        || Stream.of("takes", "took", "needs").noneMatch(v -> lower.contains(" " + v + " " + c + " "))));
    }

    /** A question about what a job needs: "how many guys does it take to lift one", "how many people do you need". */
    private static final Pattern NEEDED = Pattern.compile("(?i)\\b(?:take|takes|need|needs|needed|required)\\b");

    private static final Set<String> PEOPLE_PLURALS = Set.of("men", "women", "people", "children", "folk", "folks");

    /** Whether {@code count} is said in {@code lower} of a word for people ("twelve men") or of "us", "them", "you". */
    private static boolean countsPeople(String lower, String count) {
        if (lower.contains(" " + count + " of us ") || lower.contains(" " + count + " of them ")
                || lower.contains(" " + count + " of you ")) {
            return true;
        }
        if (menAfter(lower, count)) {
            return true; // plurals that WordNet's stems miss
        }
        String w = pluralAfter(lower, count, List.of());
        String stem = w == null ? null : stemOf(w);
        return stem != null && RelatedWords.namesPerson(stem);
    }

    /** Whether {@code count} is followed in {@code lower} by "men", "women", "people", "children" or "folk(s)". */
    private static boolean menAfter(String lower, String count) {
        List<String> after = wordsAfter(lower, count);
        return !after.isEmpty() && PEOPLE_PLURALS.contains(after.get(0));
    }

    /**
     * Whether {@code count} is said in {@code lower} of a plural noun, within two words, that is none of the question's
     * words ({@code asked}, stems) nor a word WordNet relates to one: "two towels" for showers; not "thirty skins" for
     * fish hides, nor "twelve private alcoves" for private rooms.
     */
    private static boolean countsAnother(String lower, String count, List<String> asked) {
        String w = pluralAfter(lower, count, asked);
        String stem = w == null ? null : stemOf(w);
        return stem != null && !asked.contains(stem) && RelatedWords.shipped().knows(stem)
                && asked.stream().noneMatch(a -> RelatedWords.shipped().of(a).contains(stem)
                        || RelatedWords.shipped().of(stem).contains(a));
    }

    /**
     * The first plural word within three words after {@code count} in {@code lower}, or null: none, or a word of
     * {@code stopAt} (stems) before it.
     */
    private static String pluralAfter(String lower, String count, List<String> stopAt) {
        for (String w : wordsAfter(lower, count)) {
            String stem = stemOf(w);
            if (stem != null && stopAt.contains(stem)) {
                return null;
            }
            if (Mentions.looksPlural(w)) {
                return w;
            }
        }
        return null;
    }

    /** Up to three words after {@code count} in {@code spaced} (normalised, spaced); none if it is not said there. */
    private static List<String> wordsAfter(String spaced, String count) {
        int at = spaced.indexOf(" " + count + " ");
        if (at < 0) {
            return List.of();
        }
        String[] after = spaced.substring(at + count.length() + 2).strip().split(" ");
        return Arrays.asList(after).subList(0, Math.min(3, after.length));
    }

    /** The retriever's stem of one word, or null for a stop word. */
    private static String stemOf(String word) {
        List<String> stem = FactRetriever.terms(word, 1);
        return stem.isEmpty() ? null : stem.get(0);
    }

    /** Units that measure or place, never count what a question counts ("five hundred pounds", "two doors past"). */
    private static final Set<String> MEASURES = Set.of("pound", "ton", "kilo", "gram", "kilogram", "gallon", "litre",
            "liter", "meter", "metre", "kilometer", "kilometre", "foot", "feet", "fathom", "inch", "inche", "mile", "league",
            "door", "house", "street", "degree"); // "minus 258 degrees" counts no tanks
    /**
     * The stems of up to three words after "of" when {@code count} is said in {@code lower} as a measure of something
     * ("142 wheels of hard cheese": hard, chees), else null.
     */
    private static List<String> measuredOf(String lower, String count) {
        String plural = pluralAfter(lower, count, List.of());
        int at = plural == null ? -1 : lower.indexOf(" " + count + " " + plural + " of ");
        if (at < 0) {
            return null;
        }
        String[] after = lower.substring(at + count.length() + plural.length() + 6).strip().split(" ");
        return FactRetriever.terms(String.join(" ", Arrays.asList(after).subList(0, Math.min(3, after.length))), 8);
    }

    /** "how many loads of kindling": a count of a stuff by the measure it comes in. */
    private static final Pattern MEASURE_ASKED = Pattern.compile("(?i)\\bhow many \\p{L}+ of \\p{L}+");
    /** A thing a question reckons by, one at a time: "per croft", "to get 1 pan going", "for each boat". */
    private static final Pattern UNIT_ASKED = Pattern.compile("(?i)\\b(?:per|each|every|1|one) (\\p{L}+)");
    /** The thing "how many" counts: "how many stamps", "how many guys". */
    private static final Pattern HOW_MANY_NOUN = Pattern.compile("(?i)\\bhow many\\s+(\\p{L}+)");
    private static final Set<String> KINDS = Set.of("kind", "sort", "type", "variety", "breed", "flavour", "flavor", "colour",
            "color");
    private static final Pattern KINDS_ASKED = Pattern.compile("(?i)\\bhow many (?:\\p{L}+ )?(?:kinds?|sorts?|types?|varieties|"
            + "breeds?|flavou?rs?|colou?rs?|different)\\b");
    /**
     * Adds each time {@code whole}'s first group finds in {@code lowered} that the question does not say and no term
     * holds already, in place of the terms that are words of it ("first light" for "light").
     */
    private static void saidWhole(Pattern whole, String lowered, String asked, List<String> out) {
        Matcher m = whole.matcher(lowered);
        while (m.find()) {
            String time = AnswerCheck.normalise(m.group(1) != null ? m.group(1) : m.group(2)); // (of two alternatives)
            if (!asked.contains(" " + time + " ") && out.stream().noneMatch(t -> (" " + t + " ").contains(" " + time + " "))) {
                out.removeIf(t -> (" " + time + " ").contains(" " + t + " "));
                out.add(time);
            }
        }
    }
    /**
     * Of a day and an hour that answer "when", the one not asked about: "When's the show on Sundays?" is the hour, not
     * "Sunday mornings." (the caller takes out the days asked, {@link #daysAsked}); "When does your court meet?" is the
     * day, not "The third bell." alone (an hour said right after its day, "every Wednesday at the third bell", stays: it
     * is shown with its day).
     */
    private static void dayOrHour(List<String> times, String fact, String asked) {
        List<String> days = times.stream().filter(t -> namesDay(t) || DAY_LIKE.matcher(t).find()).toList();
        List<String> dayAsked = daysAsked(days, asked, fact); // (removed before, unless every time is one)
        boolean hourWithItsDay = times.stream().anyMatch(h -> !days.contains(h) && days.stream().anyMatch(d ->
                fact.contains(" " + d + " at " + h + " ") || fact.contains(" " + d + " at the " + h + " ")
                        || fact.contains(" " + d + " " + h + " ")
                        || hourBeforeItsDay(fact, h, d)));
        if (dayAsked.isEmpty() && !days.isEmpty() && days.size() < times.size() && !hourWithItsDay) {
            times.retainAll(days);
        }
    }
    /** Whether {@code fact} says hour {@code h} just before its day {@code d}: "at the noon bell on the fourth day". */
    private static boolean hourBeforeItsDay(String fact, String h, String d) {
        int at = fact.indexOf(" " + h + " ");
        Matcher on = ON_BEFORE_DAY.matcher(fact);
        return at >= 0 && on.region(at + h.length() + 2, fact.length()).lookingAt() && fact.startsWith(d + " ", on.end());
    }

    /**
     * What stands between an hour and its day: "on the", "bell on the" (of "the noon bell on the fourth day"), "every"
     * (of "at noon every day of the market").
     */
    private static final Pattern ON_BEFORE_DAY = Pattern.compile("(?:\\p{L}+ )?(?:on (?:the )?|every |each )");
    /** A word that says which day before a day's name: "payday fridays", "market saturdays". */
    private static final Pattern NAMED_BEFORE_DAY = Pattern.compile(" (\\p{L}{4,}) (\\p{L}+days?) ");
    /**
     * The days of {@code times} that {@code asked} (clause text) names: "sunday" in "When's the show on Sundays?", or
     * calls by the word the fact ({@code fact}, clause text) says before it: "on payday" for "payday fridays".
     */
    private static List<String> daysAsked(List<String> times, String asked, String fact) {
        return times.stream().filter(t -> Arrays.stream(t.split(" ")).map(w -> w.replaceAll("s$", ""))
                .anyMatch(w -> WEEKDAYS.contains(w) && (asked.contains(" " + w)
                        // "Is there a show on the weekend, and when does it start?" is the hour of Saturday's
                        || (w.equals("saturday") || w.equals("sunday")) && asked.contains(" weekend")))
                // "when do you start cashing people out on payday?" of "opens at 0600 on payday Fridays"
                || NAMED_BEFORE_DAY.matcher(fact).results().anyMatch(r -> r.group(2).equals(t)
                        && (asked.contains(" on " + r.group(1) + " ") || asked.contains(" every " + r.group(1) + " ")))).toList();
    }

    /** Where the hour of a day said with its day starts: "tuesday| before first light", "thursday| at dawn". */
    private static final Pattern HOUR_AFTER_DAY = Pattern.compile(" (?:before|after|at|from|until|till) ");
    /** Times said in words that are no time alone: "first light", "lights-out". */
    private static final Pattern TIME_PHRASE = Pattern.compile("\\b((?:first|last) light|high noon|the small hours|"
            + "(?:(?:first|second|third|last) )?cockcrow|"
            + "sunup|sun-up|lights-out|lights out|first bell|last bell|(?:high|low|slack) (?:tide|water))\\b");
    /** A part of a month, said whole: "the first week of March", "the end of April" (not "March." alone). */
    private static final Pattern PART_OF_MONTH = Pattern.compile("\\b((?:(?:first|second|third|fourth|last|final) "
            + "(?:week|fortnight|days|half)|(?:end|start|beginning|middle)) of (?:january|february|march|april|may|june|"
            + "july|august|september|october|november|december))\\b");
    /** A time on the clock: "5:30", "6", "half past five", "ten o'clock". */
    private static final Pattern CLOCK_SAID = Pattern.compile("\\d|\\b(?:half|quarter) (?:past|to)\\b|o'?clock");
    /** A day or a shift by its number: "sol 212" (a day on Mars), "day 40 of the voyage", "cycle 9". */
    private static final Pattern NUMBERED_DAY = Pattern.compile("\\b((?:sol|day|cycle|rotation|shift|watch) \\d+)\\b");
    /**
     * A part of the day of a named occasion: "the night of the first frost moon", "the morning of the spring fair" (not
     * "the night." alone).
     */
    // (with which one: "the last night of the market" is not any night of it)
    private static final Pattern PART_OF_OCCASION = Pattern.compile("\\b((?:(?:first|last|final|second|third|opening|closing) )?"
            + "(?:night|day|morning|evening|eve|afternoon) of the "
            + "(?:[\\p{L}-]+ ){0,3}(?:moon|feast|festival|fair|harvest|market|solstice|equinox|thaw|frost|tide|launch|race|"
            + "wedding)(?: day| night)?)\\b");
    /**
     * When something happens, as the end of a time: "I fry from the dawn call until the lamps are lit", "open till the
     * last boat comes in", "until the sun goes down" (not one the fact gives the hour of: "until the whistle blows at 3").
     */
    private static final Pattern UNTIL_EVENT = Pattern.compile("\\b(?:until|till|til) ((?:the|a|an|my|our|his|her|their) "
            + "(?:[\\p{L}'-]+ ){1,3}?(?:(?:is|are|goes|go|comes|come|gets|get) (?:lit|out|in|up|down|gone|dark|empty|done|over|"
            + "sold out|closed|shut|home|back)|(?:rings|ring|sets|rises|dies|runs out|run out|burns out|burn out|sounds|blows))(?!\\s+(?:at|around|about|by)\\b))\\b");
    private static final String SIGNALS = "(?:bells?|horns?|gongs?|whistles?|drums?|cannon|guns?|sirens?|chimes?|calls?|chants?|hymns?)";
    /**
     * A signal that marks the hour, said whole: "when the first caravan bell sounds", "once the noon gun fires" (the
     * signal, "the first caravan bell"); and a counted one, "at the second mill whistle" ("first bell" alone is a
     * {@link #TIME_PHRASE}).
     */
    private static final Pattern SIGNAL_SOUNDS = Pattern.compile("\\b(?:(?:when|once|as soon as) ((?:the|a) (?:[\\p{L}'-]+ ){0,3}?"
            + SIGNALS + ")(?= (?:sounds|rings|blows|goes|booms|fires|tolls|is struck|is rung|is sounded|is fired)\\b)"
            + "|\\b(the (?:first|second|third|fourth|fifth|sixth|last|final) (?:[\\p{L}'-]+ ){1,2}?" + SIGNALS + ")(?! [\\p{L}]))");
    /** "the hour of" and up to three words before a stop: a made-up hour. */
    private static final Pattern HOUR_OF = Pattern.compile("\\b(the hour of (?:the )?\\p{L}+(?: (?!(?:and|or|when|never|"
            + "until|till|in|on|at|every|before|after|but|so)\\b)\\p{L}+){0,2})");
    /** A signal after a time word that it names: "the noon gun", "the dawn bell", "the midnight horn". */
    private static final Pattern SIGNAL_AFTER = Pattern.compile(
            " (noon|midday|midnight|dawn|dusk|sunset|sundown|evening|morning|curfew|matins|lauds|terce|sext|nones|vespers?|compline|angelus) "
                    + "(" + SIGNALS + ") ");
    /** Words of a time longer than a day: no answer to "What time…?" ("the second week of Frostmonth"). */
    private static final Set<String> CALENDAR_SPANS = Set.of("week", "weeks", "month", "months", "year", "years", "season",
            "seasons");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    /** "What time of year…?" asks a season or a month after all. */
    private static final Pattern TIME_OF_YEAR = Pattern.compile("(?i)\btime of (?:the )?year\b");
    /** "for" before a length of time: how long something has gone on ("run this shop for fifteen years"). */
    private static final Pattern OVER_A_TIME = Pattern.compile(" for ");
    /** Words before a length of time that make it how long something goes on or takes, not when. */
    private static final Pattern LASTING = Pattern.compile(
            " (?:for|takes?|took|lasts?|lasted|(?:in )?under|(?:in )?less than)(?: about| around| roughly| nearly| almost| over)? ");
    /** A length of time: "six weeks", "a two-day walk" ("two-day"). */
    /** "from", then at most three words before a name: "from Ahmad", "from the chandler Marta Vello", "from a fence called Rook". */
    // (or whom the NPC sends the player to: "try Goodwife Maud Perrin, who has a stack by the chapel")
    private static final Pattern SUPPLIER_BEFORE = Pattern.compile("(?i)(?:\\bfrom\\s+(?:[\\p{L}'-]+\\s+){0,3}|\\btry\\s+(?:old\\s+)?)$");
    /** Words an age is counted in. */
    private static final Pattern YEARS = Pattern.compile("(?i)\\b(?:years?|summers?|winters?|decades?|centur(?:y|ies)|age)\\b");
    static final Pattern SPAN = Pattern.compile(".*[ -](?:second|minute|hour|day|sol|night|week|month|year|season|moon|summer|winter)s?['’]?"); // "three hours' walk", "twenty summers"
    /** A thing and what it is of or for: "ticket to the moon", "room at the Gilded Goose", "a loaf of rye". */
    // ("locks in this flight" is of this one: a determiner is no name of which)
    private static final Pattern THING_OF = Pattern.compile("(?i)\\b(\\p{L}{3,})\\s+(to|for|of|at|in|from)\\s+"
            + "(?:(?:the|a|an|this|that|these|those|your|ur|yer|my|our)\\s+)?"
            + "(\\p{L}[\\p{L}'-]*(?:\\s+\\p{Lu}[\\p{L}'-]*)*)");
    /**
     * The words of {@code fact} that say which one of a thing it is about, when the question asks about another of
     * the same thing: "Grand Ridge" for "a ticket to the moon" against "A second-class ticket to Grand Ridge…". Empty
     * when the fact says the same one, or the question names none.
     */
    static List<String> otherOne(String fact, String question) {
        String lowerFact = " " + fact.toLowerCase(Locale.ROOT) + " ";
        Matcher asked = THING_OF.matcher(question);
        while (asked.find()) {
            String thing = asked.group(1).toLowerCase(Locale.ROOT);
            String which = asked.group(3).toLowerCase(Locale.ROOT);
            if (AnswerCheck.STOP.contains(thing) || AnswerCheck.STOP.contains(which)
                    || lowerFact.contains(" " + which.substring(0, Math.min(5, which.length())))) {
                continue; // the fact says the one asked about (or the question names no one)
            }
            Matcher said = THING_OF.matcher(fact);
            while (said.find()) {
                if (said.group(1).toLowerCase(Locale.ROOT).startsWith(thing.substring(0, Math.min(5, thing.length())))
                        && said.group(2).equalsIgnoreCase(asked.group(2))) {
                    List<String> words = new ArrayList<>();
                    for (String w : said.group(3).toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (!AnswerCheck.STOP.contains(w)) {
                            words.add(w);
                        }
                    }
                    return words;
                }
            }
        }
        return List.of();
    }
    /** Words of making something out of something: the question's and the fact's. */
    private static final String MAKING = "\\b(?:made|make|makes|brewed|brew|brews|built|build|forged|forge|carved|woven|"
            + "baked|bake)\\b";
    /** "What is it made from?", "What do you make it with?": a question for a material. */
    static final Pattern ASKS_MATERIAL = Pattern.compile("(?i)" + MAKING
            + "(?:\\s+\\p{L}+)?\\s+(?:from|of|out of|with)\\s*\\??$");
    /** What a fact makes something from: "We make our ink from oak galls." */
    private static final Pattern MATERIAL = Pattern.compile("(?i)" + MAKING
            + "[^.;]*?\\b(?:from|of|out of|with)\\s+((?:the |an? )?\\p{L}[\\p{L}'-]*(?:\\s+\\p{L}[\\p{L}'-]*){0,2})");
    /** The materials {@code fact} makes something from, lower case, up to a word that ends the phrase. */
    static List<String> materials(String fact) {
        List<String> out = new ArrayList<>();
        Matcher m = MATERIAL.matcher(fact);
        while (m.find()) {
            List<String> words = new ArrayList<>();
            for (String w : m.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!words.isEmpty() && AnswerCheck.PHRASE_ENDS.matcher(" " + w).lookingAt()) {
                    break;
                }
                if (!List.of("the", "a", "an").contains(w)) {
                    words.add(w);
                }
            }
            if (!words.isEmpty()) {
                out.add(String.join(" ", words));
            }
        }
        return out;
    }
    static final Set<String> TIME_WORDS = Set.of("dawn", "dusk", "noon", "midnight", "midday", "morning",
            "evening", "night", "afternoon", "sunrise", "sunset", "sundown", "daybreak", "nightfall", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "daily", "weekly", "hourly",
            "spring", "summer", "autumn", "winter", "bell", "twilight", "moonrise", "curfew", "teatime", "lunchtime",
            "suppertime", "bedtime", "midwinter", "midsummer", "yule", "solstice", "equinox", "easter", "christmas",
            // months ("Shearing starts in early June."); May and March only as below
            "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
            // the hours a monastery keeps: "The library closes at vespers."
            "matins", "lauds", "terce", "sext", "nones", "vespers", "compline",
            // and the bells that ring them: "Supper is served at the ringing of the vesper bell."
            "vesper", "angelus");
    /** Times only after a word of time ("The gates open at prime."; not "a prime spot"). */
    private static final Set<String> TIME_WORDS_AFTER_AT = Set.of("prime");
    /** Months that are everyday words too: times after a word of time or "in" ("in early May"; not "You may"). */
    private static final Set<String> MONTHS_AFTER_IN = Set.of("may", "march");
    /** A moon that is a time: "at the next full moon", "by the new moon" (not "a ticket to the moon"). */
    private static final Pattern MOON_PHASE = Pattern.compile("\\b((?:(?:next|last|first|coming) )?(?:full|new|half|"
            + "harvest|blood|hunter's|crescent) )$");
    private static final Pattern IN_TIME = Pattern.compile("(?:in|early|late|mid|every)\\s+$");
    private static final Pattern AT_TIME = Pattern.compile("(?:at|after|before|until|till|from|by|since)\\s+$");
    /** Whether the (lower-case, spaced) fact says {@code inner}, a few words, then "in" {@code outer}. */
    private static boolean standsIn(String lower, Mentions.Name inner, Mentions.Name outer) {
        int at = lower.indexOf(inner.surface().toLowerCase(Locale.ROOT));
        int out = lower.indexOf(outer.surface().toLowerCase(Locale.ROOT));
        if (at < 0 || out < at + inner.surface().length()) {
            return false; // (nor one found inside it: "Ocean Grill" inside "the Ocean Grill Ocean" said twice)
        }
        String between = lower.substring(at + inner.surface().length(), out);
        return IN_PLACE.matcher(between).matches();
    }
    /**
     * What lies between a place and the one it stands in: "tavern in the", "noodle bar in", ", in", "in the port of"
     * (Barnacle Wharf in the port of Saltmarrow), "of" (Deck 9 of Halcyon Station), "on" (Hatfield's Mercantile on Main Street), "at the edge of".
     */
    private static final Pattern IN_PLACE = Pattern.compile("(?:\\s+[\\p{L}']+){0,3},?\\s+(?:in|inside|within)(?:\\s+the)?"
            + "(?:\\s+(?:port|town|city|village|hamlet|district|quarter|kingdom|realm|county|province|colony|settlement)\\s+of)?\\s+"
            + "|\\s+(?:of|on)(?:\\s+the)?\\s+|,?\\s+(?:at|on)\\s+the\\s+(?:edge|outskirts|far end|end)\\s+of(?:\\s+the)?\\s+");
    /** Times of the day, which say no day: "What day…?" is not answered by "The evening.". */
    private static final Set<String> PARTS_OF_DAY = Set.of("morning", "afternoon", "evening", "night", "dawn", "dusk",
            "noon", "midnight", "midday", "sunrise", "sunset", "sundown", "daybreak", "nightfall", "twilight", "moonrise",
            "curfew", "teatime", "lunchtime", "suppertime", "bedtime");
    /** A question for a storey: "Which level…?", "What deck…?", "Which floor…?". */
    private static final Pattern LEVEL_ASKED = Pattern.compile("(?i)\\b(?:which|what) (?:level|floor|deck|storey|story|tier)\\b");
    /** A place that is a storey: "Deck 11", "the third floor", "Level 4". */
    private static final Pattern LEVEL_WORD = Pattern.compile("(?i)\\b(?:level|floor|deck|storey|story|tier|basement|attic|"
            + "cellar|loft|upstairs|downstairs|ground floor)s?\\b");
    /** Words that make a name a group's, not a person's: "Guild of Whispers", "the Ash Gang", "Order of the Rose". */
    private static final Set<String> GROUP_WORDS = Set.of("guild", "gang", "company", "order", "council", "brotherhood",
            "sisterhood", "crew", "clan", "league", "society", "church", "temple", "bank", "house", "band", "legion",
            "corporation", "corp", "syndicate", "cartel", "union", "circle", "club", "watch", "guard", "army", "navy",
            "ensemble", "troupe", "choir", "orchestra", "quartet", "trio",
            // and what such a house prints: "the Carnarvon and Denbigh Herald" brings no papers up, Tomos Jenkins does
            "herald", "gazette", "chronicle", "courier", "clarion", "journal", "tribune", "newspaper", "magazine", "almanac",
            // or keeps: "Sister Yara Mbeki keeps the Book of Lost Crews"
            "book", "ledger", "register", "roll", "records");
    /** Whether {@code name}, or the word after it in {@code fact} ("the Blue Waves ensemble"), makes it a group's. */
    private static boolean namesGroup(String name, String fact) {
        int at = fact.indexOf(name);
        Matcher next = NEXT_WORD.matcher(fact.toLowerCase(Locale.ROOT));
        String after = at >= 0 && next.region(at + name.length(), fact.length()).lookingAt() ? next.group(1) : "";
        for (String w : (name.toLowerCase(Locale.ROOT) + " " + after).split("[^\\p{L}]+")) {
            if (GROUP_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }
    /** {@code terms} the question did not already say ("Repairing" starts the fact, it is no name). */
    static List<String> unasked(List<String> terms, String question) {
        List<String> out = new ArrayList<>();
        String asked = " " + AnswerCheck.normalise(question);
        for (String term : terms) {
            // a title is not what was said: "Sister Ammet" is no sister of "my sister keeps having nightmares"
            int space = term.indexOf(' ');
            String key = space > 0 && Mentions.isPersonTitle(term.substring(0, space)) ? term.substring(space + 1) : term;
            if (!asked.contains(" " + key.substring(0, Math.min(5, key.length())))) {
                out.add(term);
            }
        }
        return out;
    }
    /** The numbers, prices, times and names a fact states that the question does not, normalised. */
    static List<String> statedTerms(String fact, String question) {
        List<String> out = new ArrayList<>();
        for (String t : InventedFacts.invented(fact, List.of(question))) {
            out.add(AnswerCheck.normalise(t));
        }
        return out;
    }
    /** The terms of the kind the question asks for (a name, a place, a price, a time, a count); none when it asks for no kind. */
    static List<String> fitting(List<String> terms, String fact, String question) {
        List<String> out = new ArrayList<>();
        QuestionKind kind = QuestionKind.of(question);
        if (kind == QuestionKind.NAME) {
            out.addAll(describedAsAsked(withoutTheirOwn(withoutAnimals(withoutBareNumbers(namesIn(terms, fact)), fact, question),
                    fact), fact, question));
        } else if (kind == QuestionKind.PLACE) {
            String lower = " " + fact.toLowerCase(Locale.ROOT) + " ";
            // (the way somewhere starts from a place: "take the ferry from the Glass Steps")
            boolean asksOrigin = clauseText(question).contains(" from ") || QuestionKind.ASKS_WAY.matcher(question).find();
            List<Mentions.Name> named = Mentions.names(fact).stream()
                    .filter(n -> n.kind().equals(Mentions.Name.PLACE)).toList();
            // Of a place and the one it stands in, the nearer: "the back room of the Sour Plum tavern in the Rat
            // Warrens" is at the Sour Plum, "the Neon Koi noodle bar in Sector 12" at the Neon Koi.
            List<Mentions.Name> nearest = named.stream()
                    .filter(n -> named.stream().noneMatch(o -> o != n && standsIn(lower, o, n))).toList();
            // A place named with a word of the question is what is asked about, not where it is: "Where are the
            // dangerous rocks?" is not "The Needle Rocks." when the fact says they lie north of the harbour mouth.
            // (or its synonym: "How do I get out to your island?" is not "Furnace Isle.")
            Set<String> askedWords = new HashSet<>(AnswerCheck.stems(AnswerCheck.contentWords(question, "")));
            askedWords.addAll(FactRetriever.askedTerms(question));
            // Unless the name's number tells it from the one asked about: "the autoclave deck is down on Deck 11".
            String askedText = clauseText(question);
            List<Mentions.Name> elsewhere = nearest.stream()
                    .filter(n -> Collections.disjoint(AnswerCheck.stems(n.words()), askedWords)
                            // (asked where it comes from, the place it comes from: "Where do you get your salt from?" is
                            // "the Grey Salt Seam" of "My salt comes down by rope-lift from the Grey Salt Seam")
                            || asksOrigin && comesFrom(lower, n)
                            || NUMBER.matcher(n.surface()).results().anyMatch(r -> !askedText.contains(" " + r.group() + " ")))
                    // nor a name the fact gives what is asked about: "Where's your ship tied up?" is not "The
                    // Storm-Goose." from "My ship, the Storm-Goose, lies at the north end of the jetty"
                    .filter(n -> !namedAsAsked(fact, n, askedWords))
                    .toList();
            // (when something else says where: another name, or a place without one)
            List<Mentions.Name> places = elsewhere.size() < nearest.size()
                    && (!elsewhere.isEmpty() || !Mentions.locations(fact).isEmpty()) ? elsewhere : nearest;
            // a place with no name that is not the NPC's own ("my workshop"), read once for every name's landmark test
            boolean unnamed = Mentions.locations(fact).stream()
                    .anyMatch(p -> !lower.contains(" my " + p + " ") && !lower.contains(" our " + p + " "));
            for (Mentions.Name n : places) {
                String name = n.surface().toLowerCase(Locale.ROOT);
                // "The far landing is at Reedmoor, a half day's walk from the Thornwood": where it lands is
                // Reedmoor; a place something is reckoned from answers only "Where… from?".
                boolean origin = comesFrom(lower, n);
                // "the Halvard Counting House in the lower village, next to the chapel of Saint Orla": Saint Orla
                // is how to find it
                // (a place with no name says where as well: "the tin shed east of the lumber yard, past the Baptist church";
                // not the NPC's own, which is what the landmark finds: "at my workshop beside the Three-Step Falls")
                if ((!out.isEmpty() || unnamed) && (landmark(lower, name) || described(lower, name))) {
                    continue;
                }
                if (!origin || asksOrigin || places.size() == 1) {
                    String kept = AnswerCheck.normalise(n.surface());
                    keep(terms, kept, out);
                    // "the Tidegarden Commons kitchen", "the Pollen Stair hatch": the name's own room or door is where
                    String after = lower.substring(Math.max(0, lower.indexOf(name) + name.length()));
                    Matcher room = ROOM_AFTER.matcher(after);
                    Matcher building = BUILDING_AFTER.matcher(after);
                    if (out.contains(kept) && (room.lookingAt() || n.words().size() == 1 && building.lookingAt())) {
                        out.set(out.indexOf(kept), kept + " " + (room.lookingAt() ? room.group(1) : building.group(1)));
                    }
                    // "the bakery of Basil the Armenian": a place that is someone's is said with whose, and theirs with it
                    int at = lower.indexOf(" " + name);
                    Matcher owned = at < 0 ? null : OWNED_PLACE_BEFORE.matcher(lower.substring(0, at + 1));
                    if (out.contains(kept) && owned != null && owned.find()) {
                        Matcher epithet = EPITHET_AFTER.matcher(fact).region(Math.min(fact.length(), at + name.length()),
                                fact.length());
                        out.set(out.indexOf(kept), owned.group(1) + " of " + kept
                                + (epithet.lookingAt() ? " " + epithet.group().strip().toLowerCase(Locale.ROOT) : ""));
                    }
                }
            }
            out = withoutBareNumbers(out);
            if (out.size() > 1) {
                // "The Prohibition Bureau's Chicago office is on the sixth floor of the Transportation Building": the
                // place the fact opens with is what it finds, the other is where that is
                List<String> located = out.stream().filter(p -> lower.startsWith(" " + p + " ") || lower.startsWith(" the " + p + " "))
                        .filter(p -> LOCATED_AFTER.matcher(lower).region(lower.indexOf(p) + p.length(), lower.length()).lookingAt())
                        .toList();
                if (located.size() < out.size()) {
                    out = new ArrayList<>(out);
                    out.removeAll(located);
                }
            }
            if (asksOrigin || QuestionKind.ASKS_SOURCE.matcher(question).find()) {
                // "Where do you get your wool from?" asks whom from, when the fact says: "from Ahmad the dyer, whose
                // vats are past the southern palm grove" is Ahmad (where his vats are is where to find him).
                List<String> suppliers = new ArrayList<>();
                for (Mentions.Name n : Mentions.names(fact)) {
                    int at = fact.indexOf(n.surface());
                    if (n.kind().equals(Mentions.Name.OTHER) && at > 0 && SUPPLIER_BEFORE.matcher(fact.substring(0, at)).find()) {
                        keep(terms, AnswerCheck.normalise(n.surface()), suppliers);
                    }
                }
                out = suppliers.isEmpty() ? out : suppliers;
            }
            if (out.isEmpty()) {
                // A place with no name: "Where is the holy water?" is "the torture chamber", not "Left."
                String asked = clauseText(question);
                List<String> unnamedPlaces = Mentions.locations(fact);
                // the thing asked about is not where it is: "Where's your wagon?" is not "In a wagon painted green." of
                // "I keep my remedies in a wagon painted green, parked under the three alders"
                // ("the little back office" says which office and where: a word of position keeps it)
                Matcher thing = WHERE_THING.matcher(question);
                Set<String> thingAsked = thing.find() ? AnswerCheck.stems(List.of(thing.group(1).toLowerCase(Locale.ROOT))) : Set.of();
                List<String> notAsked = unnamedPlaces.stream()
                        .filter(place -> Collections.disjoint(AnswerCheck.stems(List.of(place.split(" "))), thingAsked)
                                || POSITION_WORD.matcher(place).find()).toList();
                for (String place : notAsked.isEmpty() ? unnamedPlaces : notAsked) {
                    // a landmark after the place is how to find it, not where it is: "on the mezzanine above the
                    // boarding hall, next to the chapel" is not "The chapel."
                    if (!asked.contains(" " + place + " ") && !(!out.isEmpty() && (landmark(lower, place) || described(lower, place)))) {
                        out.add(place);
                    }
                }
            }
            if (LEVEL_ASKED.matcher(question).find()) {
                // "Which level of the ship are the pods on?" is a deck, not "Cryo Bay C.": else a near fact's deck
                out.removeIf(place -> !LEVEL_WORD.matcher(place).find());
            }
            if (out.isEmpty() && QuestionKind.ASKS_SOURCE.matcher(question).find()) {
                // Where something is got may be whom from: "Where do you get your parts?" "From Rook." ("I buy my
                // parts from a fence called Rook."), not the clinic of another fact.
                out.addAll(withoutBareNumbers(namesIn(terms, fact)));
            }
        } else if (kind == QuestionKind.MONEY) {
            if (pricesNothingAsked(fact, question)) {
                // "One gold crown is worth twenty silver marks." prices no room or sword: "How much for a room?" was
                // answered "Twenty silver marks." by every NPC of the shipped world; it answers what a coin is worth
                return out;
            }
            for (Mentions.Quantity q : Mentions.quantities(fact)) {
                if (q.kind().equals("money")) {
                    keep(terms, AnswerCheck.normalise(q.surface()), out);
                }
            }
            out = forWhat(out, fact, question);
            if (out.isEmpty() && QuestionKind.HOW_MUCH.matcher(question).find()) {
                // "How much are the eyes?" prices them: "200 spare eyes" counts the thing asked, no price of it
                boolean priceOf = HOW_MUCH_IS_THE.matcher(question).find();
                Set<String> thing = priceOf ? AnswerCheck.stems(AnswerCheck.contentWords(question, "")) : Set.of();
                String spaced = clauseText(fact);
                // (the price of a job is no count of a line that prices nothing: "How much to mend a hole like that?" is
                // not "Four gers." of "The wind tore the roof felt off four gers last night")
                boolean job = HOW_MUCH_TO.matcher(question).find() && !PRICING.matcher(fact).find();
                for (Mentions.Quantity q : job ? List.<Mentions.Quantity>of() : Mentions.quantities(fact)) {
                    // "How much blood is left?" asks for an amount; never for a while: "How much would that run me?"
                    // is not "Fourteen weeks." (how long the carpet takes to make)
                    // (nor a count of things, priced: "Each licence allows fifty oysters a week." prices no permit)
                    // (nor a number that is half of a word: "the thick three-ply cord … is 9 shell strings" is no "Three.")
                    boolean hyphened = fact.toLowerCase(Locale.ROOT).contains(q.surface().toLowerCase(Locale.ROOT) + "-");
                    if (!q.kind().equals("time") && !hyphened && !(priceOf && (countsThe(spaced, AnswerCheck.normalise(q.surface()), thing)
                            || countsThingsNotPeople(spaced, AnswerCheck.normalise(q.surface()))))) {
                        keep(terms, AnswerCheck.normalise(q.surface()), out);
                    }
                }
                // with what it is counted in, unless the question says it: "2 washers" ("Toll for a skiff is 2 washers."
                // prices in the card's coin); "How much blood is there?" "Eight."
                Set<String> askedStems = AnswerCheck.stems(AnswerCheck.contentWords(question, ""));
                List<String> counted = withCounted(out, fact);
                for (int i = 0; i < out.size(); i++) {
                    String in = counted.get(i).substring(out.get(i).length()).strip();
                    if (!in.isEmpty() && !askedStems.containsAll(AnswerCheck.stems(List.of(in)))) {
                        out.set(i, counted.get(i));
                    }
                }
            }
        } else if (kind == QuestionKind.TIME) {
            String lower = clauseText(fact);
            // "When…?" is not answered by how long something has gone on: "When do you bake your pots?" by "Thirty
            // years." from "I have sold pots at the fair for thirty years."
            // Nor is "How far ahead should I come?" ("Fifteen years." from "I've run this shop for fifteen years").
            boolean asksAhead = QuestionKind.ASKS_AHEAD.matcher(question).find();
            // "When will it be ready?" is answered by how long it takes ("4 nights."), from now.
            boolean asksWhen = QuestionKind.ASKS_WHEN.matcher(question).find() && !QuestionKind.ASKS_HOW_LONG.matcher(question).find()
                    && !QuestionKind.ASKS_DONE.matcher(question).find();
            boolean asksClock = QuestionKind.ASKS_CLOCK.matcher(question).find();
            // "How long till you shut?" is answered by when ("At 7 in the evening.") where the fact gives no length of time
            boolean asksSpan = QuestionKind.ASKS_SPAN.matcher(question).find()
                    && !(QuestionKind.ASKS_UNTIL.matcher(question).find() && Mentions.quantities(fact).stream()
                            .noneMatch(q -> SPAN.matcher(q.surface().toLowerCase(Locale.ROOT)).matches()));
            boolean asksDay = QuestionKind.ASKS_DAY.matcher(question).find();
            String lowered = fact.toLowerCase(Locale.ROOT);
            String spaced = " " + lowered + " ";
            Pattern notWhen = asksWhen ? LASTING : asksAhead ? OVER_A_TIME : null;
            String asked = clauseText(question); // "…sail on Saturday. What's…" asks of Saturday
            // "What night are you not here?" asks for what the fact leaves out: "every night except Wednesday".
            // "What time do you shut?" asks when it closes, not when it is closed all day.
            boolean asksAbsence = QuestionKind.ASKS_ABSENCE.matcher(asked).find() && !asksClock;
            List<String> absent = new ArrayList<>();
            for (Mentions.Quantity q : Mentions.quantities(fact)) {
                // Nor by how long something takes: "When do y'all pick the fruit?" is not "Four years." from "A sapling
                // takes four years to bear its first fruit." ("in two days" does answer it).
                if (notWhen != null && notWhen.matcher(spaced).results()
                        .anyMatch(r -> spaced.startsWith(q.surface().toLowerCase(Locale.ROOT), r.end()))) {
                    continue;
                }
                // "When does your ship leave?" is not "Twelve years." from "…twelve years ago": that answers "When did…?"
                if (!PAST_ASKED.matcher(asked).find() && spaced.contains(" " + q.surface().toLowerCase(Locale.ROOT) + " ago")) {
                    continue;
                }
                if (ofExceptedCase(lowered, q.surface().toLowerCase(Locale.ROOT), asked)) {
                    continue;
                }
                if (excepted(lowered, q.surface().toLowerCase(Locale.ROOT), asked)) {
                    if (asksAbsence) {
                        absent.add(AnswerCheck.normalise(q.surface()));
                    }
                    continue;
                }
                // "three days' walk down the valley" is how far, never when; so is "four days east of here"
                if (!asksSpan && (q.surface().matches(".*['’]") || farAway(q, spaced))) {
                    continue;
                }
                // "What time do we set out?" is not answered by how long the crossing takes ("Eleven days.").
                // (an ordinal hour is a time of day, no length: "at the ninth hour")
                if (asksClock && SPAN.matcher(q.surface().toLowerCase(Locale.ROOT)).matches() && !Mentions.isOrdinal(q.surface())) {
                    continue;
                }
                // …nor "How long does it take?" by when it is ("Thursday.", "8.", "the fourth day").
                if (asksSpan && (!SPAN.matcher(q.surface().toLowerCase(Locale.ROOT)).matches() || Mentions.isOrdinal(q.surface()))) {
                    continue;
                }
                // "What day do the parts come in?" is not answered by the hour the shop opens ("7 am.").
                // ("the fourth day of the moot" is a day: counted in days, it answers which)
                if (asksDay && (q.value().contains(":") || q.kind().equals("time") && q.unit() != null
                        && !(Mentions.isOrdinal(q.surface()) && q.unit().startsWith("day"))
                        || isClockTime(q, lower))) {
                    continue;
                }
                if (q.kind().equals("time") || isClockTime(q, lower)) {
                    String time = AnswerCheck.normalise(q.surface());
                    // "between 10 in the morning and 4": the hour with its part of the day, "10." could be at night
                    // (so could "2:40.")
                    Matcher part = HOUR_PART.matcher(lower);
                    boolean bare = q.unit() == null;
                    while (bare && part.find()) {
                        if (part.group(1).equals(time)) {
                            time = part.group().strip();
                            break;
                        }
                    }
                    // "the sixth hour of the night", "the fifth day of the dry month": what the hour or day is counted in
                    // (unless the question says it: "…open in the morning?" is answered "Sixth bell.")
                    Matcher ofPart = OF_DAY_PART.matcher(lower);
                    if (!bare && ofPart.find() && ofPart.group(1).equals(time) && !asked.contains(" " + ofPart.group(2) + " ")
                            && !asked.contains(" to" + ofPart.group(2) + " ")) { // ("…open tonight?")
                        time = ofPart.group().strip();
                    }
                    if (time.equals(AnswerCheck.normalise(q.surface()))) {
                        keep(terms, time, out);
                    }
                    if ((!q.kind().equals("time") || !time.equals(AnswerCheck.normalise(q.surface()))) && !out.contains(time)) {
                        out.add(time);
                    }
                }
            }
            // what the question asks about ("fair"), not its small words ("for the cold season")
            Set<String> askedContent = new HashSet<>(AnswerCheck.contentWords(question, ""));
            var m = AnswerCheck.WORD.matcher(lowered);
            while (!asksSpan && m.find()) { // a time word is a point in time, no length of it
                String w = m.group();
                // A bell is a time only counted ("first bell", a quantity above): "the shift bell rings at six" says six.
                boolean time = !w.startsWith("bell")
                        && (TIME_WORDS.contains(w) || w.endsWith("s") && TIME_WORDS.contains(w.substring(0, w.length() - 1))
                        || TIME_WORDS_AFTER_AT.contains(w) && AT_TIME.matcher(lowered.substring(0, m.start())).find()
                        || MONTHS_AFTER_IN.contains(w) && (AT_TIME.matcher(lowered.substring(0, m.start())).find()
                                || IN_TIME.matcher(lowered.substring(0, m.start())).find())
                        || w.equals("moon") && MOON_PHASE.matcher(lowered.substring(0, m.start())).find());
                // Not a word of a time kept whole: "Bell?" does not say "first bell".
                boolean part = out.stream().anyMatch(t -> !t.equals(w) && (" " + t + " ").contains(" " + w + " "));
                // Naming the thing asked, not its time: "The autumn mushroom fair is held on…" to "When's the
                // mushroom fair?" (was answered "The autumn mushroom fair.").
                Matcher next = NEXT_WORD.matcher(lowered).region(m.end(), lowered.length());
                // Nor a time word inside a name: "the summer Thing", "the Winter Gardens" (the next word capitalised).
                // ("Thursday night" to "which night…?" is a time all the same)
                boolean names = next.lookingAt() && (askedContent.contains(next.group(1)) && !TIME_WORDS.contains(next.group(1))
                        || !WEEKDAYS.contains(w) && fact.length() == lowered.length()
                        && Character.isUpperCase(fact.charAt(next.start(1)))
                        // "the Midwinter hand stamp … on 22 June": a feast that describes a thing where the fact dates it
                        || !MONTHS.contains(w) && !WEEKDAYS.contains(w) && !FUNCTION_AFTER_NAME.contains(next.group(1))
                        && NUMBERED_DATE.matcher(lowered).find());
                // "4 nights" is a length of time, not the night: said whole above, or not at all.
                boolean counted = COUNTED_BEFORE.matcher(lowered.substring(0, m.start())).find() && !MONTHS.contains(w); // "22 June"
                if (time && !part && !counted && asksAbsence && excepted(lowered, w, asked) && !absent.contains(w)) {
                    absent.add(w);
                }
                if (time && !part && !names && !counted && !excepted(lowered, w, asked) && !asked.contains(" " + w + " ") && !out.contains(w)) {
                    // "the last day of autumn" is the day, not the season
                    Matcher day = DAY_OF.matcher(lowered.substring(0, m.start()));
                    Matcher into = HOW_FAR_INTO.matcher(lowered.substring(0, m.start()));
                    Matcher dayPart = DAY_PART_AFTER.matcher(lowered.substring(m.end()));
                    // "dusk", "Tuesdays"; "late summer" is not any summer, "Sunday afternoons" not any time on Sunday
                    Matcher phase = MOON_PHASE.matcher(lowered.substring(0, m.start()));
                    // "the second Tuesday of each month" is not any Tuesday
                    Matcher nth = NTH_WEEKDAY.matcher(lowered.substring(0, m.start()));
                    Matcher ofWhat = OF_MONTH_AFTER.matcher(lowered.substring(m.end()));
                    boolean nthDay = WEEKDAYS.contains(w) && nth.find();
                    // "the first of October": a day of the month
                    Matcher date = DATE_OF.matcher(lowered.substring(0, m.start()));
                    boolean month = !WEEKDAYS.contains(w) && !SEASONS.contains(w) && !DAY_PARTS.contains(w.replaceAll("s$", ""));
                    // "on 22 June": the day's number before its month, as the British write a date
                    Matcher dayNumberBefore = DAY_NUMBER_BEFORE.matcher(lowered.substring(0, m.start()));
                    String said = day.find() ? day.group(1) + w : month && date.find() ? date.group(1) + w
                            : month && MONTHS.contains(w) && dayNumberBefore.find() ? dayNumberBefore.group(1) + w
                            : into.find() ? into.group(1) + " " + w
                            : phase.find() ? phase.group(1) + w
                            : nthDay ? nth.group(1) + " " + w + (ofWhat.lookingAt() ? ofWhat.group() : "") : w;
                    // "Summer 14", "June 3": a season's or a month's day, not the whole season
                    Matcher dayNumber = DAY_NUMBER_AFTER.matcher(lowered.substring(m.end()));
                    if (!WEEKDAYS.contains(w) && dayNumber.lookingAt()) {
                        said = said + dayNumber.group();
                    }
                    // "the evening prayer", "the morning mass": a time called by what is done then, said whole
                    Matcher call = CALLED_TIME_AFTER.matcher(lowered.substring(m.end()));
                    out.add(WEEKDAYS.contains(w) && dayPart.lookingAt() ? said + dayPart.group()
                            : said.equals(w) && call.lookingAt() ? said + call.group() : said);
                }
            }
            // A day of a made-up week is a name of time: "The shop is closed every Moonday."
            for (Mentions.Name n : asksSpan ? List.<Mentions.Name>of() : Mentions.names(fact)) {
                String day = AnswerCheck.normalise(n.surface());
                if (asksAbsence && n.kind().equals(Mentions.Name.TIME) && excepted(lowered, day, asked) && !absent.contains(day)) {
                    absent.add(day);
                }
                if (n.kind().equals(Mentions.Name.TIME) && !asked.contains(" " + day + " ") && !TIME_WORDS.contains(day)
                        && !TIME_WORDS.contains(day.replaceAll("s$", "")) && !excepted(lowered, day, asked)
                        && out.stream().noneMatch(t -> (" " + t + " ").contains(" " + day + " "))) {
                    // "the first Moonday of Greening" is not any Moonday; "the 9th of Greening Month" not the month
                    int at = lowered.indexOf(n.surface().toLowerCase(Locale.ROOT));
                    boolean dayAfter = at >= 0 && Mentions.DAY_AFTER.matcher(lowered)
                            .region(at + n.surface().length(), lowered.length()).lookingAt();
                    String whole = dayAfter ? day + " day" : day; // "Odin's day"
                    Matcher nth = NTH_WEEKDAY.matcher(at < 0 ? "" : lowered.substring(0, at));
                    Matcher date = DATE_OF.matcher(at < 0 ? "" : lowered.substring(0, at));
                    // ("the last Ironday of every month" with what it is the last of)
                    Matcher ofWhat = OF_MONTH_AFTER.matcher(at < 0 ? "" : lowered.substring(at + n.surface().length()));
                    // "the feast of Saint Verin" is the feast, not the saint
                    Matcher feast = FEAST_OF_BEFORE.matcher(at < 0 ? "" : lowered.substring(0, at));
                    Matcher dayNumberBefore = DAY_NUMBER_BEFORE.matcher(at < 0 ? "" : lowered.substring(0, at));
                    // "the special Midwinter hand stamp … on 22 June": a feast's name that describes a thing is no day
                    // where the fact dates it
                    Matcher describes = DESCRIBED_AFTER.matcher(at < 0 ? "" : lowered.substring(at + n.surface().length()));
                    if (describes.lookingAt() && !FUNCTION_AFTER_NAME.contains(describes.group(1)) && NUMBERED_DATE.matcher(lowered).find()) {
                        continue;
                    }
                    out.add(nth.find() ? nth.group(1) + " " + whole + (ofWhat.lookingAt() ? ofWhat.group() : "")
                            : date.find() ? date.group(1) + whole : feast.find() ? feast.group(1) + whole
                            : MONTHS.contains(day) && dayNumberBefore.find() ? dayNumberBefore.group(1) + whole : whole);
                }
            }
            if (!asksSpan) {
                // "the last day of each month", "every fifth rest-day": a day counted in the calendar; "at first light",
                // "until lights-out": times in words of their own; "at the hour of long shadows": a made-up hour
                for (Pattern whole : List.of(COUNTED_DAY, TIME_PHRASE, HOUR_OF, NUMBERED_DAY, PART_OF_OCCASION, UNTIL_EVENT, SIGNAL_SOUNDS,
                        PART_OF_MONTH)) {
                    saidWhole(whole, lowered, asked, out);
                }
            }
            if (asksAbsence && !absent.isEmpty()) {
                out = absent;
            }
            if (asksDay) {
                // "Which day are you grounded every week?" is not "The evening." (the last flight's hour)
                // nor "Winter." (a season is no day: "Which day do you bring it round?")
                out.removeIf(t -> TIME_PHRASE.matcher(t).matches() // nor "First light."
                        || UNTIL_EVENT.matcher("until " + t).matches() // nor "The nuts run out."
                        || Arrays.stream(t.split(" ")).allMatch(w -> PARTS_OF_DAY.contains(w.replaceAll("s$", ""))
                        // nor "April." ("stays open until the end of April" says no day of it)
                        || SEASONS.contains(w) || MONTHS.contains(w) || w.equals("the") || w.equals("at") || w.equals("in") || w.equals("last")
                        || w.equals("next") || w.equals("every")));
            }
            // "I trade only after midnight." is not "At midnight."
            out.replaceAll(t -> {
                Matcher side = BEFORE_OR_AFTER.matcher(lower.substring(0, Math.max(0, lower.indexOf(" " + t + " ") + 1)));
                return lower.contains(" " + t + " ") && side.find() ? side.group(1) + " " + t : t;
            });
            if (asksClock && (out.stream().anyMatch(t -> !dayAlone(t)) || TIME_OF_DAY_ASKED.matcher(question).find())) {
                // "What time do the kids start riding?" is "First light.", not "Sixth day." of "The riders set out at first
                // light on the sixth day of the fair." (said alone, the day is what the fact has to say, unless the
                // question asks the time of day: "What time of day do you go down?" is not "On Starday.")
                out.removeIf(AnswerValues::dayAlone);
            }
            // A time reckoned from an event is that time: "the Monday after Ash Wednesday" (not "Wednesday."), "the
            // morning after the autumn thing-meeting" (not "The morning.")
            List<String> reckoned = new ArrayList<>(out);
            reckoned.replaceAll(t -> reckonedFrom(t, fact));
            out = reckoned.stream().filter(t -> reckoned.stream().noneMatch(o -> !o.equals(t)
                    && (" " + o + " ").contains(" " + t + " "))).distinct().collect(Collectors.toCollection(ArrayList::new));
            // Times the fact says one after the other are one: "the first full moon after midwinter", "at dusk on its
            // second day"; and "sunset on Holy Saturday", unless the question asks the day or the hour alone; and hours
            // asked as a whole, not which day nor when they open or close: "from eight until noon". (A day and its hour
            // stay two: "Monday." answers "When do you hold court?" and is said with its hour, see asTheFactSays.)
            List<String> joins = new ArrayList<>(List.of(" ", " on its ", " on the "));
            if (PARTS_OF_DAY.stream().noneMatch(p -> asked.contains(" " + p + " ") || asked.contains(" " + p + "s "))
                    && !asked.contains(" tonight ")) {
                joins.add(" and again at "); // "at 05:30 and again at 17:30": one answer, twice a day (unless one half is asked)
            }
            if (!asksDay && !asksClock) {
                joins.add(" on ");
            }
            boolean wholeHours = !asksDay && !OPENING.matcher(asked.replace(" from ", " ")).find() && !CLOSING.matcher(asked).find();
            if (wholeHours) {
                joins.addAll(List.of(" until ", " till ", " to "));
            }
            for (int i = 0; i < out.size(); i++) {
                for (int k = 0; k < out.size(); k++) {
                    String first = out.get(i);
                    String second = out.get(k);
                    // (a named hour with its clock time: "the first bell at half past five")
                    boolean at = CLOCK_SAID.matcher(second).find() && !namesDay(first);
                    // (two hours each said with its part of the day are two times of a list: "at eight in the morning, two
                    // in the afternoon and ten at night", whose commas the clause's text no longer has)
                    boolean twoHours = WITH_DAY_PART.matcher(first).find() && WITH_DAY_PART.matcher(second).find();
                    String between = i == k ? null : Stream.concat(joins.stream(), at ? Stream.of(" at ") : Stream.empty())
                            .filter(b -> !(twoHours && b.equals(" ")))
                            .filter(b -> lower.contains(" " + first + b + second + " ")).findFirst().orElse(null);
                    // "between 9 in the morning and 3 in the afternoon" to "what hours…", said with its "between"
                    String opening = "";
                    if (between == null && i != k && wholeHours && lower.contains(" between " + first + " and " + second + " ")) {
                        between = " and ";
                        opening = "between ";
                    }
                    if (between != null) {
                        out.set(i, opening + out.get(i) + between + out.get(k));
                        out.remove(k);
                        i = -1;
                        break;
                    }
                }
            }
            // said with how near: "a little before midnight" (after the joins: "sol 140, just after sunrise" stays two)
            out.replaceAll(t -> {
                int at = lower.indexOf(" " + t + " ");
                Matcher near = NEARLY.matcher(lower.substring(0, Math.max(0, at + 1)));
                return at >= 0 && (t.startsWith("before ") || t.startsWith("after ")) && near.find() ? near.group().strip() + " " + t : t;
            });
            if (asksDay) {
                // "What day do you head out?" is the day of "every Tuesday before first light": "Tuesday." answers
                out.replaceAll(t -> {
                    Matcher hour = HOUR_AFTER_DAY.matcher(t);
                    // (a day reckoned from another day stays whole: "the Monday after Ash Wednesday")
                    return namesDay(t) && hour.find() && hour.start() > 0
                            && Arrays.stream(t.substring(hour.end()).split(" ")).noneMatch(w -> namesDay(w))
                            ? t.substring(0, hour.start()) : t;
                });
            }
            if (QuestionKind.ASKS_WEEKDAY.matcher(question).find() && out.stream().noneMatch(AnswerValues::namesDay)) {
                out.clear(); // "What day of the week…?" is not "The solstice."
            }
            if (asksClock && !TIME_OF_YEAR.matcher(question).find()) {
                // "What time do y'all knock off cutting?" asks an hour, not "Frostmonth." (when the cutting season starts)
                out.removeIf(t -> Arrays.stream(t.split(" ")).anyMatch(w -> CALENDAR_SPANS.contains(w) || SEASONS.contains(w)
                        || MONTHS.contains(w) || Mentions.madeUpMonth(w)));
            }
            List<String> listed = new ArrayList<>(listedDays(out, lower));
            List<String> dayAsked = daysAsked(listed, asked, lower);
            if (!dayAsked.isEmpty() && dayAsked.size() < listed.size()) {
                listed.removeAll(dayAsked); // the day the question names is not its answer: the hour is
            }
            // (the half the asking sentence asks: "…the lofts were shut. What time do you open up?" asks the opening)
            List<String> times = new ArrayList<>(sameHalf(precise(listed, question), lower,
                    clauseText(QuestionKind.askingSentence(question))));
            if (!asksClock && !asksSpan && times.size() > 1) {
                dayOrHour(times, lower, asked);
            }
            if (times.size() > 1 && times.stream().allMatch(t -> lower.contains(" " + t + " for "))) {
                times = new ArrayList<>(valuesFor(times, fact, question)); // each time said for whom it is
            }
            if (QuestionKind.ASKS_MORNING.matcher(asked).find()
                    && times.stream().allMatch(t -> Arrays.stream(t.split(" ")).anyMatch(NIGHT_TIMES::contains))) {
                times.clear(); // "When do we leave in the morning?" is not "After 6 in the evening."
            }
            // "at 10 sharp": said with it
            times.replaceAll(t -> lower.contains(" " + t + " sharp ") ? t + " sharp" : t);
            // "until the noon gun": the signal is the time ("Noon." could be any noon)
            times.replaceAll(t -> SIGNAL_AFTER.matcher(lower).results()
                    .filter(r -> r.group(1).equals(t) || t.endsWith(" " + r.group(1))).findFirst() // ("after the evening chant")
                    .map(r -> t + " " + r.group(2)).orElse(t));
            return times;
        } else if (kind == QuestionKind.COUNT) {
            List<Mentions.Quantity> quantities = Mentions.quantities(fact);
            List<Mentions.Name> names = Mentions.names(fact);
            boolean countsThings = QuestionKind.HOW_MANY_THINGS.matcher(question).find();
            Matcher howFar = DIMENSION_ASKED.matcher(question);
            String dimensionAsked = howFar.find() ? howFar.group(1).toLowerCase(Locale.ROOT) : null;
            Matcher noun = HOW_MANY_NOUN.matcher(question);
            String askedNoun = noun.find() ? noun.group(1).toLowerCase(Locale.ROOT) : null;
            String lower = clauseText(fact);
            List<String> numberedPlaces = Mentions.locations(fact).stream()
                    .filter(p -> p.matches(".* \\d+[a-z]?")).toList();
            // Nor how deep by how high: "How high is the thing you jump from?" is the eighty-foot ladder, not the tank
            // "just five feet deep"
            Set<String> otherSize = dimensionAsked == null ? Set.of() : DIMENSION_AFTER.matcher(lower).results()
                    .filter(r -> !sameDimension(r.group(2), dimensionAsked)).map(r -> r.group(1)).collect(Collectors.toSet());
            // Nor by a share: "I take one part in five of whatever comes up" counts no ingots
            Set<String> shares = SHARE.matcher(lower).results().flatMap(r -> Stream.of(r.group(1), r.group(2)))
                    .collect(Collectors.toSet());
            for (Mentions.Quantity q : quantities) {
                // "How many stations…?" is not answered by "7:15" or "until 9", nor "How many dragons…?" by
                // "2 gold"; a span still is ("How far?" "Three days.", "How old?" "Forty years.").
                boolean clock = q.value().contains(":") || TIME_WORDS.contains(q.value()) || isClockTime(q, lower);
                // Nor by a position ("the fifth car back") or a number that is part of a name ("Berth Zero").
                boolean named = names.stream().anyMatch(n -> (" " + n.surface() + " ").contains(" " + q.surface() + " "))
                        // "number 6 has the best water pressure": a stall's label, no count
                        || LABELLED.matcher(lower).results().anyMatch(r -> r.group(1).equals(AnswerCheck.normalise(q.surface())))
                        // "he sleeps in cabin 214": a numbered place
                        || numberedPlaces.stream().anyMatch(p -> p.endsWith(" " + AnswerCheck.normalise(q.surface())));
                // "How many of your kites are up?" is not "7 years." ("How many days…?" is a span.)
                // ("twenty summers" is a span too, its unit read as what it counts)
                boolean span = SPAN.matcher(q.surface().toLowerCase(Locale.ROOT)).matches()
                        || q.counted() != null && SPAN.matcher(" " + q.counted().toLowerCase(Locale.ROOT)).matches();
                // Nor by an age: "twenty-three children, from the little ones of five up" counts twenty-three.
                boolean age = countsThings && q.unit() == null && AFTER_AGE.contains(String.valueOf(q.counted()))
                        && lower.contains(" of " + AnswerCheck.normalise(q.surface()) + " ");
                // Nor by how many kinds: "how many pots of seed" is not "eleven kinds of seed rice"
                boolean kinds = countsThings && KINDS.contains(String.valueOf(q.counted()))
                        && !KINDS_ASKED.matcher(question).find();
                // Nor by a measure or a distance of another thing: "how many guys" is not "five hundred pounds", "how many
                // stamps" not "two doors past the tea house"
                // ("how many stairs" is "112 steps", "how many rocks" "fourteen stones": counted things, not measures)
                boolean measure = countsThings && askedNoun != null && MEASURES.contains(String.valueOf(q.unit()))
                        && Collections.disjoint(FactRetriever.askedTerms(question), AnswerCheck.stems(List.of(q.unit())));
                // Nor by how often: "four or five times in a night" counts no drinks ("how many times" asks it)
                boolean often = !TIMES_ASKED.matcher(question).find() && ("time".equals(q.counted())
                        || lower.contains(" " + AnswerCheck.normalise(q.surface()) + " or ") && OR_TIMES.matcher(lower).find());
                // And "How old are you?" only by years: "Five of my crew got flatlined" is no age, nor "a scent three days old".
                // (nor how long something has gone on: "worked the forge for twenty-two years")
                boolean noAge = QuestionKind.ASKS_AGE.matcher(question).find()
                        && (!YEARS.matcher(q.surface() + " " + q.counted()).find()
                        || lower.contains(" for " + AnswerCheck.normalise(q.surface()) + " "));
                String said = AnswerCheck.normalise(q.surface());
                boolean otherDimension = otherSize.contains(said);
                boolean share = shares.contains(said);
                if (!q.kind().equals("money") && !clock && !named && !Mentions.isOrdinal(q.surface()) && !(span && countsThings)
                        && !age && !kinds && !measure && !often && !noAge && !otherDimension && !share) {
                    keep(terms, AnswerCheck.normalise(q.surface()), out);
                }
            }
            // "fourteen cutters, counting the two boys", "three hundred and sixty, and another twenty at the high
            // table": the part counted in, or added on, is not how many
            // (alone in its clause too, "The high table holds another twenty.": another clause holds the count)
            // ("Four more pups are still with their mother": added to the dogs another line counts)
            if (!ASKS_MORE.matcher(question).find()) {
                out = new ArrayList<>(out.stream().filter(c -> !PART_COUNTED.matcher(lower.substring(0,
                        Math.max(0, lower.indexOf(" " + c + " ") + 1))).find()
                        && !lower.contains(" " + c + " more ")).toList());
            }
            // "23 pieces worth keeping, out of more than two hundred hauls": how many is the 23, the hauls are what they
            // were found in (unless the hauls are asked: "how many hauls")
            out = withoutSideCounts(out, quantities.stream().filter(q -> OUT_OF_BEFORE.matcher(lower.substring(0,
                    Math.max(0, lower.indexOf(" " + AnswerCheck.normalise(q.surface()) + " ") + 1))).find()).toList(), question);
            // "we made forty-two pieces: goblets, ewers and two salt cellars": a count in the list a colon opens is one
            // of the whole's parts, unless its own thing is asked ("how many salt cellars")
            int colon = fact.indexOf(':');
            List<String> counted = out;
            if (colon > 0 && Mentions.quantities(fact.substring(0, colon)).stream()
                    .anyMatch(q -> counted.contains(AnswerCheck.normalise(q.surface())))) {
                out = withoutSideCounts(out, Mentions.quantities(fact.substring(colon + 1)), question);
            }
            // "besides horses, how many other beasts…?" of "nineteen horses and six mules" is six: not the count set aside
            Matcher besides = SET_ASIDE.matcher(question);
            if (out.size() > 1 && besides.find()) {
                List<String> aside = FactRetriever.terms(besides.group(1), 1);
                Set<String> setAside = quantities.stream()
                        .filter(q -> q.counted() != null && FactRetriever.terms(q.counted(), 1).equals(aside))
                        .map(q -> AnswerCheck.normalise(q.surface())).collect(java.util.stream.Collectors.toSet());
                List<String> others = out.stream().filter(c -> !setAside.contains(c)).toList();
                out = others.isEmpty() ? out : new ArrayList<>(others);
            }
            // "how much flour do you go thru?" is "forty kilos of flour", not "the three festival days" of the same line
            Matcher much = HOW_MUCH_NOUN.matcher(question);
            if (out.size() > 1 && much.find()) {
                String ofIt = " of " + much.group(1).toLowerCase(Locale.ROOT) + " ";
                List<String> amounts = out.stream().filter(c -> lower.contains(" " + c + ofIt)).toList();
                out = amounts.isEmpty() ? out : new ArrayList<>(amounts);
            }
            // "thirty-two machines on the floor, though nine of them are switched off": how many is the whole, unless
            // the question asks how many of them ("How many of the towers are running?")
            List<String> parts = out.stream().filter(c -> lower.contains(" " + c + " of them ")
                    || lower.contains(" " + c + " of those ") || lower.contains(" " + c + " of these ")).toList();
            if (out.size() > 1 && !parts.isEmpty() && parts.size() < out.size()) {
                // ("How many of the trees have the bugs got to?" is that part: "…stripped nineteen of them")
                boolean partAsked = HOW_MANY_OF.matcher(question).find();
                out = new ArrayList<>(out.stream().filter(c -> parts.contains(c) == partAsked).toList());
            }
            if (askedNoun != null) {
                // "how many sheep on the hill per croft", "how many loads of kindling to get 1 pan going": a count of the
                // crofts or pans counts what each is reckoned by, not what is asked ("The township has nineteen crofts.")
                Set<String> units = new HashSet<>();
                UNIT_ASKED.matcher(question).results().map(r -> r.group(1).toLowerCase(Locale.ROOT))
                        .filter(w -> !w.equals(askedNoun)).forEach(w -> units.addAll(FactRetriever.terms(w, 1)));
                for (Mentions.Quantity q : quantities) {
                    String count = AnswerCheck.normalise(q.surface());
                    String plural = pluralAfter(lower, count, List.of()); // "six lead pans"
                    List<String> stem = FactRetriever.terms(plural != null ? plural : String.valueOf(q.counted()), 1);
                    if (!stem.isEmpty() && units.containsAll(stem)) {
                        out.remove(count);
                    }
                }
                // "how many showers": "A shower costs 14 dollars and comes with two towels" speaks of a shower and counts
                // towels
                List<String> askedStem = FactRetriever.terms(askedNoun, 1);
                List<String> questionStems = FactRetriever.terms(question, 64);
                if (!askedStem.isEmpty() && FactRetriever.terms(lower, 256).contains(askedStem.get(0))) {
                    // (a measure of a stuff, asked as one: "how many loads of kindling" is "twenty-two bundles of
                    // brushwood", though the fact's "a full load of brine" says the asked word)
                    // (nor "142 wheels of hard cheese" for "how many cheeses": the asked thing, counted in wheels)
                    boolean measureAsked = MEASURE_ASKED.matcher(question).find();
                    out.removeIf(c -> {
                        List<String> of = measuredOf(lower, c);
                        return countsAnother(lower, c, questionStems)
                                && !(of != null && (measureAsked || of.contains(askedStem.get(0))));
                    });
                }
            }
            if (PEOPLE_COUNTED.matcher(question).find()) {
                // "How many ppl get to decide verdicts?" is thirty-six judges, not "three districts" nor "three hundred
                // dives"; a count of nothing said ("eighty on the floor mats") may still be people
                out.removeIf(c -> countsThingsNotPeople(lower, c));
                // and of the rest, a count said of people: "weighs nine hundredweight, so it takes twelve men to carry it"
                if (out.stream().anyMatch(c -> countsPeople(lower, c))) {
                    out.removeIf(c -> !countsPeople(lower, c));
                }
            }
            out = valuesFor(out, fact, question);
            if (out.size() > 1 && !HOW_MANY_OF.matcher(question).find()) {
                // "one hundred and twelve birds, though only sixty are trained for long flights": a "though" clause
                // counts a part (the words after it are what valuesFor reads when the question asks for that part)
                List<String> whole = out.stream().filter(c -> !PART_AFTER.matcher(lower.substring(0,
                        Math.max(0, lower.indexOf(" " + c + " ") + 1))).find()).toList();
                out = whole.isEmpty() ? out : new ArrayList<>(whole);
            }
            if (out.size() > 1 && !EACH_ASKED.matcher(question).find()) {
                // "four dredges at once, two off each side", "thirty-six judges, twelve chosen from each of the three
                // districts", "eleven canoes, each with eight paddlers": a count for each one is not how many
                List<String> whole = out.stream().filter(c -> !forEachOne(lower, c)).toList();
                out = whole.isEmpty() ? out : new ArrayList<>(whole);
            }
            if (out.size() > 1 && IN_TOTAL.matcher(question).find()) {
                // "How many spots do you have in total?" is the whole: "34 berths", not "no more than six are free"
                out = List.of(Collections.max(out, java.util.Comparator.comparingLong(AnswerValues::countValue)));
            }
            if (out.isEmpty() && QuestionKind.HOW_BIG.matcher(question).find()) {
                for (Mentions.Quantity q : quantities) {
                    if (q.kind().equals("money")) {
                        keep(terms, AnswerCheck.normalise(q.surface()), out); // "How big is each man's share?" "30 doubloons."
                    }
                }
            }
        }
        return out;
    }
    /**
     * {@code terms} with each bare count joined to what the fact says it counts: "3 monsters" from "There are 3
     * monsters on the road ahead.", so that "Is the road ahead safe?" is answered "3 monsters." (the pull spells
     * the whole), not "Not until 3 gold." with "monsters" left for the model to find.
     */
    static List<String> withCounted(List<String> terms, String fact) {
        List<String> out = new ArrayList<>(terms);
        for (Mentions.Quantity q : Mentions.quantities(fact)) {
            int i = out.indexOf(AnswerCheck.normalise(q.surface()));
            int at = fact.indexOf(q.surface());
            if (q.counted() == null || q.unit() != null || i < 0 || at < 0) {
                continue;
            }
            String after = fact.substring(at + q.surface().length()).stripLeading();
            Matcher next = AnswerCheck.WORD.matcher(after);
            // A lower-case word: "1844 Southwest Morrison Street" is an address, not 1844 of anything.
            if (next.lookingAt() && Character.isLowerCase(next.group().charAt(0))) {
                String counted = next.group().toLowerCase(Locale.ROOT);
                // and the plural a singular one names: "five wolf packs", not "five wolf"
                Matcher head = AnswerCheck.WORD.matcher(after.substring(next.end()).stripLeading());
                if (!counted.endsWith("s") && head.lookingAt() && head.group().endsWith("s")
                        && Character.isLowerCase(head.group().charAt(0)) && !AnswerCheck.STOP.contains(head.group())) {
                    counted = counted + " " + head.group();
                }
                out.set(i, out.get(i) + " " + counted);
            }
        }
        return out;
    }
    /** {@code terms} without a number that is part of another: "At 9." does not say where "Hangar 9" is. */
    private static List<String> withoutBareNumbers(List<String> terms) {
        return terms.stream().filter(t -> !((t.chars().allMatch(Character::isDigit) || Mentions.isNumberWord(t))
                && terms.stream().anyMatch(o -> !o.equals(t) && (" " + o + " ").contains(" " + t + " "))))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)); // added to after
    }
    /** A coin said to be worth other coins: "One gold crown is worth twenty silver marks", "A crown buys 20 marks". */
    private static final Pattern EXCHANGE = Pattern.compile("(?i)\\s*(?:one|a|an|1|each)\\s+(?:[\\p{L}-]+\\s+){0,2}?"
            + "(?:crown|mark|coin|piece|sovereign|florin|ducat|guinea|shilling|penny|noble|dollar|pound|talent|denarius|"
            + "drachma|real|reale|thaler|taler|gulden|guilder|franc|lira|rouble|ruble|rupee|dinar|dirham|sol|sou|écu|ecu|"
            + "gold|silver|copper)s?\\s+(?:is|are)?\\s*(?:worth|equals?|equal to|buys|trades for|makes|changes for)\\b");
    /** A question about coins themselves: "What's the exchange rate?", "What's a crown worth?". */
    private static final Pattern EXCHANGE_ASKED = Pattern.compile("(?i)\\b(?:exchange|worth|rate|change|convert|to the)\\b");

    /**
     * Money paid for a deed, not for wares: "A reward of 50 gold is posted for the bandit known as the Magpie.", "The
     * royal treasury pays 200 gold to whoever reopens Kestrel Pass."
     */
    private static final Pattern REWARD = Pattern.compile("(?i)\\b(?:reward|rewards|bounty|bounties|price on)\\b"
            // (paid to whoever does a deed; not "4 iron bits a barrow to anyone who hauls it themselves", a sale)
            + "|\\bpa(?:y|ys|id|ying)\\b[^.;]{0,40}\\bto (?:whoever|anyone who|anybody who)\\b");

    /**
     * Whether {@code fact} states money that is no price of anything the NPC sells, and {@code question} does not ask
     * about it: what a coin is worth ("One gold crown is worth twenty silver marks.", unless coins are asked about) or
     * a reward for a deed ("A reward of 50 gold is posted for the Magpie.", unless the reward or its deed is asked
     * about). The shipped NPCs answered "What do you sell?" with both.
     */
    static boolean pricesNothingAsked(String fact, String question) {
        Set<String> asked = AnswerCheck.stems(AnswerCheck.contentWords(question, ""));
        if (EXCHANGE.matcher(fact).lookingAt()) {
            return !EXCHANGE_ASKED.matcher(question).find() && Collections.disjoint(coinWords(fact), asked);
        }
        if (REWARD.matcher(fact).find() && !REWARD.matcher(question).find()) {
            Set<String> deed = new HashSet<>(AnswerCheck.stems(AnswerCheck.contentWords(fact, "")));
            deed.removeAll(coinWords(fact));
            return Collections.disjoint(deed, asked);
        }
        return false;
    }

    /** The stems of the words of a fact's amounts of money: "gold", "crown", "silver", "mark". */
    private static Set<String> coinWords(String fact) {
        Set<String> out = new HashSet<>();
        for (Mentions.Quantity q : Mentions.quantities(fact)) {
            if (q.kind().equals("money")) {
                out.addAll(AnswerCheck.stems(AnswerCheck.contentWords(q.surface(), "")));
            }
        }
        Matcher coin = EXCHANGE.matcher(fact);
        if (coin.lookingAt()) {
            out.addAll(AnswerCheck.stems(AnswerCheck.contentWords(coin.group(), "")));
        }
        out.removeAll(Set.of("worth", "equal", "buy", "trade", "make", "chang"));
        return out;
    }

    /**
     * {@code counts} without those of {@code side}, counts a fact says beside the one asked (what it was taken out of,
     * the parts it lists), unless the question names what they count; all of them when nothing else is left.
     */
    private static List<String> withoutSideCounts(List<String> counts, List<Mentions.Quantity> side, String question) {
        Set<String> asked = new HashSet<>(FactRetriever.terms(question, 64));
        List<String> dropped = side.stream()
                .filter(q -> Collections.disjoint(asked, FactRetriever.terms(q.counted() == null ? "" : q.counted(), 2)))
                .map(q -> AnswerCheck.normalise(q.surface())).toList();
        List<String> kept = counts.stream().filter(c -> !dropped.contains(c)).toList();
        return kept.isEmpty() ? counts : new ArrayList<>(kept);
    }

    /**
     * Of the names that answer "who", not the one another's "of" makes theirs: "The gold buyer is Isaak Fridman of
     * Soyuzzoloto" is Isaak Fridman (Soyuzzoloto is whom he buys for).
     */
    private static List<String> withoutTheirOwn(List<String> names, String fact) {
        if (names.size() < 2) {
            return names;
        }
        String spaced = " " + AnswerCheck.normalise(fact) + " ";
        List<String> out = new ArrayList<>(names);
        out.removeIf(b -> names.stream().anyMatch(a -> !a.equals(b) && spaced.contains(" " + a + " of " + b + " ")));
        return out.isEmpty() ? names : out;
    }

    private static final String ANIMALS = "mare|horse|stallion|gelding|pony|mule|donkey|ox|dog|hound|bitch|cat|goat|cow|bull|"
            + "pig|sow|parrot|falcon|hawk|raven|crow|camel|ferret|monkey|mastiff|terrier|collie|sheepdog|puppy|kitten|ram|"
            + "ewe|nag|steed|owl|eagle|snake|lizard|bird|beast|animal|pet|creature|critter";
    /** An animal's word just before its name: "my little mare Zorka", "the dog, Bran", "a parrot called Jack". */
    private static final Pattern ANIMAL_BEFORE = Pattern.compile("\\b(?:" + ANIMALS + ")s?(?:,| called| named)? $");
    /** A question about an animal: "who pulls your cart, the horse?", "what's your dog called?". */
    private static final Pattern ANIMAL_ASKED = Pattern.compile("(?i)\\b(?:" + ANIMALS + ")s?\\b");

    /**
     * Of a fact's names, those of no animal, unless the question asks about one: "Who decides which parts of the river
     * are safe?" is no one's mare ("My little mare Zorka is the quickest on the river").
     */
    private static List<String> withoutAnimals(List<String> names, String fact, String question) {
        if (names.isEmpty() || ANIMAL_ASKED.matcher(question).find()) {
            return names;
        }
        String spaced = " " + AnswerCheck.normalise(fact) + " ";
        return names.stream().filter(n -> {
            int at = spaced.indexOf(" " + n + " ");
            return at < 0 || !ANIMAL_BEFORE.matcher(spaced.substring(0, at + 1)).find();
        }).toList();
    }

    /** What a count is taken out of, just before the whole: "out of more than two hundred hauls". */
    private static final Pattern OUT_OF_BEFORE = Pattern.compile(" out of (?:(?:more than|over|nearly|about|some|almost) )?$");
    private static final Pattern CONJUNCTION = Pattern.compile(" (?:and|or|but) ");
    private static final Pattern CONJUNCTION_OR_BEING = Pattern.compile(" (?:and|or|but|is|are|was|were)(?= |$)");
    /** What a question sets aside: "besides horses", "other than the mules", "not counting the boys". */
    private static final Pattern SET_ASIDE = Pattern.compile(
            "(?i)\\b(?:besides|other than|apart from|except(?: for)?|not counting|aside from)\\s+(?:the\\s+|your\\s+)?(\\p{L}+)");

    /**
     * Of two or more people a fact names, those the words beside them (three before, three after, within its part)
     * describe as the question does: "the human that made the peace deal" is "the human Reeve Aldous Crane", not
     * "Warchief Skorg Bloodmane" sworn beside him; "who writes down what you discover" is "his clerk Elias Pym writes
     * down…". All of them when the words tell them apart no better.
     */
    private static List<String> describedAsAsked(List<String> names, String fact, String question) {
        // ("a grievance" is who "hears complaints", through WordNet)
        return names.size() < 2 ? names : toldApart(names, question, asked -> describedAs(names, fact, asked));
    }

    /**
     * Of {@code values}, those {@code pick} tells apart by the stems of the words {@code question} says, else by those
     * and the stems WordNet relates to them; all of them when neither tells them apart.
     */
    private static List<String> toldApart(List<String> values, String question,
                                          java.util.function.Function<Set<String>, List<String>> pick) {
        Set<String> asked = AnswerCheck.stems(AnswerCheck.contentWords(question, ""));
        List<String> out = pick.apply(asked);
        return out.size() < values.size() ? out : pick.apply(withRelated(asked));
    }

    private static List<String> describedAs(List<String> names, String fact, Set<String> asked) {
        String spaced = " " + AnswerCheck.normalise(fact) + " ";
        List<String> out = new ArrayList<>();
        for (String name : names) {
            int at = spaced.indexOf(" " + name + " ");
            if (at < 0) {
                return names;
            }
            String before = spaced.substring(0, at);
            String after = spaced.substring(at + name.length() + 1);
            // what follows names said together is said of each: "Hetty Brandt and Bram Osk run the mill"
            for (boolean joined = true; joined; ) {
                joined = false;
                for (String other : names) {
                    for (String gap : List.of(" and ", " or ", " ")) {
                        if (!other.equals(name) && after.startsWith(gap + other + " ")) {
                            after = after.substring(gap.length() + other.length());
                            joined = true;
                        }
                    }
                }
            }
            for (String other : names) {
                int cut = before.lastIndexOf(" " + other + " ");
                before = other.equals(name) || cut < 0 ? before : before.substring(cut + other.length() + 1);
                int stop = after.indexOf(" " + other + " ");
                after = other.equals(name) || stop < 0 ? after : after.substring(0, stop);
            }
            // (within its own part: "Skorg Bloodmane and the human Reeve Aldous Crane" describes Crane alone as human)
            String[] ownBefore = CONJUNCTION_OR_BEING.split(before, -1);
            String[] b = ownBefore[ownBefore.length - 1].strip().split(" ");
            String[] a = CONJUNCTION.split(after, -1)[0].strip().split(" ");
            // before the name, what it is called ("the human", "his clerk"; not "my horses are Dobbin", whose words are
            // of what the name is said to be); after it, what they do ("writes down")
            String near = String.join(" ", Arrays.copyOfRange(b, Math.max(0, b.length - 3), b.length)) + " "
                    + String.join(" ", Arrays.copyOfRange(a, 0, Math.min(3, a.length)));
            Set<String> said = AnswerCheck.stems(AnswerCheck.contentWords(near, ""));
            said.retainAll(asked);
            if (!said.isEmpty()) {
                out.add(name);
            }
        }
        return out.isEmpty() ? names : out;
    }

    /** The names of {@code terms} that {@code fact} gives a person or thing (not a place or a day). */
    static List<String> namesIn(List<String> terms, String fact) {
        List<String> out = new ArrayList<>();
        List<Mentions.Name> all = Mentions.names(fact);
        // Whose thing a fact is about, named first, is not who it names: "Marta's wax comes from the apiary of Old
        // Bertram Hollins" answers "Who's your beekeeper?" with Bertram Hollins, not "Marta's." And a name read as
        // a place only for the word before it ("of", "from") may be that person.
        String start = fact.strip();
        List<Mentions.Name> others = all.stream().filter(n -> !(start.startsWith(n.surface())
                && (Mentions.POSSESSIVE_END.matcher(n.surface()).find() || start.startsWith("'s", n.surface().length())
                || start.startsWith("’s", n.surface().length())))).toList();
        if (others.size() < all.size() && !others.isEmpty()) {
            all = others.stream().anyMatch(n -> n.kind().equals(Mentions.Name.OTHER)) ? others
                    : others.stream().filter(n -> !Mentions.namesPlace(n)).map(n -> new Mentions.Name(n.surface(), n.words(),
                            Mentions.Name.OTHER)).toList();
        }
        // A person, not a place: "Who sells loaves?" is Hetty, not the Oakhollow she sells in.
        List<Mentions.Name> names = all.stream()
                .filter(n -> n.kind().equals(Mentions.Name.OTHER)).toList();
        // A person, not a group, when the fact names both: "The Guild of Whispers is run by … the Widow."
        List<Mentions.Name> people = names.stream().filter(n -> !namesGroup(n.surface(), fact)).toList();
        // A lone word that opens the fact is capitalised by grammar and may be no name at all: with another
        // name there, the other ("Cybernetic limb fitting is done by Dr. Amara Kwan": not "Cybernetic.").
        String opening = fact.strip();
        List<Mentions.Name> named = people.stream()
                .filter(n -> !(n.words().size() == 1 && opening.startsWith(n.surface()))).toList();
        people = named.isEmpty() ? people : named;
        // A title with "the" beside a full name is the same person, named less: "the Archivist, Brother Tamsin Orle"
        // is answered by his name.
        String lower = " " + fact.toLowerCase(Locale.ROOT);
        List<Mentions.Name> full = people.stream().filter(n -> !(n.words().size() == 1
                && lower.contains(" the " + n.surface().toLowerCase(Locale.ROOT)))).toList();
        people = full.stream().anyMatch(n -> n.words().size() > 1) ? full : people;
        // A ship is named like a person: "Captain Ysolde Marrow of the whaler Grey Lament" answers "Who hauls the
        // whales in?" with the captain.
        // Nor is a name that sails: "The Santa Luzia sails downriver every Friday" names no one who knows the river.
        List<Mentions.Name> crew = people.stream().filter(n -> {
            int at = Math.max(0, lower.indexOf(n.surface().toLowerCase(Locale.ROOT)));
            return !Mentions.VESSEL_BEFORE.matcher(lower.substring(0, at)).find()
                    && !VESSEL_AFTER.matcher(lower.substring(at + n.surface().length())).lookingAt();
        }).toList();
        boolean sails = crew.size() < people.size() && people.stream().anyMatch(n -> VESSEL_AFTER.matcher(lower.substring(
                Math.max(0, lower.indexOf(n.surface().toLowerCase(Locale.ROOT))) + n.surface().length())).lookingAt());
        people = crew.isEmpty() && !sails ? people : crew;
        String said = " " + AnswerCheck.normalise(fact) + " ";
        for (Mentions.Name n : people.isEmpty() && !sails ? names : people) {
            String name = AnswerCheck.normalise(n.surface());
            keep(terms, name, out);
            // One name is said with the title it has: "Madam Qin", "Brother Anselm" (not "Qin.")
            Matcher title = TITLE_BEFORE.matcher(said.substring(0, Math.max(0, said.indexOf(" " + name + " ") + 1)));
            if (n.words().size() == 1 && out.contains(name) && title.find() && Mentions.isPersonTitle(title.group(1))) {
                out.set(out.indexOf(name), title.group(1) + " " + name);
            }
        }
        // whose farm is whom: "Mr Albert Quayle's farm" answers who with "Mr Albert Quayle" (not "Mr Albert Quayle's.")
        out.replaceAll(Mentions::withoutPossessive);
        return out;
    }
    /** The word just before a name, which may be its title: "madam " of "Madam Qin". */
    private static final Pattern TITLE_BEFORE = Pattern.compile("(\\p{L}+)\\.? $");
    /** A verb after a name that makes it a ship: "The Santa Luzia sails downriver". */
    private static final Pattern VESSEL_AFTER = Pattern.compile(" (?:sails|sailed|docks|docked|moors|moored|anchors|anchored|"
            + "steams|steamed|casts off)\\b");
    // A lamp or fire is lit and put out: "The lamp is lit at dusk and put out at dawn."
    // ("stop when the light fails": a light that is a thing is no lighting)
    private static final Pattern OPENING = Pattern.compile("(?<!\\bthe|\\ba|\\bmy|\\bno) (?:light|lights) "
            + "| (?:open|opens|opened|start|starts|started|starting|begin|begins|from|get in|"
            + "leave|leaves|depart|departs|arrive|arrives|lit|kindle|kindles|kindled|bring|drop off|"
            + "come in|show up|head out|heads out|set out|sets out|set off|sets off|head off|heads off|set up|sets up) ");
    private static final Pattern LAST = Pattern.compile(" (?:last|latest|final) ");
    /** Opening again, in a question: "open back up", "open up again", "reopen". */
    private static final Pattern OPEN_AGAIN = Pattern.compile(" (?:re)?opens? (?:back up|up again|again|back) ");
    /** "Until what hour…?", "how late are you open?": when a time ends. */
    private static final Pattern UNTIL_WHEN = Pattern.compile(" (?:(?:until|till|til) (?:what|when|which|how late)|how late)\\b");
    private static final Pattern FIRST = Pattern.compile(" (?:first|earliest) ");
    private static final String CLOSING_WORDS = "close|closes|closed|shut|shuts|until|till|end|ends|last|latest|put out|"
            + "puts out|put them out|puts them out|put it out|puts it out|douse|douses|doused|snuff|snuffs|snuffed|let out|lets out|knock off|knocks off|"
            // coming back ends a trip: "leave on the mail run every Tuesday … and am back by Thursday evening"
            + "be back|am back|is back|are back|come back|comes back|get back|gets back|return|returns|"
            // "I lock it again at the third bell after midnight"
            + "lock|locks|locked|lock up|locks up|quit|quits|stop|stops|finish|finishes|pack up|packs up|close up|closes up|"
            // "the shutter comes down at dusk"
            + "comes down|come down|barred";
    /** In a question, what ends is also "over" or "done" at the end, or finishing: "When is happy hour over?" */
    private static final Pattern CLOSING = Pattern.compile(
            " (?:" + CLOSING_WORDS + "|wrap up|wraps up|clock off|clocks off|back) | (?:over|done|finished) $");
    /**
     * In a fact, "to" ends a range too: "open from 0800 to 2000" (in a question it is "to leave", "to close"); and "by"
     * says a deadline: "We start felling every Monday and have the cordwood stacked by noon on Saturday."
     */
    private static final Pattern CLOSING_IN_FACT = Pattern.compile(" (?:" + CLOSING_WORDS + "|to|by) ");
    /**
     * Of a fact's times, those on the side the question asks about: "When does the forge open?" is
     * answered by "opens at dawn" in "The forge opens at dawn and closes at sundown", not by "sundown".
     * A time belongs to the opening or closing word nearest before it; all times when the question or
     * the fact names no side.
     */
    private static final Set<String> WEEKDAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays");
    private static final Set<String> DAY_PARTS = Set.of("morning", "evening", "night", "afternoon", "mornings", "evenings",
            "nights", "afternoons");
    /**
     * The most precise of a fact's times: the weekday for "What day…?", the clock time rather than
     * "evening" in "every evening at eight"; all of them when there is nothing more precise.
     */
    private static List<String> precise(List<String> times, String question) {
        List<String> out = new ArrayList<>();
        boolean day = QuestionKind.ASKS_DAY.matcher(question).find();
        boolean clock = times.stream().anyMatch(t -> Character.isDigit(t.charAt(0)) || !TIME_WORDS.contains(t));
        // "What time do the traders arrive?" wants "sundown", not the "seventh day" they come on.
        boolean hour = QuestionKind.ASKS_CLOCK.matcher(question).find()
                && times.stream().anyMatch(t -> t.contains(":") || TIME_WORDS.contains(t) && !DAY_PARTS.contains(t));
        // "I leave on the first of October for the winter": the season is what the day is for
        boolean dated = times.stream().anyMatch(t -> !SEASONS.contains(t));
        // "When does the helium wagon roll in?" "every Thursday at dawn": Thursday; "Dawn." leaves out which day
        boolean weekly = !hour && times.stream().anyMatch(AnswerValues::namesDay);
        // "Which time of year do the logs come down?" is "late May", not the hour they land
        boolean year = QuestionKind.ASKS_TIME_OF_YEAR.matcher(question).find();
        for (String t : times) {
            boolean span = t.matches(".* (?:day|days|week|weeks|month|months|year|years)");
            if (year ? namesTimeOfYear(t) : day ? namesDay(t) : !(clock && DAY_PARTS.contains(t)) && !(hour && span)
                    && !(dated && SEASONS.contains(t)) && !(weekly && PARTS_OF_DAY.contains(t))) {
                out.add(t);
            }
        }
        return out.isEmpty() ? times : out;
    }
    /** Days said one after another: "friday and saturday night", "firstday through thirdday", "monday wednesday and friday". */
    private static final Pattern DAY_LIST = Pattern.compile(
            "\\b\\p{L}+days?(?:(?: and| or| to| through| till| until)? \\p{L}+days?)+(?: (?:morning|afternoon|evening|night)s?)?");
    /**
     * Days a fact lists together are one answer: "every Friday and Saturday night" is "friday and saturday night";
     * "Friday." to "Which nights do you play?" leaves Saturday out.
     */
    private static List<String> listedDays(List<String> times, String clauseText) {
        List<String> days = times.stream().filter(AnswerValues::namesDay).toList();
        if (days.size() < 2) {
            return times;
        }
        Matcher list = DAY_LIST.matcher(clauseText);
        while (list.find()) {
            String said = " " + list.group() + " ";
            List<String> inside = days.stream().filter(d -> said.contains(" " + d + " ")).toList();
            if (inside.size() >= 2) {
                List<String> out = new ArrayList<>(times);
                int at = out.indexOf(inside.get(0));
                out.removeAll(inside);
                out.add(Math.min(at, out.size()), list.group());
                return out;
            }
        }
        return times;
    }
    /**
     * Whether {@code lower} (a fact, lower case, spaced) says {@code name} is where something comes from: "from the Grey
     * Salt Seam".
     */
    private static boolean comesFrom(String lower, Mentions.Name name) {
        String n = name.surface().toLowerCase(Locale.ROOT);
        return lower.contains(" from " + n) || lower.contains(" from the " + n);
    }

    /** Whether a time says a month or a season: "late may", "the first of october", "early spring". */
    private static boolean namesTimeOfYear(String time) {
        return Arrays.stream(time.split(" ")).anyMatch(w -> MONTHS.contains(w) || SEASONS.contains(w) || Mentions.madeUpMonth(w));
    }

    /** Whether a time says a day of the week, ours or a made-up one: "saturday night", "rainsday". */
    static boolean namesDay(String time) {
        String first = time.split(" ")[0];
        return WEEKDAYS.contains(first) || Mentions.madeUpDay(first) || POSSESSIVE_DAY.matcher(time).matches(); // "odin's day"
    }
    // The space after the time is looked at, not taken: "from 0800 to 2000" holds two.
    private static final Pattern CLOCK = Pattern.compile(" (?:at|from|until|till|by|to|between) ([0-9a-z:]+)(?= )");
    /** The end of a span of hours: "from 9 to 5", "0800 to 2000 ship time", "noon to two". */
    private static final Pattern HOUR_TO = Pattern.compile(" (?:[0-9]{1,4}(?::[0-9]{2})?|noon|midday|midnight|dawn|dusk|one|two|three|four|"
            + "five|six|seven|eight|nine|ten|eleven|twelve)(?: (?:am|pm))? to ([0-9a-z:]+)(?= )");
    /** The end of a span of the day: "between noon and three", "between 10 and 2". */
    private static final Pattern BETWEEN_AND = Pattern.compile(" between [0-9a-z:]+(?: [a-z]+)? and ([0-9a-z:]+)(?= )");
    /** A fact's normalised words with clause punctuation dropped, spaced at both ends, for {@link #CLOCK}. */
    /** A name in apposition to the noun before it: "My ship, the Storm-Goose," ("ship"). */
    private static final Pattern APPOSITION_BEFORE = Pattern.compile("(?i)\\b(?:my|our|his|her|their|the|your) ([\\p{L}-]+),\\s+"
            + "(?:the |a |an )?$");

    /** Whether {@code fact} gives {@code name} as the name of a thing the question asks about (its stem in {@code asked}). */
    private static boolean namedAsAsked(String fact, Mentions.Name name, Set<String> asked) {
        int at = fact.indexOf(name.surface());
        Matcher before = at < 0 ? null : APPOSITION_BEFORE.matcher(fact.substring(0, at));
        return before != null && before.find() && asked.containsAll(AnswerCheck.stems(List.of(before.group(1).toLowerCase(Locale.ROOT))));
    }

    /** An event a time is reckoned from, up to the end of its phrase: " after Ash Wednesday.", " before the thaw,". */
    private static final Pattern RECKONED_FROM = Pattern.compile(" (after|before) ((?:the |a |an )?(?:[\\p{L}\\p{N}']+ ){0,3}?"
            + "[\\p{L}\\p{N}']+)(?=[.,;:!?]|$| (?:and|but|when|while|until|so|because|if|or|to|for|in|at|on|with)\\b)");

    /** {@code time} (normalised) with the event {@code fact} reckons it from, normalised; else {@code time}. */
    private static String reckonedFrom(String time, String fact) {
        String text = fact.toLowerCase(Locale.ROOT).replace('-', ' ').replace('’', '\'');
        Matcher at = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(time) + "(?![\\p{L}\\p{N}])").matcher(text);
        if (!at.find()) {
            return time;
        }
        Matcher event = RECKONED_FROM.matcher(text).region(at.end(), text.length());
        // an event is a thing or a name ("the thaw", "Ash Wednesday"), not a clause ("3 days before it melts down"),
        // and a time is a point, not a span of it
        boolean named = event.lookingAt() && (event.group(2).matches("(?:the|a|an) .*")
                || Character.isUpperCase(fact.charAt(event.start(2))));
        return named && !SPAN.matcher(time).matches()
                ? AnswerCheck.normalise(time + " " + event.group(1) + " " + event.group(2)) : time;
    }

    static String clauseText(String fact) {
        return " " + AnswerCheck.normalise(fact).replaceAll("[.,;:!?](?= |$)", "") + " ";
    }
    /** A feast and what comes before its name: "the feast of " (Saint Verin), "the eve of ". */
    private static final Pattern FEAST_OF_BEFORE = Pattern.compile("\\b((?:feast|festival|eve|fast|vigil|feast day|holy day) of (?:the )?)$");
    /** A direction or "away" after a length of time: it is how far ("four days east of here", "two hours away"). */
    // ("two days by sledge across the sound", "a week on foot": how far, by how one goes)
    private static final Pattern DISTANCE_AFTER = Pattern.compile(" (?:north|south|east|west|upriver|downriver|upstream|"
            + "downstream|inland|away|off|out|ahead|by (?:sledge|sled|dogsled|boat|ship|sea|road|river|cart|wagon|coach|"
            + "camel|horse|mule|canoe|kayak|train|rail|car|bus|air|ferry|barge|caravan)|on foot|on horseback|overland)\\b");

    /** Whether {@code q} is a length of time {@code spaced} says a direction after: how far, not when. */
    private static boolean farAway(Mentions.Quantity q, String spaced) {
        String span = q.surface().toLowerCase(Locale.ROOT);
        int at = spaced.indexOf(" " + span + " ");
        return at >= 0 && SPAN.matcher(span).matches()
                && DISTANCE_AFTER.matcher(spaced).region(at + span.length() + 1, spaced.length()).lookingAt();
    }
    /** What a place said first is, then where: " is on", " stands behind", " lies past the". */
    private static final Pattern LOCATED_AFTER = Pattern.compile(" (?:is|are|stands|sits|lies) (?:on|in|at|behind|beside|"
            + "under|above|below|past|beyond|opposite|inside|near|next to|off|up|down|across|between|by) ");

    /** A share of a whole: "one part in five", "one in ten", "a share in three". */
    private static final Pattern SHARE = Pattern.compile(" (one|a|1) (?:part |share )?in (\\S+) ");

    /** A question for one of a thing's sizes: "how high", "how deep". */
    private static final Pattern DIMENSION_ASKED = Pattern.compile("(?i)\\bhow (high|tall|deep|long|wide|thick|far)\\b");
    /** A measure said with its size: "five feet deep", "a mile long". */
    private static final Pattern DIMENSION_AFTER = Pattern.compile(" (\\S+ \\p{L}+) (high|tall|deep|long|wide|across|thick|up|down) ");

    /** Whether a size said ({@code said}: "deep") is the one asked ({@code asked}: "high", "tall"…). */
    private static boolean sameDimension(String said, String asked) {
        return said.equals(asked) || Set.of("high", "tall", "up").containsAll(Set.of(said, asked))
                || Set.of("wide", "across").containsAll(Set.of(said, asked)) || Set.of("deep", "down").containsAll(Set.of(said, asked))
                || asked.equals("far") && Set.of("long", "across").contains(said);
    }

    /** A question for how often: "how many times", "how often". */
    static final Pattern TIMES_ASKED = Pattern.compile("(?i)\\bhow (?:many times|often)\\b");
    /** Two numbers of times: "four or five times". */
    private static final Pattern OR_TIMES = Pattern.compile(" \\p{L}+ or \\p{L}+ times ");
    /** A day named for someone: "odin's day". */
    private static final Pattern POSSESSIVE_DAY = Pattern.compile("\\p{L}+'s day");
    /** A bare hour with its part of the day: " 4 in the morning ", " 10 at night ", " 9 o'clock ". */
    private static final Pattern HOUR_OF_DAY = Pattern.compile(
            " ([\\p{L}\\d]+) (?:in the (?:morning|afternoon|evening)|at night|o'clock)(?= )");
    /** "every evening at eight", "until 11": a bare number after "at" or "until" is a clock time. */
    private static boolean isClockTime(Mentions.Quantity q, String clauseText) {
        String n = AnswerCheck.normalise(q.surface());
        // "at seven bells": a ship's hour, not seven of anything
        String bells = n.endsWith(" bells") || n.endsWith(" bell") ? n.substring(0, n.lastIndexOf(' ')) : null;
        if (NO_HOUR.matcher(n).matches()) {
            return false; // "built from 312 separate prisms": no hour is written in three digits
        }
        if (menAfter(clauseText, n)) {
            return false; // "a great tilt hammer swung by eight men": people, not an hour
        }
        if (q.value().matches("\\d+") && (q.value().length() > 18 || Long.parseLong(q.value()) > 24) && !n.matches("\\d{4}")) {
            return false; // "we squeeze in close to ninety": no hour of the clock (but "at 1800" is one)
        }
        if (q.counted() != null && clauseText.contains(" " + n + " ") && COUNTED_PER.matcher(clauseText)
                .region(clauseText.indexOf(" " + n + " ") + n.length() + 1, clauseText.length()).lookingAt()) {
            return false; // "bought at 7 mil-réis per kilo": so many of something for each, no hour
        }
        // "comes to two bolts of silk": a thing counted after "to" is no hour, unless an hour stands before it ("9 to 5")
        boolean countedAfterTo = q.counted() != null && q.unit() == null
                && HOUR_TO.matcher(clauseText).results().noneMatch(r -> r.group(1).equals(n));
        return CLOCK.matcher(clauseText).results().anyMatch(r -> (r.group(1).equals(n) || r.group(1).equals(bells))
                        && !(countedAfterTo && clauseText.startsWith(" to ", r.start())))
                // "between noon and three"
                || BETWEEN_AND.matcher(clauseText).results().anyMatch(r -> r.group(1).equals(n))
                // "at 0700 and 1900": the second of two hours
                || CLOCK_AND.matcher(clauseText).results().anyMatch(r -> r.group(1).equals(n))
                // "usually around 4 in the morning"
                || q.unit() == null && HOUR_OF_DAY.matcher(clauseText).results().anyMatch(r -> r.group(1).equals(n))
                // "I open late on Fridays, around eleven": an hour of the clock said alone, after a hedge
                || q.unit() == null && HOUR.matcher(n).matches()
                && HEDGED_HOUR.matcher(clauseText).results().anyMatch(r -> r.group(1).equals(n))
                && HOUR_VERB.matcher(clauseText).find(); // ("we have about nine" counts)
    }
    /** One or two words and "per" or "each" after a number: so many of something for each ("7 mil réis per kilo"). */
    private static final Pattern COUNTED_PER = Pattern.compile(" \\p{L}+(?: \\p{L}+)? (?:per|each) ");
    /** An hour of the clock as a word or digits: "eleven", "7", "12". */
    private static final Pattern HOUR = Pattern.compile("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "[1-9]|1[0-9]|2[0-4]");
    /** Verbs of what happens at an hour: the clause of a hedged hour says one. */
    private static final Pattern HOUR_VERB = Pattern.compile(" (?:opens?|opening|closes?|closing|shuts?|starts?|begins?|leaves?|"
            + "arrives?|back|meets?|ready|serves?|rings?|sails?|departs?|gets? in|comes? in|wakes?|sleeps?) ");
    /** A number after a hedge that no thing counted follows: "around eleven, because…", "about 9." */
    private static final Pattern HEDGED_HOUR = Pattern.compile(" (?:around|about|roughly|nearly|near|towards?) ([0-9a-z]+)(?= (?:because|and|but|so|when|then|or|unless|if|though|$)| *$)");
    /** Digits no clock writes: three ("312"), or five and more; an hour is "7", "19", "0700" or "7:30". */
    private static final Pattern NO_HOUR = Pattern.compile("\\d{3}|\\d{5,}");
    private static final Pattern CLOCK_AND = Pattern.compile(" (?:at|from|until|till|by) [0-9:]+ (?:and|or) ([0-9:]+)(?= )");

    /**
     * Which half of a time {@code question} (clause text) asks: true for when something opens or starts, false for
     * when it closes or ends, null for neither or both.
     */
    private static Boolean halfAsked(String question) {
        // "wat time do u open back up in the mornin": opening again is opening, its "back" ends nothing
        question = OPEN_AGAIN.matcher(question).replaceAll(" open ");
        // (in a question "from" is where: "When are you back from the mail run?" asks the end of the trip)
        boolean opening = OPENING.matcher(question.replace(" from ", " ")).find();
        boolean closing = CLOSING.matcher(question).find();
        if (UNTIL_WHEN.matcher(question).find()) {
            opening = false; // "Until what hour can I drop it off?" asks when taking them ends
            closing = true;
        }
        // "When does the last ferry leave?" asks for the end of "leaves from dawn until dusk", the first one its start.
        if (LAST.matcher(question).find()) {
            opening = false;
            closing = true;
        } else if (FIRST.matcher(question).find()) {
            opening = true;
            closing = false;
        }
        return opening == closing ? null : opening;
    }

    /**
     * Whether {@code fact} says a time with a word of the half {@code question} asks: "I light my brazier an hour
     * before dawn" for "What time do you start up?", which "I pack up at dusk" (retrieved first) does not answer.
     */
    static boolean saysHalfAsked(String fact, String question) {
        Boolean opening = halfAsked(clauseText(QuestionKind.askingSentence(question)));
        if (opening == null) {
            return false;
        }
        String lower = clauseText(fact);
        return fitting(unasked(statedTerms(fact, question), question), fact, question).stream()
                .anyMatch(t -> opening.equals(markedHalf(t, lower)));
    }

    /**
     * The half the nearest word of a start or an end before {@code time} in {@code fact} (clause text) marks it with:
     * true for a start ("opens at dawn"), false for an end ("closes at sundown"), null when none does or the time is
     * not said.
     */
    private static Boolean markedHalf(String time, String fact) {
        int at = fact.indexOf(" " + time + " ");
        if (at < 0) {
            return null;
        }
        String before = fact.substring(0, at + 1);
        int open = lastOpening(before);
        int close = lastClosing(before);
        return open < 0 && close < 0 ? null : open > close;
    }

    private static List<String> sameHalf(List<String> times, String fact, String question) {
        Boolean half = halfAsked(question); // (true: the start, false: the end, null: neither or both)
        question = OPEN_AGAIN.matcher(question).replaceAll(" open ");
        // ("How long are you open tonight?" asks till when: "open" is how the place is, not its opening)
        if (half != null && !OPEN_STATE.matcher(question).find() && !times.isEmpty()
                && times.stream().allMatch(t -> saidOfTheOtherHalf(t, fact, half))) {
            // "What time do you close up?" is not "Half past six." of "We open at half past six": another fact may say
            // when it shuts, and if none does the NPC does not know it
            return List.of();
        }
        if (times.size() < 2) {
            return times;
        }
        if (half == null) {
            return timeOfDayAsked(times, question);
        }
        List<String> out = new ArrayList<>();
        // "I fire up the broth at 11 in the morning and keep serving until 2": a time said without a word of either half
        // is the other half's of one that is said with one
        List<String> unmarked = new ArrayList<>();
        boolean otherHalfSaid = false;
        for (String t : times) {
            if (!fact.contains(" " + t + " ")) {
                continue;
            }
            Boolean marked = markedHalf(t, fact);
            if (marked != null) {
                if (marked.equals(half)) {
                    out.add(t);
                } else {
                    otherHalfSaid = true;
                }
            } else if (namesDay(t) || DAY_LIKE.matcher(t).find()) {
                out.add(t); // the day of "on the first day of every week, from noon until the fourth bell" is either half's
            } else {
                unmarked.add(t);
            }
        }
        if (out.isEmpty() && otherHalfSaid) {
            out.addAll(unmarked);
        }
        return out.isEmpty() ? timeOfDayAsked(times, question) : out;
    }
    private static final Set<String> NIGHT_TIMES = Set.of("midnight", "dusk", "sunset", "sundown", "nightfall",
            "evening", "night", "twilight", "moonrise");
    private static final Set<String> MORNING_TIMES = Set.of("dawn", "sunrise", "daybreak", "morning", "first light",
            "cockcrow", "sunup");
    private static final Set<String> AFTERNOON_TIMES = Set.of("afternoon", "afternoons");
    /**
     * Whether {@code time} is of the part of the day {@code question} names ("…lock the doors at night?": "9 in the
     * evening", not "morning"); null when it names none, or the time is of no part of the day.
     */
    static Boolean ofPartAsked(String time, String question) {
        String asked = clauseText(question);
        Set<String> part = QuestionKind.ASKS_NIGHT.matcher(asked).find() ? NIGHT_TIMES
                : QuestionKind.ASKS_MORNING.matcher(asked).find() ? MORNING_TIMES : null;
        if (part == null) {
            return null;
        }
        Set<String> other = part == NIGHT_TIMES ? MORNING_TIMES : NIGHT_TIMES;
        List<String> words = Arrays.asList(time.split(" "));
        return words.stream().anyMatch(part::contains) ? Boolean.TRUE
                : words.stream().anyMatch(other::contains) ? Boolean.FALSE : null;
    }

    /**
     * Of a fact's times that no opening or closing word tells apart ("raised at midnight and lowered at sunrise"),
     * those of the part of the day the question names: "…close off for the night?" is midnight, not sunrise.
     */
    private static List<String> timeOfDayAsked(List<String> times, String question) {
        if (QuestionKind.ASKS_DAY.matcher(question).find()) {
            return times; // "On which night…?" asks which day, not the hour of the night
        }
        // ("…head off in the afternoon?" of "at eight in the morning, two in the afternoon and ten at night")
        Set<String> part = QuestionKind.ASKS_NIGHT.matcher(question).find() ? NIGHT_TIMES
                : QuestionKind.ASKS_MORNING.matcher(question).find() ? MORNING_TIMES
                : AFTERNOON_ASKED.matcher(question).find() ? AFTERNOON_TIMES : null;
        if (part == null) {
            return times;
        }
        // "six in the evening" is an evening time too, and "1900" on a 24-hour clock
        java.util.function.IntPredicate hours = part == NIGHT_TIMES ? h -> h >= 18
                : part == MORNING_TIMES ? h -> h >= 4 && h < 12 : h -> h >= 12 && h < 18;
        List<String> out = times.stream().filter(t -> Arrays.stream(t.split(" ")).anyMatch(part::contains)
                || clockHour(t) >= 0 && hours.test(clockHour(t))).toList();
        return out.isEmpty() || out.size() == times.size() ? times : new ArrayList<>(out);
    }

    private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("([01]\\d|2[0-3]):?[0-5]\\d");

    /** The hour of a time on a 24-hour clock ("1900", "07:00"), or -1: "7" alone could be morning or evening. */
    private static int clockHour(String time) {
        Matcher m = TWENTY_FOUR_HOUR.matcher(time);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
    /**
     * Of two counts (or times) in one fact, the one whose words (up to the next) say more of what the question asks
     * about: "eighty-eight machines on the main floor and twelve high-roller machines upstairs" answers "How many
     * machines on the ground floor?" with eighty-eight, "forty-two apple trees and eleven pear trees" "how many pear
     * ones?" with eleven, "opens at noon for the lumber rafts and at sundown for the mail boat" "when does the post
     * boat get through?" with sundown. All of them when the words tell them apart no better.
     */
    private static List<String> valuesFor(List<String> counts, String fact, String question) {
        // ("how many fish hides" is "thirty skins", through WordNet)
        return toldApart(counts, question, asked -> valuesFor(counts, fact, asked));
    }

    private static List<String> valuesFor(List<String> counts, String fact, Set<String> asked) {
        if (counts.size() < 2) {
            return counts;
        }
        String clauseText = clauseText(fact);
        // each in a part of its own, the part's words: "turn over 22 suites per shift, up from the usual fourteen"
        List<String> factParts = parts(fact);
        List<String> holding = counts.stream().map(c -> partHolding(factParts, c)).toList();
        boolean apart = !holding.contains(null) && new HashSet<>(holding).size() == counts.size();
        Map<String, Integer> shared = new java.util.LinkedHashMap<>();
        for (String count : counts) {
            if (apart) {
                Set<String> said = AnswerCheck.stems(AnswerCheck.contentWords(holding.get(counts.indexOf(count)), ""));
                said.retainAll(asked);
                shared.put(count, said.size());
                continue;
            }
            int at = clauseText.indexOf(" " + count + " ");
            if (at < 0) {
                return counts;
            }
            String after = clauseText.substring(at + count.length() + 2);
            for (String other : counts) {
                int next = after.indexOf(" " + other + " ");
                if (!other.equals(count) && next >= 0) {
                    after = after.substring(0, next);
                }
            }
            // its noun and what follows in its part: "machines on the main floor"
            String words = after.split("[,;]| and | but | so ")[0];
            if (AnswerCheck.contentWords(words, "").isEmpty()) {
                // said last in its part, the words before it: "so this year I have ordered fourteen"
                String before = clauseText.substring(0, at + 1);
                for (String other : counts) {
                    int end = before.lastIndexOf(" " + other + " ");
                    if (!other.equals(count) && end >= 0) {
                        before = before.substring(end + other.length() + 1);
                    }
                }
                String[] parts = before.split("[,;]| and | but | so ");
                words = parts.length == 0 ? "" : parts[parts.length - 1];
            }
            // with its own words: "143 steps" is counted in steps
            Set<String> said = AnswerCheck.stems(AnswerCheck.contentWords(count + " " + words, ""));
            said.retainAll(asked);
            shared.put(count, said.size());
        }
        int best = Collections.max(shared.values());
        List<String> out = counts.stream().filter(c -> shared.get(c) == best).toList();
        return best > 0 && out.size() < counts.size() ? new ArrayList<>(out) : counts;
    }
    /** A price's qualifier: "for a horse or cart", "per hour for freighters", up to the next price or clause. */
    private static final Pattern QUALIFIER = Pattern.compile("^ ?(?:(?:if|when) [^,;]*?)?\\b(?:for|per|with|each|a|an)\\b[^,;]*");
    /** The player asking for themself: "take me across", "How much for us?". */
    private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(me|myself|us|i|we)\\b");
    private static final Pattern A_PERSON = Pattern.compile("\\b(person|passenger|head|adult|traveller|soul)\\b"
            // "3 silver each", "for each of you"; "for each word after that" prices words
            + "|\\beach\\b(?!\\s+(?!of\\b)\\p{L})");
    /** A price's part that prices carrying or serving a person, said before the price: "carry a passenger … for 2 dollars". */
    private static final Pattern A_PERSON_BEFORE = Pattern.compile("\\b(person|passenger|adult|traveller|traveler|rider|soul|people)\\b");
    /**
     * How many of a priced fact's words, other than those that make a price, the question names, or their synonyms:
     * "a whole basement or shop" names two of "my noodle shop's cellar".
     */
    static int askedThingWords(String fact, String question) {
        Set<String> asked = FactRetriever.askedTerms(question);
        Set<String> thing = new HashSet<>();
        for (String w : AnswerCheck.contentWords(fact, "")) {
            if (!PRICE_WORDS.contains(w) && !Mentions.isNumberWord(w) && !Character.isDigit(w.charAt(0))) {
                thing.addAll(FactRetriever.terms(w, 1));
                for (String part : CompoundWords.parts(w)) {
                    thing.addAll(FactRetriever.terms(part, 1)); // "a full waterskin" names the water bag asked about
                }
            }
        }
        thing.retainAll(asked);
        return thing.size();
    }
    /** Whether {@code question} asks a price for someone of the player's ("my sister"), and {@code fact} prices a person. */
    static boolean personPricedForKin(String question, String fact) {
        return FOR_KIN.matcher(question).find() && A_PERSON_BEFORE.matcher(fact.toLowerCase(Locale.ROOT)).find();
    }
    /** The player asking for someone of theirs: "get my sister down the mountain", "a room for my wife and me". */
    private static final Pattern FOR_KIN = Pattern.compile("(?i)\\b(?:my|our)\\s+(?:\\p{L}+\\s+)?(sister|brother|mother|mum|mom|father|"
            + "dad|wife|husband|son|daughter|kids?|child|children|friend|partner|family|granny|grandma|grandpa|uncle|"
            + "aunt|cousin|nephew|niece)\\b");
    /**
     * Of two prices in one fact, the one for what the question asks about: "The crossing costs 3 copper for a
     * person and 1 silver for a horse or cart." answers "What do you charge to take me across?" with 3 copper
     * and "…my cart?" with 1 silver. All of them when the question tells them apart no better.
     */
    private static List<String> forWhat(List<String> prices, String fact, String question) {
        if (prices.size() < 2) {
            return prices;
        }
        List<String> named = new ArrayList<>();
        List<String> persons = new ArrayList<>();
        List<String> opposed = new ArrayList<>();
        if (!qualified(prices, fact, question, named, persons, opposed)) {
            return prices;
        }
        if (!named.isEmpty() && named.size() < prices.size()) {
            return named;
        }
        if (!opposed.isEmpty() && opposed.size() < prices.size()) {
            // "park a big hauler" is not "25 credits per hour for small craft" when the other price is for something else
            List<String> rest = new ArrayList<>(prices);
            rest.removeAll(opposed);
            return rest;
        }
        if (named.isEmpty() && FOR_KIN.matcher(question).find() && !persons.isEmpty() && persons.size() < prices.size()) {
            return persons; // "get my sister down to the smelter town": the passenger's fare, not the ore's by the ton
        }
        if (named.isEmpty()) {
            // Named before it, in its own part of the fact: "A seat costs 4 silver, a box seat 10 silver." prices the
            // box seat at 10 silver, and a plain seat at 4 (the part that names no word the player did not say).
            List<String> lead = namedBefore(prices, fact, question);
            if (!lead.isEmpty()) {
                return lead;
            }
        }
        if (named.isEmpty() && FIRST_PERSON.matcher(question).find() && !persons.isEmpty() && persons.size() < prices.size()) {
            return persons;
        }
        if (!ASKS_MORE.matcher(question).find()) {
            // "2 silver crowns for the first ten words and 4 pennies for every word after": what it costs is the first
            // price; what each word more costs answers "…and each extra word?"
            String lower = " " + AnswerCheck.normalise(fact) + " ";
            List<String> base = prices.stream().filter(p -> {
                int at = lower.indexOf(" " + p + " ");
                return at < 0 || !ADD_ON_AFTER.matcher(lower).region(at + p.length() + 1, lower.length()).lookingAt();
            }).toList();
            if (!base.isEmpty() && base.size() < prices.size()) {
                return base;
            }
        }
        return prices;
    }
    /** What makes a price one for each thing more: " for every word after", " per extra night", " each additional hour". */
    private static final Pattern ADD_ON_AFTER = Pattern.compile(" (?:for |per |a |an )?(?:(?:each|every|per|a|an) "
            + "(?:extra|additional|further|more)\\b|(?:each|every|per) [\\p{L}-]+ (?:after|beyond|over|more|extra)\\b)");
    /**
     * Sorts a fact's prices by their qualifiers: into {@code named} those whose qualifier says what the question
     * asks about (its word, or one WordNet relates to it either way: "a whole box" is "60 credits for a crate"),
     * into {@code persons} those for a person, into {@code opposed} those whose qualifier says the opposite of a word
     * of the question ("for small craft" to "a big hauler"). False if a price is not found in the fact as written.
     */
    private static boolean qualified(List<String> prices, String fact, String question, List<String> named,
                                     List<String> persons, List<String> opposed) {
        List<String> parts = parts(fact);
        List<String> asked = thingWordsAsked(question);
        List<String> notAsked = NOT_THIS.matcher(question).results().map(r -> r.group(1).toLowerCase(Locale.ROOT))
                .filter(w -> w.length() > 2).toList();
        Set<String> askedOwn = AnswerCheck.stems(asked);
        Set<String> askedStems = withRelated(askedOwn);
        // "a muskrat skin": the muskrat pelt's price, though "skin" relates to the otter pelt too
        List<String> namedOwn = new ArrayList<>();
        for (String price : prices) {
            String part = partHolding(parts, price);
            if (part == null) {
                return false;
            }
            // Up to the end of the price's part of the fact: "4 silver, a box seat 10 silver" is not 4 silver "a box seat".
            String after = part.substring(part.indexOf(" " + price + " ") + price.length() + 1);
            for (String other : prices) {
                int next = after.indexOf(" " + other + " ");
                if (!other.equals(price) && next >= 0) {
                    after = after.substring(0, next); // up to the next price
                }
            }
            Matcher q = QUALIFIER.matcher(after);
            String qualifier = q.find() ? q.group() : "";
            // the question's word or one WordNet relates to it either way: "a whole box" is "60 credits for a crate"
            boolean own = asked.stream().anyMatch(w -> qualifier.contains(" " + w.substring(0, Math.min(5, w.length()))));
            if (own) {
                namedOwn.add(price);
            }
            if (own || FactRetriever.terms(qualifier, 16).stream().anyMatch(t -> askedStems.contains(t)
                            || RelatedWords.shipped().of(t).stream().anyMatch(askedOwn::contains))) {
                named.add(price);
            }
            // Or before it, when it is its part's first price: "carry a passenger on the wagon seat for 2 dollars"
            // (in "3 copper for a person and 1 silver for a horse" the person is the first price's)
            String before = part.substring(0, part.indexOf(" " + price + " ") + 1);
            boolean first = prices.stream().noneMatch(other -> !other.equals(price) && before.contains(" " + other + " "));
            if (A_PERSON.matcher(qualifier).find() || first && A_PERSON_BEFORE.matcher(before).find()) {
                persons.add(price);
            }
            // (before it too, when it is its part's first price: "a new flensing knife costs 4 kroner" to "sharpen")
            if (asked.stream().anyMatch(w -> OPPOSITES.getOrDefault(w, Set.of()).stream()
                    .anyMatch(o -> qualifier.contains(" " + o + " ") || first && before.contains(" " + o + " ")))
                    // or names what the player says it is not: "correct Latin at 10 soldi" to "not Latin"
                    || notAsked.stream().anyMatch(w -> qualifier.contains(" " + w + " ") || first && before.contains(" " + w + " "))) {
                opposed.add(price);
            }
        }
        if (!namedOwn.isEmpty() && namedOwn.size() < named.size()) {
            named.retainAll(namedOwn);
        }
        return true;
    }
    /**
     * The content words of {@code question} that say which of a fact's prices it asks, without those it says it does not
     * ask: "in our everyday language, not Latin" is not "Latin at 10 soldi a sheet".
     */
    private static List<String> thingWordsAsked(String question) {
        List<String> asked = new ArrayList<>(AnswerCheck.contentWords(question, ""));
        Matcher not = NOT_THIS.matcher(question);
        while (not.find()) {
            asked.remove(not.group(1).toLowerCase(Locale.ROOT));
        }
        return asked;
    }

    /** A word the player says is not what is asked: "not Latin", "no bones", "rather than the big one". */
    private static final Pattern NOT_THIS = Pattern.compile("(?i)\\b(?:not|no|never|rather than|instead of)\\s+"
            + "(?:(?:a|an|the|any|in|for)\\s+)?(\\p{L}+)");
    /**
     * Words of size, age, state and sex, each half of a pair opposite the other, both ways: a price "for small craft" is
     * not for "a big hauler", "fix my net" is the patching, not "a new screen", the women's ward is not the men's.
     */
    private static final List<List<String>> OPPOSITE_HALVES = List.of(
            List.of("big large huge giant great tall", "small little tiny"), List.of("tall long", "short"),
            List.of("heavy", "light"), List.of("whole full", "half"), List.of("full charged", "empty spent"),
            List.of("adult adults grown man men", "child children kid kids boy boys girl girls lad lads"),
            List.of("old", "young new"), List.of("dry seasoned", "green wet damp"),
            // "What would a broken one cost me?" is not "A new lamp tube costs 30 ration marks"
            List.of("broken busted cracked damaged secondhand", "new"),
            // whose: "what day are the womens things washed" is not the men's ward's washing day
            List.of("man men mens male gentleman gentlemen husband husbands", "woman women womens female lady ladies wife wives"),
            List.of("boy boys lad lads son sons", "girl girls lass lasses daughter daughters"), List.of("king kings", "queen queens"),
            List.of("brother brothers", "sister sisters"), List.of("father fathers", "mother mothers"),
            List.of("fix fixing fixed mend mending mended repair repairing repaired patch patching patched darn darning "
                    + "resole resoling reseal resealing sharpen sharpening sharpened regrind hone", "new replacement"));
    private static final Map<String, Set<String>> OPPOSITES = pairedWords(true);
    private static final Map<String, Set<String>> ALIKE = pairedWords(false);

    /** The words of size, age and state opposite {@code word} (lower case): "small" for "big", "boy" for "grown"; none if none. */
    static Set<String> opposites(String word) {
        return OPPOSITES.getOrDefault(word, Set.of());
    }

    /** The words of size, age and state that say the same as {@code word} (lower case): "small" and "tiny" for "little". */
    static Set<String> alike(String word) {
        return ALIKE.getOrDefault(word, Set.of());
    }

    /** Each word of {@link #OPPOSITE_HALVES} with the words of the other half of its pairs (opposite) or of its own half. */
    private static Map<String, Set<String>> pairedWords(boolean opposite) {
        Map<String, Set<String>> out = new HashMap<>();
        for (List<String> pair : OPPOSITE_HALVES) {
            for (int half = 0; half < 2; half++) {
                for (String a : pair.get(half).split(" ")) {
                    for (String b : pair.get(opposite ? 1 - half : half).split(" ")) {
                        if (!a.equals(b)) {
                            out.computeIfAbsent(a, k -> new HashSet<>()).add(b);
                        }
                    }
                }
            }
        }
        return out;
    }
    /**
     * What ends a part of a fact: a comma or semicolon (not the thousands comma of "2,000"), a colon, or "and" before
     * another thing ("popcorn is 5 cents a bag and a prize box of taffy is 15 cents").
     */
    private static final Pattern PART_BREAK = Pattern.compile("[,;](?!\\d{3})|:\\s| and (?=(?:a|an|the) )");
    /** The parts of {@code fact} between commas and semicolons, as {@link #clauseText} writes them. */
    private static List<String> parts(String fact) {
        List<String> out = new ArrayList<>();
        for (String part : PART_BREAK.split(fact)) {
            out.add(clauseText(part));
        }
        return out;
    }
    /** The first of {@code parts} that states {@code price}, or null. */
    private static String partHolding(List<String> parts, String price) {
        return parts.stream().filter(p -> p.contains(" " + price + " ")).findFirst().orElse(null);
    }
    /** Words before a price that say nothing of what it is for: those that make a number a price ("costs", "only"). */
    private static final Set<String> PRICE_WORDS = union(Mentions.PRICE_VERBS, Mentions.PRICE_FILLERS,
            Set.of("goes", "runs", "each", "per"));
    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> set : sets) {
            out.addAll(set);
        }
        return Set.copyOf(out);
    }
    /**
     * The prices of {@code fact}, each in a part of its own, that the words before them in their part name best: most
     * of the question's words, then fewest words it did not say. Empty when the parts cannot tell the prices apart.
     */
    private static List<String> namedBefore(List<String> prices, String fact, String question) {
        // the question's words and those WordNet relates to them: "my noodle shop's cellar" is "a whole basement or shop"
        Set<String> askedOwn = withRelated(AnswerCheck.stems(thingWordsAsked(question)));
        Map<String, int[]> scores = new java.util.LinkedHashMap<>();
        List<String> parts = parts(fact);
        Set<String> seen = new HashSet<>();
        for (String price : prices) {
            String part = partHolding(parts, price);
            if (part == null || !seen.add(part)) {
                return List.of(); // two prices in one part share its words: "The crossing costs 3 copper … and 1 silver…"
            }
            String before = part.substring(0, part.indexOf(" " + price + " "));
            int asked = 0;
            int other = 0;
            for (String w : AnswerCheck.contentWords(before, "")) {
                if (PRICE_WORDS.contains(w) || Mentions.isNumberWord(w)) {
                    continue;
                }
                if (FactRetriever.terms(w, 1).stream().anyMatch(askedOwn::contains)) {
                    asked++;
                } else {
                    other++;
                }
            }
            scores.put(price, new int[] {asked, other});
        }
        java.util.Comparator<int[]> best = java.util.Comparator.<int[]>comparingInt(s -> s[0]).reversed()
                .thenComparingInt(s -> s[1]);
        int[] top = scores.values().stream().min(best).orElseThrow();
        if (top[0] == 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        scores.forEach((price, s) -> {
            if (best.compare(s, top) == 0) {
                out.add(price);
            }
        });
        return out.size() < prices.size() ? out : List.of();
    }
    /**
     * The prices of {@code fact} whose qualifier says what the question asks about ("or 60 credits for a crate of
     * twelve" to "What's a whole box of food packs going for?"); empty if none does.
     */
    static List<String> pricesNamed(String fact, String question) {
        List<String> prices = new ArrayList<>();
        for (Mentions.Quantity q : Mentions.quantities(fact)) {
            if (q.kind().equals("money")) {
                prices.add(AnswerCheck.normalise(q.surface()));
            }
        }
        List<String> named = new ArrayList<>();
        return qualified(prices, fact, question, named, new ArrayList<>(), new ArrayList<>()) ? named : List.of();
    }
    /** {@code stems} and the stems WordNet relates to them. */
    private static Set<String> withRelated(Set<String> stems) {
        Set<String> out = new HashSet<>(stems);
        stems.forEach(stem -> out.addAll(RelatedWords.shipped().of(stem)));
        return out;
    }
    /** "are you open", "stay open", "is the bar open": the state of being open. */
    private static final Pattern OPEN_STATE = Pattern.compile(
            " (?:are|is|be|stay|stays|staying|you're|it's|keep|keeps) (?:you |it |we |they |the \\p{L}+ )?open ");
    /** "Where's your wagon?": the thing whose place is asked (its last word). */
    private static final Pattern WHERE_THING = Pattern.compile("(?i)\\bwhere(?:'s|s| is| are)\\s+(?:your|ur|yer|the|this|that)\\s+"
            + "(?:[\\p{L}-]+\\s+)?([\\p{L}-]+)\\s*(?:at\\b|[?.!,]|$)");
    private static final Pattern AFTERNOON_ASKED = Pattern.compile("(?i)\\bafternoons?\\b");
    /** A time that ends on its part of the day: "two in the afternoon", "ten at night". */
    private static final Pattern WITH_DAY_PART = Pattern.compile("(?:in the (?:morning|afternoon|evening)|at night)$");
    /** A word that says where a thing stands among its like: "the back office", "the upper loft". */
    private static final Pattern POSITION_WORD = Pattern.compile("\\b(?:back|front|rear|upper|lower|top|bottom|inner|outer|"
            + "far|near|middle|north|south|east|west|northern|southern|eastern|western|left|right|end|corner|side)\\b");
    /** The words of a door or a shop that say which half a time is: nothing else is as plain. */
    private static final Pattern OPENS = Pattern.compile(" (?:open|opens|opened) ");
    private static final Pattern SHUTS = Pattern.compile(" (?:close|closes|closed|shut|shuts|pack up|packs up|lock up|locks up|"
            + "close up|closes up|knock off|knocks off|shut up|shuts up) ");

    /**
     * Whether {@code time} follows, in {@code fact}, an "open" where the question asks the closing ({@code opening}
     * false), or a "close" or "shut" where it asks the opening: plainly the other half. (Other words of a start or an
     * end are not as plain: "I leave at six" answers "When do you knock off?".)
     */
    private static boolean saidOfTheOtherHalf(String time, String fact, boolean opening) {
        int at = fact.indexOf(" " + time + " ");
        if (at < 0) {
            return false;
        }
        String before = fact.substring(0, at + 1);
        // the nearest word of either half before the time says which it is ("I open at 8 and lock up at 4": 4 is the
        // closing); the time is plainly the other half's when that word is an "open" or a "shut"
        int marked = Math.max(lastOpening(before), lastClosing(before));
        if (marked < 0) {
            return false;
        }
        return (opening ? SHUTS : OPENS).matcher(before).region(marked, before.length()).lookingAt();
    }

    /** A "not … until" says when a thing starts, no end: "doesn't open again until dawn", "never sails till noon". */
    private static final Pattern NOT_UNTIL = Pattern.compile("(?:n't|\\bnot|\\bnever)(?: [\\p{L}']+){0,3} (?:until|till) $");

    /**
     * Where the last word that starts a time starts in {@code before}, or -1; a "from" only just before the time ("open
     * from 0800"): "close when the last welder from the late shift goes home, around 01:00" starts nothing.
     */
    private static int lastOpening(String before) {
        var m = OPENING.matcher(before);
        int last = -1;
        while (m.find()) {
            if (!m.group().equals(" from ") || FROM_THE_TIME.matcher(before).region(m.start(), before.length()).matches()) {
                last = m.start();
            }
        }
        return last;
    }

    private static final Pattern FROM_THE_TIME = Pattern.compile(" from (?:the )?");

    /** Where the last word that ends a time starts in {@code before}, or -1; an "until" after a "not" ends nothing. */
    private static int lastClosing(String before) {
        var m = CLOSING_IN_FACT.matcher(before);
        int last = -1;
        while (m.find()) {
            if (!NOT_UNTIL.matcher(before.substring(0, m.end())).find()) {
                last = m.start();
            }
        }
        return last;
    }

    private static int lastMatch(Pattern p, String text) {
        var m = p.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
    /** Adds {@code term} if it is one of {@code terms} (or contains one: "12 silver" holds "12 silver"). */
    private static void keep(List<String> terms, String term, List<String> out) {
        // word by word: "48 hours" holds no "4" (of "Dock 4")
        String spacedTerm = " " + term + " ";
        for (String t : terms) {
            String spacedT = " " + t + " ";
            if ((t.equals(term) || spacedTerm.contains(spacedT) || spacedT.contains(spacedTerm)) && !out.contains(t)) {
                out.add(t);
            }
        }
    }
}
