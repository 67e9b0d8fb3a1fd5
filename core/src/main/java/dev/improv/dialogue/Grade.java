package dev.improv.dialogue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The grade of a ware a price question asks for, or a fact prices: the cheap one ("the cheap wonky bricks", "a basic
 * bed, nothing fancy") or the dear one ("the premium fuel", "the fancy gold ones"). A card often prices two grades
 * of one ware on one line ("A thousand seconds sell for 18 copper marks, but first-quality facing bricks cost 3
 * silver crowns"); the words the player shares with each half seldom tell them apart, the grade does.
 */
enum Grade {
    LOW, HIGH, NONE;

    /** Said of what is asked first: "nothing fancy" and "no frills" ask for the cheap one. */
    private static final Pattern NOT_HIGH = Pattern.compile("(?i)\\b(?:nothing|not|no|nothin|doesn'?t need to be|"
            + "don'?t need)\\s+(?:the\\s+|a\\s+|too\\s+|very\\s+|that\\s+|so\\s+)?(?:fancy|posh|fine|special|expensive|"
            + "frills)\\b"); // "the rough cheap salt, not the fancy coast kind"
    private static final Pattern LOW_WORDS = Pattern.compile("(?i)\\b(?:cheap|cheaper|cheapest|cheapo|inexpensive|"
            + "basic|plain|simple|simplest|common|standard|ordinary|budget|bargain|economy|lesser|coarse|"
            + "second-quality|second-grade|second-rate|second-class|third-class|low-grade|secondhand|second-hand|"
            + "seconds(?<!\\d\\s{1,2}seconds)|"
            // what is left over from the good cut: "leftover scraps of sailcloth", "offcut canvas"
            + "scraps?|leftovers?|offcuts?|off-cuts?|remnants?|trimmings|odds and ends|"
            // a flaw that makes a ware a second: "the wonky bottles", "misshapen ones" (not "cracked": a thing to mend)
            + "wonky|misshapen|lopsided|crooked|blemished|flawed|imperfect|irregular|rejects?)\\b");
    private static final Pattern HIGH_WORDS = Pattern.compile("(?i)\\b(?:fancy|fancier|fanciest|posh|premium|deluxe|"
            + "luxury|luxurious|expensive|pricey|pricier|dearer|finest|best|better|superior|first-quality|"
            + "first-class|first-rate|first-grade|top-grade|high-grade|top-shelf|top-quality|quality|proper|decent|"
            + "(?<=\\bthe )good)\\b"); // "the good stuff", not "Good day"

    /** The grade {@code question} asks for; {@link #NONE} for a question that asks no price, or names no grade. */
    static Grade asked(String question) {
        if (QuestionKind.of(question) != QuestionKind.MONEY) {
            return NONE;
        }
        Grade grade = said(question);
        // "I can't afford the huge one. What would a smaller one run me?": the sentence that asks says which
        return grade == NONE ? said(QuestionKind.askingSentence(question)) : grade;
    }

    /** The grade a line names by its words ("Standard heavy diesel…" is {@link #LOW}). */
    static Grade said(String text) {
        if (NOT_HIGH.matcher(text).find()) {
            return LOW;
        }
        boolean low = LOW_WORDS.matcher(text).find();
        boolean high = HIGH_WORDS.matcher(text).find();
        return low == high ? NONE : low ? LOW : HIGH;
    }

    Grade opposite() {
        return this == LOW ? HIGH : this == HIGH ? LOW : NONE;
    }

    /**
     * Whether {@code fact} is of the other grade than this one asked for, among the priced facts {@code alongside} it
     * (the other clauses of its line, or the other facts found for the question); false when nothing was asked.
     */
    boolean opposes(String fact, List<String> alongside) {
        return this != NONE && of(fact, alongside) == opposite();
    }

    /**
     * The grade of {@code fact} among the facts {@code alongside} it: by its words, or else by its price against
     * their prices when the coins compare ("A cot for the night is 3 depot marks; a private room with a lock is 10
     * depot marks": the cot is the cheap one).
     */
    static Grade of(String fact, List<String> alongside) {
        Grade said = said(fact);
        Price own = said == NONE ? Price.of(fact) : null;
        if (own == null) {
            return said;
        }
        int below = 0;
        int above = 0;
        for (String other : alongside) {
            Price price = other.equals(fact) ? null : Price.of(other);
            if (price != null && own.comparesWith(price)) {
                int order = own.amount.compareTo(price.amount);
                below += order < 0 ? 1 : 0;
                above += order > 0 ? 1 : 0;
            }
        }
        return below > 0 && above == 0 ? LOW : above > 0 && below == 0 ? HIGH : NONE;
    }

    /**
     * Coins by worth, where their order is plain: copper under silver under gold, pennies under shillings under
     * crowns, cents under dollars. A price in a coin not here compares only with one in the same coin.
     */
    private static final Map<String, Integer> COIN_RANK = Map.ofEntries(Map.entry("farthing", 0), Map.entry("penny", 1),
            Map.entry("pence", 1), Map.entry("pennie", 1), Map.entry("cent", 1), Map.entry("copper", 1),
            Map.entry("groat", 2), Map.entry("shilling", 3), Map.entry("silver", 4), Map.entry("crown", 5),
            Map.entry("dollar", 5), Map.entry("gold", 6), Map.entry("sovereign", 6), Map.entry("guinea", 7),
            Map.entry("platinum", 8));

    /**
     * The one price a clause states: its amount, and its coin's rank or, for a coin not ranked, its coin ("depot
     * marks"). Two prices compare when both coins are ranked or both are the same coin.
     */
    private record Price(BigDecimal amount, Integer rank, String coin) {
        /** Null when {@code clause} states no price, or more than one, or one in words that do not parse. */
        static Price of(String clause) {
            List<Mentions.Quantity> prices = Mentions.quantities(clause).stream()
                    .filter(q -> q.kind().equals("money")).toList();
            if (prices.size() != 1) {
                return null;
            }
            Mentions.Quantity q = prices.get(0);
            BigDecimal amount;
            try {
                amount = new BigDecimal(q.value());
            } catch (NumberFormatException e) {
                return null;
            }
            String coin = q.surface().toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+", "");
            Integer rank = rankOf(coin);
            // Ranked coins compare by rank first: 18 copper marks are less than 3 silver crowns.
            return new Price(rank == null ? amount : amount.add(BigDecimal.valueOf(rank).movePointRight(9)), rank, coin);
        }

        boolean comparesWith(Price other) {
            return rank != null && other.rank != null || rank == null && other.rank == null && coin.equals(other.coin);
        }
    }

    private static Integer rankOf(String coin) {
        Integer best = null;
        for (String word : coin.split("[^\\p{L}]+")) {
            String one = word.endsWith("s") && !word.equals("pence") ? word.substring(0, word.length() - 1) : word;
            Integer rank = COIN_RANK.get(one);
            if (rank != null) {
                best = best == null ? rank : Math.min(best, rank); // "copper marks": the metal says its worth
            }
        }
        return best;
    }
}
