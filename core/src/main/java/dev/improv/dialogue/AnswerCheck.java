package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.improv.model.LogitConstraint;

/**
 * The rules an NPC's line must pass before it is said: it invents no fact (every number, price,
 * time and name it states stands in the card, the world, the conversation or the player's line), it
 * makes up no word (each is in the {@link Lexicon} or the card), and
 * when the player asked a question that the retrieved facts answer, it states the answer.
 *
 * <p>"States the answer" means the line contains one of the key terms of a retrieved fact that the
 * question did not already contain: its numbers and names ("12 gold", "Mira") or, for a fact without
 * any ("The ferry leaves at dawn."), its content words ("dawn"). A line that fails is drawn again; after
 * the last try the authored fallback states the fact itself.
 *
 * <p>What a question asks for is read by {@link QuestionKind}; which of a fact's values answer it, by
 * {@link AnswerValues}. This class holds the rules a line is judged by, its grammar among them.
 */
public final class AnswerCheck implements ReplyCheck {
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /**
     * A sentence that opens as a question or an offer ("Do you like Agnes Thorne.", "How about Cybernetic?": SGD's
     * habits; "What do forge?"). A bare value with a question mark ("Six?") still answers, as people say it.
     */
    private static final Pattern ASKS_BACK = Pattern.compile(
            "(?i)^(?:do|does|did|would|could|can|shall|is|are|was|were|will|how about|what about"
                    + "|(?:what|where|when|who|why|how|which)\\s+(?:do|does|did|is|are|was|were|can|will|would))\\s");
    static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for",
            "is", "are", "was", "were", "be", "it", "its", "this", "that", "with", "by", "from", "as", "i", "you", "my",
            "your", "me", "we", "our", "they", "their", "he", "she", "his", "her", "them", "there", "here", "have",
            "has", "do", "does", "can", "will", "would", "not", "no", "yes", "but", "so", "if", "than", "then", "just",
            "all", "any", "some", "one", "very", "much", "many", "what", "when", "where", "who", "how", "which");

    /** What the sources state, and their words: read once per line (the card once per voice), not per draw. */
    private final KnownFacts known;
    /** Key terms of the facts that may answer, one of which the reply must state; empty when no answer is due. */
    private final List<String> answer;
    /**
     * For a question that asks for no kind of value ("Is the road ahead safe?"): the best fact's
     * content words, one of which the reply must also say, so that a bare number from the fact
     * ("1, they do you do you?") is not taken for an answer. Empty otherwise.
     */
    private final List<String> about;
    /**
     * How many different words of {@link #about} the reply must say: two when the fact holds no value and its
     * words are the answer ("Can I bring my bow into town?" is not answered by "Stay." or "Guardhouse." from
     * "Bows stay at the guardhouse."), else one.
     */
    private final int aboutWords;

    private final int answering;
    private final boolean unanswered;
    /**
     * The facts may not answer: the question asks for no kind of value and the best fact's values are about
     * something else, or the fact is {@link RetrievedFact#doubtful}.
     */
    private final boolean hedged;
    /** Stems of the retrieved facts and the player's line: a clause after the answer that has none is chatter. */
    private final Set<String> topic;
    /** The topic and the words of the kind of answer asked ("cost", "charge"): what a lead-in may say. */
    private final Set<String> leadIn;
    /** The retrieved facts, normalised and padded with spaces: how they write the answer ("at noon", "the Widow"). */
    private final String written;
    /** The retrieved facts as written: what kind of value the answer is ("called the Widow": a person). */
    private final List<String> retrieved;
    /** A time the player asks about that the answering fact leaves out ("open Sundays?", "…except Sunday"), or null. */
    private final String denied;
    /** The player asked who, what, where, when, which or how: "Yes," or "No," opens no answer to it. */
    private final boolean asksWh;
    /** The kind of value the player asked for. */
    private final QuestionKind asked;
    /** The player asked what to choose or do ("Which…?", "When should I…?"): "You want dusk." answers. */
    private final boolean advice;
    /** The runs of dashed numbers the retrieved facts say ("408-247-8880"), as {@link #numberRun} writes them. */
    private final Set<String> numberRuns;
    /**
     * Why the price asked is not one the NPC charges the player, or null: the player asked what the NPC pays ("What
     * will you give me for a fox pelt?"), or the price is the world's lore ("Bread costs 2 copper everywhere").
     */
    private final String notCharged;

    private AnswerCheck(KnownFacts known, List<String> answer, List<String> about, int aboutWords, int answering,
                        boolean unanswered, boolean hedged, Set<String> topic, Set<String> leadIn, String written,
                        List<String> retrieved, boolean asksWh, QuestionKind asked, boolean advice, String notCharged,
                        String denied) {
        this.notCharged = notCharged;
        this.denied = denied;
        this.asksWh = asksWh;
        this.asked = asked;
        this.advice = advice;
        Set<String> runs = new HashSet<>();
        for (String fact : retrieved) {
            Matcher m = NUMBER_RUN.matcher(fact);
            while (m.find()) {
                runs.add(numberRun(m.group()));
            }
        }
        this.numberRuns = Set.copyOf(runs);
        this.aboutWords = aboutWords;
        this.written = written;
        this.retrieved = retrieved;
        this.hedged = hedged;
        this.topic = topic;
        this.leadIn = leadIn;
        this.answering = answering;
        this.unanswered = unanswered;
        this.known = known;
        this.answer = answer;
        this.about = about;
    }

    /**
     * The check for one player line.
     *
     * @param sources   everything the NPC may state facts from: persona, card facts, world facts,
     *                  the conversation and the player's line
     * @param retrieved the facts that may answer this line, best first: the best-retrieved one and
     *                  those retrieval ranks nearly as high. Stating a fact's price that retrieval put
     *                  far below is a wrong answer to "How much to repair my sword?", not a right one.
     */
    public static AnswerCheck of(Collection<String> sources, List<String> retrieved, String playerLine) {
        return of(KnownFacts.of(sources), retrieved, playerLine);
    }

    /** As above, with the sources read already (a voice reads its card once). */
    static AnswerCheck of(KnownFacts sources, List<String> retrieved, String playerLine) {
        return of(sources, retrieved, playerLine, Set.of(), Set.of());
    }

    /**
     * As above; a reply that answers from one of the {@code doubtful} facts (see {@link RetrievedFact#doubtful})
     * must also say what the value is about ("Who cooks the food in the mess hall?" may not be answered "Ilse
     * Varga." from "Commander Ilse Varga must approve any weapons requisition."; the whole fact may be said). A price
     * from one of the {@code lore} facts (the world file's) is not charged by the NPC ("For you, 2 copper.").
     */
    static AnswerCheck of(KnownFacts sources, List<String> retrieved, String playerLine, Set<String> doubtful,
                          Set<String> lore) {
        return of(sources, retrieved, playerLine, doubtful, lore, false);
    }

    /**
     * As above; with {@code sayWhat}, a reply must also say what its value is about, as for a doubtful fact but
     * without offering it as an aside: the NPC says two facts that may answer, and "3 chao. 7 chao." would not tell
     * the player which is which ("A bundle of hay is 3 chao. A sack of oats is 7 chao.").
     */
    static AnswerCheck of(KnownFacts sources, List<String> retrieved, String playerLine, Set<String> doubtful,
                          Set<String> lore, boolean sayWhat) {
        List<String> answer = new ArrayList<>();
        List<String> about = new ArrayList<>();
        int aboutWords = 1;
        int answering = 0;
        boolean hedged = false;
        // Nothing retrieved for a question asking for a name, price or count: the NPC knows nothing of it.
        boolean unanswered = retrieved.isEmpty() && QuestionKind.isQuestion(playerLine) && QuestionKind.ASKS_DEFINITE.matcher(playerLine).find();
        if (QuestionKind.isQuestion(playerLine) && !retrieved.isEmpty()) {
            String best = retrieved.get(0);
            List<String> bestTerms = AnswerValues.unasked(AnswerValues.statedTerms(best, playerLine), playerLine);
            answer.addAll(AnswerValues.fitting(bestTerms, best, playerLine));
            boolean price = QuestionKind.of(playerLine) == QuestionKind.MONEY;
            // "A laying hen is 3 shell strings." says no word of price; the card's other prices say it is one
            List<String> inCoin = answer.isEmpty() && price ? sources.amountsInCoin(best) : List.of();
            answer.addAll(inCoin);
            if (price && !answer.isEmpty() && inCoin.isEmpty() && AnswerValues.pricesNamed(best, playerLine).isEmpty()) {
                // The best fact's price is for nothing the player named; the next clause's may be ("Ration packs are
                // 6 credits each, or 60 credits for a crate." split in two, asked for a whole box).
                // Only a clause that opens with its price, split off the best one's line: it has no subject of its
                // own, so it prices the best fact's thing (another fact's price is for another thing).
                for (int i = 1; i < retrieved.size(); i++) {
                    List<String> named = AnswerValues.pricesNamed(retrieved.get(i), playerLine);
                    // Or one whose price a word of the question names, when the best shares no word with it (found
                    // by meaning): "a whole box of dynamite for a crew" is "a full case … for a crew", not "a stick of
                    // giant powder".
                    // (a word of the question: "sting you for walking on the rails" names no signal-lamp wicks)
                    if (!named.isEmpty() && !paidByNpc(retrieved.get(i), playerLine)
                            && (normalise(retrieved.get(i)).startsWith(named.get(0))
                            || sharedWords(best, playerLine) == 0 && AnswerValues.askedThingWords(retrieved.get(i), playerLine) > 0)) {
                        answer.clear();
                        answer.addAll(named);
                        answering = i;
                        break;
                    }
                }
            }
            Set<String> askedStems = price ? stems(contentWords(playerLine, "")) : Set.of();
            if (price && !answer.isEmpty() && inCoin.isEmpty() && Mentions.quantities(best).stream().noneMatch(q -> q.kind().equals("money")
                    // "How much blood is left?" asks the amount of blood, "eight blood packs"
                    || q.counted() != null && askedStems.containsAll(stems(List.of(q.counted()))))) {
                // The best fact prices nothing ("a proper stick takes fourteen separate strips"), a near one does: its
                // price, not the best fact's amount ("A stick of lettered rock costs £1.80."); unless the best's amount
                // is in that fact's coin after all ("Toll for a skiff is 2 washers.")
                int near = nearPrice(retrieved, playerLine, f -> !coins(f).isEmpty());
                Set<String> coins = near < 0 ? Set.of() : coins(retrieved.get(near));
                if (near > 0 && Mentions.quantities(best).stream().noneMatch(q -> coins.contains(q.counted()))) {
                    answering = answeredBy(retrieved, near, playerLine, answer);
                }
            }
            Grade grade = price ? Grade.asked(playerLine) : Grade.NONE;
            OppositeWords opposite = price ? OppositeWords.asked(playerLine, retrieved) : OppositeWords.NONE;
            if (price && !answer.isEmpty() && answering == 0) {
                // Of prices in near facts, the one for the thing the question names more of: "my noodle shop's cellar"
                // is "a whole basement or shop runs 90 credits", not "clearing a single apartment costs 25 credits"
                // (which the search put first for its rarer word, "clearing"); never one of the other grade than asked.
                int named = AnswerValues.askedThingWords(best, playerLine);
                int near = nearPrice(retrieved, playerLine, f -> AnswerValues.askedThingWords(f, playerLine) > named
                        && !grade.opposes(f, retrieved) && !opposite.opposes(f));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (!answer.isEmpty() && (grade.opposes(retrieved.get(answering), retrieved) || opposite.opposes(retrieved.get(answering)))) {
                // "What do the cheap wonky bricks cost?" is the seconds' 18 copper marks, not the first-quality bricks'
                // 3 silver crowns, whichever shares more words; "dry firewood" is not "green wood"
                java.util.function.Predicate<String> fits = f -> !grade.opposes(f, retrieved) && !opposite.opposes(f);
                // (the best itself, when a rule above went past it: "cheapest bait" is the salted fish heads' 2 copper
                // cash, not the good stuff a word of the question led to)
                boolean bestPriced = Mentions.quantities(best).stream().anyMatch(q -> q.kind().equals("money"));
                int near = answering > 0 && fits.test(best) && bestPriced ? 0 : nearPrice(retrieved, playerLine, fits);
                answering = near >= 0 && near != answering ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (price && answering == 0 && !answer.isEmpty() && PRIZE.matcher(best).find() && !ASKS_GIVEN.matcher(playerLine).find()) {
                // "How much for a piece of the extra pies?" is not "Blue ribbon in pies pays a 5 dollar prize": a prize
                // is paid to the player; a near fact's price ("sold at 5 cents a slice") is what the player pays
                int near = nearPrice(retrieved, playerLine, f -> !PRIZE.matcher(f).find());
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (price && !AnswerValues.personPricedForKin(playerLine, best)) {
                // "What'll it cost to get my sister down the mountain?": a passenger's fare, not the ore's by the ton
                int near = nearPrice(retrieved, playerLine, f -> AnswerValues.personPricedForKin(playerLine, f));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (QuestionKind.of(playerLine) == QuestionKind.TIME && answering == 0 && !answer.isEmpty()
                    && answer.stream().allMatch(t -> AnswerValues.ofPartAsked(t, playerLine) == Boolean.FALSE)) {
                // "What time do you lock the doors at night?" is not "Morning." from "Not opened again until the
                // morning search party leaves" when a near fact says "barred at the compline bell, about 9 in the evening"
                int near = nearFact(retrieved, f -> AnswerValues.fitting(AnswerValues.statedTerms(f, playerLine), f, playerLine)
                        .stream().anyMatch(t -> AnswerValues.ofPartAsked(t, playerLine) == Boolean.TRUE));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (QuestionKind.of(playerLine) == QuestionKind.TIME && answering == 0 && answer.isEmpty() && !bestTerms.isEmpty()) {
                // The best says only the other half's time ("I pack up at dusk." to "What time do you start up?"); a
                // near fact may say the half asked ("I light my brazier an hour before dawn")
                int near = nearFact(retrieved, f -> AnswerValues.saysHalfAsked(f, playerLine));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            boolean often = AnswerValues.TIMES_ASKED.matcher(playerLine).find();
            if (QuestionKind.of(playerLine) == QuestionKind.TIME && answering == 0 && !answer.isEmpty()
                    && answer.stream().allMatch(t -> everyInterval(best, t) != often)) {
                // "When's the next time you check the mud?" is "at 10 at night" of "…and the next full check is at 10 at
                // night", not how often it is done ("every four hours"); and "How often do you fire it up?" is "every
                // third night", not how long it then burns ("until the next midday")
                int near = nearFact(retrieved, f -> AnswerValues.fitting(AnswerValues.statedTerms(f, playerLine), f, playerLine)
                        .stream().anyMatch(t -> everyInterval(f, t) == often));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            Matcher extreme = FIRST_OR_LAST.matcher(playerLine);
            if (QuestionKind.of(playerLine) == QuestionKind.TIME && answer.size() > 1 && extreme.find()) {
                // "When's the earliest boat?" of "…twice a day, leaving at 0600 and 1800": the first the fact gives; the
                // latest, the last
                String said = AnswerValues.clauseText(retrieved.get(answering));
                List<String> inOrder = answer.stream().filter(t -> said.contains(" " + t + " "))
                        .sorted(java.util.Comparator.comparingInt(t -> said.indexOf(" " + t + " "))).toList();
                if (inOrder.size() > 1) {
                    boolean last = extreme.group(1).toLowerCase(Locale.ROOT).startsWith("la");
                    answer.clear();
                    answer.add(inOrder.get(last ? inOrder.size() - 1 : 0));
                }
            }
            if (QuestionKind.of(playerLine) == QuestionKind.COUNT && answering == 0 && !answer.isEmpty()
                    && !AnswerValues.countsPeopleAsked(best, playerLine) && !normalise(best).contains(" of them ")) {
                // "How many guys owe you right now?" is "93 men carry open accounts", not "I only take thirty": a near
                // fact that counts people by a word for them ("Nine of them are still listed as missing" counts
                // people the line before names)
                int near = nearFact(retrieved, f -> AnswerValues.countsPeopleAsked(f, playerLine));
                answering = near > 0 ? answeredBy(retrieved, near, playerLine, answer) : answering;
            }
            if (answer.isEmpty() && QuestionKind.of(playerLine) == QuestionKind.NONE && AnswerValues.ASKS_MATERIAL.matcher(playerLine).find()) {
                // "What is your ink made from?" asks for what the fact makes it from: "oak galls", not "Make."
                answer.addAll(AnswerValues.materials(best));
            }
            if (answer.isEmpty()) {
                // The best fact holds no value of the kind asked: a near fact's may answer ("When does the
                // port close?" from the second fact), never a value of another kind ("5 caps" to "Who…?").
                // The nearest that holds one: "Night." from the feast on the longest night does not answer when the
                // Thane hears petitions, the fact after the best.
                for (int i = 1; i < retrieved.size() && answer.isEmpty(); i++) {
                    for (String term : AnswerValues.fitting(AnswerValues.statedTerms(retrieved.get(i), playerLine), retrieved.get(i), playerLine)) {
                        if (answer.isEmpty()) {
                            answering = i;
                        }
                        if (!answer.contains(term)) {
                            answer.add(term);
                        }
                    }
                }
            }
            if (answer.isEmpty() && QuestionKind.of(playerLine) == QuestionKind.NONE && QuestionKind.WHICH_THING.matcher(playerLine).find()) {
                // "Which horse is the quickest?" "Whisper." Only a name inside the fact: its opening word is
                // capitalised by grammar ("Clearance must be requested on channel 7").
                String opening = best.strip();
                for (String name : AnswerValues.namesIn(bestTerms, best)) {
                    if (name.contains(" ") || !opening.toLowerCase(Locale.ROOT).startsWith(name)) {
                        answer.add(name);
                    }
                }
            }
            if (answer.isEmpty()) {
                // Nothing of the kind asked anywhere: the best fact's values or words, and a word of what it
                // is about besides, so that a bare number ("1, they do you do you?") is not an answer.
                // A count is said with what it counts when the fact is about what was asked ("the road ahead"):
                // else "Ten kilometres." would be pulled for which channel to hail on.
                boolean onAsked = sharedWords(best, playerLine) > 0;
                bestTerms = new ArrayList<>(bestTerms);
                if (QuestionKind.ASKS_WHEN.matcher(playerLine).find() && !QuestionKind.ASKS_HOW_LONG.matcher(playerLine).find()
                        // nor how many things: "Forty years ago." to "How many engines can fit in the shed?"
                        || QuestionKind.HOW_MANY_THINGS.matcher(playerLine).find()) {
                    // How long something takes does not say when: "Under three minutes." to "When does shearing start?"
                    bestTerms.removeIf(t -> AnswerValues.SPAN.matcher(t).matches());
                }
                if (QuestionKind.ASKS_WEEKDAY.matcher(playerLine).find()) {
                    bestTerms.removeIf(t -> !AnswerValues.namesDay(t)); // "The solstice." names no day of the week
                }
                // (or when another kind was asked: "How much are the boots?" is not answered by "20 pairs." of "I sell 20
                // pairs every ship day"; what the count counts is the value's own word, not what the line is about)
                QuestionKind kind = QuestionKind.of(playerLine);
                boolean otherKind = kind != QuestionKind.NONE && kind != QuestionKind.COUNT;
                answer.addAll(bestTerms.isEmpty() ? contentWords(best, playerLine)
                        : onAsked || otherKind ? AnswerValues.withCounted(bestTerms, best) : bestTerms);
                if (bestTerms.isEmpty()) {
                    for (String w : contentWords(best, playerLine)) {
                        if (!Mentions.isNumberWord(w)) {
                            about.add(w);
                        }
                    }
                    aboutWords = 2;
                } else {
                    // Not the value's own words: "What's your favourite colour?" is not answered by "1 silver."
                    // from the ale's price, nor "Do you sell horseshoes?" by "The Greywater."
                    about.addAll(subjectWords(best, playerLine, answer));
                    // What a count counts says what it is about, inside the answer or beside it; not to a question for
                    // another kind of value ("What hour do I gotta be up?" is not answered by "Twenty-three drillers.").
                    for (String term : answer) {
                        if (!bestTerms.contains(term) && !otherKind) {
                            about.add(term.substring(term.lastIndexOf(' ') + 1));
                        }
                    }
                    // And an amount says all when it holds what was asked about: "Any coins around here?" "7 coins."
                    // So does any amount when the line asks for the least or most of something: "What's the least I can
                    // put down on the wheel?" "50 credits."
                    // (a sum, that is: "Two doors!" says no least stake of "two doors down from the laundry")
                    Set<String> sums = Mentions.quantities(best).stream().filter(q -> q.kind().equals("money"))
                            .map(q -> normalise(q.surface())).collect(java.util.stream.Collectors.toSet());
                    boolean saysAsked = answer.stream().anyMatch(t -> t.contains(" ") && (sharedWords(t, playerLine) > 0
                            || ASKS_EXTREME.matcher(playerLine).find() && sums.contains(t))
                            && (Character.isDigit(t.charAt(0)) || Mentions.isNumberWord(t.substring(0, t.indexOf(' ')))));
                    if (saysAsked) {
                        about.clear();
                    } else if (about.isEmpty()) {
                        // All it says is of the kind asked ("leaves … every morning" to "How many stations
                        // until…?"): any word of it but the value will do, the value alone will not (for another
                        // kind of value, a word the player said too: "My crew has twenty-three drillers.").
                        for (String w : contentWords(best, otherKind ? "" : playerLine)) {
                            if (!Mentions.isNumberWord(w) && answer.stream().noneMatch(t -> t.contains(w))) {
                                about.add(w);
                            }
                        }
                    }
                    // Asked for the NPC's wares, a priced fact answers: what it prices must be said ("Cleaning a
                    // rifle, 2 dollars."), its price may be; "It costs 2 dollars." names nothing sold.
                    boolean wares = FactRetriever.asksFor(playerLine, FactRetriever.WARES)
                            && Mentions.quantities(best).stream().anyMatch(q -> q.kind().equals("money"));
                    // Nor does a word of price say what a value is about when no price was asked: "It costs 12
                    // silver." to "What's your favourite colour?" names nothing of the sword repair it comes from.
                    if (wares || !price) {
                        Set<String> priceWords = FactRetriever.termsOf(FactRetriever.PRICE);
                        about.removeIf(w -> !Collections.disjoint(FactRetriever.terms(w, 1), priceWords));
                    }
                    // The fallback offers the fact as an aside ("Not sure that's it, but…") unless the line asked
                    // for no kind of value and the fact shares its words: "Seen any monsters today?" is answered
                    // by "I saw 7 monsters on the road ahead." itself.
                    // "Who is Joey?" is answered by the fact about Joey: said as the answer, not as an aside.
                    hedged = !wares && !namesAsked(best, playerLine)
                            && (QuestionKind.of(playerLine) != QuestionKind.NONE || sharedWords(best, playerLine) == 0);
                }
                // A question for a name, price or count that no near fact holds, whose best fact shares at
                // most one word with it, is about something the NPC does not know: "Who commands the royal
                // guard?" and "The royal treasury pays 200 gold…" share "royal" and nothing else.
                // Unless the word they share is a name the fact states: "Who is the Magpie?" is answered by "A reward of
                // 50 gold is posted for the bandit known as the Magpie."
                unanswered = QuestionKind.ASKS_DEFINITE.matcher(playerLine).find() && sharedWords(best, playerLine) <= 1
                        && !namesAsked(best, playerLine);
            } else if (doubtful.contains(retrieved.get(answering))) {
                about.addAll(subjectWords(retrieved.get(answering), playerLine, answer));
                hedged = true;
            } else {
                // The fact's value is for another one of the thing asked: "How much is a ticket to the moon?" and "A
                // ticket to Grand Ridge is 4 dollars." The reply must say which ("A ticket to Grand Ridge is 4
                // dollars."), or the fallback offers the fact as an aside; "It costs 4 dollars." would mislead.
                List<String> other = AnswerValues.otherOne(retrieved.get(answering), playerLine);
                if (!other.isEmpty()) {
                    about.addAll(other);
                    hedged = true;
                } else if (sayWhat) {
                    about.addAll(subjectWords(retrieved.get(answering), playerLine, answer));
                }
            }
        }
        // "Is the shop open Sundays?" and "I close at 9 every night except Sunday, when I don't open at all.": the answer
        // is that day, and no ("9 every night." had passed).
        String denied = null;
        if (QuestionKind.isQuestion(playerLine) && !retrieved.isEmpty() && QuestionKind.of(playerLine) == QuestionKind.NONE
                && !WH_QUESTION.matcher(playerLine).find()) {
            String lowered = retrieved.get(answering).toLowerCase(Locale.ROOT);
            for (String w : contentWords(playerLine, "")) {
                String one = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
                if (AnswerValues.TIME_WORDS.contains(one) && AnswerValues.leftOut(lowered, one)) {
                    denied = one;
                }
            }
            if (denied != null) {
                answer.clear();
                answer.add(denied);
                about.clear();
                hedged = false;
            }
        }
        Set<String> topic = new java.util.HashSet<>(FactRetriever.terms(playerLine, TOPIC_TERMS));
        for (String fact : retrieved) {
            topic.addAll(FactRetriever.terms(fact, TOPIC_TERMS));
        }
        for (String term : answer) {
            topic.removeAll(FactRetriever.terms(term, TOPIC_TERMS)); // "Three days, a great day" is not about the trip
        }
        // "I charge 5 silver": before the answer, the words of the kind asked are on topic too.
        Set<String> leadIn = new java.util.HashSet<>(topic);
        leadIn.addAll(FactRetriever.intentTerms(playerLine));
        StringBuilder written = new StringBuilder();
        for (String fact : retrieved) {
            written.append(spaced(fact));
        }
        return new AnswerCheck(sources, List.copyOf(answer), List.copyOf(about), aboutWords, answering, unanswered, hedged,
                Set.copyOf(topic), Set.copyOf(leadIn), written.toString(), List.copyOf(retrieved),
                WH_QUESTION.matcher(playerLine).find(), QuestionKind.of(playerLine),
                ASKS_ADVICE.matcher(playerLine).find(), NPC_PAYS.matcher(playerLine).find()
                        || !retrieved.isEmpty() && NPC_GIVES.matcher(retrieved.get(answering)).find() ? "what the NPC would pay"
                        : !retrieved.isEmpty() && lore.contains(retrieved.get(answering)) ? "a price of the world's, not the NPC's"
                        : null, denied);
    }

    /**
     * The first fact after the best that {@code fits} and holds a price of the kind asked; -1 if none does. A price:
     * "Breakfast is served from 6" holds numbers a "how much" may ask for, but no food's price.
     */
    private static int nearPrice(List<String> retrieved, String playerLine, java.util.function.Predicate<String> fits) {
        return nearFact(retrieved, fact -> Mentions.quantities(fact).stream().anyMatch(q -> q.kind().equals("money"))
                && !paidByNpc(fact, playerLine) && fits.test(fact)
                && !AnswerValues.fitting(AnswerValues.statedTerms(fact, playerLine), fact, playerLine).isEmpty());
    }

    /**
     * A question for the first or the last of the times a fact gives: "the earliest boat", "the last bus" (not "when did
     * the feds last bust a place", which asks when the last time was: "on a Thursday, just after midnight").
     */
    private static final Pattern FIRST_OR_LAST = Pattern.compile("(?i)\\b(?:the|your) (earliest|first|latest|last)\\b");

    /** Whether {@code fact} says {@code time} as how often: "every four hours". */
    private static boolean everyInterval(String fact, String time) {
        return (time.startsWith("every ") || normalise(fact).contains("every " + time))
                && AnswerValues.SPAN.matcher(time).matches();
    }

    /** The first fact after the best that {@code fits}; -1 if none does. */
    private static int nearFact(List<String> retrieved, java.util.function.Predicate<String> fits) {
        for (int i = 1; i < retrieved.size(); i++) {
            if (fits.test(retrieved.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether {@code fact}'s price is what the NPC pays, for its supplies or to the player, when the player asks what
     * the NPC charges: "Raw rubber comes from the recycler at 60 chits a roll" prices no repair.
     */
    private static boolean paidByNpc(String fact, String playerLine) {
        return (NPC_GIVES.matcher(fact).find() || SUPPLIED.matcher(fact).find()) && !NPC_PAYS.matcher(playerLine).find();
    }

    /** Makes fact {@code i}'s values the answer; returns {@code i}. */
    private static int answeredBy(List<String> retrieved, int i, String playerLine, List<String> answer) {
        String fact = retrieved.get(i);
        answer.clear();
        answer.addAll(AnswerValues.fitting(AnswerValues.statedTerms(fact, playerLine), fact, playerLine));
        return i;
    }

    /** The coins {@code fact} prices in ("washer" in "pays 15 washers a pass"). */
    static Set<String> coins(String fact) {
        return Mentions.quantities(fact).stream().filter(q -> q.kind().equals("money")).map(Mentions.Quantity::unit)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Whether the player asked for a name, a price or a count that none of the retrieved facts holds,
     * the best of them barely touching the question: the NPC should say it does not know rather than
     * state a fact about something else. (Places and times are left out: "upstairs" and "first light"
     * answer without a name or a time word.)
     */
    public boolean unanswered() {
        return unanswered;
    }

    /** How many of the question's content words (by their first five letters) the fact holds. */
    static int sharedWords(String fact, String question) {
        String f = " " + normalise(fact);
        int shared = 0;
        var m = WORD.matcher(question.toLowerCase(Locale.ROOT));
        Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            String w = m.group();
            String stem = w.substring(0, Math.min(5, w.length()));
            if (w.length() > 2 && !STOP.contains(w) && !QUESTION_WORDS.contains(w) && seen.add(stem) && f.contains(" " + stem)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Index in the retrieved facts of the one that holds the answer: 0, or a near fact's when only it
     * holds a value of the kind asked. The fallback states that fact, and the model reads it first.
     */
    public int answeringFact() {
        return answering;
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s*$");
    /**
     * Corpus markup and symbols, not speech: "Oh, I'm [user 2." (Persona-Chat's speaker tags leak through), and
     * emoji ("🙂? It's Amara Kwan.": chat habits of the corpora, not an NPC's).
     */
    private static final Pattern MARKUP = Pattern.compile("[\\[\\]{}<>_#*|\\\\~^=\\p{So}]");
    private static final Pattern LOWER_CASE_SENTENCE = Pattern.compile("(?:^|[.!?]\\s+)\\p{Ll}");

    @Override
    public String problem(String reply) {
        if (LOWER_CASE_SENTENCE.matcher(reply.strip()).find()) {
            return "starts a sentence in lower case";
        }
        Matcher markup = MARKUP.matcher(reply);
        if (markup.find()) {
            return "writes '" + markup.group() + "', which no one says";
        }
        List<String> invented = known.stated().in(reply);
        if (!invented.isEmpty()) {
            return "states " + invented.get(0) + ", found in no card, world or conversation";
        }
        Matcher run = NUMBER_RUN.matcher(reply);
        while (run.find()) {
            if (!numberRuns.contains(numberRun(run.group()))) {
                return "says " + run.group() + ", which no fact says whole";
            }
        }
        String unknown = Lexicon.shipped().unknownWord(reply, known::words);
        if (unknown != null) {
            return "makes up the word '" + unknown + "'";
        }
        String grammar = grammarProblem(reply);
        if (grammar != null) {
            return grammar;
        }
        String again = repeatedPhrase(reply);
        if (again != null) {
            return "says '" + again + "' twice";
        }
        if (answer.isEmpty()) {
            return null;
        }
        if (!states(reply)) {
            return "does not state any of " + answer;
        }
        String spliced = asked == QuestionKind.PLACE ? splicedPlace(reply) : null;
        if (spliced != null) {
            return "says '" + spliced + "', which no fact says";
        }
        // Asked what the NPC pays, "That will be 6 silver." says the player pays it; "For you, 2 copper." says the
        // NPC sells the bread the world file prices.
        if (notCharged != null && CHARGES.matcher(upToAnswer(reply)).find()) {
            return "charges the player " + notCharged;
        }
        if (denied != null && !DENIAL.matcher(upToAnswer(reply)).find()) {
            return "says yes to " + denied + ", which the facts leave out";
        }
        // An answer is said, not asked back: "Do you like Agnes Thorne." leaves the player to guess.
        if (ASKS_BACK.matcher(upToAnswer(reply).strip()).find()) {
            return "asks the answer back";
        }
        // Read on what the player will see: a lead-in naming the thing may be cut as chatter.
        if (!about.isEmpty()) {
            Set<String> said = new java.util.HashSet<>();
            contentWords(upToAnswer(reply), "").forEach(w -> said.add(singular(w)));
            List<String> aboutSingular = about.stream().map(AnswerCheck::singular).distinct().toList();
            long saidAbout = aboutSingular.stream().filter(said::contains).count();
            if (saidAbout < Math.min(aboutWords, aboutSingular.size())) {
                return (saidAbout == 0 ? "says none of " : "says only one of ") + about;
            }
        }
        return null;
    }

    /** Whether {@code word} has stems, all among {@code told}. */
    private static boolean toldOf(Set<String> told, String word) {
        Set<String> own = stems(List.of(word));
        return !own.isEmpty() && told.containsAll(own);
    }

    private static String lastWord(String words) {
        String lower = words.toLowerCase(Locale.ROOT).strip();
        return lower.substring(lower.lastIndexOf(' ') + 1);
    }

    /** A word and the rest of the text after it. */
    private static final Pattern WORD_BEFORE = Pattern.compile(" (\\p{L}+)(?= (\\S.*))");
    private static final Set<String> PLACE_OR_DAY_PREPOSITIONS = Set.of("in", "at", "on", "by", "near", "under", "behind",
            "beside", "below", "above", "past", "inside", "outside", "beyond");
    /** Words an opening may say of any fact: copulas, pronouns, prepositions and the words of a price. */
    private static final Set<String> OPENING_WORDS = Set.of("it", "it's", "that", "that's", "is", "the", "a", "i", "you",
            "there", "there's", "are", "will", "be", "it'll", "that'll", "ask", "charge", "cost", "costs", "price", "want",
            "go", "see", "not", "until", "on", "in", "at", "by", "next", "takes");
    private static final Set<String> HEDGES = Set.of("about", "around", "roughly", "nearly", "almost");
    /** Lead-ins of the table tried as openings of a repeated answer, besides "It's" and "That's". */
    private static final int MAX_OPENINGS = 8;

    /**
     * Ways to open a line that states the asked value, each as this check judges it: "It's", "That's" and the
     * lead-ins the training replies say most before a value of its kind ({@link LeadIns#openings}: "It costs",
     * "I ask" before a price), kept when "{lead-in} {value}." passes and is said whole. Empty when nothing is asked.
     * A small model sure of one wording says it on every draw ("40 caps." five times); pushed off it, it writes
     * nonsense. A repeat is drawn again opening with one of these, and the model writes the rest.
     */
    public List<String> openings() {
        // Several values that answer ("What is the phone number?" of a record holding a name and two numbers): an
        // opening made for one leads the model to another as easily ("It's at 510-752-6706.", another number; "It's
        // Bristol Apartment Homes."). Held-out SGD answers fell 0.437 -> 0.427 before this.
        if (answer.isEmpty() || retrieved.isEmpty() || answer.size() > 1) {
            return List.of();
        }
        String value = answer.get(0);
        String kind = kindInFacts(value);
        LeadIns.Value first = LeadIns.first(value);
        kind = kind != null ? kind : first != null ? first.kind() : null;
        String fact = retrieved.get(answering);
        if (kind == null && SPACES.splitAsStream(value).anyMatch(w -> Mentions.isCalendarWord(w) || AnswerValues.TIME_WORDS.contains(w))) {
            kind = "day"; // "second tuesday of each month", "the last day of summer" (which the words after "on" would make a place)
        }
        if (kind == null && Mentions.locations(fact).contains(value)) {
            kind = "place"; // a place with no name: "the hollow oak"
        }
        if (kind == null) {
            return List.of();
        }
        // said with its article where the fact has one: "It's in the hollow oak."
        String said = spaced(fact);
        String the = "the " + value;
        value = said.contains(" " + the + " ") ? the : value;
        List<String> candidates = new ArrayList<>(List.of("It's", "That's"));
        if (kind.equals("span")) {
            candidates.add("It takes"); // the table's span lead-ins are mostly SGD's times ("at the")
        }
        // A place or a day with the fact's own preposition: "It's in the hollow oak.", "It's on the second Tuesday…".
        Matcher before = WORD_BEFORE.matcher(said);
        String preposition = null;
        while (before.find()) {
            if ((before.group(2) + " ").startsWith(value + " ") && PLACE_OR_DAY_PREPOSITIONS.contains(before.group(1))) {
                preposition = before.group(1);
            }
        }
        if (preposition != null) {
            candidates.add("It's " + preposition);
        }
        String factPreposition = preposition;
        // The table's openings, but not another preposition than the fact's ("At the hollow oak." where it says "in"),
        // nor words of an event the fact does not tell of: "It arrives at midnight." for when a club opens.
        Set<String> told = stems(contentWords(fact, ""));
        LeadIns.shipped().openings(kind).stream().filter(o -> !candidates.contains(o))
                .filter(o -> factPreposition == null || !PLACE_OR_DAY_PREPOSITIONS.contains(lastWord(o))
                        || lastWord(o).equals(factPreposition))
                .filter(o -> SPACES.splitAsStream(o.toLowerCase(Locale.ROOT)).allMatch(w -> OPENING_WORDS.contains(w)
                        || toldOf(told, w))) // "I have" of nine hives one keeps: a stop word is told of by no fact
                .limit(MAX_OPENINGS).forEach(candidates::add);
        List<String> out = new ArrayList<>();
        for (String lead : candidates) {
            String l = lead.toLowerCase(Locale.ROOT);
            if (HEDGES.contains(l) && !said.contains(" " + l + " " + value + " ")) {
                continue; // "About 112 steps." of 112 steps
            }
            String probe = Mentions.commonWordsAsIn(Mentions.namesAsIn(lead + " " + value + ".", retrieved), retrieved);
            if (problem(probe) == null && upToAnswer(probe).equals(probe)) {
                out.add(lead);
            }
        }
        return out;
    }

    /**
     * Whether {@code reply} says a word of the player's line, of the retrieved facts or one of {@code also} (the
     * NPC's persona, read once by {@link #topicWords}: "Apples." answers "What do you sell?" from "I sell apples at
     * the market."): asked something none of the NPC's sources speaks of ("What do you think of the innkeeper?"),
     * a reply such as "Not until the moves." answers nothing; "I couldn't say." is honest.
     */
    public boolean speaksOfTopic(String reply, Set<String> also) {
        return saysAny(reply, w -> topic.contains(w) || also.contains(w));
    }

    /** Whether {@code reply} says one of {@code words} (read by {@link #topicWords}). */
    public static boolean speaksOf(String reply, Set<String> words) {
        return saysAny(reply, words::contains);
    }

    private static boolean saysAny(String reply, java.util.function.Predicate<String> word) {
        return FactRetriever.terms(reply, TOPIC_TERMS).stream().anyMatch(word);
    }

    /** The words of {@code lines} as {@link #speaksOfTopic} compares them. */
    public static Set<String> topicWords(Collection<String> lines) {
        Set<String> words = new java.util.HashSet<>();
        lines.forEach(line -> words.addAll(FactRetriever.terms(line, TOPIC_TERMS)));
        return words;
    }

    /** Whether the question names a name {@code fact} states ("the Magpie"), by one of its uncommon words. */
    private static boolean namesAsked(String fact, String question) {
        Set<String> asked = new java.util.HashSet<>();
        Mentions.words(question, asked);
        return Mentions.names(fact).stream().anyMatch(n -> !n.words().isEmpty() && asked.containsAll(n.words()));
    }

    /** A sentence opening on a preposition cut off by a comma: "To, Jenna Cho." for who to take an iguana to. */
    private static final Pattern PREPOSITION_ALONE = Pattern.compile(
            "(?i)(?:^|[.!?]\\s+)(to|at|in|on|for|from|with|by|of|into|onto)\\s*,");
    /** A question the NPC says as a statement: "How many friends. How about 11." ("What a day." is no question.) */
    private static final Pattern QUESTION_AS_STATEMENT = Pattern.compile(
            "(?i)(?:^|[.!?]\\s+)((?:how (?:many|much|long|far|old|often)|(?:what|who|where|when|which|why) (?:is|are|was|were|do|"
                    + "does|did|can|could|will|would|should))\\b[^.!?]*\\.)");
    /** A modal and a verb that agrees with a subject instead: "It will costs, 5 pearls.", "That would takes". */
    private static final Pattern MODAL_THEN_S = Pattern.compile(
            "(?i)\\b(?:will|would|can|could|should|must|may|might|shall)\\s+(?:costs|takes|runs|charges|comes|goes|is|are|has|does)\\b");

    /** A word with "n't" that English has no such word for: "Then't have 4 days." */
    private static final Pattern NOT_CONTRACTED = Pattern.compile("(?i)\\b\\p{L}+n[’']t\\b");
    private static final Set<String> NOT_WORDS = Set.of("don't", "doesn't", "didn't", "can't", "couldn't", "won't",
            "wouldn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "mustn't",
            "needn't", "ain't", "shan't", "mightn't", "daren't", "oughtn't");
    /** Two words said twice in a row: "do not do not free". */
    private static final Pattern PAIR_TWICE = Pattern.compile("(?i)\\b(\\p{L}+ \\p{L}+) \\1\\b");

    /**
     * What breaks the grammar of the words around a value, or null: two articles together, a subject with no verb
     * before the value, an article a number or word does not take, an article no fact writes with the answer,
     * "there is" before more than one. Checked on the line drawn and again on what is left of it once chatter is
     * cut ("The 12 pm train." cut to "The 12." loses its lead-in).
     */
    private String grammarProblem(String reply) {
        for (GrammarRule rule : GRAMMAR) {
            String problem = rule.problem(this, reply);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** One way a reply's grammar breaks: what it says, or null when it does not break that way. */
    private interface GrammarRule {
        String problem(AnswerCheck check, String reply);
    }

    /** A pattern whose first match breaks the reply, said by {@code says}. */
    private static GrammarRule found(Pattern pattern, java.util.function.Function<Matcher, String> says) {
        return (check, reply) -> {
            Matcher m = pattern.matcher(reply);
            return m.find() ? says.apply(m) : null;
        };
    }

    /** A word with "n't" English has none of: "Then't have 4 days." */
    private static String contractionNoWord(AnswerCheck check, String reply) {
        Matcher contracted = NOT_CONTRACTED.matcher(reply);
        while (contracted.find()) {
            if (!NOT_WORDS.contains(contracted.group().toLowerCase(Locale.ROOT).replace('’', '\''))) {
                return "writes '" + contracted.group() + "', which is no word";
            }
        }
        return null;
    }

    /** An article a number or a word does not take: "a 4 dollars", "A six.", "The Four.", "An Sundown.", "a eel". */
    private static String articleMisused(AnswerCheck check, String reply) {
        Matcher article = ARTICLE_BEFORE.matcher(reply);
        while (article.find()) {
            String next = article.group(2).toLowerCase(Locale.ROOT);
            boolean number = Character.isDigit(next.charAt(0)) || Mentions.isNumberWord(next);
            // "a 4 dollars", "A six." ("a hundred" is English); "The Four." with nothing it counts ("the 2 gaps" is English).
            String a = article.group(1).toLowerCase(Locale.ROOT);
            // ("an eighty-foot ladder", "a 20-foot hoarding": a number that makes a word with its measure)
            boolean compound = number && article.group(3) != null && article.group(3).startsWith("-");
            boolean wrong = a.equals("the") ? number && article.group(3) == null
                    : compound ? a.equals("an") != VOWEL_SOUND_NUMBER.matcher(next).matches()
                    : number && !SCALES.contains(next)
                    // "An Sundown.", "a eel" ("an hour", "a one", "a unit" are English)
                    || a.equals("an") && "bcdfgjklmnpqrstvwxyz".indexOf(next.charAt(0)) >= 0
                    || a.equals("a") && "aei".indexOf(next.charAt(0)) >= 0;
            if (wrong) {
                return "puts '" + article.group(1) + "' before " + article.group(2);
            }
        }
        return null;
    }

    /** "There is" before more than one. */
    private static String thereIsOfMany(AnswerCheck check, String reply) {
        Matcher many = THERE_IS.matcher(reply);
        while (many.find()) {
            List<Mentions.Quantity> counted = Mentions.quantities(many.group(1));
            if (!counted.isEmpty() && !counted.get(0).value().equals("1")) {
                return "says '" + many.group().strip() + "' of more than one";
            }
        }
        return null;
    }

    /**
     * "There are 2 washers." asked a price, "There are two in the afternoon!" asked a time: the value said as how many
     * there are; so is "I have 200 mon." (what the NPC holds, not what a night costs).
     */
    private static final Pattern THERE_ARE = Pattern.compile("(?i)\\b(?:there(?:'s|’s| is| are| was| were)|i have|i've got|"
            + "i got|we have|we've got)\\s+$");

    private static String valueAsCount(AnswerCheck check, String reply) {
        if (check.asked != QuestionKind.MONEY && check.asked != QuestionKind.TIME) {
            return null;
        }
        String r = normalise(reply);
        for (String term : check.answer) {
            int at = r.indexOf(term);
            if (at > 0 && THERE_ARE.matcher(r.substring(0, at)).find()) {
                return "says the " + (check.asked == QuestionKind.MONEY ? "price " : "time ") + term + " as a count ('there are', 'I have')";
            }
        }
        return null;
    }

    /** "About 2 washers." of a toll the facts state exactly: a price is said as it is, not guessed at. */
    private static String priceHedged(AnswerCheck check, String reply) {
        if (check.asked != QuestionKind.MONEY) {
            return null;
        }
        String r = spaced(reply);
        for (String term : check.answer) {
            for (String hedge : HEDGES) {
                String said = " " + hedge + " " + term.replace(".", " ").strip() + " ";
                if (r.contains(said) && !check.written.contains(said)) {
                    return "says '" + said.strip() + "' of a price the facts state exactly";
                }
            }
        }
        return null;
    }

    /** "a" before a plural that a fact writes without it. */
    private String pluralWithA(String reply) {
        Matcher plural = A_PLURAL.matcher(reply);
        while (plural.find()) {
            if (written.contains(" " + plural.group(1).toLowerCase(Locale.ROOT) + " " + plural.group(2).toLowerCase(Locale.ROOT) + " ")) {
                return "says '" + plural.group() + "', which a fact writes '" + plural.group(1) + " " + plural.group(2) + "'";
            }
        }
        return null;
    }

    /** Digits and a number word together ("2 thousand" is one). */
    private static String numbersTogether(AnswerCheck check, String reply) {
        // "4 30 shillings.": two numbers in digits, which no fact writes so
        Matcher digits = DIGITS_THEN_DIGITS.matcher(reply);
        while (digits.find()) {
            if (!check.written.contains(" " + digits.group() + " ")) {
                return "says two numbers together: '" + digits.group() + "'";
            }
        }
        Matcher pair = DIGITS_THEN_WORD.matcher(reply);
        while (pair.find()) {
            String word = pair.group(2).toLowerCase(Locale.ROOT);
            if (Mentions.isNumberWord(word) && !SCALES.contains(word) && !word.equals("million")) { // "2 thousand" is one
                return "says two numbers together: '" + pair.group() + "'";
            }
        }
        return null;
    }

    /** A half of the day no fact gives the hour: "At 9 am." where the fact says "at 9 every night". */
    private String meridiemMadeUp(String reply) {
        Matcher meridiem = MERIDIEM.matcher(reply);
        while (meridiem.find()) {
            // "At 9 am." where the fact says "at 9 every night": the half of the day is made up.
            String said = meridiem.group(1) + " " + meridiem.group(2).replace(".", "").toLowerCase(Locale.ROOT);
            // the facts as read: "9am", "9 a.m." (its stops are spaces there) and "9 am" alike
            if (!written.replaceAll("(\\d)\\s?([ap])\\s?m\\b", "$1 $2m").contains(" " + said + " ")) {
                return "says '" + meridiem.group().strip() + "', which no fact says";
            }
        }
        return null;
    }

    private static final Set<String> CONJUNCTIONS = Set.of("and", "or", "but");
    /**
     * Words that go on a verb cut short ("put out", "closes at", and what it acts on: "put them out"); a list of things
     * ("bread and ale are…") is whole.
     */
    private static final Set<String> GOES_ON = Set.of("out", "up", "off", "down", "away", "back", "at", "until", "till",
            "by", "to", "them", "it", "him", "her", "us", "me");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?])\\s+");

    /**
     * The end of a sentence that copies a fact up to a joining word and one more, where the fact goes on with what
     * that word needs: "Dusk and put." from "The lamp is lit at dusk and put out at dawn." Null when no sentence
     * breaks off.
     */
    private String brokenOff(String reply) {
        for (String sentence : SENTENCE_BREAK.split(reply.strip())) {
            String[] words = spaced(sentence).strip().split("\\s+");
            int n = words.length;
            if (n < 3 || !CONJUNCTIONS.contains(words[n - 2])
                    || Mentions.isNumberWord(words[n - 3]) && Mentions.isNumberWord(words[n - 1])) {
                continue; // "three hundred and sixty" is one number
            }
            String tail = " " + words[n - 3] + " " + words[n - 2] + " " + words[n - 1] + " ";
            for (int at = written.indexOf(tail); at >= 0; at = written.indexOf(tail, at + 1)) {
                int next = at + tail.length();
                int end = written.indexOf(' ', next);
                if (next < written.length() && GOES_ON.contains(written.substring(next, end < 0 ? written.length() : end))) {
                    return words[n - 3] + " " + words[n - 2] + " " + words[n - 1];
                }
            }
        }
        return null;
    }

    /**
     * A name's possessive ending a sentence where the facts go on to whose thing it is: "Mr Albert Quayle's." from "…Mr
     * Albert Quayle's farm down on the Saltings road". Null when none does, or a fact says it alone ("I eat at Maggie's.").
     */
    private String possessiveBrokenOff(String reply) {
        Matcher end = SENTENCE_ENDS_ON_POSSESSIVE.matcher(reply);
        if (!end.find()) {
            return null;
        }
        String name = end.group(1);
        String word = Pattern.quote(name.substring(0, name.length() - 2)) + "['’]s"; // either apostrophe
        // (the thing owned, not a word of time or place after a shop's name: "at Maggie's every night")
        Pattern goesOn = Pattern.compile("(?i)\\b" + word + "(?=\\s+\\p{Ll})(?!\\s+(?:every|each|on|at|in|and|or|but|when|where|if|"
                + "for|until|till|since|before|after|by|near|with|from|to|is|was|are|were|has|had|will|can|tonight|today|now)\\b)");
        Pattern alone = Pattern.compile("(?i)\\b" + word + "(?=\\s*(?:[.,;:!?]|$))");
        boolean onward = retrieved.stream().anyMatch(f -> goesOn.matcher(f).find());
        return onward && retrieved.stream().noneMatch(f -> alone.matcher(f).find())
                ? "ends a sentence on '" + name + "', whose thing it does not say" : null;
    }

    /**
     * A word said without the ending the facts give it after the same word: "Technician Pavel Orlov fix." and "Sheriff
     * Doyle pay." from "…Orlov fixes the water pumps", "…Doyle pays for the burial". Null when none is.
     */
    private String clippedVerb(String reply) {
        String[] words = spaced(reply).strip().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String pair = " " + words[i - 1] + " " + words[i];
            if (!written.contains(pair + " ") && (written.contains(pair + "s ") || written.contains(pair + "es "))) {
                return "says '" + pair.strip() + "', which a fact writes with an ending";
            }
        }
        return null;
    }

    private static final Set<String> CLAUSE_OPENERS = Set.of("i", "you", "we", "they", "he", "she", "what", "who", "why",
            "which", "how");
    /**
     * "In every second Thursday.": a time said how often takes no "in" (nor "at" before a day). Only opening a sentence:
     * "the trader puts in every second Thursday" is another "in".
     */
    private static final Pattern IN_EVERY_TIME = Pattern.compile("(?i)(?:^|[.!?]\\s+|\\b(?:it's|it is|that's|that is|'s) )"
            + "(?:(?:in|at) every (?:(?:second|other|third|fourth|first|last) )?"
            + "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b"
            + "|in every (?:(?:second|other|third|fourth|first|last) )?(?:day|night|morning|evening|afternoon|week|month|year)s?\\b)");
    /** Two prepositions together: "It is at after midnight.", "At after 30 days.", "At south of the wall." */
    private static final Pattern PREPOSITION_BEFORE_AFTER = Pattern.compile("(?i)\\b(?:at|on|in)\\s+(?:after|before|until)\\b"
            // a preposition before a direction that is one: "At south of the city wall."
            + "|\\b(?:at|on|in)\\s+(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\\s+of\\b");
    /** A number in digits and a word after it, which may be another number: "There are 40 nine days." */
    private static final Pattern DIGITS_THEN_WORD = Pattern.compile("\\b(\\d+)\\s+(\\p{L}+)\\b");
    private static final Pattern DIGITS_THEN_DIGITS = Pattern.compile("\\b\\d+\\s+\\d+\\b");
    /** A name's possessive that ends a sentence: "It's Mr Albert Quayle's." (not "It's", "That's", "Who's"). */
    private static final Pattern SENTENCE_ENDS_ON_POSSESSIVE = Pattern.compile("\\b(?!(?:It|That|There|Here|He|She|What|Who|Where|Let|How)['’]s\\b)"
            + "(\\p{Lu}\\p{L}*['’]s)\\s*[.!?]+(?=\\s|$)");
    /**
     * A sentence that stops on a word that needs another after it: "That is 25 dollars per.", "100 gold, and it
     * costs.", "A year takes.".
     */
    private static final Pattern UNFINISHED_END = Pattern.compile("(?i)\\b(per|the|a|an|and|or|of|my|your|their|our|"
            + "every|than|to|from|with|costs|charges|takes"
            // "That's 40 dollars, but not a good.": an adjective with "a" and no noun
            + "|an? (?:good|great|bad|fine|big|nice|real|new|whole|fair|cheap))\\s*[.!?]+(?=\\s|$)");
    /** An article and one word at the end: where a noun phrase may have stopped short ("for a good"). */
    private static final Pattern ARTICLE_AND_WORD = Pattern.compile("(?i)\\b(?:a|an|the|my|your|his|her|our|their)\\s+\\p{L}+$");
    /** Words that may follow a whole noun phrase in a fact: "at the inn tonight", "34 hands aboard". */
    private static final Pattern AFTER_A_PHRASE = Pattern.compile("(?i)\\s+(?:tonight|today|tomorrow|here|there|now|"
            + "ahead|aboard|inside|outside|upstairs|downstairs|below|above|away|back|again|too|only|alone|nearby)\\b");

    /**
     * Whether {@code copied} ends with an article and a word that a fact writes going on with another word of the
     * same phrase: "for a good" before "wristwatch".
     */
    private boolean stopsInsidePhrase(String copied) {
        String lower = copied.toLowerCase(Locale.ROOT);
        if (!ARTICLE_AND_WORD.matcher(lower).find()) {
            return false;
        }
        for (String fact : retrieved) {
            String f = fact.toLowerCase(Locale.ROOT);
            for (int at = f.indexOf(lower); at >= 0; at = f.indexOf(lower, at + 1)) {
                int after = at + lower.length();
                boolean wholeWord = after >= f.length() || !Character.isLetterOrDigit(f.charAt(after));
                if (wholeWord && !PHRASE_ENDS.matcher(f.substring(after)).lookingAt()
                        && !AFTER_A_PHRASE.matcher(f.substring(after)).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "a" or "an" before a plural of a word a fact writes after it in the singular: "60 credits for a crates." */
    private static final Pattern A_PLURAL = Pattern.compile("(?i)\\b(a|an)\\s+(\\p{L}+)s\\b");
    /** "There is" and the number after it: "There is Forty thousand." is no English ("There are" is). */
    private static final Pattern THERE_IS = Pattern.compile("(?i)\\bthere(?:'s|’s| is| was)\\s+((?:\\p{N}+|\\p{L}+)(?:[ -]\\p{L}+)?)");

    /**
     * "a", "an", "the" or "your", "my"... before an answer the facts never write with it: "The Pim.", "It's a Noon.",
     * "The Net Street." (the fact says "of Net Street"), "Your Gus Petrakis.", "Your dusk."; "The Widow." stands when
     * the fact says "called the Widow". Null if none.
     */
    private String articleNotWritten(String reply) {
        String r = spaced(reply);
        for (String term : answer) {
            if (term.isEmpty()) {
                continue;
            }
            boolean number = Character.isDigit(term.charAt(0)) || Mentions.isNumberWord(term.split(" ")[0]);
            // Numbers take their articles by ARTICLE_BEFORE; but a span that opens "The nine days." when the fact
            // says "takes nine days" is the model's slip ("The eight packs." is English).
            if (number && AnswerValues.SPAN.matcher(term).matches() && r.startsWith(" the " + term + " ") && !written.contains(" the " + term + " ")) {
                return "the " + term;
            }
            // "My sword." is English where the fact says "a sword"; "Your Gus Petrakis." and "Your dusk." are not.
            boolean owned = !number && Mentions.isCommon(term) && !AnswerValues.TIME_WORDS.contains(term);
            for (String a : number ? POSSESSIVES : owned ? ARTICLES : DETERMINERS) {
                String said = " " + a + " " + term + " ";
                if (r.contains(said) && !written.contains(said)) {
                    return a + " " + term;
                }
            }
        }
        return null;
    }

    /** Prepositions that put a thing beside a place, not in it: said as "in" or "at", the player looks in the wrong spot. */
    private static final List<String> BESIDE = List.of("behind", "under", "beneath", "below", "above", "over", "beside",
            "near", "opposite", "across", "outside", "past", "beyond", "next to", "north of", "south of", "east of", "west of");
    /** Of {@link #BESIDE}, the words without which a place answer points the player to the wrong spot ("near" does not). */
    private static final Set<String> SIDE_OF = Set.of("behind", "under", "beneath", "below", "above", "over", "beside",
            "opposite", "across", "outside", "past", "beyond");
    private static final List<String> INSIDE = List.of("in", "at", "inside", "on", "within");

    /**
     * "In the livery stable." where the fact says "behind the livery stable": the reply's "in" or "at" before a
     * place the facts only put something beside. What is wrong, or null.
     */
    private String placeMoved(String reply) {
        if (asked != QuestionKind.PLACE) {
            return null;
        }
        String r = spaced(reply);
        for (String term : answer) {
            for (String article : List.of("", "the ")) {
                // "from Farid al-Hakim": whom it comes from, no place to be in ("It's in Farid al-Hakim.")
                boolean beside = BESIDE.stream().anyMatch(b -> written.contains(" " + b + " " + article + term + " "))
                        || written.contains(" from " + article + term + " ");
                boolean inside = INSIDE.stream().anyMatch(i -> written.contains(" " + i + " " + article + term + " "));
                if (!beside || inside) {
                    continue;
                }
                for (String i : INSIDE) {
                    if (r.contains(" " + i + " " + article + term + " ")) {
                        return "says '" + i + " " + article + term + "', which the facts put beside it, not in it";
                    }
                }
            }
        }
        return null;
    }

    /** The prepositions a time takes, each for its own kind of time: "at dusk", "on Thursday", "in early June". */
    private static final List<String> TIME_PREPOSITIONS = List.of("at", "on", "in");

    /**
     * "At early June." or "On dusk." where the fact says "in early June" and "at dusk": a small model moves the
     * preposition of one kind of time onto another. The reply may leave it out, or say the fact's; not another.
     */
    private String timePrepositionChanged(String reply) {
        if (asked != QuestionKind.TIME) {
            return null;
        }
        String r = spaced(reply);
        for (String term : answer) {
            for (String article : List.of("", "the ")) {
                String factSays = TIME_PREPOSITIONS.stream()
                        .filter(p -> written.contains(" " + p + " " + article + term + " ")).findFirst().orElse(null);
                if (factSays == null) {
                    continue;
                }
                for (String p : TIME_PREPOSITIONS) {
                    String said = " " + p + " " + article + term + " ";
                    if (r.contains(said) && !written.contains(said)) {
                        return "says '" + said.strip() + "', which the facts say '" + factSays + " " + article + term + "'";
                    }
                }
            }
        }
        return null;
    }

    /** A clock time with its half of the day: "9 am", "7:15pm", "10 p.m.". */
    private static final Pattern MERIDIEM = Pattern.compile("(?i)\\b(\\d{1,2}(?::\\d{2})?)\\s?(am|pm|a\\.m\\.|p\\.m\\.)(?!\\p{L})");

    /** Words that deny what follows: "Harlan is not 150 dollars." says the fact's value is not the value. */
    private static final List<String> DENIALS = List.of("not", "isn't", "aren't", "wasn't", "never", "ain't");

    /** The denied answer {@code reply} says where no fact denies it ("not 150 dollars"), or null. */
    private String answerDenied(String reply) {
        String r = spaced(reply);
        for (String term : answer) {
            for (String no : DENIALS) {
                for (String a : DENIED_WITH) {
                    String said = " " + no + " " + a + term + " ";
                    if (r.contains(said) && !written.contains(said)) {
                        return said.strip();
                    }
                }
            }
        }
        return null;
    }

    /** What may stand between a denial and the value: nothing or an article ("not the Widow"). */
    private static final List<String> DENIED_WITH = List.of("", "a ", "an ", "the ");

    private static final List<String> ARTICLES = List.of("a", "an", "the");
    private static final List<String> POSSESSIVES = List.of("your", "my", "our", "his", "her", "their");
    private static final List<String> DETERMINERS = List.of("a", "an", "the", "your", "my", "our", "his", "her", "their");

    /** The kind of {@code value} (an answer as said) as the first retrieved fact that states it says, or null. */
    private String kindInFacts(String value) {
        for (String fact : retrieved) {
            String kind = LeadIns.kindIn(fact, value);
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /**
     * Whether people say {@code lead} before the value at {@code start..end} of {@code sentence} (the lead-in
     * table, {@link LeadIns}), or a retrieved fact does: "There are 6 silver." says "6 silver."; "Every Sunday."
     * stands when a fact says "every Sunday".
     */
    private boolean leadInSaid(String sentence, String lead, int start, int end) {
        String value = sentence.substring(start, end);
        // The unit may follow the value asked: "30" of "30 feet" to "How tall…?".
        Matcher unit = MEASURE.matcher(sentence.substring(start));
        boolean measure = unit.lookingAt() && start + unit.end() >= end;
        String l = lead.strip().toLowerCase(Locale.ROOT);
        if (measure || COUNTED.matcher(value).matches()) {
            // "At 3 monsters." is no English; "I have 3 monsters." says the guard owns them, unless a fact has. A
            // measure is no set of things at all: "There are 30 feet.", "The 30 feet." to "How tall…?".
            String said = " " + normalise(value) + " ";
            boolean factHas = !measure && retrieved.stream().anyMatch(f -> AnswerValues.clauseText(f).contains(said)
                    && HAS.matcher(f.toLowerCase(Locale.ROOT)).find());
            if (ENDS_IN_PREPOSITION.matcher(l).find() || HAS.matcher(l).find() && !factHas
                    || measure && OPENS_A_COUNT.matcher(l).find()) {
                return false;
            }
        }
        // "At 34." and "At two thousand." to "How many…?": a count is not at anywhere.
        if (asked == QuestionKind.COUNT && ENDS_IN_PREPOSITION.matcher(l).find() && isBareNumber(value)) {
            return false;
        }
        // "You want Ashwind." tells the player what to choose ("Which horse…?", "Where…?", "What time should I look
        // for deer?" "You want dusk."); a time, a price or a count that is not the player's choice is not: "You want
        // vespers." to "When does the library close?", "You want 400 feet." to "How deep…?".
        if (YOU_WANT.matcher(lead).find() && !advice
                && (measure || asked == QuestionKind.TIME || asked == QuestionKind.MONEY || asked == QuestionKind.COUNT)) {
            return false;
        }
        // Judged as it will be shown, names spelt as the facts spell them (same length): "We have whisper." copies a
        // name in lower case, which the table would not read as a name at all.
        String shown = Mentions.namesAsIn(sentence, retrieved);
        return LeadIns.shipped().allows(shown.length() == sentence.length() ? shown : sentence, start,
                theIsTheNames(value), kindInFacts(value))
                || written.contains(spaced(LeadIns.clause(lead) + " " + value));
    }

    /** Whether {@code value} is a number and nothing else: "34", "two thousand". */
    private static boolean isBareNumber(String value) {
        List<Mentions.Quantity> q = Mentions.quantities(value);
        return q.size() == 1 && q.get(0).unit() == null && q.get(0).surface().equalsIgnoreCase(value.strip());
    }

    /** A number in digits or words, and the space after it. */
    private static final String AMOUNT = "(?i)(?:\\d[\\d,.]*|[a-z]+(?:[- ][a-z]+)?)\\s+";
    /** A length, depth or weight: "30 feet", "two miles". */
    private static final Pattern MEASURE = Pattern.compile(AMOUNT + "(?:feet|foot|miles?|yards?|inch|inches|metres?|"
            + "meters?|leagues?|fathoms?|pounds?|stones?|tons?)\\b");
    private static final Pattern ASKS_ADVICE = Pattern.compile("(?i)\\b(?:which|should|best|recommend|ought)\\b");
    private static final Pattern YOU_WANT = Pattern.compile("(?i)\\byou want\\s*$");
    /** What opens a count of things, never a measure: "there are", "the". */
    private static final Pattern OPENS_A_COUNT = Pattern.compile("(?:^|\\b)(?:there are|there is|there's|the)$");
    /** An amount of things: "3 monsters", "seven coins". */
    private static final Pattern COUNTED = Pattern.compile(AMOUNT + "\\p{L}+s\\b");
    private static final Pattern ENDS_IN_PREPOSITION = Pattern.compile(
            "\\b(?:at|in|on|until|till|by|from|after|before|for)(?: the)?$");
    private static final Pattern HAS = Pattern.compile("\\b(?:have|has|had|got|own|owns|keep|keeps)\\b");

    /** Whether the facts write {@code value} (an answer as said) after "the": "called the Widow". */
    private boolean theIsTheNames(String value) {
        return written.contains(" the " + spaced(value).strip() + " ");
    }

    /**
     * Whether {@code reply} says an answer the facts write only after "the" right after another word, without it:
     * "That's Widow.", "It's in Sour Plum." (the facts say "the Widow", "the Sour Plum tavern"). Such a lead-in is
     * cut ("Widow."); a name opening the line needs no article.
     */
    private boolean articleLeftOut(String reply) {
        String r = spaced(reply);
        for (String term : answer) {
            if (term.isEmpty() || !written.contains(" the " + term + " ") || written.replace(" the " + term + " ", " ")
                    .contains(" " + term + " ")) {
                continue; // not a name the facts always write with "the"
            }
            int at = r.indexOf(" " + term + " ");
            if (at > 0 && !r.substring(0, at).endsWith(" the") && !r.substring(0, at).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} normalised, full stops as spaces, padded: so " the pim " is found whole in a reply and a fact. */
    private static String spaced(String text) {
        return " " + normalise(text).replace(".", " ") + " ";
    }

    /** An article before a word no noun phrase starts with: "the a", "The for you, Master Ito.", "a you". */
    // A capital "A" may be a letter that names ("locker A is full"), so only a lower-case "a" counts.
    private static final Pattern ARTICLE_BEFORE_NO_NOUN = Pattern.compile("\\b(a|an|An|the|The)\\s+((?i:a|an|the|my|your|his|her|our|"
            + "their|for|to|of|in|on|at|by|with|from|you|i|me|we|they|he|she|it|is|are|was|were|and|or|but))\\b(?![-'])");
    /**
     * A sentence that opens with a subject and goes straight on to a number or a name: "I 12 silver.", "I Monday."
     * (a comma, "I, Monday", or a verb between would be English).
     */
    private static final Pattern SUBJECT_WITHOUT_VERB = Pattern.compile(
            "(?:^|[.!?]\\s+)(I|We|You|They|He|She)\\s+(?:\\d|\\p{Lu})");
    /** An article and the word after it: "A six.", "It's a 4 dollars.", "The Four." and "An Sundown." are no English. */
    private static final Pattern ARTICLE_BEFORE = Pattern.compile(
            "(?i)\\b(a|an|the)\\s+([\\p{L}\\p{N}]+)(?:[:.,]\\d+)*(\\s+\\p{L}|-\\p{L})?"); // "the Three-Step Falls"
    private static final Set<String> SCALES = Set.of("hundred", "thousand", "dozen", "score");
    /** Numbers said with a vowel first: "an eight-day clock", "an 11-year-old", "an 80-foot mast". */
    private static final Pattern VOWEL_SOUND_NUMBER = Pattern.compile("(?i)eight\\p{L}*|eleven|8\\d*|11|18|18\\d\\d");

    /** Saying a time is left out: "not on Sunday", "closed", "never on"; not "Not until Sunday." (it opens then). */
    private static final Pattern DENIAL = Pattern.compile("(?i)\\b(?:not|never)\\s+(?:on|open|at|in)\\b|\\bclosed\\b|"
            + "n't\\s+open\\b");
    private static final Pattern NEGATION = Pattern.compile("(?i)\\bnot\\b|n't\\b|\\bno\\b");

    /** Words in a row that a line may not say twice. */
    private static final int REPEAT_WORDS = 3;

    /**
     * The first run of {@link #REPEAT_WORDS} words that {@code reply} says twice, or null: a small model
     * that loses its thread loops ("I'm not sure yet, I don't know if I don't know if I'm not sure if"),
     * and a line that loops is drawn again. Case and punctuation are ignored.
     */
    static String repeatedPhrase(String reply) {
        String[] words = SPACES.split(VALUE_MARKS.matcher(normalise(reply)).replaceAll(" ").strip());
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i + REPEAT_WORDS <= words.length; i++) {
            String run = String.join(" ", List.of(words).subList(i, i + REPEAT_WORDS));
            if (!seen.add(run)) {
                return run;
            }
        }
        return null;
    }

    /** Whether the reply states the answer (one of the best fact's key terms); false when none is due. */
    public boolean states(String reply) {
        String r = normalise(reply);
        for (String term : answer) {
            if (r.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** Words that may stand right beside a place in a reply: articles, prepositions, possessives, "is". */
    private static final Set<String> BESIDE_A_PLACE = Set.of("the", "a", "an", "at", "in", "on", "by", "to", "into", "onto",
            "inside", "outside", "under", "behind", "beside", "near", "past", "from", "of", "up", "down", "over", "across",
            "along", "through", "above", "below", "beneath", "off", "around", "round", "beyond", "opposite", "toward",
            "towards", "my", "our", "your", "his", "her", "their", "its", "that", "this", "these", "those", "is", "are",
            "was", "it's", "that's", "there's", "and", "or", "but", "so", "then", "where", "which", "just", "right", "there",
            "here", "now");

    /**
     * A place with no name (the fact writes it in lower case) glued to a word no fact puts beside it: "I love bench."
     * of "I work at a bench in the back corner of the blubber store", "Box bed room." of "a box bed under the back
     * stair, beside the lamp room". The words are the model's, the place is not where they say; null when none is.
     */
    private String splicedPlace(String reply) {
        String r = spaced(reply);
        String fact = spaced(retrieved.isEmpty() ? "" : retrieved.get(answering));
        String raw = retrieved.isEmpty() ? "" : retrieved.get(answering);
        String lower = reply.toLowerCase(Locale.ROOT); // (its own length: a lower-case letter may be two chars)
        for (String place : answer) {
            int at = r.indexOf(" " + place + " ");
            if (at < 0 || !raw.contains(place)) {
                continue; // not said, or named (capitals): a name may go with any word
            }
            String before = r.substring(0, at).strip();
            String left = before.isEmpty() ? null : before.substring(before.lastIndexOf(' ') + 1);
            if (left != null && !BESIDE_A_PLACE.contains(left) && !fact.contains(" " + left + " " + place + " ")) {
                return left + " " + place;
            }
            // on the right only what the reply runs on into with no stop between ("Box bed room.", not "Bench, lad.")
            Matcher after = RUNS_ON.matcher(lower);
            int end = lower.indexOf(place);
            if (end >= 0 && after.region(end + place.length(), lower.length()).lookingAt()) {
                String right = after.group(1);
                if (!BESIDE_A_PLACE.contains(right) && !fact.contains(" " + place + " " + right + " ")) {
                    return place + " " + right;
                }
            }
        }
        return null;
    }

    private static final Pattern RUNS_ON = Pattern.compile(" ([\\p{L}']+)");

    /**
     * The sentence of {@code reply} that states the answer, with at most a short word before it: once
     * the NPC has answered, what a small model adds is mostly chatter ("Three days! It's a great day."
     * says "Three days!"), and so is what it says before the answer over more than a few words ("That's
     * nice! I'm glad to go to do. Agnes Thorne." says "Agnes Thorne."; "Aye. Eight." stays). The reply
     * itself when it states no answer.
     */
    public String upToAnswer(String reply) {
        if (answer.isEmpty()) {
            return reply;
        }
        var ends = SENTENCE_ENDS.matcher(reply);
        int start = 0;
        int previous = 0;
        while (ends.find()) {
            String sentence = reply.substring(start, ends.end());
            if (states(sentence)) {
                String before = reply.substring(previous, start).strip();
                // A short opener stays only if it says nothing off the topic ("Aye." does, "The dining room." not)
                // and it is the NPC's interjection ("Hm.") or people open a value of the kind with it ("Sure."; "Me
                // too!" opens no price).
                boolean brief = !before.isEmpty() && SPACES.split(before).length <= SHORT_OPENER_WORDS && onTopic(before)
                        && (interjection(before) || LeadIns.shipped().allowsOpener(before, sentence)) && !reacts(before)
                        && !LONE_PRONOUN_AFTER_COMMA.matcher(before).find() && !before.endsWith("?")
                        && !NEGATION.matcher(before).find(); // "That's not sure. Eleven days." doubts its own answer
                String said = withoutChatter(sentence.strip());
                return brief ? reply.substring(previous, start).strip() + " " + said : said;
            }
            if (states(reply.substring(0, ends.end()))) {
                return reply.substring(0, ends.end()).strip(); // the answer spans a sentence end ("4.50 gold")
            }
            previous = start;
            start = ends.end();
        }
        return states(reply) ? withoutChatter(reply) : reply;
    }

    /** The article and the preposition a fact writes right before a value: "near the old watchtower", "at vespers". */
    private static final Pattern BEFORE_VALUE = Pattern.compile("(?i)(?:\\b(at|in|on|near|by|behind|beside|past|under|"
            + "beneath|above|below|outside|inside|from|after|before|until|till|across|beyond|around|off|opposite|over)\\s+)?"
            + "(?:\\b(the|a|an)\\s+)?$");
    static final Pattern PHRASE_ENDS = Pattern.compile("(?i)\\s*(?:$|[.,;:!?)]|(?:and|or|but|by|at|in|on|to|"
            + "for|with|from|near|past|every|each|where|which|that|who|before|after|until|till|is|are|was|were|"
            + "opens|closes|leaves|starts|stands|lies|"
            // a clause of its own: "every Wednesday while I work", "Every Friday I sell"
            + "while|when|whenever|because|unless|if|so|i|we|he|she|they|you)\\b)");
    /**
     * The rest of a noun phrase after a value: one or two lower-case words that are no verb a fact puts there
     * ("noodle shop" in "the Jade Dragon noodle shop", "train" in "the Thursday train"; not "lie" in "the Needle
     * Rocks lie north").
     */
    private static final Pattern NOUN_PHRASE_WORD = Pattern.compile(" (?!(?:lie|lies|sit|sits|stand|stands|run|runs|"
            + "sell|sells|open|opens|close|closes|leave|leaves|arrive|arrives|come|comes|go|goes|wait|waits|stay|stays|"
            + "hold|holds|has|have|had|is|are|was|were|will|can|may|must|should|would|could|does|do|did)\\b)"
            + "\\p{Ll}+(?<!ed)\\b");

    /** Length of the one or two words of {@code after} that end a value's noun phrase, or -1 (see NOUN_PHRASE_WORD). */
    private static int phraseRest(String after) {
        Matcher word = NOUN_PHRASE_WORD.matcher(after);
        int at = 0;
        for (int words = 0; words < 2 && word.region(at, after.length()).lookingAt(); words++) {
            at = word.end();
            if (PHRASE_ENDS.matcher(after.substring(at)).lookingAt()
                    && !PHRASE_ENDS.matcher(after.substring(word.start(), at)).lookingAt()) {
                return at;
            }
        }
        return -1;
    }
    /** Words ending in s that are no things counted: "46 this year", "four was". */
    private static final String NOT_COUNTED = "(?:this|thus|was|has|is|its|his|hers|ours|yours|theirs|plus|less|unless|"
            + "across|always|perhaps|besides|towards|afterwards|as|us)\\b";
    /** What a count counts, as the fact goes on after it: " merchant ships", " souls" (lower case, a plural last). */
    private static final Pattern COUNTED_AFTER = Pattern.compile(
            "((?: (?!" + NOT_COUNTED + ")\\p{Ll}+)?? (?!" + NOT_COUNTED + ")\\p{Ll}{2,}s)\\b");
    private static final Pattern BARE = Pattern.compile("(?i)^(?:(?:the|a|an)\\s+)?(.+?)([.!?]*)$");

    /**
     * {@code shown}, when it is the answer's value and nothing else, said as the fact that holds it says it: with the
     * fact's article ("The old watchtower." where the fact says "near the old watchtower", "A quarter of an hour.")
     * and, when {@code choice} is odd, for a place or a time the preposition before it too ("Near the old
     * watchtower.", "At vespers.") and for a count what it counts ("Four merchant ships."). A small model's line cut down to its answer is often the value alone, which
     * reads clipped ("Old watchtower.") and, drawn again, the same every time. Anything else, or a form the check
     * would turn down, is returned as it is.
     */
    String asTheFactSays(String shown, int choice) {
        String said = asTheFactSaysBare(shown, choice);
        return asked == QuestionKind.PLACE ? wholePlace(said) : withRate(said);
    }

    /**
     * {@code shown} with the rate the fact gives its price after the price where the line leaves it off: "It costs 40
     * cents a pound." for "It costs 40 cents." of "Freight to Grand Forks costs 40 cents a pound" (40 cents for a
     * pack of gear misleads). As it is when no price ends a sentence there, or the line would be turned down.
     */
    String withRate(String shown) {
        if (asked != QuestionKind.MONEY) {
            return shown;
        }
        for (String term : answer) {
            Matcher inReply = spellings.computeIfAbsent(term, AnswerCheck::spelling).matcher(shown);
            if (!inReply.find() || !SENTENCE_END_AFTER.matcher(shown.substring(inReply.end())).lookingAt()) {
                continue;
            }
            for (String fact : retrieved) {
                Matcher at = spellings.get(term).matcher(fact);
                Matcher rate = at.find() ? RATE_AFTER.matcher(fact.substring(at.end())) : null;
                if (rate != null && rate.lookingAt()) {
                    String line = shown.substring(0, inReply.end()) + rate.group() + shown.substring(inReply.end());
                    return problem(line) == null ? line : shown;
                }
            }
        }
        return shown;
    }

    /** Where a value ends its sentence: "…40 cents." */
    private static final Pattern SENTENCE_END_AFTER = Pattern.compile("[.!?]|\\s*$");

    /** A reply that is a place and nothing else, perhaps after its preposition: "Above the brewhouse.", "Loft." */
    private static final Pattern PLACE_REPLY = Pattern.compile("(?i)^(?:(?:it's|it is|that's|that is|you'll find (?:me|it|us))"
            + "\\s+)?(?:(?:in|at|on|under|inside|beside|behind|near|by|"
            + "above|below|beneath|past|beyond|opposite|next to)\\s+)?(?:(?:the|a|an)\\s+)?(.+?)([.!?]*)$");
    /** The words that say where a place stands: "in", "beside", "next to"… */
    private static final String PLACE_LINK = "in|at|on|under|inside|beside|behind|near|by|above|below|beneath|past|beyond|"
            + "opposite|next to|over|across|along|down|up|outside|off";
    /**
     * One part of a place said where it stands: a word that says where, then a place with its article ("beside the
     * village well") or a name ("on Deck Two"); "of the old net loft" goes on the part before it.
     */
    private static final Pattern PLACE_PART = Pattern.compile("(?i)\\b(" + PLACE_LINK + "|of) (?:(?:the|a|an|my|our) "
            + "([\\p{L}'-]+(?: [\\p{L}'-]+){0,3}?)|(\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*){0,2}))"
            // (then the next part, or the line ends or goes on to something else: "on the east jetty at 7 each morning")
            + "(?=$|[.,;:!?]| (?:" + PLACE_LINK + "|of|and|but|where|which|who|when|while|so|for|to|with|from|every|each|"
            + "until|till|before|after|during)\\b)");
    /**
     * Parts of one place said together, at most: "in the lean-to beside the village well, under the big breadfruit tree";
     * "at the far end of the east wing, down the steps behind the brass-bound door".
     */
    private static final int MAX_PLACE_PARTS = 4;

    /**
     * {@code shown}, a place that the facts say stands in or by another, said with all of them as the fact says them:
     * "Above the brewhouse." is "In the loft above the brewhouse." ("Above the brewhouse" could be anywhere in it);
     * "The veranda." is "On the veranda of the old net loft."; else as it is.
     */
    private String wholePlace(String shown) {
        Matcher reply = PLACE_REPLY.matcher(shown.strip());
        if (!reply.matches()) {
            return shown;
        }
        String value = normalise(reply.group(1));
        for (String fact : retrieved) {
            for (String chain : placeChains(fact)) {
                // (a part of it, or parts: "The far end of the east wing." is "At the far end of the east wing, down the
                // steps behind the brass-bound door."; and the place said, or the one it stands by, is the answer: "The
                // Coal Shed." is "At the Coal Shed on the east jetty.")
                String whole = " " + normalise(chain) + " ";
                boolean names = whole.contains(" " + value + " ");
                // (a reply that says every part already stands as it is: "The stalls behind the winding house.")
                boolean says = PLACE_PART.matcher(chain).results().allMatch(part -> (" " + value + " ")
                        .contains(" " + normalise(part.group(2) != null ? part.group(2) : part.group(3)) + " "));
                if (says) {
                    return shown;
                }
                if (names && (answer.contains(value) || answer.stream().anyMatch(a -> whole.contains(" " + a + " ")))) {
                    String line = capitalised(chain) + (reply.group(2).isEmpty() ? "." : reply.group(2));
                    return problem(line) == null ? line : shown;
                }
            }
        }
        return shown;
    }

    /** The places of {@code fact} said in two or more parts, each as written ("at the top of the north stair"). */
    private static List<String> placeChains(String fact) {
        List<String> out = new ArrayList<>();
        Matcher part = PLACE_PART.matcher(fact);
        int start = -1;
        int end = -1;
        int parts = 0;
        while (part.find()) {
            boolean joined = start >= 0 && parts < MAX_PLACE_PARTS && fact.substring(end, part.start()).matches(",? ");
            if (joined) {
                end = part.end();
                parts++;
                continue;
            }
            if (parts >= 2) {
                out.add(fact.substring(start, end));
            }
            // a place is not said from its "of": "the top of the north stair" starts at "at the top"
            boolean of = part.group(1).equalsIgnoreCase("of");
            start = of ? -1 : part.start();
            end = part.end();
            parts = of ? 0 : 1;
        }
        if (parts >= 2) {
            out.add(fact.substring(start, end));
        }
        return out;
    }

    /** What a price is for, said right after it: " a pound", " per camel", " a head", " each", " the season". */
    private static final Pattern RATE_AFTER = Pattern.compile("(?: (?:a|an|per|the) (?:night|day|week|month|year|season|hour|"
            + "head|person|pound|sack|load|bale|barrel|cask|bucket|basket|crate|box|bundle|bag|ton|mile|league|trip|run|"
            + "camel|horse|mule|cart|wagon|croft|tree|word|page|letter|plate|bowl|cup|mug|glass|jug|bottle|pint|dozen|"
            + "yard|foot|length|piece|stone|barrow|skin|visit|dose|lesson|turn|round|go|ride|crossing|man|soul|customer)s?"
            + "| each| apiece)(?=[\\s.,;:!?]|$)");

    private String asTheFactSaysBare(String shown, int choice) {
        Matcher bare = BARE.matcher(shown.strip());
        if (answer.isEmpty() || !bare.matches()) {
            return shown;
        }
        String value = bare.group(1);
        Matcher on = ON_TIME.matcher(value);
        if (asked == QuestionKind.TIME && on.matches() && answer.contains(normalise(on.group(1)))) {
            value = on.group(1); // "On Monday.", "Every Thursday." are the day, said again below as the fact says it
        }
        String end = bare.group(2).isEmpty() ? "." : bare.group(2);
        String dayAndMore = asked == QuestionKind.TIME ? howOftenSaid(value) : null;
        if (dayAndMore != null) {
            String line = capitalised(dayAndMore) + end;
            return problem(line) == null ? line : shown;
        }
        boolean count = asked == QuestionKind.COUNT && isBareNumber(value);
        boolean longer = Math.floorMod(choice, 2) == 1; // the preposition, or what is counted
        for (String term : answer) {
            if (!normalise(value).equals(term)) {
                continue;
            }
            for (String fact : retrieved) {
                Matcher at = spellings.computeIfAbsent(term, AnswerCheck::spelling).matcher(fact);
                if (!at.find()) {
                    continue;
                }
                Matcher before = BEFORE_VALUE.matcher(fact.substring(0, at.start()));
                before.find(); // always found: both of its parts are optional
                // The article is the value's own only where the value ends its phrase: "the evening tide" does not
                // make "The evening.", nor "under the Greystone bridge" "Under the Greystone."; said whole, it does
                // ("The evening tide.", "On the Thursday train.", "Under the Jade Dragon noodle shop.").
                int phraseEnd = at.end();
                // (a person's name is whole wherever it ends: "Captain Odalie Marchbanks has run the Belle")
                boolean person = asked == QuestionKind.NAME && Character.isUpperCase(fact.charAt(at.start()));
                // "the stalls behind the winding house": a place with no name ends where it is said to stand
                Matcher where = SIDE_AFTER.matcher(fact.substring(at.end()));
                boolean standsBy = asked == QuestionKind.PLACE && Character.isLowerCase(fact.charAt(at.start())) && where.lookingAt();
                // "1 dollar a pound": a price said with what it is for ("1 dollar." to shipping a man's gear misleads)
                Matcher rate = RATE_AFTER.matcher(fact.substring(at.end()));
                boolean perUnit = asked == QuestionKind.MONEY && rate.lookingAt();
                if (perUnit) {
                    phraseEnd = at.end() + rate.end();
                } else if (!count && !person && !standsBy && !PHRASE_ENDS.matcher(fact.substring(at.end())).lookingAt()) {
                    // "every Sunday cycle": a time said how often takes its noun too, article or not
                    boolean often = asked == QuestionKind.TIME && HOW_OFTEN_BEFORE.matcher(fact.substring(0, at.start())).find();
                    int rest = before.group(2) == null && !often || asked != QuestionKind.PLACE && asked != QuestionKind.TIME ? -1
                            : phraseRest(fact.substring(at.end()));
                    if (rest < 0) {
                        return shown;
                    }
                    phraseEnd = at.end() + rest;
                }
                // As the fact spells it ("old watchtower"), unless the fact opens with it.
                String surface = at.start() == 0 ? value : fact.substring(at.start(), phraseEnd);
                String article = before.group(2) == null ? "" : before.group(2).toLowerCase(Locale.ROOT) + " ";
                // "Behind the Copper Gate.", whichever the choice: "The Copper Gate." alone sends the player through it
                boolean side = before.group(1) != null && SIDE_OF.contains(before.group(1).toLowerCase(Locale.ROOT));
                boolean preposition = (longer || side) && before.group(1) != null && (asked == QuestionKind.PLACE || asked == QuestionKind.TIME);
                Matcher counted = COUNTED_AFTER.matcher(fact.substring(at.end()));
                String things = longer && count && counted.lookingAt() ? counted.group(1) : "";
                String said = (preposition ? before.group(1).toLowerCase(Locale.ROOT) + " " : "") + article + surface
                        + things;
                Matcher title = TITLE_BEFORE.matcher(fact.substring(0, at.start()));
                if (asked == QuestionKind.NAME && title.find()) {
                    said = title.group(1) + " " + surface; // "Captain Odalie Marchbanks.", as the crew calls her
                }
                if (asked == QuestionKind.TIME) {
                    said = withItsDays(said, surface, fact.substring(0, at.start()), fact.substring(phraseEnd));
                }
                if (standsBy) {
                    said = said + where.group(); // "The stalls behind the winding house.": "Stalls." is any stalls
                }
                String line = capitalised(said) + end;
                return problem(line) == null ? line : shown;
            }
        }
        return shown;
    }

    /** Where a place with no name of its own stands, just after it: " behind the winding house", " next to the sawmill". */
    private static final Pattern SIDE_AFTER = Pattern.compile(" (?:behind|under|beneath|below|above|beside|opposite|"
            + "across from|outside|past|beyond|next to|near|on the|at the|in the) (?:the |a |an )?[\\p{L}'-]+(?: [\\p{L}'-]+){0,3}?"
            + "(?=$|[.,;:!?]| (?:and|but|where|which|who|when|while|so|for|to|with|on|in|at)\\b)");
    /**
     * {@code shown} with the currency sign the facts write before an answer's amount: "It's 1.50." is "It's £1.50." when
     * the fact says "£1.50" (the model learnt dollars; a normal form keeps no pound or euro sign, so "1.50" answers).
     */
    String withCurrencySigns(String shown) {
        String out = shown;
        for (String term : answer) {
            if (term.isEmpty() || !Character.isDigit(term.charAt(0))) {
                continue;
            }
            String sign = signBefore(term);
            if (sign != null) {
                out = Pattern.compile("(?<![£€¥$\\d.,])" + Pattern.quote(term) + "(?![\\d]|[.,]\\d)").matcher(out)
                        .replaceAll(Matcher.quoteReplacement(sign + term));
            }
        }
        return out;
    }

    /** The currency sign a retrieved fact writes just before {@code amount} ("£" of "£1.80"), or null. */
    private String signBefore(String amount) {
        for (String fact : retrieved) {
            for (int at = fact.indexOf(amount); at > 0; at = fact.indexOf(amount, at + 1)) {
                int end = at + amount.length();
                // not the start of a longer amount: "1.80" of "£1.805"
                boolean whole = end + 1 >= fact.length() || !(Character.isDigit(fact.charAt(end + 1))
                        && (Character.isDigit(fact.charAt(end)) || ".,".indexOf(fact.charAt(end)) >= 0));
                if ("£€¥".indexOf(fact.charAt(at - 1)) >= 0 && whole) {
                    return String.valueOf(fact.charAt(at - 1));
                }
            }
        }
        return null;
    }

    /** A title the fact gives a person just before their name: "Captain", "Brother", "Dr.". */
    private static final Pattern TITLE_BEFORE = Pattern.compile("\\b(Captain|Brother|Sister|Mother|Father|Doctor|Dr\\.|"
            + "Master|Mistress|Lady|Lord|Sir|Dame|Madam|Professor|Sergeant|Commander|Colonel|Major|Chief|Elder|Abbot|"
            + "Abbess|Mr\\.|Mrs\\.|Ms\\.|Miss|Widow|Granny|Uncle|Aunt|Saint|Administrator|Archmage|Marshal|Sheriff|"
            + "Deputy|Judge|Reverend|Madame|Don|Dona|Baron|Baroness|Count|Countess|Duke|Duchess|Prince|Princess|King|Queen)\\s+$");
    private static final Pattern ON_TIME = Pattern.compile("(?i)(?:on|at|every|each)\\s+(.+)");
    /** The days an hour is on, just before it: "every Thursday at ", "every day at ", "each Wednesday from ". */
    private static final Pattern DAYS_BEFORE_HOUR = Pattern.compile(
            "(?i)\\b((?:(?:the )?(?:first|second|third|fourth|last|final) (?:day|night|morning|evening) of )?"
            + "(?:once |twice )?(?:every|each) )((?:other |second |third |fourth |fifth |sixth |seventh |tenth |"
            + "\\d+(?:st|nd|rd|th) )?\\p{L}+(?:-\\p{L}+)?)(,? (?:at|from|after|before|until|around|about|by) (?:the )?)$");
    /** How often, just before a time: "every ", "once every ", "each ". */
    private static final Pattern HOW_OFTEN_BEFORE = Pattern.compile("(?i)\\b(?:(?:once|twice) )?(?:every|each) $");
    /** The hour after a day, up to four words: " at first light", " until noon", " after the noon bell", " of Thawmonth". */
    private static final Pattern HOUR_AFTER = Pattern.compile(
            "( (?:at|until|till|after|before|from|of) ((?:the )?[\\p{L}0-9:]+(?: [\\p{L}0-9:]+){0,2}?"
                    // ("every Sunday at three in the afternoon")
                    + "(?: in the (?:morning|afternoon|evening)| at night)?)(?: (?:station|local) time)?)"
                    + "(?=$|[.,;:!?)]| (?:and|but|when|while|where|for|to|in|on|by|with)\\b)");
    /**
     * A time as the fact says it, with how often and at what hour: "Thursday." to "When do the goats head out?" is
     * "every Thursday at first light", "23:00." "every Thursday at 23:00", "Dawn." "every day at dawn"; how often and
     * at what hour are part of when. {@code said} is the time as shown so far, {@code surface} as the fact spells it.
     */
    private static String withItsDays(String said, String surface, String before, String after) {
        Matcher days = DAYS_BEFORE_HOUR.matcher(before);
        if (days.find()) {
            return days.group(1).toLowerCase(Locale.ROOT) + days.group(2) + days.group(3) + surface;
        }
        Matcher hour = HOUR_AFTER.matcher(after);
        String atHour = hour.lookingAt() && timePhrase(hour.group(2)) ? hour.group(1) : "";
        Matcher often = HOW_OFTEN_BEFORE.matcher(before);
        return often.find() ? often.group().toLowerCase(Locale.ROOT) + surface + atHour : said + atHour;
    }

    /**
     * {@code value}, a day with more after it as a fact says them ("Thursday at dawn"), with how often the fact says it
     * comes: "every Thursday at dawn"; null when no retrieved fact says it so or the value opens with no answer term.
     */
    private String howOftenSaid(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        String said = normalise(value);
        if (answer.stream().noneMatch(t -> said.startsWith(t + " "))) {
            return null;
        }
        for (String fact : retrieved) {
            int at = fact.toLowerCase(Locale.ROOT).indexOf(lower);
            int end = at + lower.length();
            Matcher often = HOW_OFTEN_BEFORE.matcher(at < 0 ? "" : fact.substring(0, at));
            if (at > 0 && (end == fact.length() || !Character.isLetterOrDigit(fact.charAt(end))) && often.find()) {
                return often.group().toLowerCase(Locale.ROOT) + fact.substring(at, end);
            }
        }
        return null;
    }

    /** Whether words after a day say an hour or a month: "first light", "the noon bell", "2200", "Thawmonth". */
    private static boolean timePhrase(String words) {
        for (String w : words.toLowerCase(Locale.ROOT).split(" ")) {
            if (AnswerValues.TIME_WORDS.contains(w) || Character.isDigit(w.charAt(0)) || w.equals("light") || w.equals("tide")
                    || Mentions.isNumberWord(w) && words.contains(" in the ")
                    // "at the ninth hour", "at the third bell": an hour counted
                    || Mentions.isOrdinal(w) && (words.endsWith(" hour") || words.endsWith(" bell"))
                    || w.endsWith("month")) {
                return true;
            }
        }
        return false;
    }

    /** Terms of a fact or the player's line read for {@link #topic}. */
    private static final int TOPIC_TERMS = 64;
    private static final Pattern FINAL_STOPS = Pattern.compile("[.!?]+$");

    /**
     * {@code sentence} without the chatter around its answer, read word by word against the topic (the facts'
     * and the question's words; before the answer also the words of the kind asked: "cost", "charge" for a price).
     * After the answer it keeps words while they are on topic and stops at the first that is not: "Four,
     * it's a great day." says "Four."; "Agnes Thorne is a great day." says "Agnes Thorne."; "Wednesday, at
     * noon" (noon is in the fact) stays whole; joining words left at the end go ("Eight, and there." says
     * "Eight."). Before the answer, a lead-in with a word off the topic goes
     * ("The average temperature is 150 credits." says "150 credits."), unless it is a short address ending
     * in a comma ("Aye, friend, eight."). What a small model adds around a copied value is mostly
     * Persona-Chat small talk, and it joins it to the value ungrammatically.
     */
    String withoutChatter(String line) {
        String sentence = line.strip();
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (String term : answer) {
            Matcher m = spellings.computeIfAbsent(term, AnswerCheck::spelling).matcher(sentence);
            if (m.find()) {
                start = Math.min(start, m.start());
                end = Math.max(end, m.end());
            }
        }
        if (end < 0) {
            return sentence;
        }
        // After the answer: on-topic words extend the line, the first other word ends it.
        int keep = end;
        boolean cut = false;
        // A pronoun or a question word after the answer starts a clause of its own: "Abel Crane, what do you like to
        // help." and "Rusted Dam, and You want to the day." say the name, whatever word of the topic follows.
        boolean clause = false;
        Matcher words = WORD.matcher(sentence);
        words.region(end, sentence.length());
        while (words.find()) {
            clause |= CLAUSE_OPENERS.contains(words.group().toLowerCase(Locale.ROOT));
            List<String> term = FactRetriever.terms(words.group(), 1);
            if (Character.isDigit(words.group().charAt(0))) {
                String before = sentence.substring(0, words.start()).stripTrailing();
                char last = before.isEmpty() ? ' ' : before.charAt(before.length() - 1);
                if (Character.isDigit(last) || last == '-' || last == '+' || last == '(' || last == ')') {
                    keep = words.end(); // the same number goes on: "510-208-5253", "+44 20 7493 4545"
                    continue;
                }
                cut = true; // a second value, the answer's or another fact's: "It's Pip is 2 copper." says "Pip"
                break;
            }
            if (term.isEmpty() || JOINING.contains(words.group().toLowerCase(Locale.ROOT))) {
                continue; // a stop word joins, it says nothing
            }
            if (!topic.contains(term.get(0)) || clause) {
                cut = true;
                break;
            }
            keep = words.end();
        }
        // Words after the answer copied from a fact that stop inside the fact's phrase go: "20 dollars for a good."
        // from "I pay 20 dollars for a good wristwatch." says "20 dollars.".
        if (keep > end && stopsInsidePhrase(sentence.substring(start, keep))) {
            keep = end;
            cut = true;
        }
        // Joining words with nothing after them go too ("Eight, and there." says "Eight."), but not an object
        // ("Agnes Thorne made it.").
        String rest = PUNCTUATION_RUNS.matcher(sentence.substring(keep)).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        // An object stays only after a word of the topic: "Agnes Thorne made it.", not "Agnes Thorne you."
        cut |= !rest.isEmpty() && (keep == end || !OBJECTS.contains(rest));
        var stops = FINAL_STOPS.matcher(sentence.strip());
        String stop = stops.find() ? stops.group() : ".";
        String body = cut ? sentence.substring(0, keep).strip() : sentence.strip();
        if (cut || !FINAL_STOPS.matcher(body).find()) {
            body = TRAILING_JOINS.matcher(body).replaceAll("") + stop;
        }
        // Before the answer: the lead-in stays if all its words are on topic, or if it is a short address, if
        // people say it before such a value (leadInSaid), and if what is left reads as English: "The 12 pm
        // train." cut after its answer is not "The 12.".
        String lead = sentence.substring(0, start);
        if (lead.isBlank()) {
            return body;
        }
        // An address names whom it speaks to ("Aye, friend,"), never with an article: "The wooden soldiers, 6 silver."
        // Its words are interjections or say nothing ("Aye,", "For you,", "Yes,"): "Go confirmation, 4 dollars.",
        // "Ele, Hattie Moss." and "How many people, Cybernetic." are the small model's slips.
        boolean address = lead.strip().endsWith(",") && SPACES.split(lead.strip()).length <= SHORT_OPENER_WORDS
                && !ARTICLE_FIRST.matcher(lead.strip()).lookingAt()
                && (interjection(lead) || FactRetriever.terms(lead, 1).isEmpty());
        // "No, not on Sunday." to "Is the shop open Sundays?": the no is the answer.
        boolean denial = denied != null && DENIAL.matcher(lead + " ").find() && grammarProblem(body) == null;
        if (!denial && (!address && !onTopic(lead) || !leadInSaid(sentence, lead, start, end) || grammarProblem(body) != null
                || articleLeftOut(body) || saysLiking(lead) || rambles(lead) || reacts(lead)
                || Mentions.isCalendarWord(TRAILING_PUNCTUATION.matcher(lead.strip()).replaceAll("")))) { // "May, Sunday."
            String answerOn = body.substring(start);
            return Character.toUpperCase(answerOn.charAt(0)) + answerOn.substring(1);
        }
        return body;
    }

    /** An opener that ends on a pronoun with nothing to do: "Sure, you. Old mill." (One that asks, "The night watch? At
     * dusk.", is no opener either: the NPC answers, it does not ask.) */
    private static final Pattern LONE_PRONOUN_AFTER_COMMA = Pattern.compile("(?i),\\s*(?:you|me|it|i|we|they|him|her|them)\\W*$");

    /** Whether {@code lead} is a long run of words that say nothing: "For you with me to do you, dusk.". */
    private static boolean rambles(String lead) {
        return SPACES.split(lead.strip()).length > SHORT_OPENER_WORDS && FactRetriever.terms(lead, 1).isEmpty()
                && !interjection(lead);
    }

    /**
     * Numbers joined by dashes: a range, a score, a phone number. Said only as a fact says it whole: "34-12" joins two
     * facts' numbers, "408-247." is part of a phone number, "415-924-924-1192" repeats a part of one.
     */
    private static final Pattern NUMBER_RUN = Pattern.compile("(?<![\\d.,])\\d+(?:\\s*[-–]\\s*\\d+)+(?![\\d.,]?\\d)");

    /** A run of numbers as compared: its numbers joined by one dash. */
    private static String numberRun(String run) {
        return String.join("-", run.split("\\s*[-–]\\s*"));
    }

    /** A question for the least or the most of something, which an amount answers alone. */
    private static final Pattern ASKS_EXTREME = Pattern.compile("(?i)\\bwhat(?:'s| is| are|s)? (?:the|your) (?:least|most|"
            + "minimum|maximum|min|max|lowest|highest|smallest|largest|biggest|cheapest|fewest)\\b");
    /** Whether {@code line} asks a what/where/when/who/which/how question (a question without its "?"). */
    static boolean asksWh(String line) {
        return WH_QUESTION.matcher(line).find();
    }
    /** A question opening with who, what, where, when, which, whose or how ("So, where…?" too). */
    private static final Pattern WH_QUESTION = Pattern.compile(
            "(?i)(?:^|[.!?]\\s+)\\s*(?:(?:so|and|well|then|now|ok|okay|hey|say)\\b[,!]?\\s+)?(?:what|where|when|who|whom|whose|which|how)\\b");
    /**
     * Replies to something told, not asked: Persona-Chat's "Me too!", "I love that!", "I love you.", "Same here." A question
     * ("It's right?") opens no answer either.
     */
    private static final Pattern REACTION = Pattern.compile("(?i)\\s*(?:me (?:too|neither|either)|same here|so do i"
            + "|i (?:really )?(?:love|like|hate|agree with) (?:that|it|this|them|you)|i(?:'d| would)? love to|i agree|i know(?: right)?|how (?:cool|nice|fun)"
            + "|(?:that's|that is|sounds) (?:cool|awesome|fun|great|nice))\\b.*");
    private static final Pattern YES_OR_NO = Pattern.compile("(?i)\\s*(?:yes|yeah|yep|yup|no|nope|nah)\\b.*");

    /**
     * Whether {@code lead}, said before the answer, reacts instead of answering: "Me too! Hobb Greenly.", "I love
     * that! Noon.", "Yes, 6 silver." to "How much…?" ("Yes, Old Wenna." still answers "Is there a doctor?").
     */
    private boolean reacts(String lead) {
        String l = lead.strip();
        return REACTION.matcher(l).matches() || asksWh && YES_OR_NO.matcher(l).matches() || l.endsWith("?");
    }

    /** "I like", "I love": Persona-Chat's favourite opener, before an answer it says the NPC's taste, not the answer. */
    private static final Pattern LIKING = Pattern.compile("(?i)\\b(?:I|we)\\s+(?:really\\s+)?(like|love|enjoy|adore|hate)\\b");

    /** Whether {@code lead} says a liking the question did not ask about ("I like Tamsin." to "Who brings…?"). */
    private boolean saysLiking(String lead) {
        Matcher m = LIKING.matcher(lead);
        if (!m.find()) {
            return false;
        }
        List<String> verb = FactRetriever.terms(m.group(1), 1);
        return verb.isEmpty() || !topic.contains(verb.get(0));
    }

    /** An interjection of several words, read whole: "Let me think..." (its words alone, "Let. Evening.", are a slip). */
    private static final Pattern INTERJECTION_PHRASE = Pattern.compile("(?i)\\blet me think\\b");
    /** Words that open a line without saying anything off the topic: "Aye.", "Right, then.", "Now." */
    private static final Set<String> INTERJECTIONS = Set.of("hm", "ay", "aye", "sure", "right", "fine", "inde", "indeed",
            "cours", "course", "certainli", "hmm", "hmph", "alright", "friend", "love", "now");

    /** Whether every word of {@code text} is on the topic (or the kind asked), a stop word or an interjection. */
    private boolean onTopic(String text) {
        Matcher words = WORD.matcher(INTERJECTION_PHRASE.matcher(text).replaceAll(" "));
        while (words.find()) {
            List<String> term = FactRetriever.terms(words.group(), 1);
            if (!term.isEmpty() && !leadIn.contains(term.get(0)) && !INTERJECTIONS.contains(term.get(0))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} has words and all are interjections or stop words: "Hm.", "Aye.", "Of course." */
    private static boolean interjection(String text) {
        Matcher phrase = INTERJECTION_PHRASE.matcher(text);
        boolean any = phrase.find();
        Matcher words = WORD.matcher(any ? phrase.replaceAll(" ") : text);
        while (words.find()) {
            List<String> term = FactRetriever.terms(words.group(), 1);
            if (!term.isEmpty() && !INTERJECTIONS.contains(term.get(0))) {
                return false;
            }
            any |= !term.isEmpty();
        }
        return any;
    }

    /**
     * Words that join more to an answer but say nothing themselves, beyond the retrieval's stop words: "I'm" and
     * "from" are in "I'm open from midnight", so they are on its topic, yet "Midnight, I'm from." ends in them.
     */
    private static final Set<String> JOINING = Set.of("i", "i'm", "im", "i've", "i'll", "i'd", "you", "you're", "we",
            "we're", "he", "he's", "she", "she's", "it's", "they're", "my", "your", "our", "his", "her", "from", "until",
            "till", "after", "before", "since", "about", "over", "than", "up", "out", "off", "just", "so", "too", "do",
            "does", "did", "have", "has", "had", "am", "can", "will", "would", "could", "should", "what", "who");
    /** Words that end a line well after its last on-topic word: the thing done is done to them. */
    private static final Set<String> OBJECTS = Set.of("it", "them", "you", "me", "us", "him", "her", "there", "here");

    /** {@link #spelling} of each answer term, compiled once per check rather than per draw. */
    private final Map<String, Pattern> spellings = new java.util.concurrent.ConcurrentHashMap<>();

    /** A normalised answer term as it may be spelt in a reply: its words, any punctuation or spaces between. */
    private static Pattern spelling(String term) {
        List<String> parts = new ArrayList<>();
        for (String w : term.split(" ")) {
            parts.add(Pattern.quote(w));
        }
        return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + String.join("[^\\p{L}\\p{N}]+", parts) + "(?![\\p{L}\\p{N}])");
    }

    /** Words a sentence before the answer may have and still be said: "Aye.", "Let me think...", "For you, then." */
    private static final int SHORT_OPENER_WORDS = 3;
    private static final Pattern ARTICLE_FIRST = Pattern.compile("(?i)(?:the|a|an)\\b");

    /**
     * Whether {@code other} would accept a value this one would (two parts of a line asking one thing: "Can you
     * get me papers? What's that run me?" both take "12 gold").
     */
    boolean wantsSameAnswer(AnswerCheck other) {
        return answer.stream().anyMatch(other.answer::contains);
    }

    /** Whether the facts the player's line calls for exist (it is a question and a retrieved fact answers it). */
    public boolean expectsAnswer() {
        return !answer.isEmpty();
    }

    /**
     * A pull towards the answer while the reply (from {@code lineStart}) states none of the key terms
     * yet: the first token of each term's spelling gets {@code strength} added, and once a reply has
     * begun a spelling (" 1" of " 12 silver", " Se" of " Sella") it must finish it. A small model that
     * has learnt the shape of an answer ("That will be ... gold.") but copies values unreliably then
     * writes the value it was given; boosting every token of a value instead made it write "Sun" and
     * go on with a word of its own. Until the answer is stated {@code endToken} (if not negative) is
     * forbidden, so a line does not stop short of it. None when no answer is expected.
     */
    public IntFunction<LogitConstraint> bias(BytePairTokenizer tokenizer, int endToken, float strength) {
        if (answer.isEmpty() || strength == 0) {
            return lineStart -> LogitConstraint.NONE;
        }
        List<int[]> spellings = new ArrayList<>();
        java.util.Set<Integer> openers = new java.util.TreeSet<>();
        java.util.Set<Integer> inners = new java.util.TreeSet<>();
        java.util.Set<Integer> sentenceOpeners = new java.util.TreeSet<>();
        for (String term : answer) {
            // A name is spelt as written ("Pim"), never as "pim"; "dawn" and "12 silver" in both cases.
            boolean name = !Character.isDigit(term.charAt(0)) && !Mentions.isCommon(term);
            List<String> forms = name ? List.of(capitalised(term), " " + capitalised(term))
                    : List.of(term, " " + term, capitalised(term), " " + capitalised(term));
            for (String form : forms) {
                int[] ids = tokenizer.encode(form);
                if (ids.length > 0) {
                    spellings.add(ids);
                    // Without a space before it a value may only open the line: mid-line it glues onto
                    // the word before ("I don't3 copper").
                    (form.startsWith(" ") ? inners : openers).add(ids[0]);
                    if (form.startsWith(" ") && Character.isUpperCase(form.charAt(1))) {
                        sentenceOpeners.add(ids[0]); // after "Nice day." the value opens a sentence: " Sunset"
                    }
                }
            }
        }
        int[] atStart = openers.stream().mapToInt(Integer::intValue).toArray();
        int[] inLine = inners.stream().mapToInt(Integer::intValue).toArray();
        int[] afterSentence = sentenceOpeners.stream().mapToInt(Integer::intValue).toArray();
        return lineStart -> (history, length, logits) -> {
            String said = length > lineStart ? tokenizer.decode(history, lineStart, length) : "";
            if (length > lineStart && states(said)) {
                return;
            }
            if (endToken >= 0) {
                logits[endToken] = Float.NEGATIVE_INFINITY; // no end before the answer: it comes, or the line runs out
            }
            int next = continuation(spellings, history, lineStart, length);
            if (next >= 0) {
                float keep = logits[next];
                java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
                logits[next] = keep;
                return;
            }
            boolean sentenceEnded = SENTENCE_END.matcher(said).find();
            float f = length == lineStart ? OPENING_PULL : 1f;
            for (int id : length == lineStart ? atStart : sentenceEnded ? afterSentence : inLine) {
                logits[id] += strength * f;
            }
        };
    }

    /**
     * Share of the pull given to the value's first token as the line's very first token: at full strength "Evening."
     * won most draws, so five calls of one reply each said it alike. At half, the model opens as it would ("It costs
     * 12 doubloons.", "The price is…") more often; on four card sets 3-of-5 distinct went 0.78 -> 0.85 (one call
     * of five) and 0.22 -> 0.30 (five calls), answers 0.945 -> 0.941, fallbacks 0.127 -> 0.139 (session 19).
     */
    static final float OPENING_PULL = 0.5f;

    /** The next token of the spelling the reply is midway through (longest begun first), or -1. */
    private static int continuation(List<int[]> spellings, int[] history, int lineStart, int length) {
        int best = -1;
        int bestDone = 0;
        for (int[] s : spellings) {
            for (int done = Math.min(s.length - 1, length - lineStart); done > bestDone; done--) {
                if (java.util.Arrays.equals(history, length - done, length, s, 0, done)) {
                    best = s[done];
                    bestDone = done;
                    break;
                }
            }
        }
        return best;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public boolean doubtsFacts() {
        return hedged;
    }

    private static final Set<String> QUESTION_WORDS = Set.of("what", "who", "whom", "whose", "where", "when", "why",
            "how", "which", "much", "many", "does", "did", "can", "could", "would", "should", "about", "tell", "know");

    /** A question for what the NPC pays or gives: "What will you give me for this watch?", "Would you pay for furs?". */
    private static final Pattern NPC_PAYS = Pattern.compile("(?i)\\b(?:you|ya)\\s+(?:give|pay|offer|lend|loan|giving|paying|"
            + "offering|lending)\\b|\\bgive me for\\b|"
            + "\\bget for\\b|\\blend me\\b");
    /**
     * A fact by which the NPC pays the player: "I will lend 40 dollars on a good wristwatch.", "I buy clean gold dust at
     * 18 dollars an ounce." Asked "how much do you lend on a watch", "I charge 40 dollars." says the opposite.
     */
    private static final Pattern NPC_GIVES = Pattern.compile(
            "(?i)\\b(?:I|we)(?:'ll|'d| will| would| can)?\\s+(?:lend|loan|pay|buy|give|offer)\\b"
                    // "Day laborers get paid 12 credits per shift.": the player would be the one paid
                    + "|\\b(?:get|gets|got|are|is|be|been)\\s+paid\\b|\\bwages?\\b"
                    // "A pair of dancing pumps cost me 4 dollars": what the NPC paid for its own
                    + "|\\b(?:cost|costs) (?:me|us)\\b|\\b(?:I|we) paid\\b");
    /** Words for money won, not charged: "pays a 5 dollar prize", "wins a purse of 150 dollars". */
    private static final String PRIZE_WORDS = "prizes?|purse|rewards?|bounty|winnings|wins?|won";
    private static final Pattern PRIZE = Pattern.compile("(?i)\\b(?:" + PRIZE_WORDS + ")\\b");
    /** A question for money the player would be given: "what's the prize", "what do I get paid". */
    private static final Pattern ASKS_GIVEN = Pattern.compile("(?i)\\b(?:" + PRIZE_WORDS
            + "|pay|paid|wages?|salary|earn|earns|make)\\b");
    /** What an NPC's supplies come from: "Raw rubber comes from the recycler on Pylon Street at 60 chits a roll". */
    private static final Pattern SUPPLIED = Pattern.compile("(?i)\\b(?:comes?|came|arrives?) from\\b");
    /** Words by which an NPC charges the player: "That will be", "It costs", "I charge", "For you,". */
    private static final Pattern CHARGES = Pattern.compile("(?i)\\b(?:that will be|that'll be|it will be|it costs|costs|"
            + "i charge|charge you|for you,|you owe|you pay|price is|cost is|will cost|i ask)(?=\\W)");

    private static String singular(String word) {
        return word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /** The words of {@code text} of three letters or more that are no stop words and not in {@code question}. */
    static List<String> contentWords(String text, String question) {
        List<String> out = new ArrayList<>();
        String q = " " + normalise(question) + " ";
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            String stem = w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
            if (w.length() > 2 && !STOP.contains(w) && !q.contains(" " + stem) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * What {@code fact} is about, beyond what the question said: its content words other than numbers, the
     * answer's own words and the words of the kind asked ("Commander Ilse Varga must approve any weapons
     * requisition." to "Who cooks the food in the mess hall?": commander, approve, weapons, requisition).
     */
    private static List<String> subjectWords(String fact, String question, List<String> answer) {
        Set<String> intent = FactRetriever.intentTerms(question);
        String values = " " + String.join(" ", answer) + " ";
        // (by stem: the "door" of "two doors" is the value's own word, not what it is about)
        Set<String> valueStems = stems(SPACES.splitAsStream(values.strip()).toList());
        // Asked where, the landmarks that go with the place are the place too: "behind the tannery with the green door"
        // says where the forge is, so "On Anvil Row, behind the tannery." names no more than "Anvil Row." of what it is.
        String rest = QuestionKind.of(question) == QuestionKind.PLACE ? placePhrase(fact, answer) : "";
        String before = rest.isEmpty() ? fact : fact.substring(0, fact.length() - rest.length());
        List<String> out = new ArrayList<>();
        for (String w : contentWords(fact, question)) {
            if (!rest.isEmpty() && contentWords(before, question).stream().noneMatch(w::equals)) {
                continue;
            }
            List<String> stem = FactRetriever.terms(w, 1);
            if (!Mentions.isNumberWord(w) && !w.chars().allMatch(Character::isDigit) && !values.contains(" " + w + " ")
                    && (stem.isEmpty() || !valueStems.contains(stem.get(0)))
                    && (stem.isEmpty() || !intent.contains(stem.get(0))) && !PREPOSITIONS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** A word that opens where something is: "on", "behind", "next to"… */
    private static final Pattern PLACE_OPENING = Pattern.compile(
            "(?i)\\b(?:on|in|at|behind|beside|near|by|under|above|below|past|opposite|across|inside|outside|off|next to|up|down)\\s");

    /**
     * The end of {@code fact} from the place word that opens its first stated place in {@code answer} ("on Anvil Row,
     * behind the tannery with the green door."), or "" when no answered place follows such a word.
     */
    private static String placePhrase(String fact, List<String> answer) {
        String lowered = fact.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String term : answer) {
            int i = lowered.indexOf(term);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at < 0) {
            return "";
        }
        int open = -1;
        var m = PLACE_OPENING.matcher(fact);
        while (m.find() && m.start() < at) {
            open = m.start();
        }
        // (the place word must be near the place: "I have worked on the docks since spring at the Gull Pier" opens at "at")
        if (open < 0 || SPACES.split(fact.substring(open, at).strip()).length > 4) {
            return "";
        }
        return fact.substring(open);
    }

    /** Small words of place and time that say nothing of what a fact is about: "After 6 in the evening." names no drink. */
    private static final Set<String> PREPOSITIONS = Set.of("after", "before", "near", "until", "till", "behind", "beside",
            "above", "below", "past", "since", "during", "into", "onto", "over", "under", "without", "about", "around",
            "between", "beyond", "across", "along", "through", "toward", "towards", "upon", "within");

    /** The analysed stems of {@code words}. */
    static Set<String> stems(List<String> words) {
        Set<String> out = new HashSet<>();
        words.forEach(w -> out.addAll(FactRetriever.terms(w, 1)));
        return out;
    }

    // Compiled once: String.replaceAll and split compile their pattern at every call (5% of a service worker).
    /** What a normal form drops: all but letters, digits, money and clock marks, and thousands commas ("2,000"). */
    private static final Pattern NOT_NORMAL = Pattern.compile("(?!(?<=\\d),(?=\\d{3}(?!\\d)))[^\\p{L}\\p{N}$:.' ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern VALUE_MARKS = Pattern.compile("[.:$]");
    private static final Pattern SENTENCE_ENDS = Pattern.compile("[.!?]+(?=\\s|$)");
    private static final Pattern PUNCTUATION_RUNS = Pattern.compile("[\\p{Punct}\\s]+");
    private static final Pattern TRAILING_JOINS = Pattern.compile("[,;:\\s]+$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\W+$");

    /** The grammar rules in the order they are tried: the first that finds a problem names it. */
    private static final List<GrammarRule> GRAMMAR = List.of(
            AnswerCheck::contractionNoWord,
            found(PAIR_TWICE, m -> "says '" + m.group(1) + "' twice in a row"),
            found(ARTICLE_BEFORE_NO_NOUN, m -> "puts '" + m.group(1) + "' and '" + m.group(2) + "' together"),
            found(MODAL_THEN_S, m -> "says '" + m.group() + "'"),
            found(PREPOSITION_ALONE, m -> "opens a sentence on '" + m.group(1) + "' alone"),
            found(QUESTION_AS_STATEMENT, m -> "says the question '" + m.group(1) + "' as a statement"),
            found(SUBJECT_WITHOUT_VERB, m -> "has no verb after '" + m.group(1) + "'"),
            AnswerCheck::articleMisused,
            AnswerCheck::thereIsOfMany,
            AnswerCheck::valueAsCount,
            AnswerCheck::priceHedged,
            AnswerCheck::pluralWithA,
            AnswerCheck::numbersTogether,
            AnswerCheck::clippedVerb,
            found(PREPOSITION_BEFORE_AFTER, m -> "says '" + m.group() + "'"),
            found(IN_EVERY_TIME, m -> "says '" + m.group() + "'"),
            found(UNFINISHED_END, m -> "ends a sentence on '" + m.group(1) + "'"),
            (check, reply) -> check.possessiveBrokenOff(reply),
            (check, reply) -> said(check.brokenOff(reply), "breaks off '%s', which a fact goes on from"),
            (check, reply) -> check.placeMoved(reply),
            AnswerCheck::timePrepositionChanged,
            (check, reply) -> said(check.articleNotWritten(reply), "says '%s', which no fact writes with that word before it"),
            AnswerCheck::meridiemMadeUp,
            AnswerCheck::rateMadeUp,
            AnswerCheck::wordAfterValue,
            (check, reply) -> said(check.answerDenied(reply), "says '%s', which no fact says"));

    private static final Pattern RATE = Pattern.compile("(?i)\\bper\\s+(\\p{L}+)");

    /** A rate no fact gives: "20 credits per person." for a berth that is 20 credits per day. */
    private static String rateMadeUp(AnswerCheck check, String reply) {
        Matcher rate = RATE.matcher(reply);
        while (rate.find()) {
            String unit = rate.group(1).toLowerCase(Locale.ROOT);
            Pattern same = Pattern.compile("(?i)\\b(?:per|a|an|each|every) " + Pattern.quote(unit) + "\\b");
            boolean given = check.retrieved.stream().anyMatch(f -> same.matcher(f).find());
            if (!given) {
                return "says '" + rate.group() + "', which no fact says";
            }
        }
        return null;
    }

    /** Words that may close a sentence right after a value: "5 silver each.", "3 days, friend." */
    private static final Set<String> AFTER_VALUE = Set.of("each", "apiece", "tops", "flat", "total", "exactly", "sharp",
            "straight", "friend", "mate", "sir", "madam", "ma'am", "love", "dear", "pal", "now", "today", "tonight",
            "then", "too", "only", "ago", "later", "away", "ahead", "long", "old", "more", "left", "off", "east", "west",
            "north", "south", "up", "down", "stranger", "traveller", "traveler", "partner", "kid", "lad", "lass", "boss",
            "captain", "chief", "though", "anyway", "honey", "darling", "buddy", "hon", "again", "yet", "there", "here", "deep",
            "high", "tall", "wide", "across", "thick", "heavy", "below", "above", "under", "over");
    private static final Pattern WORD_THEN_END = Pattern.compile("^,?\\s+(\\p{Ll}[\\p{L}']*)\\s*[.!?]");
    /** A short clause after a name, to the sentence's end: ", and the day." */
    private static final Pattern CLAUSE_THEN_END = Pattern.compile("^,\\s+(?:[\\p{L}']+\\s+){0,5}(\\p{Ll}[\\p{L}']*)\\s*[.!?]");

    private List<String> amounts;

    private List<String> names;

    /** The answer's values that are names of the facts given, read once per check. */
    private List<String> names() {
        if (names == null) {
            Set<String> named = new java.util.HashSet<>();
            retrieved.forEach(f -> Mentions.names(f).forEach(n -> named.add(normalise(n.surface()))));
            names = answer.stream().filter(named::contains).toList();
        }
        return names;
    }

    /** The answer's values that are amounts (not names), read once per check. */
    private List<String> amounts() {
        if (amounts == null) {
            amounts = answer.stream().filter(v -> !Mentions.quantities(v).isEmpty()).toList();
        }
        return amounts;
    }

    /**
     * A stray word between an amount and the sentence's end ("That's 48 hours sells.", "It takes 7 months, and make."), or
     * ending a clause after a name ("Sunken Silo, and the day."): a word the facts never say.
     */
    private static String wordAfterValue(AnswerCheck check, String reply) {
        for (String value : check.answer) {
            Matcher said = check.spellings.computeIfAbsent(value, AnswerCheck::spelling).matcher(reply);
            if (!said.find()) {
                continue;
            }
            // after an amount, one word; after a name, a clause set off by a comma ("Hetty does." says her with her verb)
            boolean amount = check.amounts().contains(value);
            if (!amount && !check.names().contains(value)) {
                continue; // "At dawn, as ever.": a time may go on
            }
            Matcher after = (amount ? WORD_THEN_END : CLAUSE_THEN_END).matcher(reply.substring(said.end()));
            if (!after.find()) {
                continue;
            }
            String word = after.group(1).toLowerCase(Locale.ROOT);
            // a word of the facts may follow ("The eight packs." of "eight blood packs"); one they never say may not
            boolean written = check.retrieved.stream().anyMatch(f -> (" " + normalise(f).replaceAll("[.,;:!?]", " ") + " ")
                    .contains(" " + word + " "));
            if (!written && !AFTER_VALUE.contains(word)) {
                return "adds '" + after.group(1) + "' after " + value;
            }
        }
        return null;
    }

    /** {@code how} with {@code what} in it, or null when there is nothing to say. */
    private static String said(String what, String how) {
        return what == null ? null : how.replace("%s", what);
    }

    static String normalise(String s) {
        return SPACES.matcher(NOT_NORMAL.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ")).replaceAll(" ").strip();
    }
}
