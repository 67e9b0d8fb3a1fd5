package dev.improv.dialogue;

import dev.improv.model.LogitConstraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * An NPC card given a voice: for each player line it retrieves the card's and the world's facts that
 * bear on it, asks the dialogue model for a reply from them in the NPC's persona, and says only a
 * reply that {@link AnswerCheck} passes (no invented fact; the answer, if the player asked for one);
 * otherwise an authored line that states the retrieved fact.
 *
 * <pre>{@code
 * NpcVoice smith = NpcVoice.of(DialogueGenerator.loadDefault(), NpcCard.read(Path.of("smith.json")), null);
 * NpcReply r = smith.reply(List.of(), "How much to repair my sword?", Map.of(), 1, 7).get(0);
 * // r.text(): "That'll be 12 gold.", r.source(): "model", r.facts(): ["Repairing a sword costs 12 gold."]
 * }</pre>
 *
 * Thread-safe; a call blocks for the generation time, so call it off the render thread.
 */
public final class NpcVoice {
    /** Facts handed to the model for one line: what the training examples held, and what fits the prompt. */
    public static final int FACTS_PER_LINE = 3;
    /** Logit added to the tokens of the asked-for value until the reply states it (see {@link AnswerCheck#bias}). */
    public static final float DEFAULT_ANSWER_BIAS = 4f;
    /** A retrieved fact scoring at least this share of the best one's may hold the answer too. */
    static final float NEAR_BEST = 0.85f;
    /**
     * A fact of another line scoring at least this share of the best, holding a value of the kind asked, that means the
     * question more than the best does ({@link #CLOSE_MEANING}), is said too (see {@link #answers}): the words prefer
     * one line, the meaning the other.
     */
    static final float CLOSE_SECOND = 0.75f;
    /**
     * ...its cosine with the question at least this multiple of the best's. Over the 1,590 read questions of the
     * development, check and fresh sets (225-326), the close seconds that hold the kind asked were the answer 30 times
     * and an unrelated line beside a right best 56 times at 0.85 of the score and 0.9 of the meaning (the first rule
     * measured, session 41); at 0.75 and 1.1, 28 and 33 ("how many fellas u paying out this month" no longer gets the
     * house rent after "212."). docs/dialogue-grounding.md.
     */
    static final float CLOSE_MEANING = 1.1f;

    private final DialogueGenerator generator;
    private final NpcCard card;
    private final WorldFile world;
    private final FactRetriever retriever;
    private final float answerBias;
    /** Logit added to a fact's next token while the reply quotes it (see {@link CopiedPhrases}). */
    public static final float DEFAULT_COPY_BIAS = 3f;
    private final float copyBias;
    private final int maxTokens;
    /** The card as read for the last slot values; replaced when the game state changes. */
    private volatile CardKnowledge knowledge;

    private NpcVoice(DialogueGenerator generator, NpcCard card, WorldFile world, FactRetriever retriever, int maxTokens,
                     float answerBias, float copyBias) {
        this.generator = generator;
        this.maxTokens = maxTokens;
        this.card = card;
        this.world = world;
        this.retriever = retriever;
        this.answerBias = answerBias;
        this.copyBias = copyBias;
    }

    private static float property(String name, float fallback) {
        return Float.parseFloat(System.getProperty(name, String.valueOf(fallback)));
    }

    /**
     * The same voice with other pulls while decoding: {@code answer} on the asked value's tokens until the
     * reply states it, {@code copy} on a quoted fact's next token; 0 turns one off. The defaults are
     * {@link #DEFAULT_ANSWER_BIAS} and {@link #DEFAULT_COPY_BIAS}, or {@code -Dimprov.dialogue.answerBias}
     * and {@code -Dimprov.dialogue.copyBias}.
     */
    public NpcVoice withSteering(float answer, float copy) {
        return new NpcVoice(generator, card, world, retriever, maxTokens, answer, copy);
    }

    /** A voice for {@code card}, drawing also on {@code world} (may be null). */
    public static NpcVoice of(DialogueGenerator generator, NpcCard card, WorldFile world) {
        return of(generator, card, world, SentenceEncoder.installed().orElse(null));
    }

    /** As above, retrieving by the meaning {@code encoder} reads (null: words alone) rather than the installed one's. */
    static NpcVoice of(DialogueGenerator generator, NpcCard card, WorldFile world, SentenceEncoder encoder) {
        // The card's own lines speak where the shipped grammar would (its greetings, its "I couldn't say").
        return new NpcVoice(generator.withLines(card.lines()), card, world, FactRetriever.of(card, world, encoder),
                ReplyRequest.DEFAULT_MAX_TOKENS,
                property("improv.dialogue.answerBias", DEFAULT_ANSWER_BIAS),
                property("improv.dialogue.copyBias", DEFAULT_COPY_BIAS));
    }

    /** The same voice with replies of at most {@code tokens} tokens (still ending at a sentence end). */
    public NpcVoice withMaxTokens(int tokens) {
        if (tokens < 2) {
            throw new IllegalArgumentException("max tokens must be at least 2, got " + tokens);
        }
        return new NpcVoice(generator, card, world, retriever, tokens, answerBias, copyBias); // the index is the same: not built again
    }

    /** The card this voice speaks for. */
    public NpcCard card() {
        return card;
    }

    /** {@code count} replies to {@code playerLine}, the i-th drawn with seed {@code seed + i}. */
    public List<NpcReply> reply(List<Turn> history, String playerLine, Map<String, String> slots, int count, long seed) {
        return reply(history, playerLine, slots, count, seed, Duration.ZERO);
    }

    /**
     * As above, with a deadline per reply ({@link Duration#ZERO}: none); a reply not ready in time is
     * the authored fallback.
     *
     * @param history    the conversation before the player's line, oldest first
     * @param playerLine what the player says; null when the NPC speaks first or goes on unprompted
     *                   (no retrieval then, and no answer is due)
     * @param slots      game state for the card's {@code {slot}}s; overrides the card's defaults
     */
    public List<NpcReply> reply(List<Turn> history, String playerLine, Map<String, String> slots, int count, long seed,
                                Duration deadline) {
        List<NpcReply> out = new ArrayList<>(count);
        reply(history, playerLine, slots, count, seed, deadline, out::add);
        return out;
    }

    /**
     * As above, handing each reply to {@code each} as soon as it is made, so that a long run streams. The
     * replies of one call differ where the model can make them differ (see {@link ReplyCheck#repeats}), so ask
     * for several variations in one call rather than one call each.
     */
    public void reply(List<Turn> history, String playerLine, Map<String, String> slots, int count, long seed,
                      Duration deadline, Consumer<NpcReply> each) {
        Map<String, String> values = new LinkedHashMap<>(card.slots());
        values.putAll(slots);
        String said = playerLine == null ? null
                : knowledge(values).typos().corrected(PlayerText.asWritten(PlayerText.bounded(playerLine)));
        // Retrieval and the checks depend only on the line and the conversation: once for all samples.
        long t0 = System.nanoTime();
        List<Plan> plans = plans(history, said, values);
        double retrievalMillis = (System.nanoTime() - t0) / 1e6;
        // What this NPC said already, in this call's earlier replies and in the conversation: a line that says it
        // again is drawn for anew while tries remain (asked twice, or for five variations, it finds other words).
        Set<String> spoken = new HashSet<>();
        for (Turn t : history) {
            if (t.speaker() == Speaker.NPC) {
                spoken.add(sameness(t.text()));
            }
        }
        for (int i = 0; i < count; i++) {
            long t1 = System.nanoTime();
            List<String> text = new ArrayList<>();
            List<String> used = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            boolean model = true;
            for (Plan plan : plans) {
                // Reply i draws with seed + i: the same seed and count give the same lines from the CLI (`--n`),
                // the service and the studio's copied code.
                NpcReply part = say(plan, history, said, values, seed + i, deadline, spoken);
                spoken.add(sameness(part.text()));
                text.add(withoutSaid(part.text(), text));
                part.facts().stream().filter(f -> !used.contains(f)).forEach(used::add);
                rejected.addAll(part.rejected());
                model &= part.source().equals(NpcReply.MODEL);
            }
            each.accept(new NpcReply(String.join(" ", text), model ? NpcReply.MODEL : NpcReply.FALLBACK, used,
                    retrievalMillis + (System.nanoTime() - t1) / 1e6, rejected));
        }
    }

    /**
     * What to answer: one plan for the line, or one per question when it asks two that stand alone ("Where can
     * I park my freighter, and what does it cost per hour?": each retrieves its own fact and is answered in
     * turn). Parts that would take the same value of the same fact, or one that asks nothing the NPC knows, are
     * one question after all.
     */
    private List<Plan> plans(List<Turn> history, String said, Map<String, String> values) {
        Optional<SmallTalk> talk = said == null ? Optional.empty() : SmallTalk.of(said, card.name(), card.role());
        if (talk.isPresent() && !(talk.get() == SmallTalk.IDENTITY && card.name().equals(NpcCard.UNNAMED))) {
            // Nothing to look up: "How are you today?" is not about the forge's hours.
            CardKnowledge read = knowledge(values);
            AnswerCheck check = AnswerCheck.of(read.known().plus(lineSources(history, said)), List.of(), said, Set.of(), Set.of());
            return List.of(new Plan(said, List.of(), check, lineStart -> LogitConstraint.NONE, talk.get(), Set.of(),
                    ReplyCheck.Answering.ALONE));
        }
        // What is asked, without the greeting it opens with: "Good afternoon." is no part of it.
        String asking = said == null ? null : PlayerText.withoutGreeting(said);
        List<String> parts = asking == null ? List.of() : PlayerText.questions(asking);
        if (parts.size() < 2) {
            return answers(history, said, asking, values);
        }
        List<Plan> out = new ArrayList<>();
        for (String part : parts) {
            // "What's that run me?" is about the question before: its facts are searched with the whole line. So
            // is one that names nothing but the value it asks for ("Can you sharpen my axe? How much?"); "what's the
            // news?" asks for no value, its words are its topic.
            boolean leans = !out.isEmpty() && (LEANS_BACK.matcher(part).find() || FactRetriever.subjectQuery(part) == null
                    && QuestionKind.of(part) != QuestionKind.NONE);
            Plan p = plan(history, said, part, leans ? asking : part, values);
            // Two values of one fact are two answers ("What time… deer, and where do they drink?": dusk, and
            // Silverbirch Pond); the same value asked twice is one. A part that asks for no value ("what's the
            // news?") is its own question when it finds its own fact (the wolves, not the room's price); one that
            // finds nothing, or the fact of another part ("Can you sharpen my axe? How much?"), is not.
            boolean sameQuestion = !p.facts().isEmpty() && out.stream().anyMatch(o -> o.facts().get(0).equals(p.facts().get(0))
                    && (o.check().wantsSameAnswer(p.check()) || !o.check().expectsAnswer() || !p.check().expectsAnswer()));
            // A statement after a question is what the question is about ("Who can help me? I need a ferryman."): one.
            // So is one typed without the "?" the player gave their question, unless it opens with what/where/…:
            // "how much for a whole box of dynamite? got a crew of 6".
            boolean unmarked = !part.endsWith("?") && asking.contains("?") && !AnswerCheck.asksWh(part);
            boolean told = !p.check().expectsAnswer() && !QuestionKind.isQuestion(part) || unmarked;
            if (told || p.facts().isEmpty() || p.check().unanswered() || sameQuestion) {
                return answers(history, said, asking, values); // one question after all
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The facts, the check and the pulls for answering {@code asked} (the whole player line {@code said}, or
     * one of its questions), the facts found by searching for {@code searched}.
     */
    private Plan plan(List<Turn> history, String said, String asked, String searched, Map<String, String> values) {
        return plan(found(history, searched), history, said, asked, values, ReplyCheck.Answering.ALONE);
    }

    private List<RetrievedFact> found(List<Turn> history, String searched) {
        return searched == null ? List.of()
                : retriever.retrieve(PlayerText.withoutDeclined(searched), history, FACTS_PER_LINE);
    }

    /**
     * The plan for one question; or two, when retrieval cannot tell which of two facts answers it: two lines that
     * each hold a value of the kind asked, the second scoring nearly as well as the best ({@link #CLOSE_SECOND}) and
     * meaning the question more ({@link #CLOSE_MEANING}).
     * The NPC then states both, each with what it is about, as a shopkeeper would who is not sure which the player
     * means ("where on the island are all the gasoline barrels kept?": the signal tower's line, then "There's this too.
     * The drum dump sits out on the north spit…"), rather than bet on one.
     */
    private List<Plan> answers(List<Turn> history, String said, String asked, Map<String, String> values) {
        List<RetrievedFact> found = found(history, asked);
        Plan best = plan(found, history, said, asked, values, ReplyCheck.Answering.ALONE);
        int second = closeSecond(found, asked);
        if (second < 0 || !best.check().expectsAnswer() || best.check().unanswered() || best.check().doubtsFacts()) {
            return List.of(best);
        }
        List<RetrievedFact> other = new ArrayList<>(found);
        other.add(0, other.remove(second));
        Plan first = plan(found, history, said, asked, values, ReplyCheck.Answering.FIRST);
        Plan then = plan(other, history, said, asked, values, ReplyCheck.Answering.SECOND);
        boolean both = then.check().expectsAnswer() && !then.check().unanswered() && !then.check().doubtsFacts()
                && !first.check().doubtsFacts() && !first.check().wantsSameAnswer(then.check());
        return both ? List.of(first, then) : List.of(best);
    }

    /**
     * The index of a fact in {@code found} that answers {@code asked} about as well as the best, by another line, or
     * -1: both hold a value of the kind asked (a person, a place, a price, a time, a count), neither is in doubt,
     * the second scores at least {@link #CLOSE_SECOND} of the best and means the question more
     * ({@link #CLOSE_MEANING}). From the card or the world, not the conversation; never without a sentence encoder.
     */
    private static int closeSecond(List<RetrievedFact> found, String asked) {
        if (found.size() < 2 || QuestionKind.of(asked) == QuestionKind.NONE) {
            return -1;
        }
        RetrievedFact best = found.get(0);
        if (best.doubtful() || !stated(best) || !QuestionKind.holdsAskedKind(best.text(), asked)) {
            return -1;
        }
        for (int i = 1; i < found.size() && found.get(i).score() >= CLOSE_SECOND * best.score(); i++) {
            RetrievedFact f = found.get(i);
            if (!f.line().equals(best.line()) && !f.doubtful() && stated(f) && !f.source().equals(FactRetriever.PERSONA)
                    && f.meaning() >= CLOSE_MEANING * best.meaning() && QuestionKind.holdsAskedKind(f.text(), asked)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a retrieved fact is the card's or the world's, not a line of the conversation. */
    private static boolean stated(RetrievedFact f) {
        return !f.source().equals(FactRetriever.HISTORY) && !f.source().equals(FactRetriever.PLAYER);
    }

    /**
     * The plan for {@code found}, the facts retrieved for the question. For one of two answers said in turn (see
     * {@link #answers}) only the first of {@code found} may answer, and each must say what its value is about: "A
     * round loaf is 12 cents. The braided sweet bread is 60 cents.", not "12 cents. 60 cents." (the player could not
     * tell which price is the one asked for).
     */
    private Plan plan(List<RetrievedFact> found, List<Turn> history, String said, String asked, Map<String, String> values,
                      ReplyCheck.Answering answering) {
        boolean inTurn = answering != ReplyCheck.Answering.ALONE;
        List<String> facts = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        Set<String> doubtful = new HashSet<>();
        Set<String> playerSaid = new HashSet<>();
        Set<String> lore = new HashSet<>();
        for (RetrievedFact f : found) {
            facts.add(Slots.fill(f.text(), values));
            if (f.doubtful()) {
                doubtful.add(facts.get(facts.size() - 1));
            }
            if (f.source().equals(FactRetriever.PLAYER)) {
                playerSaid.add(facts.get(facts.size() - 1));
            } else if (f.source().equals(FactRetriever.WORLD)) {
                lore.add(facts.get(facts.size() - 1));
            }
            // Facts that score nearly as well as the best: retrieval cannot tell them apart, the model may.
            if (f.score() >= NEAR_BEST * found.get(0).score() && (!inTurn || f == found.get(0))) {
                answers.add(facts.get(facts.size() - 1));
            }
        }
        if (!found.isEmpty() && !found.get(0).line().equals(found.get(0).text())) {
            // The rest of the best clause's line may hold what the clause does not: "Blood packs are in
            // short supply; only eight are left." answers "How much blood is left?" with its other half.
            for (String clause : FactRetriever.clauses(Slots.fill(found.get(0).line(), values))) {
                if (!answers.contains(clause)) {
                    answers.add(clause);
                    if (!facts.contains(clause)) {
                        facts.add(clause);
                    }
                }
            }
        }
        CardKnowledge read = knowledge(values);
        List<String> conversation = lineSources(history, said);
        List<String> sources = new ArrayList<>(read.sources());
        sources.addAll(conversation);
        AnswerCheck check = AnswerCheck.of(read.known().plus(conversation), answers,
                asked == null ? "" : PlayerText.withoutDeclined(asked), doubtful, lore, inTurn);
        if (check.answeringFact() > 0) {
            String answeringFact = answers.get(check.answeringFact());
            facts.remove(answeringFact);
            facts.add(0, answeringFact); // the fact that answers leads the prompt and the fallback
        }
        // One of two answers said in turn is the grammar's (see #say): no draw to steer.
        IntFunction<LogitConstraint> steer = inTurn ? lineStart -> LogitConstraint.NONE : steering(check, facts, sources);
        return new Plan(asked, List.copyOf(facts), check, steer, null, Set.copyOf(playerSaid), answering);
    }

    /** The pulls on a draw answering from {@code facts} ({@code sources}: all the reply may state), then the mask. */
    private IntFunction<LogitConstraint> steering(AnswerCheck check, List<String> facts, List<String> sources) {
        BytePairTokenizer tokenizer = generator.format().tokenizer();
        IntFunction<LogitConstraint> bias = check.bias(tokenizer, generator.format().endToken(), answerBias);
        IntFunction<LogitConstraint> numbers = new CopiedNumbers(sources).rule(tokenizer);
        IntFunction<LogitConstraint> quote = new CopiedPhrases(facts, tokenizer).rule(copyBias);
        // The pulls first, then the mask: a boosted digit that copies no stated number is still forbidden.
        return lineStart -> bias.apply(lineStart).and(quote.apply(lineStart)).and(numbers.apply(lineStart));
    }

    /** One reply to a plan's question: the model's, if a draw passes the check, else the authored fallback. */
    private NpcReply say(Plan plan, List<Turn> history, String said, Map<String, String> values, long seed,
                         Duration deadline, Set<String> spoken) {
        long t0 = System.nanoTime();
        List<String> facts = plan.facts();
        AnswerCheck check = plan.check();
        ReplyRequest.Builder b = ReplyRequest.builder().optMood(card.mood()).optSeed(seed)
                .optDeadline(deadline).optMaxTokens(maxTokens);
        card.persona().forEach(b::addPersona);
        facts.forEach(b::addFact);
        history.forEach(b::addTurn);
        if (said != null) {
            b.addTurn(Turn.player(plan.asked())); // one question of two is asked on its own
        }
        values.forEach(b::optSlot);
        card.banned().forEach(b::optBan);
        if (plan.talk() != null) {
            return smallTalk(plan, b, spoken, t0);
        }
        if (check.unanswered()) {
            // Nothing the NPC knows answers this: say so, in its mood, rather than state an unrelated fact.
            return new NpcReply(generator.unknownLine(b.build()), NpcReply.FALLBACK, List.of(),
                    (System.nanoTime() - t0) / 1e6, List.of());
        }
        List<String> rejected = new ArrayList<>();
        boolean question = said != null && QuestionKind.isQuestion(plan.asked());
        boolean offCard = question && facts.isEmpty();
        boolean told = said != null && !question;
        // Asked something nothing the NPC knows speaks of, the model's line must at least be about it or the NPC.
        Set<String> personaWords = offCard ? AnswerCheck.topicWords(card.persona()) : Set.of(); // once, not per draw
        // Told something, the fallback remarks on it, with the best fact only if the player's words touch it ("I
        // killed a wolf in the Thornwood." and the wolves seen there; not the supper hours to "I just came from
        // Reedmoor."), rather than state a fact as if asked ("Oh, I know this one! Supper is served…").
        String remark = told && !facts.isEmpty() && AnswerCheck.sharedWords(facts.get(0), said) > 0 ? facts.get(0) : null;
        // And the model's line must take up the player's words or that fact: told things, the small model mostly
        // writes chatter that reads as nonsense ("Not until the saw." to "My sword is broken."; "It's not a good
        // one." to the wolf). It costs the rare fine reply that shares no word ("Lovely day." to "Nice weather
        // today."); the authored remark is sound.
        Set<String> toldWords = told ? AnswerCheck.topicWords(remark == null ? List.of(said) : List.of(said, remark))
                : Set.of();
        ReplyCheck drawn = new ReplyCheck() {
            // A passing draw is checked, then asked whether it repeats: its shown form (cut, which analyses each word
            // after the answer) is worked out once for both.
            private String lastDrawn;
            private String lastShown;

            private String shownOf(String reply) {
                if (!reply.equals(lastDrawn)) {
                    lastShown = shown(check, reply, facts, spoken);
                    lastDrawn = reply;
                }
                return lastShown;
            }

            @Override
            public String problem(String reply) {
                // Judged as the player will read it: chatter after an answer is cut before it is said, so a slip
                // there ("Twelve. I revan Ber, they don't…") costs nothing and is no reason to draw again.
                String problem = check.problem(check.expectsAnswer() ? shownOf(reply) : reply);
                if (problem == null && offCard && !check.speaksOfTopic(reply, personaWords)) {
                    problem = "says nothing of what was asked";
                } else if (problem == null && told && !AnswerCheck.speaksOf(reply, toldWords)) {
                    problem = "says nothing of what was said";
                }
                if (problem != null) {
                    rejected.add("\"" + reply + "\" " + problem);
                }
                return problem;
            }

            @Override
            public boolean repeats(String reply) {
                // as the player would read a model's line, or as written (an authored line is said whole)
                return spoken.contains(sameness(reply)) || spoken.contains(sameness(shownOf(reply)));
            }

            @Override
            public boolean doubtsFacts() {
                return check.doubtsFacts();
            }

            @Override
            public List<String> openings() {
                return check.openings();
            }

            @Override
            public Answering answering() {
                return plan.answering();
            }
        };
        if (plan.answering() != ReplyCheck.Answering.ALONE) {
            // One of two answers said in turn must name what its value is about, and the model does not: of 666 read
            // questions (37 fresh sets, 309-338 and seven older), the 21 answered in two parts drew about 10 tries a
            // part for each of 5 samples and none passed (90-680 ms a reply for nothing). The grammar says each whole.
            return new NpcReply(generator.authoredLine(b.build(), drawn), NpcReply.FALLBACK, List.of(facts.get(0)),
                    (System.nanoTime() - t0) / 1e6, List.of());
        }
        GeneratedLine line = generator.lines(b.build(), drawn, plan.steer()).get(0);
        String text;
        List<String> used;
        if (!line.fallback()) {
            text = shown(check, line.text(), facts, spoken);
            used = check.states(text) ? List.of(facts.get(0)) : facts;
        } else if (offCard) {
            text = generator.unknownLine(b.build()); // "I couldn't say.", not a line about nothing asked
            used = List.of();
        } else if (told) {
            text = generator.heardLine(b.build(), remark);
            used = remark == null ? List.of() : List.of(remark);
        } else if (!facts.isEmpty() && plan.playerSaid().contains(facts.get(0))) {
            // The answer is the player's own words ("My horse is called Bramble."): said back as theirs, not as
            // if the NPC's horse were meant.
            text = generator.recallLine(b.build(), facts.get(0));
            used = List.of(facts.get(0));
        } else {
            text = line.text(); // the grammar states the answering fact
            used = facts.isEmpty() ? List.of() : List.of(facts.get(0));
        }
        return new NpcReply(text, line.fallback() ? NpcReply.FALLBACK : NpcReply.MODEL, used,
                (System.nanoTime() - t0) / 1e6, rejected);
    }

    /**
     * A reply to small talk: the model's line if its first sentence does the act ("No problem." to thanks), else
     * the grammar's line for it. Who the NPC is comes from the card alone: its name and role are the {@code npc}
     * and {@code role} slots of the grammar's {@code identity} and {@code name} lines.
     */
    private NpcReply smallTalk(Plan plan, ReplyRequest.Builder b, Set<String> spoken, long t0) {
        SmallTalk act = plan.talk();
        // Only the opening clause is kept (SmallTalk#fitting): a draw need not run on.
        b.optMaxTokens(Math.min(maxTokens, SMALL_TALK_TOKENS));
        b.optSlot("npc", card.name());
        if (!card.role().isEmpty()) {
            b.optSlot("role", card.role());
        }
        List<String> rejected = new ArrayList<>();
        ReplyCheck fits = new ReplyCheck() {
            @Override
            public String problem(String reply) {
                String problem = plan.check().problem(reply);
                if (problem == null && act.fitting(reply) == null) {
                    problem = "does not open with a reply to the " + act.name().toLowerCase(java.util.Locale.ROOT);
                }
                if (problem != null) {
                    rejected.add("\"" + reply + "\" " + problem);
                }
                return problem;
            }

            @Override
            public boolean repeats(String reply) {
                String shown = act.fitting(reply);
                return spoken.contains(sameness(reply)) || shown != null && spoken.contains(sameness(shown));
            }

            @Override
            public SmallTalk smallTalk() {
                return act;
            }
        };
        if (act == SmallTalk.IDENTITY) {
            return new NpcReply(generator.authoredLine(b.build(), fits), NpcReply.FALLBACK, List.of(),
                    (System.nanoTime() - t0) / 1e6, List.of());
        }
        GeneratedLine line = generator.lines(b.build(), fits, plan.steer()).get(0);
        String text = line.fallback() ? line.text() : act.fitting(line.text());
        return new NpcReply(text, line.fallback() ? NpcReply.FALLBACK : NpcReply.MODEL, List.of(),
                (System.nanoTime() - t0) / 1e6, rejected);
    }

    /** Tokens a draw for small talk may take: its opening clause of at most eight words, and a few to spare. */
    private static final int SMALL_TALK_TOKENS = 16;

    /**
     * Words by which a question leans on the one before it: "it", "that", "there"... Not the "there" of "is
     * there": "How much for a room, and is there a hot meal?" asks about a meal, not the room.
     */
    private static final java.util.regex.Pattern LEANS_BACK = java.util.regex.Pattern.compile(
            "(?i)\\b(?:it|its|that|this|those|these|they|them|one|ones)\\b"
                    + "|(?<!\\b(?:is|are|was|were|be)\\s)\\bthere\\b(?!\\s*(?:is|are|was|were|'s|be)\\b)");

    /**
     * What answering one question needs: the question, its facts (the answering one first), its check and pulls,
     * and the small talk it is (null for a line that asks or says something).
     */
    /**
     * @param playerSaid the facts that are the player's own earlier lines: recalled, never stated as the NPC's
     * @param answering  where its reply stands when two answers are said in turn (see {@link #answers})
     */
    private record Plan(String asked, List<String> facts, AnswerCheck check, IntFunction<LogitConstraint> steer,
                        SmallTalk talk, Set<String> playerSaid, ReplyCheck.Answering answering) {
    }

    /**
     * What the player reads of a model's line: up to its answer, chatter cut, with names and common words
     * ("That's five.") spelt as the facts it was given spell them (those it copies from; all sources would cost
     * a scan of the whole card per reply).
     */
    static String shown(AnswerCheck check, String line, List<String> facts, Set<String> spoken) {
        // A draw that opens with a stop or a comma (". Hollow Pines.") is read from its first word.
        String opened = LEADING_MARKS.matcher(line).replaceFirst("");
        String named = Mentions.namesAsIn(check.upToAnswer(opened), facts);
        String cut = Mentions.commonWordsAsIn(named, facts);
        // names again after: a common word inside one ("Airlock seven") or its hyphen ("al-hakim") is the name's
        cut = cut.equals(named) ? cut : Mentions.namesAsIn(cut, facts);
        // Which form a bare value takes follows from the draw itself: the same draw reads the same, others differ;
        // the other form when this one was said already ("Thursday." said, "On the Thursday train.").
        String seen = check.asTheFactSays(cut, line.hashCode());
        if (spoken.contains(sameness(seen))) {
            String other = check.asTheFactSays(cut, line.hashCode() + 1);
            // both forms said ("Every Moonday at first light." has one): the draw as the model said it, if not yet
            // (a price with its rate all the same: "40 cents." for freight at 40 cents a pound misleads)
            String drawn = check.withRate(cut);
            seen = !spoken.contains(sameness(other)) ? other : !spoken.contains(sameness(drawn)) ? drawn : seen;
        }
        seen = check.withCurrencySigns(seen); // "£1.80", as the fact writes it
        // "Pim?" and "First bell?" answer as if unsure: an answer is said. (One that asks back is never shown.)
        return check.expectsAnswer() && seen.endsWith("?") && check.states(seen)
                ? seen.substring(0, seen.length() - 1) + "." : seen;
    }

    private static final java.util.regex.Pattern LEADING_MARKS = java.util.regex.Pattern.compile("^[\\s.,;:!?)-]+");
    private static final java.util.regex.Pattern SENTENCE_BREAK = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");

    /**
     * {@code part} without the sentences the reply's earlier parts said already: each part's fallback may close
     * with the same authored line ("You always brighten my day." twice in one reply).
     */
    private static String withoutSaid(String part, List<String> earlier) {
        Set<String> said = new HashSet<>();
        for (String e : earlier) {
            for (String sentence : SENTENCE_BREAK.split(e)) {
                said.add(sameness(sentence));
            }
        }
        List<String> kept = new ArrayList<>();
        for (String sentence : SENTENCE_BREAK.split(part)) {
            if (!said.contains(sameness(sentence))) {
                kept.add(sentence);
            }
        }
        return kept.isEmpty() ? part : String.join(" ", kept);
    }

    private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A line as compared for repeats: case, spacing and punctuation aside ("Four." and "four!" say the same). */
    static String sameness(String line) {
        return NOT_A_WORD.matcher(line.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Everything a reply to {@code playerLine} may state facts from, slots filled from game state
     * {@code slots} over the card's defaults: persona, card and world facts, name and role, the
     * conversation, the player's line and the slot values.
     */
    public List<String> sources(List<Turn> history, String playerLine, Map<String, String> slots) {
        Map<String, String> values = new LinkedHashMap<>(card.slots());
        values.putAll(slots);
        List<String> out = new ArrayList<>(cardSources(values));
        out.addAll(lineSources(history, playerLine));
        return out;
    }

    /** The sources that do not change from line to line: persona, facts, name, role, world, slot values. */
    private List<String> cardSources(Map<String, String> values) {
        List<String> out = new ArrayList<>();
        card.persona().forEach(p -> out.add(Slots.fill(p, values)));
        card.facts().forEach(f -> out.add(Slots.fill(f, values)));
        out.add(card.name());
        out.add(card.role());
        if (world != null) {
            world.facts().forEach(f -> out.add(Slots.fill(f, values)));
        }
        out.addAll(values.values()); // the game's own slot values ("Ada") are known names
        return out;
    }

    private static List<String> lineSources(List<Turn> history, String playerLine) {
        List<String> out = new ArrayList<>();
        history.forEach(t -> out.add(t.text()));
        if (playerLine != null) {
            out.add(playerLine);
        }
        return out;
    }

    /** The card's sources with these slot values and what they state, read once and kept while the game state stays the same. */
    private CardKnowledge knowledge(Map<String, String> values) {
        CardKnowledge last = knowledge;
        if (last == null || !last.values().equals(values)) {
            List<String> sources = List.copyOf(cardSources(values));
            last = new CardKnowledge(Map.copyOf(values), sources, KnownFacts.of(sources), Typos.of(sources));
            knowledge = last;
        }
        return last;
    }

    private record CardKnowledge(Map<String, String> values, List<String> sources, KnownFacts known, Typos typos) {
    }
}
