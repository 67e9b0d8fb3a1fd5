package dev.improv.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the checkable facts a text states: numbers (digits, number words, ordinals, prices such as
 * "12 gold" or "$4.50", times such as "3pm" or "noon") and proper names (capitalised words that are
 * not common English words). Used by {@link InventedFacts} to compare a reply with its sources and
 * by {@link FactRetriever} to tag facts that hold a price, a time or a name.
 */
final class Mentions {
    /**
     * A number (normalised value, e.g. "12", "4.5", "3:30") with the unit word after it or null, and
     * the other word it counts ("sisters" in "three sisters") or null.
     */
    record Quantity(String surface, String value, String unit, String counted, boolean priced) {
        Quantity(String surface, String value, String unit, String counted) {
            this(surface, value, unit, counted, false);
        }

        /**
         * What the number is: "money" (a price: a coin's name, or what a price is said in, "costs 12 doubloons"),
         * "time" (a clock time or a span), or "number".
         */
        String kind() {
            if (priced || unit != null && MONEY.contains(unit)) {
                return "money";
            }
            return TIME_WORDS.contains(value) || value.contains(":") || (unit != null && TIMES.contains(unit))
                    ? "time" : "number";
        }
    }

    /**
     * A proper name, one or more capitalised words; {@code words} are the normalised uncommon ones.
     * {@code kind} is what the name most likely names, read from its words and the word before it, so
     * that "Who sells loaves?" wants Hetty and not Oakhollow in "Hetty sells bread in Oakhollow":
     * {@link #TIME} (a weekday or month: "Tuesdays"), {@link #PLACE} (after "in", "at", "near"…, or
     * ending in a place word: "Ledger Street") or {@link #OTHER} (a person, a ship, a guild).
     */
    record Name(String surface, List<String> words, String kind) {
        static final String TIME = "time";
        static final String PLACE = "place";
        static final String OTHER = "other";
    }

    /** Words before a name that make it a place: "near Mossy Ford", "in the Hollow Fen", "of Brightwater". */
    private static final Pattern LOCATIVE = Pattern.compile(
            "(?i)\\b(?:(?:in|at|near|from|of|on|into|onto|across|through|towards|behind|beneath|under|past|outside|"
                    + "inside|beyond|around|above|below|beside|aboard|within|along|alongside|opposite|over|next\\s+to|close\\s+to|"
                    + "across\\s+from)(?:\\s+the)?"
                    // "float the poles down the Jade Run"
                    + "|(?:down|up)\\s+the"
                    // "before it reaches the Dogana": somewhere a thing gets to; "next door to the Ames Mercantile"
                    + "|(?:reaches|reached|reach|enters|entered|enter|next\\s+door\\s+to|as\\s+far\\s+as)\\s+the)\\s+$");
    /**
     * "to" before a name that makes it a place: after a way of going ("a seat … to Ironspire", "the road to Vell")
     * or after another name ("from Linzhou to Qingshan", "the Copper Swallow to Ironspire"), not after a verb
     * ("I sold it to Marta").
     */
    private static final Pattern GONE_TO = Pattern.compile(
            "(?i)\\b(?:ticket|tickets|seat|seats|passage|fare|flight|flights|trip|trips|journey|road|roads|way|ride|route|"
                    + "voyage|crossing|path|walk|sail|sails|fly|flies|run|runs|lead|leads|bound|headed|heading|miles|"
                    + "leagues|days|hours|ferry|coach|train|boat|ship|caravan|convoy|back|north|south|east|west|"
                    // "Spare cultures go to the Tidegarden Commons kitchen", "Bring your worms to the Pollen Stair hatch"
                    + "go|goes|went|gone|bring|brings|brought|"
                    // "Domingos, who has walked to the Serra Escura and back"
                    + "walked|hiked|climbed|rode|travelled|traveled|sailed|marched|trekked)"
                    + "\\s+to\\s+(?:the\\s+)?$");
    /**
     * A thing carried "to the" name: "take it to the Halvard Counting House", "send them to the Grey Office". With
     * "the" only: "take it to Marta" is to someone.
     */
    private static final Pattern CARRIED_TO = Pattern.compile("(?i)\\b(?:take|takes|took|taken|carry|carries|carried|"
            + "send|sends|sent|deliver|delivers|delivered|hand|hands|handed)(?:\\s+(?:it|them|this|that|those|these|yours?))?"
            + "\\s+to\\s+the\\s+$");
    /**
     * A verb of getting before "from": the name after it is whom a thing is got from ("Dog feed is bought from
     * Tomas Reyes", "Odile buys her vellum from Henrik Dusselmoor"), not a place, as after "arrive from". Not
     * "comes from": limes come from Isla Verde.
     */
    private static final Pattern GOT_FROM = Pattern.compile("(?i)\\b(?:bought|buys?|buying|purchased?|purchases|gets?|got|"
            + "orders?|ordered|rents?|rented|hires?|hired|borrows?|borrowed|learn(?:s|ed|t)?|heard|stole|stolen|took|taken|"
            + "won|inherited|sourced|supplied|commissioned)(?:\\s+[\\p{L}'-]+){0,4}\\s+from\\s+$");
    /** Endings of words for someone by their trade: "newsboy", "cutler", "foreman", "locksmith", "beekeeper". */
    private static final String TRADE_ENDINGS = "er|or|ist|man|woman|boy|girl|smith|wright|keeper|monger|maid|ess|ian";
    /** Someone's trade or kin just before a name makes it a person, whatever its last word: "My foreman, Ruben Shoal". */
    private static final Pattern PERSON_BEFORE = Pattern.compile("(?i)\\b(?:my|our|his|her|their)\\s+\\p{Ll}*(?:" + TRADE_ENDINGS
            + "|wife|husband|son|daughter|brother|sister|mother|father|uncle|aunt|cousin|nephew|niece|friend|partner|deputy"
            + "|apprentice|assistant|clerk|mate|boss|guide|second)\\s*,?\\s+$");
    private static final Pattern THE_BEFORE = Pattern.compile("(?i)\\bthe\\s+$");
    /** A place word and "of" opening a name: "the Well of Frogs", "the Hall of Records". */
    private static final Pattern PLACE_OF = Pattern.compile("(\\p{L}+) of (?:the )?\\p{Lu}");

    private static boolean placeOf(String name) {
        Matcher m = PLACE_OF.matcher(name);
        return m.lookingAt() && PLACE_WORDS.contains(normalise(m.group(1)));
    }
    /** "a giant named Big Hassan": what follows is the name as it is said, epithet and all. */
    private static final Pattern NAMED_BEFORE = Pattern.compile("(?i)\\b(?:named|called|known as|nicknamed)\\s+$");
    /** A place named after what it is: "shelter in the vaulted cistern called the Cool Belly". */
    private static final Pattern CALLED_PLACE = Pattern.compile(
            "(?i)\\b(?:in|at|into|inside|under|beneath|behind|near)\\s+(?:the|a|an)\\s+(?:\\p{Ll}+\\s+){1,3}(?:called|named|known\\s+as)(?:\\s+the)?\\s+$");
    private static final Pattern NAME_TO = Pattern.compile("\\p{Lu}[\\p{L}'-]*\\s+to\\s+(?:the\\s+)?$");
    /** Where someone is, just before a place's name: "at ", "on the ". */
    private static final Pattern AT_PLACE_BEFORE = Pattern.compile("(?i)\\b(?:at|in|on|inside|behind|beside|near|opposite)"
            + "\\s+(?:the\\s+)?$");
    /** Last words of a name that make it a place whatever comes before it: "Ledger Street", "Vulture Creek". */
    private static final Set<String> PLACE_WORDS = Set.of("street", "avenue", "road", "lane", "square", "wharf",
            "harbour", "harbor", "bay", "creek", "pass", "ford", "hill", "hills", "forest", "wood", "woods", "fen",
            "river", "lake", "pond", "market", "gate", "tower", "hall", "ring", "sector", "hangar", "berth", "deck",
            "dock", "docks", "station", "yard", "warren", "stack", "hollow", "mountain", "mountains", "valley",
            "keep", "castle", "isle", "island", "port", "quarter", "district", "row", "bridge", "mine", "cave",
            "ruin", "temple", "chapel", "shrine", "marsh", "swamp", "coast", "cove", "falls", "springs", "well",
            "plaza", "park", "village", "town", "city", "tavern", "inn", "moor", "moors", "heath", "flats", "gulch",
            "canyon", "mesa", "crossing", "landing", "pier", "field", "fields", "meadow", "grove", "peak", "ridge",
            "cliffs", "point", "reach", "lagoon", "reef", "bluff",
            // compared with a name's words, whose plurals are folded ("Black Vents" holds "vent")
            "lock", "quay", "causeway", "sluice", "stair", "step", "overpass", "silo", "canal", "observatory", "spire",
            "saloon", "vent", "trench", "glade", "clearing", "thicket", "crater", "basin", "dune", "oasis", "fjord", "rapids",
            "gorge", "ravine", "grotto", "cavern", "mire", "bog", "plateau", "highland", "lowland", "flat",
            // buildings: "behind the Old Copra Warehouse" is where the shed stands
            "warehouse", "house", "shed", "hut", "barn", "workshop", "shop", "store", "lodge", "manor", "palace",
            "fort", "fortress", "citadel", "camp", "outpost", "depot", "garden", "terrace", "alley", "arcade", "bazaar",
            "bathhouse", "library", "academy", "school", "hospital", "clinic", "prison", "jail", "barracks", "arena",
            "theatre", "theater", "hotel", "cellar", "vault", "forge", "foundry", "terminal", "ballroom",
            "cathedral", "abbey", "monastery", "cemetery", "graveyard", "crypt", "lighthouse", "boardwalk",
            "promenade", "junction", "aerodrome", "airfield", "garage", "factory", "stable", "quarry", "fountain",
            "barge", // "on the Parasol Barge": a market's barges are where stalls stand
            "shoal", "sandbar", "cay", "islet", "atoll", "skerry",
            "cistern", "pool", "orchard", "lab", "laboratory", "lounge", "canteen", "mill", "mews", "loft", "dome", "caravanserai", "souk", "bath", "platform", "pavilion", "wagon",
            "shack", "mall", "pit", "pits",
            // (not words that are mostly surnames: "Mill", "House", "Church", "Strand", "Shore")
            "farm", "ranch", "tannery", "smithy", "brewery", "distillery", "bakery", "kennel", "stockade", "corral");
    /** A day of a made-up week, one capitalised word in -day that is no English word: "Moonday", "Starday". */
    static boolean madeUpDay(String word) {
        return word.length() > 5 && word.endsWith("day") && !isCommon(word); // "Ashday", "Moonday"
    }

    /** Whether WordNet relates words to {@code word}: an English word, not a made-up name ("Freight", not "Hetty"). */
    private static boolean inWordNet(String word) {
        List<String> stem = FactRetriever.terms(word.toLowerCase(Locale.ROOT), 1);
        return !stem.isEmpty() && !RelatedWords.shipped().of(stem.get(0)).isEmpty();
    }

    /** A word in capitals only, as signs and acronyms are written ("CCTV", "SALTMERE BAY"): no one's name. */
    private static final Pattern ALL_CAPITALS = Pattern.compile("\\p{Lu}{2,}");
    /** A name that ends in "Month": "Greening Month". */
    private static final Pattern NAMED_MONTH = Pattern.compile("\\s[Mm]onth$");
    /** " day" after a possessive name: "Odin's day", a day of a made-up week. */
    static final Pattern DAY_AFTER = Pattern.compile("\\s+day\\b");
    /** A day of a month just before a name, which makes the name a month: "the fifteenth of Sha'ban", "the 3rd of ". */
    private static final Pattern DAY_OF_MONTH_BEFORE = Pattern.compile("(?i)\\bthe (?:\\d{1,2}(?:st|nd|rd|th)|first|second|"
            + "third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
            + "sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(?:twenty|thirty)-?(?:first|second|third|"
            + "fourth|fifth|sixth|seventh|eighth|ninth)) of $");
    /** A month of a made-up calendar, one word in -month: "Harvestmonth", "Frostmonth" (no place: "all through Harvestmonth"). */
    static boolean madeUpMonth(String word) {
        return word.length() > 7 && word.endsWith("month") && !isCommon(word);
    }

    /** Whether {@code name} is a place by its own last word ("Ledger Street"), not only by a word before it. */
    static boolean namesPlace(Name name) {
        return namesPlace(name.words());
    }

    /** Whether a name's last word, or the one before a letter ("Cryo Bay C"), is a word of place. */
    private static boolean namesPlace(List<String> words) {
        int last = words.size() - 1;
        if (last > 0 && words.get(last).length() == 1) {
            last--;
        }
        return last >= 0 && PLACE_WORDS.contains(words.get(last));
    }

    private static final Set<String> CALENDAR_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december",
            // feasts that name a time of year: "the ski race at Yule" is no place
            "yule", "easter", "christmas", "midsummer", "midwinter", "solstice", "equinox", "halloween", "hogmanay",
            "candlemas", "michaelmas", "lammas");

    private static final Map<String, Integer> UNITS_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("dozen", 12),
            Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
            Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
            Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11), Map.entry("twelfth", 12),
            Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15), Map.entry("sixteenth", 16),
            Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19));
    private static final Map<String, Integer> TENS_WORDS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90, "twentieth", 20, "thirtieth", 30);
    private static final Map<String, Integer> SCALE_WORDS = Map.of("hundred", 100, "thousand", 1000);
    /**
     * Number words that are also everyday words ("no one", "the red one", "at first", "a second"):
     * they count only when a unit follows ("one gold", "second bell").
     */
    private static final Set<String> AMBIGUOUS = Set.of("one", "first", "second");
    /** Words after a number that say what it counts; plurals are folded. */
    private static final Set<String> MONEY = Set.of("gold", "silver", "copper", "coin", "crown", "penny", "pence",
            "mark", "shilling", "dollar", "piece", "sovereign", "florin", "ducat", "gp", "sp", "cp", "credit", "cap",
            "buck", "euro", "cent", "dime", "nickel", "quid", "yen", "rupee", "doubloon", "groat", "farthing", "guinea",
            "thaler", "drachma", "obol", "shekel", "denar", "dinar", "peso", "lira", "ruble", "zenny", "scrip",
            "chit", "lire", "soldo", "soldi", "denarii", "centavo", "centime", "kopek", "kopeck", "pfennig", "groschen",
            "kreuzer", "heller", "sou", "livre", "escudo", "maravedi", "baht", "yuan", "paisa", "dirham", "riyal", "piastre",
            "guilder", "franc", "krone", "kroner", "rappen", "stiver", "zloty", "forint", "qirsh", "tael", "ryo",
            "reale", "peseta", "rouble", "sen", "cowrie", "cowry", "manilla", "bezant", "solidus", "solidi", "sestertius",
            "sestertii", "aureus", "denarius", "stater", "sequin", "zecchino", "kreutzer", "mohur", "pice", "grosz", "groszy",
            "haler"); // ("reales"; "real" alone is too often "3 real friends")
            // not "pound": also a weight; plurals not in -s as they are
    /** Words after a number that say what it counts: the coins, "pennie" (of "pennies"), times and other units. */
    private static final Set<String> UNITS = Stream.concat(MONEY.stream(), Stream.of("pennie", "hour", "minute", "second", "day",
            "night", "week", "month", "year", "sol", "mile", "league", "step", "pace", "bell", "chime", "watch", "pm", "am", "o'clock", "oclock",
            "floor", "door", "house", "street", "moon", "degree",
            // measures: "3,200 meters" said "3,200." is no depth
            "meter", "metre", "kilometer", "kilometre", "foot", "feet", "fathom", "yard", "inch", "inche", "ton", "kilo",
            "gram", "kilogram", "litre", "liter", "gallon", "stone", "pound",
            // distances of their own lands: "eighteen li" (China), "40 versts" (Russia)
            "li", "verst", "ri")).collect(Collectors.toUnmodifiableSet());
    /** The coins this library knows by name, singular ("gold", "cap", "credit"). */
    static Set<String> coins() {
        return MONEY;
    }

    /** Words that may stand between a number and its unit of time: "two full moons", "three whole days". */
    private static final Set<String> SPAN_ADJECTIVES = Set.of("full", "whole", "long", "short", "more", "solid");
    private static final Set<String> TIMES = Set.of("hour", "minute", "second", "day", "night", "week", "month", "year", "bell", "chime",
            "watch", "pm", "am", "o'clock", "oclock", "moon", "sol"); // "the third watch of night", "every 30 sols" (a Mars day)
    /** Seasons a span is counted in: "good for twenty winters". */
    private static final Set<String> SEASONS = Set.of("winter", "summer", "spring", "autumn", "season", "harvest");
    /** Times of day that are facts in themselves, like "noon". */
    private static final Set<String> TIME_WORDS = Set.of("noon", "midnight", "midday");

    private static final Pattern DIGITS = Pattern.compile(
            "([$£€])\\s?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)"                          // $4.50
            + "|(\\d{1,2}):(\\d{2})\\s?(?:([ap])\\.?m\\.?(?![\\p{L}]))?"     // 3:30, 3:30pm
            + "|(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?:st|nd|rd|th)?(?:\\s?([ap])\\.?m\\.?(?![\\p{L}]))?", // 12, 1,000, 3rd, 3pm
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’]*");
    /** An hour and minutes with a full stop between: "7.40", "10.15" (read as a clock only where a clock is said). */
    private static final Pattern DOTTED_CLOCK = Pattern.compile("([01]?\\d|2[0-3])\\.([0-5]\\d)");
    /** A part of the day after a number: "7.40 in the morning", "10.15 at night", "8.30 sharp". */
    private static final Pattern PART_OF_DAY_AFTER = Pattern.compile(
            "(?i)\\s+(?:in the (?:morning|afternoon|evening)|at night|o'clock|sharp|tonight|this (?:morning|afternoon|evening))\\b");
    /** A word of when just before a number, and no word of price: "leaves at 7.40", "open until 10.30". */
    private static final Pattern CLOCK_BEFORE = Pattern.compile(
            "(?i)\\b(?:leaves?|leaving|departs?|arrives?|opens?|closes?|starts?|begins?|ends?|until|till|from|before|after)"
                    + "(?: at)?\\s+$");
    /** Four figures read as a clock: "opens at 0600", "around 1400", "2030 hours" (as the forces and stations write time). */
    private static final Pattern FOUR_FIGURE_CLOCK = Pattern.compile("([01]\\d|2[0-3])([0-5]\\d)");
    /** A word before four figures that makes them a clock, not a year ("in 1868", "since 1400" stay years). */
    private static final Pattern FOUR_FIGURE_CLOCK_BEFORE = Pattern.compile("(?i)\\b(?:at|around|about|until|till|by|before|after|from)\\s+$");
    /** Whether four figures at {@code at} are the second of two clocks: "at 0700 and 1900", "from 0800 to 1600". */
    private static boolean afterFourFigureClock(String text, List<Quantity> found, int at) {
        if (found.isEmpty()) {
            return false;
        }
        Quantity last = found.get(found.size() - 1);
        // (where it ends before these figures start: "at 1900, and 1900 is late" says the same figures twice)
        int lastAt = text.lastIndexOf(last.surface(), at - last.surface().length());
        return lastAt >= 0 && last.value().contains(":") && FOUR_FIGURE_CLOCK.matcher(last.surface()).matches()
                && CLOCK_JOINED.matcher(text.substring(lastAt + last.surface().length(), at)).matches();
    }

    /** What stands between two clocks of four figures: " and ", " to ", "-". */
    private static final Pattern CLOCK_JOINED = Pattern.compile("\\s*(?:-|–|and|or|to|until|till)\\s*");
    /** A word before a number of hours that makes them a length of time: "it takes 1200 hours". */
    private static final Pattern SPAN_BEFORE = Pattern.compile("(?i)\\b(?:takes?|took|lasts?|lasted|for|over|within|in|"
            + "nearly|almost|some|another|only)\\s+$");
    /** "hours" after four figures: "2100 hours", as the forces say a clock time. */
    private static final Pattern HOURS_AFTER = Pattern.compile("(?i)\\s*(?:hours|hrs|h)\\b");
    /** "the 60s", "the early 1890s": a decade, not shillings. */
    private static final Pattern DECADE_BEFORE = Pattern.compile("(?i)\\b(?:the|early|late|mid)\\s+$|['’]$");
    /** Money of pounds, shillings and pence: "£6 10s", "4d", "2s 6d". */
    private static final Pattern OLD_MONEY = Pattern.compile("£\\s?\\d|\\b\\d+d\\b");
    /** Titles of a person written short, whose full stop ends no sentence ("St." and "Mt." may: "on Main St."). */
    private static final String SHORT_TITLES = "Dr|Mr|Mrs|Ms|Capt|Sgt|Lt|Prof|Rev|Gen|Col";
    /** Words of a place's name written short: "the Church of St. Nicholas", "Mt. Hood", "Ft. Sumter". */
    private static final String SHORT_PLACE_WORDS = "St|Mt|Ft";
    /** " the " and one capitalised word that ends the name: the byname of "Ghash the Quiet". */
    private static final Pattern BYNAME_AHEAD = Pattern.compile(" the \\p{Lu}\\p{Ll}+(?![\\p{L}'-]| \\p{Lu}| of\\b)");
    /** A sentence's end; not the full stop of a title written short ("Dr. Anselm Quarry is the chief surgeon."). */
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<!\\b(?:" + SHORT_TITLES + "|" + SHORT_PLACE_WORDS + "))[.!?…]+[\"'”’)]*\\s+|[\\r\\n]+|:\\s+[\"“]"
            // (a short word's full stop that a new sentence follows: "I live on Main St. The shop is mine.")
            + "|(?<=\\b(?:" + SHORT_PLACE_WORDS + "))\\.\\s+(?=(?:The|A|An|It|I|We|He|She|They|This|That|There|My|Our|Your|His|Her|"
            + "Their|When|After|Every|No)\\b)");
    /** A number word hyphened into a name: "the Three-Step Falls" counts no steps. */
    private static final Pattern NAMED_NUMBER = Pattern.compile("\\p{Lu}\\p{Ll}+-\\p{Lu}\\p{Ll}");
    /** "Old Peggin Rusk, who rakes them", "Gret Imboden, the woodcutter who stacks her logs": someone. */
    private static final Pattern WHO_AFTER = Pattern.compile(",?\\s+(?:(?:the|a|an|my|our|his|her)\\s+(?:[\\p{L}-]+\\s+){1,3})?who\\b"
            // "Martha Tull, a Tlingit woman": said to be a person
            + "|,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:wom[ae]n|m[ae]n|girl|boy|lady|fellow|widow|widower|lad|lass|"
            + "youth|crone|elder)\\b");
    /** A day named as a feast: "Saint Olaf's Day", "Lady Day", "Midsummer Eve", "Michaelmas", "Candlemas". */
    private static final Pattern FEAST_DAY = Pattern.compile("(?i)(?:(?:'s|s'|’s)\\s+(?:day|eve|night)|\\b(?:lady|midsummer|"
            + "midwinter|market|fair|feast|quarter|rent|name|holy|all saints'?|all souls'?)\\s+(?:day|eve)|\\b(?:michael|candle|lam|"
            + "martin|childer|hallow|rood)mas)$");
    /** The last word of a named day: "Boxing Night", "Christmas Eve", "May Day". */
    private static final Pattern NAMED_DAY_END = Pattern.compile("\\s(?:Day|Eve|Night)$");
    /** A word of when just before a name: "on ", "last " (not "on the ": "sail on the Starry Night" is a ship). */
    private static final Pattern WHEN_BEFORE = Pattern.compile("(?i)\\b(?:on|before|after|until|till|by|since|last|next|"
            + "this|every|of)\\s+$");
    /** A named day or feast: "Night of Lamps", "Eve of Saint Ambra", "Feast of the Drowned". */
    private static final Pattern FEAST_OF = Pattern.compile("(?:Night|Day|Eve|Feast|Festival|Fair|Week|Morning) of ");
    /** Words for a building a name may stand before, lower case (a regex alternation): "the Blue Heron club". */
    static final String BUILDING_WORDS = "club|boathouse|clubhouse|teahouse|tavern|inn|saloon|hall|mill|house|lodge|hotel|"
            + "workshop|shop|store|warehouse";
    /** A lower-case word of place just after a name: " club", " boathouse", " tavern". */
    private static final Pattern PLACE_WORD_AFTER = Pattern.compile("\\s+(?:" + BUILDING_WORDS + "|bar|yard|wharf|dock|pier|"
            + "landing|market|bazaar|temple|chapel|church|shrine|tower|gate|bridge|street|lane|road|square|camp|station|"
            + "depot|mine|quarry|farm|ranch|theatre|theater|garage|office"
            // "where the Greywater river meets the sea": a place of land or water named before what it is
            + "|river|creek|stream|brook|canal|lake|bay|valley|forest|woods|marsh|mountains?|hills?)\\b");
    /** What a name is said to be, when that is a place: "Saltmarrow is a market town", "Kesh is an island". */
    private static final Pattern IS_A_PLACE_AFTER = Pattern.compile("\\s+(?:is|was)\\s+(?:a|an)\\s+(?:\\p{Ll}+\\s+){0,2}?"
            + "(town|village|city|port|harbour|harbor|island|isle|hamlet|settlement|outpost|colony|fort|fortress|kingdom|"
            + "realm|country|province|county|region|district)\\b");
    /** A feast or a fast written small before whose it is: "the feast of Saint George", "the eve of St Agnes". */
    private static final Pattern FEAST_BEFORE = Pattern.compile("\\b(?:feast|festival|eve|fast|vigil|feast day|holy day) of (?:the )?$");
    /** A day of the week a name ends in: "Holy Saturday", "Ash Wednesday", "Easter Sunday" are days, not places. */
    private static final Pattern NAMED_WEEKDAY = Pattern.compile("(?i)\\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?$");
    /** A title written short just before a name: "Dr. Anselm Quarry" is someone, though a quarry is a place. */
    private static final Pattern SHORT_TITLE_BEFORE = Pattern.compile("\\b(?:" + SHORT_TITLES + ")\\.?\\s+$");

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "and", "or", "in", "at", "to", "for", "with",
            "the", "a", "an", "is", "are", "was", "were", "be", "each", "more", "less", "times", "on", "by",
            "from", "if", "but", "so", "then", "than", "it", "that", "this", "you", "i", "we", "they", "he", "she",
            "left", "now", "today", "too", "again", "ago", "old", "apiece", "sharp");
    private static final List<String> INFLECTIONS = List.of("ing", "ed", "ly", "er", "est", "ie", "e");
    private static volatile Set<String> common;

    private Mentions() {
    }

    /** Whether {@code word} (any case) names a day of the week or a month: "May," opens no address. */
    static boolean isCalendarWord(String word) {
        return CALENDAR_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The numbers, prices and times {@code text} states, in order. */
    static List<Quantity> quantities(String text) {
        List<Quantity> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            words.add(w.group().toLowerCase(Locale.ROOT).replace('’', '\''));
            spans.add(new int[] {w.start(), w.end()});
        }
        // Clock times in words first: their hour is no number of its own ("Seven." is not "half past seven").
        List<int[]> clockWords = new ArrayList<>();
        Matcher past = PAST_THE_HOUR.matcher(text);
        while (past.find()) {
            String hourWord = past.group(3).toLowerCase(Locale.ROOT);
            int hour = Character.isDigit(hourWord.charAt(0)) ? Integer.parseInt(hourWord)
                    : UNITS_WORDS.getOrDefault(hourWord, 12); // "a quarter to midnight", "half past noon"
            boolean half = past.group(1).equalsIgnoreCase("half");
            boolean before = past.group(2).equalsIgnoreCase("to");
            int minutes = half ? 30 : before ? 45 : 15;
            int h = before ? (hour + 10) % 12 + 1 : hour; // "quarter to one" is 12:45
            out.add(new Quantity(past.group(), h + ":" + minutes, null, null));
            clockWords.add(new int[] {past.start(3), past.end(3)});
        }
        // Digits and symbols.
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            if (inside(clockWords, m.start())) {
                continue;
            }
            if (m.group(1) != null) {
                out.add(new Quantity(m.group(), number(m.group(2)), "dollar", null));
            } else if (m.group(3) != null) {
                String value = Integer.parseInt(m.group(3)) + ":" + m.group(4);
                out.add(new Quantity(trimDot(m.group().strip()), value,
                        m.group(5) == null ? null : m.group(5).toLowerCase(Locale.ROOT) + "m", null));
            } else {
                if (m.start() > 0 && Character.isLetter(text.charAt(m.start() - 1))) {
                    continue; // part of a word such as "B12"
                }
                String surface = m.group().strip();
                String unit;
                String counted = null;
                boolean priced = false;
                if (m.group(7) != null) {
                    unit = m.group(7).toLowerCase(Locale.ROOT) + "m";
                } else {
                    int after = wordAt(text, spans, m.end());
                    unit = after < 0 || piecesOfAThing(words, after) ? null : unitWord(words.get(after));
                    if (after >= 0 && spans.get(after)[0] == m.end() && words.get(after).equals("g")) {
                        unit = "gold"; // "120g", as games write gold; "2 g" and "2-g" are no money
                    }
                    if (after >= 0 && spans.get(after)[0] == m.end() && (text.charAt(m.end()) == 'd' || text.charAt(m.end()) == 'p')
                            && words.get(after).length() == 1) {
                        unit = "penny"; // "4d" of the old shilling, "50p" of the new: pence written short ("Room 4D" is none)
                    }
                    if (after >= 0 && spans.get(after)[0] == m.end() && text.charAt(m.end()) == 's'
                            && words.get(after).length() == 1 && OLD_MONEY.matcher(text).find()
                            && !DECADE_BEFORE.matcher(text.substring(0, m.start())).find()) {
                        unit = "shilling"; // "£6 10s", "2s 6d": shillings written short where pounds or pence are
                    }
                    if (after >= 0 && barePieces(words, after, after)) {
                        unit = null; // "23 pieces worth keeping" counts pieces
                    }
                    int last = after;
                    if (unit == null && after >= 0 && spanAfterHyphen(text, words, spans, after)) {
                        unit = unitWord(words.get(after + 1)); // "9 shift-days" is nine days, said the card's way
                        last = after + 1;
                    }
                    if (unit == null && after >= 0 && (priceSaid(words, after) // the digits are no word: after is where they stand
                            || ownCoin(words, after, after) || pricedFor(words, after, after))) {
                        unit = coinOf(words.get(after));
                        priced = unit != null;
                        last = priced ? coinEnd(text, words, spans, after) : after;
                    }
                    if (unit == null && after >= 0 && spans.get(after)[0] > m.end() && coinAfterWord(text, words, spans, after)) {
                        unit = coinOf(words.get(after)); // "50 gilt crowns", named as a priced coin is: by its first word
                        priced = true;
                        last = after + 1;
                    }
                    // "12 hack-silver rings": the card's coin ends in a metal, which names the coin struck of it after it
                    if (unit != null && (MONEY.contains(unit) || MONEY.contains(String.valueOf(unitWord(words.get(last)))))) {
                        last = moneyEnd(text, words, spans, last, number(m.group(6)).equals("1"));
                    }
                    if (unit != null) {
                        surface = text.substring(m.start(), spans.get(last)[1]);
                    }
                    counted = unit == null && after >= 0 ? counted(words.get(after)) : null;
                }
                Matcher fourFigures = FOUR_FIGURE_CLOCK.matcher(m.group(6));
                // (read only for four figures: every number of every line passes here)
                boolean hoursAfter = fourFigures.matches() && HOURS_AFTER.matcher(text.substring(m.end())).lookingAt() // "2100 hours"
                        && !SPAN_BEFORE.matcher(text.substring(0, m.start())).find(); // (not "it takes 1200 hours")
                if ((unit == null || hoursAfter && "hour".equals(unit)) && fourFigures.matches() && (surface.startsWith("0")
                        || hoursAfter
                        || FOUR_FIGURE_CLOCK_BEFORE.matcher(text.substring(0, m.start())).find()
                        || afterFourFigureClock(text, out, m.start()))) {
                    // "opens at 0600": an hour and its minutes, as the forces, stations and timetables write them
                    out.add(new Quantity(surface, Integer.parseInt(fourFigures.group(1)) + ":" + fourFigures.group(2), null, null));
                    continue;
                }
                Matcher dotted = DOTTED_CLOCK.matcher(surface);
                if (unit == null && dotted.matches() && (PART_OF_DAY_AFTER.matcher(text.substring(m.end())).lookingAt()
                        || CLOCK_BEFORE.matcher(text.substring(0, m.start())).find())) {
                    // "leaves at 7.40 in the morning": an hour and its minutes, as British timetables write them
                    out.add(new Quantity(surface, Integer.parseInt(dotted.group(1)) + ":" + dotted.group(2), null, null));
                    continue;
                }
                out.add(new Quantity(trimDot(surface), number(m.group(6)), unit, counted, priced));
            }
        }
        // Number words: runs such as "twenty five", "a dozen", "three hundred".
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (TIME_WORDS.contains(word)) {
                out.add(new Quantity(text.substring(spans.get(i)[0], spans.get(i)[1]), word, null, null));
                continue;
            }
            if (!isNumberWord(word) || inside(clockWords, spans.get(i)[0]) || i >= 2 && isPiecesOfEight(words, i - 2)
                    || NAMED_NUMBER.matcher(text).region(spans.get(i)[0], text.length()).lookingAt()) {
                continue;
            }
            int j = i;
            long total = 0;
            long current = 0;
            while (j < words.size() && isNumberWord(words.get(j)) && (j == i || adjacent(text, spans, j))) {
                String part = words.get(j);
                if (SCALE_WORDS.containsKey(part)) {
                    current = Math.max(current, 1) * SCALE_WORDS.get(part);
                    if (SCALE_WORDS.get(part) >= 1000) {
                        total += current;
                        current = 0;
                    }
                } else {
                    current += UNITS_WORDS.containsKey(part) ? UNITS_WORDS.get(part) : TENS_WORDS.get(part);
                }
                j++;
                if (j < words.size() && words.get(j).equals("and") && j + 1 < words.size() && isNumberWord(words.get(j + 1))) {
                    j++;
                }
            }
            String unit = j < words.size() && !piecesOfAThing(words, j) && !barePieces(words, i, j) ? unitWord(words.get(j)) : null;
            // "two full moons", "three whole days": a word between the number and its unit of time
            boolean described = unit == null && j + 1 < words.size() && SPAN_ADJECTIVES.contains(words.get(j))
                    && adjacent(text, spans, j) && adjacent(text, spans, j + 1)
                    && TIMES.contains(String.valueOf(unitWord(words.get(j + 1))));
            // "nine shift-days": the unit of time is the end of a hyphened word
            described = described || unit == null && j < words.size() && adjacent(text, spans, j)
                    && spanAfterHyphen(text, words, spans, j);
            if (described) {
                unit = unitWord(words.get(j + 1));
            }
            boolean priced = false;
            if (unit == null && j < words.size() && adjacent(text, spans, j)
                    && (priceSaid(words, i) || ownCoin(words, i, j) || pricedFor(words, i, j))) {
                unit = coinOf(words.get(j));
                priced = unit != null;
            }
            boolean coinAfterWord = unit == null && j < words.size() && adjacent(text, spans, j) && coinAfterWord(text, words, spans, j);
            if (coinAfterWord) {
                unit = coinOf(words.get(j)); // "fifty gilt crowns"
                priced = true;
            }
            String surface = text.substring(spans.get(i)[0], spans.get(j - 1)[1]);
            if (j - i == 1 && AMBIGUOUS.contains(word) && unit == null) {
                i = j - 1;
                continue;
            }
            String counted = unit == null && j < words.size() && adjacent(text, spans, j) ? counted(words.get(j)) : null;
            int coinLast = unit == null ? j : described || coinAfterWord ? j + 1 : priced ? coinEnd(text, words, spans, j)
                    : MONEY.contains(unit) ? moneyEnd(text, words, spans, j, total + current == 1) : j;
            String coin = coinLast > j ? text.substring(spans.get(j)[0], spans.get(coinLast)[1]) : unit == null ? null : words.get(j);
            out.add(new Quantity(unit == null ? surface : surface + " " + coin, String.valueOf(total + current), unit,
                    counted, priced));
            i = j - 1;
        }
        // Pence said in one word: "sixpence", "7 shillings and sixpence" (joined below).
        Matcher pence = PENCE_WORD.matcher(text);
        while (pence.find()) {
            String count = pence.group(1).toLowerCase(Locale.ROOT).replace('’', '\'');
            int value = count.startsWith("ha") ? 0 : count.equals("tup") ? 2 : count.equals("thrup") ? 3 : UNITS_WORDS.get(count);
            out.add(new Quantity(pence.group(), value == 0 ? "0.5" : String.valueOf(value), "pence", null, true));
        }
        // One coin said with its article after a word of price: "A bed costs a shilling", "is a penny a cup".
        Matcher oneCoin = ONE_COIN.matcher(text);
        while (oneCoin.find()) {
            String coin = oneCoin.group(2).toLowerCase(Locale.ROOT);
            if (MONEY.contains(coin) || coin.equals("pound")) {
                boolean half = oneCoin.group(1).toLowerCase(Locale.ROOT).startsWith("half");
                out.add(new Quantity(oneCoin.group(1) + " " + oneCoin.group(2), half ? "0.5" : "1", coin, null, true));
            }
        }
        // Parts of a span: "half an hour", "a quarter of an hour", "three quarters of a day".
        Matcher part = PART_OF_SPAN.matcher(text);
        while (part.find()) {
            String share = part.group(1).toLowerCase(Locale.ROOT);
            String value = share.startsWith("half") ? "0.5" : share.startsWith("three") ? "0.75" : "0.25";
            out.add(new Quantity(part.group(), value, part.group(2).toLowerCase(Locale.ROOT), null));
        }
        // One whole span said with its article, after a word that makes it a length of time: "Mead takes a year
        // to age." (not "once a week" or "3 copper a day", a rate; "half an hour" is read above).
        Matcher one = ONE_SPAN.matcher(text);
        while (one.find()) {
            out.add(new Quantity(one.group(1), "1", one.group(2).toLowerCase(Locale.ROOT), null));
        }
        return joinedCoins(text, ofWhat(text, out));
    }

    /** What a weight or a count of coins is of: "3 marks of silver", "2 ounces of gold". */
    // ("4 quills of gold dust": the dust, not coin)
    private static final Pattern OF_METAL = Pattern.compile("(?i) of (?:the )?(?:silver|gold|copper|bronze|brass|electrum)(?: dust| leaf| wire| thread)?\\b");
    /** What a measure paid is of, a word: "3 ells of wadmal", "5 ounces of hack-silver", "2 measures of salt". */
    private static final Pattern OF_GOODS = Pattern.compile("(?i) of ([\\p{L}][\\p{L}'-]*\\p{L})\\b");

    /**
     * Prices said with what they are of, as one: "3 marks." says another price than "3 marks of silver"; "3 ells." says
     * nothing of what the cloth is. A measure priced in a card's own goods takes the word after "of" (not a word like
     * "which" or "the": "5 crowns of which 2 go to the guild").
     */
    private static List<Quantity> ofWhat(String text, List<Quantity> found) {
        List<Quantity> out = new ArrayList<>(found.size());
        for (Quantity q : found) {
            int at = text.indexOf(q.surface());
            int end = at + q.surface().length();
            Matcher of = at < 0 || !q.kind().equals("money") ? null : OF_METAL.matcher(text).region(end, text.length());
            if (of != null && !of.lookingAt() && q.priced() && !MONEY.contains(String.valueOf(q.unit()))) {
                of = OF_GOODS.matcher(text).region(end, text.length());
                String word = of.lookingAt() ? of.group(1).toLowerCase(Locale.ROOT) : null;
                if (word != null && (FUNCTION_WORDS.contains(word) || STOP_OF.contains(word))) {
                    of = null;
                }
            }
            out.add(of != null && of.lookingAt()
                    ? new Quantity(q.surface() + of.group(), q.value(), q.unit(), q.counted(), q.priced()) : q);
        }
        return out;
    }

    /** Words after "of" that say no goods: "of which", "of them", "of mine". */
    private static final Set<String> STOP_OF = Set.of("which", "them", "those", "these", "mine", "yours", "ours", "his",
            "hers", "theirs", "what", "whom", "your", "my", "our", "their", "her", "its", "all", "any", "some", "every");

    /** Whether word {@code at} is joined by a hyphen to a unit of time after it: "shift-days", "work-weeks". */
    private static boolean spanAfterHyphen(String text, List<String> words, List<int[]> spans, int at) {
        return at + 1 < words.size() && spans.get(at + 1)[0] == spans.get(at)[1] + 1
                && text.charAt(spans.get(at)[1]) == '-' && TIMES.contains(String.valueOf(unitWord(words.get(at + 1))));
    }

    /** An old English coin of pence said as one word, by its number of pence. */
    private static final Pattern PENCE_WORD = Pattern.compile("(?i)\\b(two|tup|three|thrup|four|five|six|seven|eight|nine|"
            + "ten|eleven|ha'|ha’|half)(?:pence|penny)\\b");

    private static final Map<String, String> SMALLER_COIN = Map.of("dollar", "cent", "pound", "penny", "euro", "cent");

    /**
     * Prices said in two coins, "2 dollars and 50 cents", as one: "2 dollars." says another price. Dollars and
     * cents (pounds and pence) add up ("$2.50" says the same); other coins keep the first one's value.
     */
    private static List<Quantity> joinedCoins(String text, List<Quantity> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Quantity> out = new ArrayList<>(found);
        for (int i = 0; i < out.size(); i++) {
            Quantity first = out.get(i);
            // "3 pounds 10 shillings": a pound before a coin is money, not a weight
            boolean money = first.kind().equals("money") || "pound".equals(first.unit());
            for (int k = 0; money && k < out.size(); k++) {
                Quantity second = out.get(k);
                // "2 pesos 50", "two dollars fifty": the smaller coin left unsaid after the larger
                boolean bare = first.kind().equals("money") && second.unit() == null && second.counted() == null
                        && (second.surface().matches("\\d{1,2}") || isNumberWord(second.surface().toLowerCase(Locale.ROOT)));
                if (k == i || !second.kind().equals("money") && !bare) {
                    continue;
                }
                String joined = null;
                for (String between : bare ? List.of(" ") : List.of(" and ", ", ", " ")) {
                    String said = first.surface() + between + second.surface();
                    if (lower.contains(said.toLowerCase(Locale.ROOT))) {
                        joined = said;
                    }
                }
                if (joined == null) {
                    continue;
                }
                String value = first.value();
                if (second.unit() != null && second.unit().equals(SMALLER_COIN.get(first.unit()))) {
                    try {
                        value = new BigDecimal(first.value()).add(new BigDecimal(second.value()).movePointLeft(2))
                                .stripTrailingZeros().toPlainString();
                    } catch (NumberFormatException e) {
                        // a value in words stays the first coin's
                    }
                }
                out.set(i, new Quantity(joined, value, first.unit(), null, first.priced() || !first.kind().equals("money")));
                out.remove(k);
                i = -1; // look again: three coins are said together as two joins
                break;
            }
        }
        return out;
    }

    /** A coin with its article after a word of price: "costs a shilling", "is a penny" (its coin checked against MONEY). */
    private static final Pattern ONE_COIN = Pattern.compile("(?i)(?<=\\b(?:cost|costs|is|are|was|were|charge|charges|pay|pays|"
            + "for|only|just|runs|fetches|sells for|goes for)\\s)((?:half\\s+)?an?)\\s+(\\p{L}+)\\b(?!-)"); // ("half a penny")
    /** "a year" or "an hour" after a word that makes it how long something lasts. */
    private static final Pattern ONE_SPAN = Pattern.compile("(?i)\\b(?:takes?|took|lasts?|for|in|about|around|nearly|almost|"
            + "within|under|over|than|needs?|wait|waits|is|only|just)\\s+((?:a|an) (minute|hour|day|night|week|month|year))\\b");

    /** A share of a span of time, which no number says: "half an hour", "a quarter of an hour". */
    private static final Pattern PART_OF_SPAN = Pattern.compile(
            "(?i)\\b(half an?|half of an?|quarter of an?|three quarters of an?) (hour|day|week|month|year)\\b");
    /** A clock time said in words: "half past seven", "a quarter to nine", "quarter after 4", "a quarter to midnight". */
    private static final Pattern PAST_THE_HOUR = Pattern.compile(
            "(?i)\\b(half|quarter) (past|after|to) (\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    + "midnight|noon|midday)\\b");

    /** A name without its possessive "'s": "Mr Albert Quayle" of "Mr Albert Quayle's" ("Jess'" stays). */
    static String withoutPossessive(String name) {
        return name.replaceFirst("['’]s$", "");
    }

    /** {@code text} with every name the sources state spelt as they spell it: "Mossy ford" becomes "Mossy Ford". */
    static String namesAsIn(String text, java.util.Collection<String> sources) {
        String out = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (String source : sources) {
            for (Name n : names(source)) {
                // (a possessive name is spelt without its "'s" too: "Mr albert quayle" of "Mr Albert Quayle's farm")
                String name = withoutPossessive(n.surface());
                if (!lower.contains(name.toLowerCase(Locale.ROOT))) {
                    continue; // most names are not in the reply: no pattern built for them
                }
                out = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
                        .matcher(out).replaceAll(Matcher.quoteReplacement(name));
            }
        }
        return out;
    }

    /** A capitalised word inside a sentence: after a word, a comma or an apostrophe and a space. */
    private static final Pattern MID_CAPITAL = Pattern.compile("(?<=[\\p{L}\\p{N},;:']\\s)\\p{Lu}\\p{Ll}+\\b");

    /**
     * {@code text} with a word capitalised inside a sentence written lower case where the sources write it so:
     * the model copies a value as if it opened a sentence ("That's Five.", "You want Dusk."), the card says
     * "at five", "before dusk". A word no source writes lower case is left as it is (a name).
     */
    static String commonWordsAsIn(String text, java.util.Collection<String> sources) {
        text = hyphenedAsIn(text, sources);
        Matcher m = MID_CAPITAL.matcher(text);
        StringBuilder out = null;
        int from = 0;
        while (m.find()) {
            String lower = m.group().toLowerCase(Locale.ROOT);
            Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(lower) + "(?![\\p{L}\\p{N}])");
            // A number is no name, however a fact that opens with it writes it: "It is Forty-three."
            if (isNumberWord(lower) || sources.stream().anyMatch(source -> word.matcher(source).find())) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, from, m.start()).append(lower);
                from = m.end();
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    private static final Pattern HYPHENED = Pattern.compile("\\p{L}+-\\p{L}+");

    /** {@code text} with the words the sources join by a hyphen joined so: "Forty three graves." as "Forty-three graves.". */
    private static String hyphenedAsIn(String text, java.util.Collection<String> sources) {
        String out = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (String source : sources) {
            Matcher h = HYPHENED.matcher(source);
            while (h.find()) {
                String[] parts = h.group().toLowerCase(Locale.ROOT).split("-");
                if (!lower.contains(parts[0] + " " + parts[1])) {
                    continue; // most are not in the reply: no pattern built for them
                }
                Matcher spaced = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(" + Pattern.quote(parts[0]) + ") ("
                        + Pattern.quote(parts[1]) + ")(?![\\p{L}\\p{N}])").matcher(out);
                out = spaced.replaceAll("$1-$2");
            }
        }
        return out;
    }

    /** A word that describes a coin rather than names it: "made" in "14 made beaver". */
    private static final Pattern PARTICIPLE = Pattern.compile("made|\\p{L}{3,}ed");

    /**
     * The last word of a coin a card names in two words, a singular one and a plural after it ("3 bottle caps"):
     * {@code at} itself when the coin is one word. Said "3 bottle." it was no price at all.
     */
    private static int coinEnd(String text, List<String> words, List<int[]> spans, int at) {
        // "brass cogs": a word in -ss is no plural
        boolean plural = at + 1 < words.size() && words.get(at + 1).length() > 3 && words.get(at + 1).endsWith("s")
                && (!words.get(at).endsWith("s") || words.get(at).endsWith("ss")) && adjacent(text, spans, at + 1) && !PLACE_ENDS.contains(words.get(at + 1));
        // "35 rock scrip": the card's word for a kind of a coin this library knows
        boolean coin = at + 1 < words.size() && adjacent(text, spans, at + 1) && MONEY.contains(String.valueOf(unitWord(words.get(at + 1))));
        // "14 made beaver", "3 stamped bars": a participle is no coin, the word it describes is
        boolean described = at + 1 < words.size() && adjacent(text, spans, at + 1) && PARTICIPLE.matcher(words.get(at)).matches()
                && words.get(at + 1).chars().allMatch(Character::isLetter) && !AFTER_PRICE.contains(words.get(at + 1))
                && !FUNCTION_WORDS.contains(words.get(at + 1));
        // "6 Maria Theresa dollars": a coin named for someone, in capitals before the coin
        int named = at;
        while (Character.isUpperCase(text.charAt(spans.get(at)[0])) && named + 1 < words.size() && named - at < 2
                && adjacent(text, spans, named + 1) && Character.isUpperCase(text.charAt(spans.get(named + 1)[0]))) {
            named++;
        }
        if (named > at && named + 1 < words.size() && adjacent(text, spans, named + 1)
                && MONEY.contains(String.valueOf(unitWord(words.get(named + 1))))) {
            return named + 1;
        }
        return plural || coin || described ? at + 1 : at;
    }

    /**
     * The last word of a coin named in two words: a coin and a coin ("three silver crowns", "3 gold pieces"), or a
     * metal and the coin made of it ("2 silver reales", "3 copper cogs", "1 copper cog"; singular only after one, so
     * that "5 gold deposit" stays 5 gold). {@code at + 1} then, else {@code at}. Said "1 copper" it is cut short.
     */
    private static int moneyEnd(String text, List<String> words, List<int[]> spans, int at, boolean one) {
        if (at + 1 >= words.size() || !adjacent(text, spans, at + 1)) {
            return at;
        }
        if (isPiecesOfEight(words, at)) {
            return at + 2;
        }
        String word = words.get(at + 1);
        String next = unitWord(word);
        if (next != null) {
            return MONEY.contains(next) ? at + 1 : at;
        }
        boolean coinNoun = word.length() >= 3 && word.chars().allMatch(Character::isLetter) && !PLACE_ENDS.contains(word)
                && !AFTER_PRICE.contains(word) && (word.length() > 3 && word.endsWith("s") || one);
        String coin = unitWord(words.get(at)); // none when the card names its own coin ("40 pennies")
        // "12 copper cash": the copper coin with a hole, which has no plural ("5 gold cash" is paid in cash)
        boolean copperCash = "copper".equals(coin) && word.equals("cash");
        // "12 copper rin", "2 silver ryo": a coin's name no dictionary has, after its metal
        boolean foreignCoin = word.length() >= 2 && word.chars().allMatch(Character::isLetter) && !AFTER_PRICE.contains(word)
                && !PLACE_ENDS.contains(word) && (!isCommon(word) && !Lexicon.shipped().contains(word) || wordNetCoin(word));
        return coin != null && METALS.contains(coin) && (coinNoun || copperCash || foreignCoin) ? at + 1 : at;
    }

    /**
     * Whether WordNet files {@code word} under coins or the small units of a currency ("sen", "denier"), so that "2 copper
     * sen" is one price, though "sen" is in the dictionaries; "5 gold deposit" is not.
     */
    private static boolean wordNetCoin(String word) {
        List<String> stem = FactRetriever.terms(word, 1);
        if (stem.isEmpty()) {
            return false;
        }
        List<String> related = RelatedWords.shipped().of(stem.get(0));
        return related.contains("coin") || related.contains("subunit");
    }

    /** "86 pieces of the Decretals": pieces of a thing, counted, not a coin ("pieces of eight" are). */
    private static boolean piecesOfAThing(List<String> words, int at) {
        return "piece".equals(unitWord(words.get(at))) && at + 1 < words.size() && words.get(at + 1).equals("of")
                && !isPiecesOfEight(words, at);
    }

    /**
     * Pieces counted with no word of price before the number ({@code number}, or the word after digits) are pieces
     * of a thing: "we've brought up 23 pieces worth keeping"; "costs 5 pieces", "pieces of eight" are coins.
     */
    private static boolean barePieces(List<String> words, int number, int at) {
        return "piece".equals(unitWord(words.get(at))) && !isPiecesOfEight(words, at) && !priceSaid(words, number);
    }

    /** "pieces of eight" from the word at {@code at}: one coin of three words. */
    private static boolean isPiecesOfEight(List<String> words, int at) {
        return at + 2 < words.size() && "piece".equals(unitWord(words.get(at))) && words.get(at + 1).equals("of")
                && words.get(at + 2).equals("eight");
    }

    /** Coins that are a metal, which may name the coin struck of it after them ("silver reales"). */
    private static final Set<String> METALS = Set.of("gold", "silver", "copper");
    /** Words that follow a price and are not its coin ("1 gold each", "5 silver extra"). */
    private static final Set<String> AFTER_PRICE = Set.of("each", "apiece", "per", "a", "an", "the", "extra", "more",
            "less", "only", "total", "flat", "now", "today", "tonight", "tomorrow", "up", "down", "upfront", "plus", "off",
            "back", "cash", "deposit", "tops", "max", "minimum", "maximum", "even", "says", "said", "will", "would",
            "can", "could", "should", "must", "has", "had", "have", "was", "did", "does", "do", "not", "then", "than");

    /** Words for a part of a place, said with the place: "the far end of the quay", "the foot of the stair". */
    private static final Set<String> PLACE_PARTS = Set.of("end", "top", "foot", "head", "edge", "bottom", "back", "side",
            "corner", "mouth", "rim", "tip", "middle", "centre", "center");
    /** Parts that are no place without what they are the part of: "a dish with a deer painted in the middle". */
    private static final Set<String> PARTS_ONLY_OF = Set.of("middle", "centre", "center");
    /** What marks a building or a stand out, said after it: " with the blue-painted posts", " with a red door". */
    private static final Pattern WITH_FEATURE = Pattern.compile(" with (?:the|a|an) (?:[\\p{Ll}'-]+ ){0,2}(?:posts?|doors?|roof|"
            + "sign|flags?|shutters|chimney|awning|gate|porch|windows?|lanterns?|lamps?|mast|sails?|steps|bell|tower|dome|"
            + "walls?|fence|banner|pennant|arch|columns?|pillars?|curtain|canopy|thatch|weathervane)\\b");
    /** The place a part is of: " of the jetty", " of the north stair" (no name: a name is one of its own). */
    private static final Pattern PART_OF = Pattern.compile(" of (?:the )?\\p{Ll}[\\p{Ll}'-]*(?: \\p{Ll}[\\p{Ll}'-]*){0,2}?"
            + "(?=$|[.,;:!?]| (?:and|but|where|which|who|when|while|so|for|to|with|at|on|in|from|by|beside|near|behind|"
            + "above|below|under|past|next"
            // "the mouth of the river the whalers call Ibai Zuria": a clause about it, its "that" left out
            + "|the|a|an)\\b)");

    /** A preposition of place, a determiner, then the words of the place ("in the torture chamber"). */
    private static final Pattern LOCATION = Pattern.compile(
            "(?i)\\b(?:in|at|on|under|near|behind|beside|inside|outside|beyond|past|above|below|beneath|across|"
                    + "into|opposite|next to|over|against|along|(?<loose>by|to)"
                    // "The ferry leaves the town landing": where it sets out from, said without "from"
                    + "|(?<departs>leaves|departs))\\s+(?:the|a|an|my|his|her|our|their|your|this|that|its)\\s+"
                    // "on the 22nd floor": a storey or a deck counted in digits is a place as "the third floor" is
                    + "(?<place>\\p{L}[\\p{L}'-]*(?:\\s+\\p{L}[\\p{L}'-]*){0,3}|\\d+(?:st|nd|rd|th)\\s+\\p{L}[\\p{L}'-]*)");
    /** Phrases a locative opens that name no place: "12 riders at a time", "on the way", "in a row". */
    /** Last words that make a phrase after "in", "at"… a time: "the deep of winter", "the middle of the night". */
    private static final Set<String> TIME_ENDS = Set.of("night", "nights", "day", "days", "morning", "evening", "afternoon",
            "winter", "summer", "spring", "autumn", "year", "season", "month", "week", "dawn", "dusk", "noon", "midnight",
            "twilight");
    /** What marks a time of day after its part: "the evening call", "the morning bell". */
    private static final Set<String> TIME_CALLS = Set.of("call", "bell", "bells", "prayer", "prayers", "meal", "watch", "shift",
            "service", "mass", "tide", "horn", "gun", "whistle", "siren", "muster", "chant", "hymn", "drum", "gong", "song");
    private static final Set<String> NOT_PLACES = Set.of("time", "moment", "while", "way", "row", "whole", "rest",
            "same time", "end of the day", "day", "night", "week", "other hand", "meantime", "morning", "evening",
            "afternoon", "spot", "dot", "hour", "minute", "years", "months", "weeks", "seasons", "decades", "summers",
            "winters", // "over the years"
            // "recorded in the books", "in the red": ledgers and debts, no places
            "books", "red", "black",
            // "opens at the bell for Prime", "stop at the noon whistle": signals of time, no places
            "bell", "horn", "whistle", "gong", "chime", "curfew",
            // "the biggest snow tractor in the world": how big, not where
            "world");
    /** Words that end a place phrase: what follows them says something else ("in the cellar until dawn"). */
    /** A side of a place left at a place phrase's end when the next place was cut off: "into the bank below [the pen]". */
    private static final Set<String> TRAILING_SIDES = Set.of("below", "above", "beneath", "beyond", "inside", "outside",
            "opposite", "underneath", "atop", "down", "up", "over", // "at his forge tent down by the horse lines"
            // "the tin shed east of the lumber yard" ({@link #DIRECTION_OF} reads "east of the lumber yard")
            "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "upstream", "downstream",
            "uphill", "downhill");
    private static final Set<String> PLACE_ENDS = Set.of(
            // a verb after a modal ends it: "Women near their time should come to me" names no place
            "should", "would", "could", "will", "must", "can", "may", "might", "and", "or", "but", "at", "in", "on", "to", "for", "with",
            "from", "by", "every", "each", "itself", "themselves", "sharp", "when", "where", "which", "who", "until", "till", "so", "because", "if",
            "is", "are", "was", "were", "be", "since", "after", "before", "during", "near", "under", "behind",
            "beside", "across", "past", "off", "than", "then", "while", "as", "that", "the", "a", "an", "not",
            "unless", "though", "although", "tonight", "today", "now", "no", "never", "any", "longer", "more", "around",
            "about", "against", "above", "below", "beneath", "beyond", "inside", "outside", "opposite", "into", "along",
            "between", "within", "toward", "towards",
            // a verb after its subject ends it: "every boat on the lake wants to be out by then" is on the lake
            "wants", "needs", "has", "had", "does", "did", "gets", "goes", "comes", "takes", "makes", "stays", "sits",
            "opens", "closes", "belongs", "costs", "seems", "looks", "knows", "says", "sells", "buys", "pays", "likes");

    /**
     * The common-noun places {@code text} puts things in, lower case ("torture chamber" in "I left the holy
     * water in the torture chamber.", "shrine of sretniy", "old well"): a game card's answer to "Where…?" is
     * as often a place with no name as a named one.
     */
    static List<String> locations(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = LOCATION.matcher(text);
        // each search starts inside the last one's words: "beside the signal mirror on the north rim" is two places
        for (int from = 0; m.find(from); from = m.start("place")) {
            List<String> words = new ArrayList<>();
            boolean named = false;
            String[] placeWords = m.group("place").split("\\s+");
            for (String w : placeWords) {
                // (a place named by a number first: "under the three alders", "at the Seven Stones")
                boolean numbered = words.isEmpty() && placeWords.length > 1 && unitWord(placeWords[1].toLowerCase(Locale.ROOT)) == null
                        && !PLACE_ENDS.contains(placeWords[1].toLowerCase(Locale.ROOT));
                if (PLACE_ENDS.contains(w.toLowerCase(Locale.ROOT))
                        || isNumberWord(w.toLowerCase(Locale.ROOT)) && !isOrdinal(w) && !numbered) { // ("on the fourth landing")
                    break; // "on this river thirty years" is on the river
                }
                // A capital is a name, which names() reads: "the bounty on the outlaw Dutch Harlan" is no place.
                // A day's or month's name is not: "at the Saturday market" is a place, the market.
                named |= Character.isUpperCase(w.charAt(0)) && !CALENDAR_WORDS.contains(normalise(w));
                words.add(w.toLowerCase(Locale.ROOT));
            }
            boolean ofAfter = false;
            while (!words.isEmpty() && (words.get(words.size() - 1).equals("of")
                    || TRAILING_SIDES.contains(words.get(words.size() - 1)))) {
                // "the shrine of" before a capitalised name cut off above; "the bank below" before "the cattle pen"
                ofAfter |= words.remove(words.size() - 1).equals("of");
            }
            if (named || NOT_PLACES.contains(String.join(" ", words))
                    // (read once "of" is cut: "on the last day of each month" is when)
                    || (words.size() > 1 || ofAfter) && !words.isEmpty() && TIME_ENDS.contains(words.get(words.size() - 1))
                    // "in the mornings", "in the winters" (but "at the spring" may be a well)
                    || words.size() == 1 && !words.get(0).startsWith("spring") && TIME_ENDS.contains(words.get(0).replaceAll("s$", ""))
                    // "at the evening call to prayer", "by the morning bell": a time called, no place
                    || words.size() == 2 && TIME_ENDS.contains(words.get(0)) && TIME_CALLS.contains(words.get(1))
                    // "on the morning of sol 212": a time of a day
                    || words.size() > 1 && TIME_ENDS.contains(words.get(words.get(0).equals("the") && words.size() > 2 ? 1 : 0))
                    && words.contains("of")) {
                continue; // "in the deep of winter", "in the dead of night": when, not where
            }
            if (!words.isEmpty() && PLACE_PARTS.contains(words.get(words.size() - 1))) {
                // "the north end of the jetty", "the top of the north stair": a part of a place is said with it
                Matcher of = PART_OF.matcher(text).region(after(lower, words, m.start("place")), text.length());
                if (of.lookingAt()) {
                    words.add(of.group().strip().toLowerCase(Locale.ROOT));
                }
            }
            // ("in the middle fetches 3 guilders": the words after it are not a place either)
            if (!words.isEmpty() && PARTS_ONLY_OF.contains(words.get(0)) && words.stream().noneMatch(w -> w.startsWith("of"))) {
                continue;
            }
            if (!words.isEmpty()) {
                // "the long house with the blue-painted posts": what tells this house from the others is said with it
                Matcher with = WITH_FEATURE.matcher(text).region(after(lower, words, m.start("place")), text.length());
                if (with.lookingAt()) {
                    words.add(with.group().strip().toLowerCase(Locale.ROOT));
                }
            }
            // ("by", "to" and "leaves" open a place only before a word of place: not "leaves the key under the mat")
            if ((m.group("loose") != null || m.group("departs") != null)
                    && (words.isEmpty() || !PLACE_WORDS.contains(words.get(words.size() - 1)))) {
                continue; // "by the chapel", "sent to the chapel hall" are where; "made by the monks", "talk to the guard" not
            }
            if (!words.isEmpty() && !out.contains(String.join(" ", words))) {
                out.add(String.join(" ", words));
            }
        }
        // A place by its direction from another: "The Needle Rocks lie north of the harbour mouth."
        Matcher direction = DIRECTION_OF.matcher(text);
        while (direction.find()) {
            List<String> words = new ArrayList<>();
            for (String w : direction.group(2).split("\\s+")) {
                if (PLACE_ENDS.contains(w.toLowerCase(Locale.ROOT)) && !w.equalsIgnoreCase("the")) {
                    break;
                }
                words.add(w.toLowerCase(Locale.ROOT));
            }
            String place = (direction.group(1) + " of " + String.join(" ", words)).toLowerCase(Locale.ROOT);
            if (!words.isEmpty() && !out.contains(place)) {
                out.add(place);
            }
        }
        // A numbered place: "leaves from dock 7", "sleeps in bunk 12", "at gate 4".
        Matcher numbered = NUMBERED_PLACE.matcher(text);
        while (numbered.find()) {
            String place = numbered.group(1).toLowerCase(Locale.ROOT);
            if (unitWord(numbered.group(2)) == null && !out.contains(place)) {
                out.remove(numbered.group(2)); // "in the bunk 12" read above as "bunk"
                out.add(place);
            }
        }
        return out;
    }

    /** Where the last of a place's {@code words} ends in {@code lower}, found from {@code from}: what follows the place. */
    private static int after(String lower, List<String> words, int from) {
        String last = words.get(words.size() - 1);
        return Math.min(lower.length(), lower.indexOf(last, from) + last.length());
    }

    /** A compass direction or a slope and "of" what it is reckoned from ("north of the harbour mouth"). */
    private static final Pattern DIRECTION_OF = Pattern.compile("(?i)\\b(north|south|east|west|north-?east|north-?west|"
            + "south-?east|south-?west|upstream|downstream|uphill|downhill)\\s+of\\s+((?:the\\s+)?\\p{L}[\\p{L}'-]*"
            + "(?:\\s+\\p{L}[\\p{L}'-]*){0,3})");

    /**
     * A preposition of place, perhaps "the", then a lower-case noun and its number or letter ("from dock 7",
     * "in locker C", "at gate 4B").
     */
    private static final Pattern NUMBERED_PLACE = Pattern.compile(
            "\\b(?:in|at|on|from|to|near|by|behind|beside|outside|inside|past)\\s+(?:the\\s+)?((\\p{Ll}+)\\s+(?:\\d+[a-zA-Z]?|\\p{Lu}\\d*))\\b");

    /** The proper names {@code text} states, in order. */
    static List<Name> names(String text) {
        List<Name> out = new ArrayList<>();
        int sentenceStart = 0;
        Matcher ends = SENTENCE_END.matcher(text);
        while (true) {
            boolean more = ends.find();
            int sentenceEnd = more ? ends.start() : text.length();
            namesInSentence(text.substring(sentenceStart, sentenceEnd), out);
            if (!more) {
                break;
            }
            sentenceStart = ends.end();
        }
        return out;
    }

    /**
     * What follows a sentence's first word when it qualifies the subject rather than names it: "Beeswax candles are
     * 1 silver." ("Hetty bakes bread.", "Corlo helps me" go on with a verb).
     */
    private static final Pattern MODIFIES_SUBJECT = Pattern.compile("\\s+\\p{Ll}+\\s+(?:are|is|was|were|cost|costs)\\b");
    /** "the" and a word for someone by their trade after a sentence's first word: "Benny the newsboy", "Pim the cutler". */
    private static final Pattern CALLED_BY_TRADE = Pattern.compile("\\s+the\\s+\\p{Ll}+(?:" + TRADE_ENDINGS + ")\\b");
    /** A hyphen and a lower-case word after a sentence's first word: it is half of a compound word. */
    private static final Pattern COMPOUND_REST = Pattern.compile("-\\p{Ll}");
    private static final Pattern NAME_NUMBER = Pattern.compile(
            " ([0-9]+)(?=\\s*$|[,.;:!?)]| (?:on|in|at|of|and|or|near|by|to|for|with|is|was|where|every|each|from|until|till|"
                    + "after|before|since|when|but|so|has|had|needs|holds|stands|sits|leaks|will|can"
                    // "on Deck 2 behind the desalination plant": where it stands, said after its number
                    + "|behind|beside|under|past|above|below|next|opposite|aft|forward)\\b)");
    // "Guild of Whispers", "Farid al-Hakim", "Ines da Costa", "the Via dei Tintori", "Ponte degli Orafi", "Rue de la
    // Paix", "Jan van der Berg": small words inside a name
    private static final String CONNECTORS = "of|of the|de|de la|de los|de las|von|von der|van|van der|van den|al|el|bin|ibn|"
            + "da|di|du|del|della|dei|degli|delle|dello|des|der|den|dos|das|do";
    private static final Pattern CONNECTOR = Pattern.compile(" (?:" + CONNECTORS + ")[ -]");
    private static final Pattern CONNECTOR_PREFIX = Pattern.compile(" (?:" + CONNECTORS + ")");
    private static final Set<String> CONNECTOR_WORDS = Set.copyOf(List.of(CONNECTORS.split("[| ]")));

    /** An opening quote before a quoted word that closes before another capitalised word: Lucinda "Lucky" Farrow, Earl 'Fingers' Washington. */
    private static final Pattern NICKNAME_AHEAD = Pattern.compile("\\s+[\"“'‘]\\p{Lu}[\\p{L}'’-]*?[\"”'’]\\s+\\p{Lu}");
    private static final Pattern CLOSING_QUOTE = Pattern.compile("[\"”]\\s+");
    private static final Pattern QUOTED_LAST = Pattern.compile("\\s[\"“]\\p{Lu}[\\p{L}'’-]*$");

    private static void namesInSentence(String sentence, List<Name> out) {
        Matcher w = WORD.matcher(sentence);
        List<String> run = new ArrayList<>();
        int runStart = -1;
        int runEnd = -1;
        while (w.find()) {
            String word = w.group();
            boolean capital = word.length() > 0 && Character.isUpperCase(word.codePointAt(0)) && !word.equals("I")
                    && !word.startsWith("I'") && !word.startsWith("I’");
            // Capitalised words next to each other (only spaces between) form one name: "Old Tom Hale"; so
            // do one word and the next after "of" ("Guild of Whispers", "Bank of the Isles"), but a full
            // name stays itself: "Agnes Thorne" of Brightwater.
            String gap = runEnd < 0 ? "" : sentence.substring(runEnd, w.start());
            boolean joins = !run.isEmpty() && (gap.isBlank() || capital && CONNECTOR.matcher(gap).matches()
                    && goesOnWith(run, gap.strip())
                    // a nickname in quotes inside a name: Lucinda "Lucky" Farrow
                    // a double-barrelled name: Ansel Brightwater-Kade
                    || capital && gap.equals("-")
                    // "the Church of St. Nicholas": a word written short, its full stop inside the name
                    || capital && gap.equals(". ") && run.get(run.size() - 1).matches(SHORT_PLACE_WORDS)
                    // a byname after a one-word name: "Ghash the Quiet", "Alfred the Great" (not "Tom the Old Mill")
                    || capital && gap.equals(" the ") && run.size() == 1 && !PLACE_WORDS.contains(normalise(word))
                            && !CALENDAR_WORDS.contains(normalise(word))
                    // "the Toad & Lantern tavern"
                    || capital && gap.equals(" & ")
                    // "the Tup and Thistle inn", "the Rose and Crown": one house's name after "the" (not "Tom and Mary")
                    || capital && gap.equals(" and ") && houseName(sentence, run, runStart)
                    || capital && NICKNAME_AHEAD.matcher(sentence).region(runEnd, sentence.length()).lookingAt()
                    // …and its closing quote, after a quoted word that joined it
                    || capital && run.size() >= 2 && CLOSING_QUOTE.matcher(gap).matches()
                            && QUOTED_LAST.matcher(sentence.substring(0, runEnd)).find());
            if (!capital && goesOnWith(run, word) && CONNECTOR_WORDS.contains(word)
                    && CONNECTOR_PREFIX.matcher(sentence.substring(runEnd, w.end())).matches()) {
                continue; // maybe inside a name: decided by the next word
            }
            if (!capital && gap.equals("-") && (run.size() >= 2 || runStart > 0 && !isCommon(normalise(word)))) {
                // "Kim Man-sik", "Yang Dal-su": a given name of two syllables, the second in lower case (not the
                // half of a compound word that opens a sentence: "Eel-stew is 2 coins")
                run.add(word); // (a word of its own, as "Brightwater-Kade" is two)
                runEnd = w.end();
                continue;
            }
            if (!capital && word.equals("the") && run.size() == 1 && !isCommon(normalise(run.get(0))) && BYNAME_AHEAD.matcher(sentence).region(runEnd, sentence.length()).lookingAt()) {
                continue; // "Ghash the Quiet": decided by the next word
            }
            if (!capital && word.equals("and") && sentence.startsWith(" and ", runEnd) && houseName(sentence, run, runStart)) {
                continue; // "the Rose and Crown": decided by the next word
            }
            if (capital && (run.isEmpty() || joins)) {
                if (run.isEmpty()) {
                    runStart = w.start();
                }
                run.add(word);
                runEnd = w.end();
                continue;
            }
            flush(sentence, run, runStart, runEnd, out);
            run.clear();
            if (capital) {
                run.add(word);
                runStart = w.start();
                runEnd = w.end();
            }
        }
        flush(sentence, run, runStart, runEnd, out);
    }

    /** Whether {@code run} is one or two words after "the", which "and" may carry on: "the Rose and Crown", "the Voss Feed and Seed". */
    private static boolean houseName(String sentence, List<String> run, int runStart) {
        return run.size() <= 2 && !run.isEmpty() && THE_BEFORE.matcher(sentence.substring(0, runStart)).find();
    }

    /**
     * Whether a name may go on with "of" ("Guild of Whispers"): one word so far, maybe after the sentence's "The" ("The
     * Chapel" of the Hands), or a place word ("the Stone Well" of Nine Dragons). Else a full name stays itself.
     */
    /**
     * Whether a name may go on with {@code connector}: "of" as {@link #goesOnWithOf} says; a family particle ("al-",
     * "bin", "de") after a title or a first name too: "Lady Fatima al-Rumi", "Captain Ida de Vries".
     */
    private static boolean goesOnWith(List<String> run, String connector) {
        return goesOnWithOf(run) || run.size() == 2 && !connector.startsWith("of");
    }

    private static boolean goesOnWithOf(List<String> run) {
        return run.size() == 1 || run.size() == 2 && run.get(0).equals("The")
                // "the Stone Well of Nine Dragons": a place word goes on with "of" too
                || !run.isEmpty() && PLACE_WORDS.contains(normalise(run.get(run.size() - 1)));
    }

    /**
     * The name a run of capitalised words holds, if any. A capital mid-sentence marks a name even on a
     * common word ("Mossy Ford", "the Widow", "Laughing Goat"); the sentence's first word is capitalised
     * by grammar, so it starts a name only if it is no common word ("The", "Ask", "Engineer" do not).
     * The name runs to the end of the capitalised run: "Agnes Thorne", not "Agnes".
     */
    /** "a" or "an" just before a word. */
    private static final Pattern A_BEFORE = Pattern.compile("(?i)\\ban?\\s+$");

    private static void flush(String sentence, List<String> run, int start, int end, List<Name> out) {
        if (run.isEmpty()) {
            return;
        }
        boolean opensSentence = sentence.substring(0, start).chars().noneMatch(Character::isLetterOrDigit);
        int first = -1;
        for (int i = 0; i < run.size() && first < 0; i++) {
            String key = normalise(run.get(i));
            // "Three days" opens a sentence; "Fifth Avenue" inside one is a name.
            // A lone word opening a sentence names something only if no dictionary has it: "Horseshoes are
            // 2 silver." is not about someone called Horseshoes; "Hetty bakes bread." is about Hetty.
            boolean word = i == 0 && opensSentence && (isCommon(key) || isNumberWord(key)
                    || run.size() == 1 && (Lexicon.shipped().contains(run.get(0).toLowerCase(Locale.ROOT))
                            // or one WordNet knows: "Freight is weighed at the warehouse" names no one
                            || inWordNet(run.get(0)))
                            // "Benny the newsboy sees everything": a dictionary word (benny) named by what they do
                            && !CALLED_BY_TRADE.matcher(sentence.substring(end)).lookingAt()
                    || run.size() == 1 && MODIFIES_SUBJECT.matcher(sentence.substring(end)).lookingAt()
                    // half of a compound ("Cryo-sleep sickness…", "Night-shift pay…"): no one called Cryo
                    || run.size() == 1 && COMPOUND_REST.matcher(sentence.substring(end)).lookingAt())
                    // "Dr." alone, or last ("Only Mrs." of "Only Mrs. Beatrix Thorne"): its stop split it from the name
                    || i == run.size() - 1 && TITLES.contains(key)
                    // "a Greek who trained in Alexandria", "an Englishman": one of a people, no one's name
                    || run.size() == 1 && A_BEFORE.matcher(sentence.substring(0, start)).find()
                    || ALL_CAPITALS.matcher(run.get(i)).matches(); // "The CCTV only covers the till": a thing's letters
            if (!key.isEmpty() && !word) {
                first = i;
            }
        }
        // "1 Valdren mark" names a coin; "Flense-master Dagny Rusk" has a title before the name
        // "the Inuit crews", "the Qingming festival", "a skinny Okie boy": a people or a feast, named by a word before
        boolean ofAPeople = run.size() == 1 && (PEOPLE_AFTER.matcher(sentence).region(end, sentence.length()).lookingAt()
                || ONE_OF_A_PEOPLE_AFTER.matcher(sentence).region(end, sentence.length()).lookingAt()
                && A_SOMEONE_BEFORE.matcher(sentence.substring(0, start)).find());
        // ("6 Maria Theresa dollars": a coin named for a queen)
        if (first < 0 || ofAPeople || run.size() <= 3 && coinQualifier(sentence, start, end)
                || run.size() == 1 && TITLE_COMPOUND.matcher(sentence).region(end, sentence.length()).lookingAt()) {
            return;
        }
        // (not a place's: "the Lucky Vein Saloon", "Old Cypress Snag" are their names whole)
        List<String> rest = run.subList(first + 1, run.size()).stream().map(Mentions::normalise).toList();
        // (nor after "the": "the Old Tannery" is a building's name, no one is "the Old Bertram Hollins")
        boolean epithet = run.size() - first >= 2 && EPITHETS.contains(normalise(run.get(first)))
                && rest.stream().anyMatch(w -> !isCommon(w)) && !namesPlace(rest)
                && !THE_BEFORE.matcher(sentence.substring(0, start)).find()
                && !NAMED_BEFORE.matcher(sentence.substring(0, start)).find();
        if (epithet) {
            first++; // "Old Bertram Hollins" is Bertram Hollins to whoever says his name
        }
        int from = start;
        int skipped = start; // where the last word left out starts
        for (int i = 0; i < first; i++) {
            skipped = sentence.indexOf(run.get(i), from);
            from = skipped + run.get(i).length();
        }
        from = sentence.indexOf(run.get(first), from);
        List<String> words = new ArrayList<>();
        for (int i = first; i < run.size(); i++) {
            String key = normalise(run.get(i));
            if (!key.isEmpty() && !isNumberWord(key)) {
                words.add(key);
            }
        }
        // A number right after a name and before no counted word belongs to it: "Hangar 9 on the lower
        // ring", "Sector 12, back booth" (but "Pim 12 silver" is Pim and a price).
        Matcher number = NAME_NUMBER.matcher(sentence).region(end, sentence.length());
        if (number.lookingAt()) {
            end = number.end(1); // the number itself is checked as a quantity, not as a name's word
        }
        // A family named with its kin: "the Yarrow sisters" are whom to ask, not Yarrow
        Matcher kin = KIN_AFTER.matcher(sentence).region(end, sentence.length());
        boolean family = kin.lookingAt();
        if (family) {
            end = kin.end();
        }
        String kind;
        // what comes before the name as written: "behind Old Bertram's shed" is where, the epithet between
        String before = sentence.substring(0, epithet ? skipped : from);
        // "Moonday of Greening": a day of a month, the month as made up as the day
        boolean dayOf = words.size() == 2 && (CALENDAR_WORDS.contains(words.get(0)) || madeUpDay(words.get(0)))
                && sentence.substring(from, end).matches("(?s)\\S+\\s+of\\s+.*");
        if (!words.isEmpty() && (dayOf
                || words.stream().allMatch(w -> CALENDAR_WORDS.contains(w) || madeUpDay(w) || madeUpMonth(w))
                || NAMED_MONTH.matcher(sentence.substring(from, end)).find() // "the 9th of Greening Month"
                || FEAST_OF.matcher(sentence.substring(from, end)).lookingAt() // "the Night of Lamps", "the Feast of Saint Ambra"
                || FEAST_DAY.matcher(sentence.substring(from, end)).find() // "Saint Olaf's Day", "Lady Day", "Michaelmas"
                // "opens on Boxing Night", "last Hallows Eve": a named day after a word of when (not "ask Doris Day")
                || words.size() <= 3 && NAMED_DAY_END.matcher(sentence.substring(from, end)).find()
                        && WHEN_BEFORE.matcher(before).find()
                || words.size() <= 3 && NAMED_WEEKDAY.matcher(sentence.substring(from, end)).find() // "Holy Saturday", "Good Friday"
                || FEAST_BEFORE.matcher(before).find() // "before the feast of Saint George"
                || DAY_OF_MONTH_BEFORE.matcher(before).find() // "the fifteenth of Sha'ban"
                || POSSESSIVE_END.matcher(sentence.substring(from, end)).find()
                        && DAY_AFTER.matcher(sentence.substring(end)).lookingAt())) { // "Odin's day"
            kind = Name.TIME;
        } else if ((namesPlace(words) || placeOf(sentence.substring(from, end))
                        // "the Blue Heron club", "the old Pickett boathouse": a name before a word of place (not "Marta's shop")
                        || (PLACE_WORD_AFTER.matcher(sentence.substring(end)).lookingAt()
                                || IS_A_PLACE_AFTER.matcher(sentence.substring(end)).lookingAt())
                        && !POSSESSIVE_END.matcher(sentence.substring(from, end)).find()
                        || VESSEL_BEFORE.matcher(before.toLowerCase(Locale.ROOT)).find())
                && !PERSON_BEFORE.matcher(before).find() && !SHORT_TITLE_BEFORE.matcher(before).find()
                // a title, a first name and a last that is a place word: "Ensign Mabry Hollow" is someone
                && !(words.size() >= 3 && PERSON_TITLES.contains(words.get(0)))
                // "Tilda Marsh, the ferrywoman who knows the fords": a place is no "who"; but one someone is at is a place,
                // and the "who" is theirs: "Dr Suo Qian on Medicine Street, who charges me by the jin", "old Tobiah Marr
                // at Olympus Market, who still buys my best pieces"
                && !(WHO_AFTER.matcher(sentence.substring(end)).lookingAt()
                        && !(namesPlace(words) && AT_PLACE_BEFORE.matcher(before).find()))
                // "from the woodcutter Gideon Marsh": a word for a person names whom
                && !personWordBefore(before)
                // "the Ash Ridge clan" are people, though a ridge is a place
                && !family) {
            kind = Name.PLACE;
        } else if (family || GOT_FROM.matcher(before).find()
                // "My worm supply comes from Dorrit Fane at the Vermi Racks": one who is at a place
                || FROM_BEFORE.matcher(before).find() && AT_THE_AFTER.matcher(sentence.substring(end)).lookingAt()
                // "the presses of Marcus Ovinius at Collis Albus": whose presses, at a place
                || ownerOf(before) && AT_AFTER.matcher(sentence.substring(end)).lookingAt()
                || OWNS_NEXT.matcher(sentence.substring(end)).lookingAt()
                && POSSESSIVE_END.matcher(sentence.substring(from, end)).find()
                && (!LOCATIVE.matcher(before).find() || FROM_BEFORE.matcher(before).find())) {
            // "from Tobias Ashgrove's goats": whose goats, not where ("under Abner Pruitt's feed store" is where)
            kind = Name.OTHER;
        } else if (words.size() >= 2 && (PERSON_TITLES.contains(words.get(0))
                // a kin title after "in", "at": "acted in Auntie Mame" is a film's name
                // (but "the lumber yard of Master Qiu Dawei" is his; "the director of Auntie Mame" is a film's)
                || KIN_TITLES.contains(words.get(0)) && (!LOCATIVE.matcher(before).find()
                        || words.get(0).equals("master") && OF_BEFORE.matcher(before).find()))) {
            kind = Name.OTHER; // "Claims disputes go to Magistrate Hollis Dunmore": someone to go to, not somewhere
        } else if (WHO_AFTER.matcher(sentence.substring(end)).lookingAt()) {
            kind = Name.OTHER; // "Mussels come from Old Peggin Rusk, who rakes them off the tramlines": someone
        } else if (LOCATIVE.matcher(before).find() || GONE_TO.matcher(before).find() || NAME_TO.matcher(before).find()
                || CARRIED_TO.matcher(before).find()
                || CALLED_PLACE.matcher(before).find()) {
            kind = Name.PLACE;
        } else {
            kind = Name.OTHER;
        }
        if (kind.equals(Name.OTHER) && words.size() == 1 && !out.isEmpty() && out.get(out.size() - 1).kind().equals(Name.PLACE)
                && sentence.substring(0, from).endsWith(out.get(out.size() - 1).surface() + ", ")) {
            kind = Name.PLACE; // "in Paul's Churchyard, London": the town the place before stands in
        }
        out.add(new Name(sentence.substring(from, end), words, kind));
    }

    private static final Pattern THE_WORD_BEFORE = Pattern.compile("(?i)\\b(?:the|a|an)\\s+(\\p{Ll}+)\\s+$");

    /** Whether {@code before} ends in "the" and a word WordNet gives for a person: "the woodcutter ", "a tinker ". */
    private static boolean personWordBefore(String before) {
        Matcher m = THE_WORD_BEFORE.matcher(before);
        if (!m.find()) {
            return false;
        }
        List<String> stem = FactRetriever.terms(m.group(1), 1);
        return !stem.isEmpty() && RelatedWords.namesPerson(stem.get(0));
    }

    /** "Flense-master Dagny Rusk", "Harbour-mistress Ona": the capitalised half of a title, no one's name. */
    private static final Pattern TITLE_COMPOUND = Pattern.compile("-(?:master|mistress|captain|chief|warden|general|"
            + "mother|father|sister|brother|elder|keeper|boss)\\b");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}\\p{N}][\\p{L}\\p{N},.]*)\\s+$");
    private static final Pattern FIRST_WORD = Pattern.compile("\\s+(\\p{L}+)");

    /** Whether the word from {@code start} to {@code end} names a coin between its number and its coin: "1 Valdren mark". */
    private static boolean coinQualifier(String sentence, int start, int end) {
        Matcher before = LAST_WORD.matcher(sentence.substring(0, start));
        Matcher after = FIRST_WORD.matcher(sentence).region(end, sentence.length());
        if (!before.find() || !after.lookingAt()) {
            return false;
        }
        String number = before.group(1).toLowerCase(Locale.ROOT);
        return (Character.isDigit(number.charAt(0)) || isNumberWord(number) || number.equals("a"))
                && MONEY.contains(String.valueOf(unitWord(after.group(1))));
    }

    /** A possessive ending, "Marta's", "Quill’s", "Brothers'"; and (below) the lower-case word after a name it owns. */
    static final Pattern POSSESSIVE_END = Pattern.compile("(?:'s|’s|s'|s’)$");
    private static final Pattern FROM_BEFORE = Pattern.compile("(?i)\\bfrom\\s+$");
    /** After a word of a people or a feast: "the Inuit crews", "the Qingming festival" (not kin: "the Yarrow sisters"). */
    private static final Pattern PEOPLE_AFTER = Pattern.compile("\\s+(?:crews|traders|merchants|hunters|whalers|fishermen|"
            + "sailors|people|folk|women|men|pilgrims|families|children|festival|feast|holiday|new year)\\b");
    /** After a word of one of a people: "a skinny Okie boy" (with {@link #A_SOMEONE_BEFORE}). */
    private static final Pattern ONE_OF_A_PEOPLE_AFTER = Pattern.compile("\\s+(?:boy|girl|man|woman|lad|lass|kid|fellow)\\b");
    /** "a", "an" and up to two lower-case words before a word: "a skinny ", "an old ". */
    private static final Pattern A_SOMEONE_BEFORE = Pattern.compile("(?i)\\ban?\\s+(?:\\p{Ll}+\\s+){0,2}$");
    /** A family's word after its name: "the Yarrow sisters", "the Okafor brothers". */
    private static final Pattern KIN_AFTER = Pattern.compile("\\s+(?:sisters|brothers|twins|family|clan|tribe|cousins|boys|girls)\\b");
    /** After a name from "from": "from Dorrit Fane at the Vermi Racks" is one who is at a place. */
    private static final Pattern AT_THE_AFTER = Pattern.compile(",?\\s+at\\s+the\\s+");
    /**
     * Words before a name that make it a ship, a train or a wagon (lower-case text): "the whaler Grey Lament", "aboard
     * the Gull", "the big hovercraft, the Marrow Queen". Somewhere one rides, not someone to ask.
     */
    static final Pattern VESSEL_BEFORE = Pattern.compile("(?:\\b(?:ship|boat|whaler|barge|schooner|sloop|brig|"
            + "galleon|frigate|airship|dirigible|zeppelin|liner|clipper|steamer|tug|trawler|ketch|yacht|cutter|skiff|raft|"
            + "train|caravan|freighter|shuttle|cruiser|hovercraft|ferry|steamboat|riverboat|packet|cog|dhow|junk|galley|"
            + "keelboat|submarine|balloon)(?:, the)?|\\baboard(?: the)?) $");
    /** After a name: "at Collis Albus", "at the Salt Gate". */
    private static final Pattern AT_AFTER = Pattern.compile(",?\\s+at\\s+(?:the\\s+)?\\p{Lu}");
    /** A thing's word and "of" before a name: "the presses of ", not "the port of " (a place's word). */
    private static final Pattern THING_OF_BEFORE = Pattern.compile("(?i)\\bthe\\s+(\\p{Ll}+)\\s+of\\s+$");

    /** Whether {@code before} ends in a thing's word and "of", so the name after is whose thing it is. */
    private static boolean ownerOf(String before) {
        Matcher m = THING_OF_BEFORE.matcher(before);
        return m.find() && !PLACE_WORDS.contains(m.group(1)) && !PLACE_WORDS.contains(m.group(1).replaceAll("e?s$", ""));
    }
    /** Before a name: "the lumber yard of Master Qiu Dawei". */
    private static final Pattern OF_BEFORE = Pattern.compile("(?i)\\bof\\s+$");
    private static final Pattern OWNS_NEXT = Pattern.compile("\\s+\\p{Ll}");

    /** Words before a name that describe the one named, and may be left out when naming them. */
    // ("Lucky Ames", "Slim Dobbins" are what they are called: nicknames, not epithets)
    private static final Set<String> EPITHETS = Set.of("old", "young", "little", "big", "fat", "mad", "blind",
            "poor", "dear", "good");

    /** Titles written short, whose full stop reads as a sentence end: "Dr. Amara Kwan" gives the name Amara Kwan. */
    /** Whether {@code word} (normalised) is a title a person's name may open with: "magistrate", "sister". */
    static boolean isPersonTitle(String word) {
        return PERSON_TITLES.contains(word) || KIN_TITLES.contains(word);
    }

    /** Kin words that open a name ("Sister Ammet", "Auntie Mame"), though a film or a shop may be named so too. */
    private static final Set<String> KIN_TITLES = Set.of("brother", "sister", "father", "mother", "elder", "madam", "madame",
            "miss", "master", "mistress", "auntie", "uncle", "granny", "grandma", "grandpa");

    /** Words that open a person's name as a title (normalised): "Magistrate Hollis Dunmore", "Sister Agathe". */
    private static final Set<String> PERSON_TITLES = Set.of("captain", "magistrate", "doctor", "dr", "sergeant", "lieutenant",
            "commander", "colonel", "general", "major", "lady", "lord", "sir", "dame", "mister", "professor", "judge",
            "sheriff", "marshal", "chief", "bishop", "abbot", "abbess", "reverend", "constable", "governor", "mayor", "baron",
            "baroness", "duke", "duchess", "countess", "prince", "princess", "foreman", "overseer", "quartermaster", "mr",
            "mrs", "ms", "capt", "sgt", "lt", "prof", "rev", "ensign", "admiral", "commodore", "corporal", "inspector",
            "deputy", "bailiff", "alderman", "squire", "provost", "vicar", "canon", "prior", "prioress");
    private static final Set<String> TITLES = Set.of("dr", "mr", "mrs", "ms", "st", "mt", "capt", "sgt", "lt", "prof",
            "rev", "gen", "col");

    /** Lower case without possessive or plural ending, for comparing words: "Brom's" and "brom" match. */
    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("'")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Every normalised word of {@code text}. */
    static Set<String> words(String text, Set<String> into) {
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            into.add(normalise(w.group()));
        }
        return into;
    }

    /** Whether a quantity's surface is a position ("the fifth car", "3rd floor"), which counts nothing. */
    static boolean isOrdinal(String surface) {
        return ORDINAL.matcher(surface).find();
    }

    private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|"
            + "fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\p{L}+teenth|\\p{L}+ieth)\\b");

    static boolean isNumberWord(String word) {
        return UNITS_WORDS.containsKey(word) || TENS_WORDS.containsKey(word) || SCALE_WORDS.containsKey(word);
    }

    /** Whether word {@code j} follows word {@code j - 1} with only spaces or a hyphen between ("twenty-five"). */
    private static boolean adjacent(String text, List<int[]> spans, int j) {
        for (int at = spans.get(j - 1)[1]; at < spans.get(j)[0]; at++) {
            char c = text.charAt(at);
            if (c != '-' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The index of the word right after {@code offset} (only spaces between), or -1. */
    /** Whether {@code offset} falls in one of {@code ranges} (start inclusive, end exclusive). */
    private static boolean inside(List<int[]> ranges, int offset) {
        return ranges.stream().anyMatch(r -> offset >= r[0] && offset < r[1]);
    }

    private static int wordAt(String text, List<int[]> spans, int offset) {
        for (int i = 0; i < spans.size(); i++) {
            if (spans.get(i)[0] >= offset) {
                return text.substring(offset, spans.get(i)[0]).isBlank() ? i : -1;
            }
        }
        return -1;
    }

    /** The word a number counts, or null for a word that counts nothing ("twelve of them", "3 and 4"). */
    private static String counted(String word) {
        String w = normalise(word);
        return FUNCTION_WORDS.contains(w) || isNumberWord(w) ? null : w;
    }

    private static String trimDot(String surface) {
        return surface.endsWith(".") ? surface.substring(0, surface.length() - 1) : surface;
    }

    /** Words right before a number that make it a price: "costs 12 doubloons", "pays 5 groats", "sells for 3". */
    static final Set<String> PRICE_VERBS = Set.of("cost", "costs", "costing", "charge", "charges", "charged",
            "pay", "pays", "paid", "fee", "fare", "price", "priced", "sell", "sells", "selling", "sold", "buys", "bought",
            "worth", "runs", "run", "go", "goes", "going", "went", "rent", "rents", "rented",
            "fetches", "fetched"); // "a ball fetches 9 mil-réis" (not "fetch", which goes for things: "I fetch 3 buckets")
    /** Who runs a thing rather than what a price runs to: "I run 14 gurney drones" counts drones. */
    private static final Set<String> RUNNERS = Set.of("i", "we", "they", "you");
    /** Words between such a verb and its number: "costs only 12", "sells for 3". */
    static final Set<String> PRICE_FILLERS = Set.of("for", "only", "just", "about", "around", "a", "an", "of",
            "is", "you", "me", "us"); // "pay me 4 pins a night"


    /**
     * Whether the word at {@code at}, after a number, describes a coin this library knows that follows it: "50 gilt
     * crowns", "3 clipped marks". Said "50 gilt." the prize was no money at all.
     */
    private static boolean coinAfterWord(String text, List<String> words, List<int[]> spans, int at) {
        return at + 1 < words.size() && adjacent(text, spans, at + 1) && coinOf(words.get(at)) != null
                && MONEY.contains(String.valueOf(unitWord(words.get(at + 1))))
                && !piecesOfAThing(words, at + 1); // "280 separate pieces of glass" are glass
    }

    /**
     * "for 5 taels": a number after "for" whose next word is no English word is a price in a card's own coin ("A
     * single traveler may ride with our convoy for 5 taels."); "for 5 guests" is a count. So after "ask", or after "is"
     * in "what for what is": "For a plain comb I ask 3 ortugs.", "A full barrel for a longship is 3 ortugs." A metal
     * and a plural after "is" are a coin too, whatever the words: "A jug of gear grease is 2 brass cogs." ("there are
     * 260 casks" counts; "2 gaps" and "1844 Southwest" are English.) {@code number} is where the number's first word
     * stands (or the word after digits), {@code next} the word after it.
     */
    private static boolean ownCoin(List<String> words, int number, int next) {
        if (metalCoin(words, number, next)) {
            return true;
        }
        if (number < 1 || next >= words.size() || coinOf(words.get(next)) == null || isCommon(normalise(words.get(next)))) {
            return false;
        }
        String before = words.get(number - 1);
        if (before.equals("for")) {
            return true;
        }
        boolean unused = !Lexicon.shipped().contains(words.get(next)); // a word the dialogue corpora never use
        // "Mosquito nets are 2 milreis each.": a price of each, in a word no English has
        boolean each = next + 1 < words.size() && EACH.contains(words.get(next + 1)) && !knownWord(words.get(next));
        boolean forWhat = before.equals("is") && words.subList(Math.max(0, number - 7), number - 1).contains("for");
        // "Entry is 15,000 tugrik per bird.": what a word of price is
        boolean priceIs = (before.equals("is") || before.equals("are")) && words.subList(Math.max(0, number - 5), number - 1)
                .stream().anyMatch(PRICE_NOUNS::contains);
        return unused && (each || ASK_PRICE.contains(before) || forWhat || priceIs);
    }

    /** "is only 3 brass cogs": after "is" (and "only", "just"), a metal and a plural word. */
    private static boolean metalCoin(List<String> words, int number, int next) {
        int k = number - 1;
        while (k >= 0 && SOFTENERS.contains(words.get(k))) {
            k--;
        }
        return k >= 0 && words.get(k).equals("is") && next + 1 < words.size() && COIN_METALS.contains(words.get(next))
                && looksPlural(words.get(next + 1));
    }

    /** Whether a lower-case word reads as a plural noun: "cogs", "districts"; not "glass", "bus" or "its". */
    static boolean looksPlural(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us");
    }

    private static final Set<String> EACH = Set.of("each", "apiece");
    /** Nouns that are a price: what they are is an amount of money. */
    private static final Set<String> PRICE_NOUNS = Set.of("entry", "entrance", "admission", "fee", "fees", "fare", "fares",
            "toll", "price", "prices", "cost", "rent", "charge", "hire", "passage", "ticket", "tickets");

    /** Whether WordNet knows {@code word}: "casks, each marked in chalk" are casks. */
    static boolean knownWord(String word) {
        List<String> stem = FactRetriever.terms(word, 1);
        return !stem.isEmpty() && RelatedWords.shipped().knows(stem.get(0));
    }
    private static final Set<String> SOFTENERS = Set.of("only", "just", "about", "around", "barely");
    private static final Set<String> COIN_METALS = Set.of("brass", "copper", "silver", "gold", "golden", "iron", "bronze", "tin",
            "steel", "nickel", "pewter");

    /**
     * "for 25 washers" after a verb of price in the same stretch ("can rent half a raft for 25 washers a season"): money
     * in whatever the card pays with, though the word is a common one (alone, "for 25 washers" may count washers).
     */
    private static boolean pricedFor(List<String> words, int number, int next) {
        if (number < 2 || !words.get(number - 1).equals("for") || next >= words.size() || coinOf(words.get(next)) == null
                || TIMES.contains(normalise(words.get(next)).replaceAll("s$", ""))
                || SEASONS.contains(normalise(words.get(next)).replaceAll("s$", ""))) {
            return false; // ("bought from me is good for twenty winters": how long it lasts, no price)
        }
        for (int k = number - 2; k >= Math.max(0, number - 8); k--) {
            if (MONEY.contains(String.valueOf(unitWord(words.get(k))))) {
                return false; // "sells at 1 silver crown for four sheets": the price is said, "for" says how many
            }
            if (PRICE_VERBS.contains(words.get(k)) && !words.get(k).startsWith("run") && !words.get(k).startsWith("go")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words before the number whose first word is {@code number} say a price. */
    private static boolean priceSaid(List<String> words, int number) {
        boolean at = false; // "charged at 12 milreis", "sells at 3"; not "the ferry runs at 6"
        boolean forSaid = false;
        for (int k = number - 1; k >= 0 && k >= number - 3; k--) {
            if (PRICE_VERBS.contains(words.get(k)) && !(words.get(k).equals("run") && k > 0 && RUNNERS.contains(words.get(k - 1)))) {
                // What a verb of trade takes straight is the goods: "I sell 20 pairs every ship day", "I have sold 63
                // ropes" count them; the price comes after "for" or "at" ("sells for 3 taels").
                if (GOODS_VERBS.contains(words.get(k)) && !at && !forSaid) {
                    return false;
                }
                return !at || PRICED_AT.contains(words.get(k));
            }
            forSaid |= words.get(k).equals("for");
            at |= words.get(k).equals("at");
            if (!PRICE_FILLERS.contains(words.get(k)) && !words.get(k).equals("at")) {
                return false;
            }
        }
        return false;
    }

    /** Verbs of trade whose object is what is traded, not its price. */
    private static final Set<String> GOODS_VERBS = Set.of("sell", "sells", "selling", "sold", "buys", "bought", "rent",
            "rents", "rented");

    /** Verbs of price that say it with "at": "sells at 3", "priced at 40". */
    private static final Set<String> PRICED_AT = Set.of("sell", "sells", "selling", "sold", "priced", "charge", "charges",
            "charged", "price");

    /**
     * The coin a price is said in, singular ("doubloons": "doubloon"), or null for a word that names none: a
     * function word, a number, or a word of time or count ("costs 3 a night", "costs 2 each").
     */
    private static String coinOf(String word) {
        String w = normalise(word);
        if (FUNCTION_WORDS.contains(w) || isNumberWord(w) || w.length() < 2 || NOT_COINS.contains(w)) {
            return null;
        }
        return w; // singular: normalise folds the plural
    }

    /** Words that ask a price, before a number in a coin no English word names ({@link #ownCoin}). */
    private static final Set<String> ASK_PRICE = Set.of("ask", "asks", "asking");

    /** Words after a price that are not its coin. */
    private static final Set<String> NOT_COINS = Set.of("per", "apiece", "every", "extra", "more", "less", "total",
            "altogether", "tops", "plus",
            // people: "My boat is licensed for 22 passengers" prices nothing (singular: coinOf folds the plural)
            "passenger", "guest", "people", "person", "rider", "traveller", "traveler", "customer", "pilgrim", "child",
            "children", "adult", "man", "men", "woman", "women", "folk", "soul", "sailor", "soldier", "worker", "student",
            "patient", "visitor");

    private static String unitWord(String word) {
        String w = normalise(word);
        if (w.endsWith("ie") && UNITS.contains(w)) {
            return "penny";
        }
        return UNITS.contains(w) ? w : null;
    }

    private static String number(String digits) {
        try {
            return new BigDecimal(digits.replace(",", "")).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    /**
     * Whether a normalised word is a common English word, also as an inflection the list lacks
     * ("Sharpening", "Mended", "Quickly"): a capitalised one is then not a name.
     */
    static boolean isCommon(String normalisedWord) {
        Set<String> words = common;
        if (words == null) {
            words = loadCommon();
        }
        if (words.contains(normalisedWord)) {
            return true;
        }
        int apostrophe = normalisedWord.indexOf('\'');
        if (apostrophe > 0) {
            // "You've", "I'll", "Don't": a contraction of common words opens sentences, it names no one.
            return normalisedWord.endsWith("n't") || isCommon(normalisedWord.substring(0, apostrophe));
        }
        if (normalisedWord.length() > 4 && normalisedWord.startsWith("un") && isCommon(normalisedWord.substring(2))) {
            return true; // "Uncut stones I buy…": a common word undone opens a sentence, it names no one
        }
        if (normalisedWord.length() > 5 && (normalisedWord.endsWith("ing") || normalisedWord.endsWith("ed")
                || normalisedWord.endsWith("ly"))) {
            return true; // "Sharpening", "Mended", "Honestly": rare verbs and adverbs, seldom names
        }
        for (String suffix : INFLECTIONS) {
            if (normalisedWord.length() > suffix.length() + 2 && normalisedWord.endsWith(suffix)) {
                String stem = normalisedWord.substring(0, normalisedWord.length() - suffix.length());
                boolean doubled = stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2);
                if (words.contains(stem) || words.contains(stem + "e") || words.contains(stem + "y")
                        || (doubled && words.contains(stem.substring(0, stem.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The common English words as listed (no inflections). */
    static Set<String> commonWords() {
        Set<String> words = common;
        return words == null ? loadCommon() : words;
    }

    private static synchronized Set<String> loadCommon() {
        if (common != null) {
            return common;
        }
        String name = "/improv/dialogue/common-words.txt";
        Set<String> words = new HashSet<>();
        try (InputStream in = Mentions.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    words.add(line);
                    words.add(normalise(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        common = Set.copyOf(words);
        return common;
    }
}
