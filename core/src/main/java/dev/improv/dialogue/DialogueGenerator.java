package dev.improv.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.api.Seeds;
import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import dev.improv.model.LogitConstraint;
import dev.improv.model.NoAllowedTokenException;
import dev.improv.model.SamplingSettings;
import dev.improv.model.Sampler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Writes NPC lines: persona-conditioned replies from a trained dialogue model, under the request's
 * rules (slots filled, banned words masked while decoding, a length limit, an end at a sentence
 * boundary), with an authored {@link FallbackGrammar} line when the model misses the deadline or
 * cannot satisfy a rule.
 *
 * <pre>{@code
 * DialogueGenerator npc = DialogueGenerator.loadDefault();
 * List<String> lines = npc.reply(ReplyRequest.builder()
 *         .addPersona("I am the blacksmith of {place}.")
 *         .addTurn(Turn.player("Hello! What do you make here?"))
 *         .optSlot("place", "Riverton").optBan("goblin").optSeed(7).build());
 * }</pre>
 *
 * Thread-safe: every call borrows a decoder of its own. Decoders keep what they last read, so a
 * request that extends the previous one (same persona, one more turn) feeds only the new tokens.
 * A call blocks for the generation time: call it off the render thread.
 */
public final class DialogueGenerator {
    /**
     * Sampling that keeps lines on topic yet varied; no repetition penalty, which would punish persona
     * words. Temperature 0.75 with the session-8 weights: on the development cards (seeds 0/1/2) 0.7 gave
     * 3 distinct of 5 samples for only 0.77/0.80/0.77 of questions (0.80 wanted), 0.8 gave 0.85/0.88/0.87
     * but more broken lines ("I love read all kind of eight."), 0.75 gives 0.78/0.88/0.83 at the same
     * answer rate (0.72) and fallback share (0.15-0.17).
     */
    public static final SamplingSettings DEFAULT_SAMPLING = new SamplingSettings(0.75f, 40, 0.9f, 1f, 0);
    /**
     * Tries per reply before the fallback grammar speaks (each try draws fresh tokens). 10 rather than 6, with
     * {@link #TOKEN_BUDGET} 6 rather than 3: once a reply from a doubtful fact must say what its value is about,
     * the model needs more tries; on the development cards the fallback share went 0.29 -> 0.21 (seed 0). Most
     * replies pass on the first or second try; the request's deadline still bounds the rest.
     */
    private static final int ATTEMPTS = 10;
    /**
     * Lines that pass the check drawn before the best of them is said (see {@link Draw#betterThan});
     * fewer when one is a single sentence already.
     */
    private static final int BEST_OF = 2;
    /**
     * Tries, and tokens in multiples of the longest line, while the only line that passed repeats one said
     * already (asked again, or for variations): on the development cards, questions whose 5 samples hold 3
     * different lines went 0.62 -> 0.78 (seed 0) with answers, fallbacks and invented facts unchanged; the
     * extra tries cost time only when a line would otherwise be said again.
     */
    private static final int REPEAT_ATTEMPTS = 30;
    /**
     * Tries turned down before the rest open with the check's openings (see {@link ReplyCheck#openings}). On fresh
     * card set 19 (unseen) the fallback share was 0.48: the model's tries were small talk ("Have a great day. I love
     * this trip.") for questions whose facts the retriever had found.
     */
    private static final int STUCK_AFTER = 3;
    private static final int REPEAT_TOKEN_BUDGET = 18;
    /** Tokens drawn for one line, all tries together, in multiples of the request's longest line. */
    private static final int TOKEN_BUDGET = 6;
    /**
     * Logit taken from the first token of a line that came out as a repeat, on the tries after it: as much as
     * the answer's pull adds ({@link NpcVoice#DEFAULT_ANSWER_BIAS}), so the model opens as it would unpulled
     * ("I charge 6 silver." after "6 silver."). Banning the token outright made it write its second choice
     * ("Tha. Agnes Thorne."). Taken once more each time the opener repeats: "Not until sunset." had come out
     * on all thirty tries, the model that sure of "Not".
     */
    private static final float REPEAT_OPENER_PENALTY = 4f;
    /** Written when even the grammar has no line that passes the rules: says nothing, breaks no rule. */
    static final String LAST_RESORT = "...";

    private final Supplier<Decoder> decoders;
    private final PromptCache prompts;
    private final int primedDecoders;
    private final LogitConstraint moodOnly;
    private final int context;
    private final DialogueFormat format;
    private final FallbackGrammar grammar;
    private final SamplingSettings sampling;

    DialogueGenerator(Supplier<Decoder> decoders, int context, DialogueFormat format, FallbackGrammar grammar,
                      SamplingSettings sampling) {
        this(decoders, context, format, grammar, sampling, PromptCache.KEEP);
    }

    private DialogueGenerator(Supplier<Decoder> decoders, int context, DialogueFormat format, FallbackGrammar grammar,
                              SamplingSettings sampling, int primedDecoders) {
        this.decoders = decoders;
        this.primedDecoders = primedDecoders;
        this.prompts = new PromptCache(decoders, primedDecoders);
        this.context = context;
        this.format = format;
        this.grammar = grammar;
        this.sampling = sampling;
        int[] moods = new int[Tone.values().length];
        for (Tone m : Tone.values()) {
            moods[m.ordinal()] = format.moodToken(m);
        }
        this.moodOnly = onlyTokens(moods);
    }

    /** A copy of {@code base} with another grammar; decoders and primed prompts are shared. */
    private DialogueGenerator(DialogueGenerator base, FallbackGrammar grammar) {
        this.decoders = base.decoders;
        this.primedDecoders = base.primedDecoders;
        this.prompts = base.prompts;
        this.context = base.context;
        this.format = base.format;
        this.grammar = grammar;
        this.sampling = base.sampling;
        this.moodOnly = base.moodOnly;
    }

    /**
     * The same generator (one model, one set of primed prompts) whose fallback says {@code lines} for their symbols:
     * an NPC card's own lines ({@link FallbackGrammar#withLines}).
     */
    public DialogueGenerator withLines(Map<String, List<String>> lines) {
        return lines.isEmpty() ? this : new DialogueGenerator(this, grammar.withLines(lines));
    }

    /** A generator over a dialogue model (its metadata holds the tokenizer) with the given fallback grammar. */
    public static DialogueGenerator of(LanguageModel model, FallbackGrammar grammar) {
        DialogueFormat format = new DialogueFormat(tokenizerOf(model));
        if (format.tokenizer().vocabSize() != model.config().vocabSize()) {
            throw new IllegalArgumentException("model " + model.name() + ": tokenizer has " + format.tokenizer().vocabSize()
                    + " ids but the model " + model.config().vocabSize());
        }
        return new DialogueGenerator(() -> model.newDecoder(1, false), model.config().context(), format, grammar,
                DEFAULT_SAMPLING);
    }

    /** The default model shipped in improv-models, with the default grammar. */
    public static DialogueGenerator loadDefault() throws IOException {
        return of(LanguageModel.loadResource("dialogue"), FallbackGrammar.defaultGrammar());
    }

    /** The tokenizer stored in a dialogue model's metadata. */
    public static BytePairTokenizer tokenizerOf(LanguageModel model) {
        JsonNode meta = model.metadata();
        if (!"dialogue".equals(meta.path("domain").asText())) {
            throw new IllegalArgumentException("model " + model.name() + " is not a dialogue model (metadata domain is '"
                    + meta.path("domain").asText() + "')");
        }
        return BytePairTokenizer.fromJson(meta.path("tokenizer"));
    }

    /** The same generator drawing tokens with other sampling settings. */
    public DialogueGenerator withSampling(SamplingSettings settings) {
        return new DialogueGenerator(decoders, context, format, grammar, settings, primedDecoders);
    }

    /**
     * The same generator keeping up to {@code count} idle decoders primed with recent prompts (4 by
     * default): a server answering many requests at once keeps one per request in flight, so a
     * request whose prompt extends a recent one feeds only its new tokens.
     */
    public DialogueGenerator withPrimedDecoders(int count) {
        return new DialogueGenerator(decoders, context, format, grammar, sampling, count);
    }

    /** The prompt format (and with it the tokenizer) this generator uses. */
    public DialogueFormat format() {
        return format;
    }

    /** The request's replies as text, {@link ReplyRequest#count()} of them. */
    public List<String> reply(ReplyRequest request) {
        List<String> out = new ArrayList<>();
        for (GeneratedLine line : lines(request)) {
            out.add(line.text());
        }
        return out;
    }

    /**
     * The request's replies, each marked if the fallback grammar wrote it.
     *
     * @throws IllegalArgumentException if persona or history use a slot the request gives no value
     *                                  for, or the persona does not fit the model's context
     */
    public List<GeneratedLine> lines(ReplyRequest request) {
        return lines(request, ReplyCheck.ANY);
    }

    /**
     * The request's replies, each one accepted by {@code check} or else drawn again; after the last try
     * the fallback grammar speaks (with the request's first fact as its {@code {fact}} slot).
     */
    public List<GeneratedLine> lines(ReplyRequest request, ReplyCheck check) {
        return lines(request, check, lineStart -> LogitConstraint.NONE);
    }

    /**
     * As above, with {@code bias} shifting the logits of every reply token besides the rules (given the
     * index where the reply starts): an NPC leans its replies towards the facts it was asked about.
     */
    public List<GeneratedLine> lines(ReplyRequest request, ReplyCheck check, IntFunction<LogitConstraint> bias) {
        long start = System.nanoTime();
        long deadline = request.deadline().isZero()
                || request.deadline().compareTo(dev.improv.api.GenerationExecutor.LONGEST_DEADLINE) > 0
                ? Long.MAX_VALUE : start + request.deadline().toNanos();
        Map<String, String> slots = request.slots();
        List<String> persona = filled(request.persona(), slots);
        List<String> facts = filled(request.facts(), slots);
        List<Turn> history = new ArrayList<>();
        for (Turn t : request.history()) {
            history.add(new Turn(t.speaker(), Slots.fill(t.text(), slots)));
        }
        BannedWords banned = new BannedWords(request.banned());
        // Room for the mood token, the reply and its end token.
        int[] prompt = format.requestPrompt(persona, facts, history, request.mood(), context - request.maxTokens() - 2);

        List<GeneratedLine> out = new ArrayList<>();
        float[][] promptLogits = new float[1][];
        PromptCache.Entry cache = prompts.prime(prompt, promptLogits);
        try {
            Sampler sampler = new Sampler(sampling, request.seed());
            // Unchecked lines (plain chat) take the first draw: without a check there is no answer to prefer.
            int bestOf = check == ReplyCheck.ANY ? 1 : BEST_OF;
            for (int i = 0; i < request.count(); i++) {
                Draw best = null;
                int passed = 0;
                // A passing one-sentence line cannot be bettered (see Draw.betterThan): no more draws then.
                // Tokens drawn for this line, all tries together, are bounded too: a try that runs to the length
                // limit costs as much as several short ones, and the reply's time is what the player waits for.
                int drawn = 0;
                // First tokens of lines that came out as repeats: on the next tries they lose the answer's pull
                // (REPEAT_OPENER_PENALTY), so "8 silver." said, a try may open "I charge 8 silver." instead.
                Map<Integer, Integer> repeatedOpeners = new HashMap<>();
                // Once the only line that passed is a repeat, each try opens with one of the check's openings in
                // turn, from where this seed starts: the model, sure of one wording, writes the rest.
                List<String> openings = null;
                int opened = 0;
                // A line that repeats an earlier one keeps the tries going (it counts for nothing), but is kept.
                // Only a repeat so far: the model's other wordings are rarer, so more tries go to finding one.
                for (int attempt = 0; passed < bestOf && !(best != null && best.sentences() == 1 && !best.repeat)
                        && attempt < (best != null && best.repeat ? REPEAT_ATTEMPTS : ATTEMPTS)
                        && drawn < (best != null && best.repeat ? REPEAT_TOKEN_BUDGET : TOKEN_BUDGET) * request.maxTokens()
                        && System.nanoTime() < deadline; attempt++) {
                    cache.rewind(prompt.length);
                    String opening = null;
                    // Likewise once STUCK_AFTER tries have all been turned down: the model has lost its way into
                    // the answer ("I'm glad I can see that!"), and an opening people use before it leads back in.
                    if (best != null && best.repeat || best == null && attempt >= STUCK_AFTER) {
                        openings = openings == null ? check.openings() : openings;
                        opening = openings.isEmpty() ? null
                                : openings.get((int) Math.floorMod(request.seed() + i + opened++, (long) openings.size()));
                    }
                    Draw draw = attempt(cache, promptLogits[0].clone(), sampler, request, banned, bias, repeatedOpeners,
                            opening, deadline);
                    drawn += cache.length - prompt.length;
                    if (draw != null && check.problem(draw.text) == null) {
                        draw = draw.repeating(check.repeats(draw.text));
                        if (draw.repeat) {
                            repeatedOpeners.merge(draw.firstToken, 1, Integer::sum);
                        }
                        passed += draw.repeat ? 0 : 1;
                        if (best == null || draw.betterThan(best)) {
                            best = draw;
                        }
                    }
                }
                // Small talk said again ("No problem." a third time) gives way to the grammar's other wordings,
                // which do the act as well; an answer said again still beats the authored one.
                boolean stale = best != null && best.repeat && check.smallTalk() != null;
                out.add(best != null && !stale ? new GeneratedLine(best.text, false)
                        : new GeneratedLine(fallback(request, facts, banned, i, check), true));
            }
            cache.rewind(prompt.length); // the next request most likely extends this prompt, not the reply
        } finally {
            prompts.release(cache);
        }
        return out;
    }

    /**
     * A drawn line, the model's mean log-probability per token of it (before any bias or rule), whether it
     * repeats what was said already ({@link ReplyCheck#repeats}), and the token it opened with.
     */
    private record Draw(String text, LineScore logProb, boolean repeat, int firstToken) {
        /**
         * A new line first, then fewer sentences, then the more likely: a small model's extra sentences are
         * where it goes wrong, and a game line reads best short.
         */
        boolean betterThan(Draw other) {
            if (repeat != other.repeat) {
                return !repeat;
            }
            return sentences() != other.sentences() ? sentences() < other.sentences() : logProb.mean() > other.logProb.mean();
        }

        Draw repeating(boolean again) {
            return new Draw(text, logProb, again, firstToken);
        }

        int sentences() {
            return Math.max(1, text.split("[.!?]+(?=\\s|$)").length);
        }
    }

    /** One try at a line: the text, or null if it broke a rule, missed the deadline or found no sentence end. */
    private Draw attempt(PromptCache.Entry cache, float[] logits, Sampler sampler, ReplyRequest request,
                           BannedWords banned, IntFunction<LogitConstraint> bias, Map<Integer, Integer> repeatedOpeners,
                           String opening, long deadline) {
        BytePairTokenizer tok = format.tokenizer();
        try {
            if (request.mood() == null) {
                moodOnly.apply(cache.tokens, cache.length, logits);
                logits = cache.step(sampler.sample(logits, cache.tokens, cache.length)).clone();
            }
            int lineStart = cache.length;
            // The bias first: the rules then mask what they forbid, whatever the bias raised.
            LogitConstraint pull = bias.apply(lineStart);
            LogitConstraint rules = pull.and(SentenceEnd.constraint(format, lineStart))
                    .and(banned.constraint(tok, lineStart));
            int lastBoundary = -1;
            LineScore logProb = new LineScore();
            // A given opening is read as if drawn (its tokens count towards the line's length and score).
            int given = 0;
            if (opening != null) {
                for (int token : tok.encode(opening)) {
                    logProb.add(logits.clone(), token);
                    logits = cache.step(token).clone();
                    given++;
                }
            }
            for (int n = given; n < request.maxTokens(); n++) {
                if (System.nanoTime() >= deadline) {
                    return null;
                }
                float[] raw = logits.clone();
                rules.apply(cache.tokens, cache.length, logits);
                if (opening != null && n == given) {
                    // Right after a given opening the answer is pulled twice as hard: given "It's" for "How long is
                    // the trip?", the model wrote "It's not a coin…" on every try.
                    pull.apply(cache.tokens, cache.length, logits);
                }
                if (n == 0 && opening == null) {
                    for (Map.Entry<Integer, Integer> opener : repeatedOpeners.entrySet()) {
                        logits[opener.getKey()] -= REPEAT_OPENER_PENALTY * opener.getValue();
                    }
                    if (!repeatedOpeners.isEmpty()) {
                        // Nor with another number: "12 silver." said, its next choice was "2 gold pieces. A fair
                        // price. A fair price..." (rejected); opening with a word it says "It costs 12 silver.".
                        boolean[] digits = CopiedNumbers.digitTokens(tok);
                        for (int t = 0; t < logits.length; t++) {
                            if (digits[t]) {
                                logits[t] = Float.NEGATIVE_INFINITY;
                            }
                        }
                    }
                }
                int token = sampler.sample(logits, cache.tokens, cache.length);
                logProb.add(raw, token);
                if (token == format.endToken()) {
                    return draw(finish(tok.decode(cache.tokens, lineStart, cache.length), request, banned), logProb.of(n + 1),
                            cache.tokens[lineStart]);
                }
                logits = cache.step(token).clone();
                if (SentenceEnd.endsSentence(tok.decode(cache.tokens, lineStart, cache.length))) {
                    lastBoundary = cache.length;
                }
            }
            // Out of tokens: end at the last complete sentence, if there was one.
            return lastBoundary < 0 ? null : draw(finish(tok.decode(cache.tokens, lineStart, lastBoundary), request, banned),
                    logProb.of(lastBoundary - lineStart), cache.tokens[lineStart]);
        } catch (NoAllowedTokenException e) {
            return null;
        }
    }

    private static Draw draw(String text, LineScore logProb, int firstToken) {
        return text == null ? null : new Draw(text, logProb, false, firstToken);
    }

    /**
     * A line's mean log-probability per token under the model, before any bias or rule, worked out only when
     * a draw is weighed against another of as many sentences: most lines are said or dropped without it, and
     * the log-softmax of every token's 2,048 raw logits had cost a service worker a tenth of its CPU (JFR, 16
     * clients of {@code bench serve}). It keeps each token's raw logits (a copy made anyway) until then, and
     * adds the tokens' terms in order, so a score has the bits of one summed as the line was drawn.
     */
    private static final class LineScore {
        private final List<float[]> raws = new ArrayList<>();
        private int[] tokens = new int[16];
        private int scored;
        private boolean known;
        private double mean;

        void add(float[] raw, int token) {
            if (raws.size() == tokens.length) {
                tokens = java.util.Arrays.copyOf(tokens, tokens.length * 2);
            }
            tokens[raws.size()] = token;
            raws.add(raw);
        }

        /** This line's score over its first {@code count} tokens (the rest were drawn past its last sentence). */
        LineScore of(int count) {
            scored = count;
            return this;
        }

        double mean() {
            if (!known) {
                double sum = 0;
                for (int i = 0; i < scored; i++) {
                    sum += Sampler.logSoftmaxAt(raws.get(i), tokens[i]);
                }
                mean = sum / Math.max(1, scored);
                known = true;
                raws.clear();
            }
            return mean;
        }
    }

    /** The final text, or null if it breaks a rule once slots the model wrote are filled. */
    private static String finish(String raw, ReplyRequest request, BannedWords banned) {
        String text = DialogueFormat.clean(raw);
        if (text.isEmpty() || !Slots.canFill(text, request.slots())) {
            return null;
        }
        text = Slots.fill(text, request.slots());
        return banned.matches(text) ? null : text; // a slot value may carry a banned word
    }

    /**
     * The authored line for a question the NPC's facts do not answer ("I couldn't say."), in the
     * request's mood and seeded by it: an honest "don't know" rather than a fact about something else.
     */
    public String unknownLine(ReplyRequest request) {
        BannedWords banned = new BannedWords(request.banned());
        long seed = Seeds.mix(request.seed(), 0);
        return grammar.unknown(request.mood(), request.slots(), banned, seed)
                .or(() -> grammar.line(request.mood(), request.slots(), banned, seed)).orElse(LAST_RESORT);
    }

    /**
     * The authored reply to a player's line that asks nothing ("Is that so?"), with {@code fact} (may be null)
     * after it, in the request's mood and seeded by it.
     */
    public String heardLine(ReplyRequest request, String fact) {
        BannedWords banned = new BannedWords(request.banned());
        long seed = Seeds.mix(request.seed(), 0);
        return grammar.heard(fact, request.mood(), request.slots(), banned, seed)
                .or(() -> grammar.heard(null, request.mood(), request.slots(), banned, seed)).orElse(LAST_RESORT);
    }

    /**
     * The authored line that says the player's own earlier words back to them ({@code said}, "You said so yourself:
     * \"My horse is called Bramble.\""), in the request's mood and seeded by it.
     */
    public String recallLine(ReplyRequest request, String said) {
        BannedWords banned = new BannedWords(request.banned());
        return grammar.recall(said, request.mood(), request.slots(), banned, Seeds.mix(request.seed(), 0))
                .orElse(LAST_RESORT);
    }

    /**
     * The authored line the request would fall back to, without drawing from the model: the one that does
     * {@code check}'s {@link ReplyCheck#smallTalk}, or else states the request's first fact as {@code check} wants it
     * said ({@link ReplyCheck#answering}); in the request's mood, with its slots and banned words, seeded by it. One
     * that {@code check} finds said already is kept only when no other comes out.
     */
    public String authoredLine(ReplyRequest request, ReplyCheck check) {
        return fallback(request, filled(request.facts(), request.slots()), new BannedWords(request.banned()), 0, check);
    }

    /** {@code lines} with their {@code {slot}}s filled from {@code slots}. */
    private static List<String> filled(List<String> lines, Map<String, String> slots) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(Slots.fill(line, slots));
        }
        return out;
    }

    private String fallback(ReplyRequest request, List<String> facts, BannedWords banned, int index, ReplyCheck check) {
        String first = null;
        long seed = Seeds.mix(request.seed(), index);
        // Asked again, or for variations, the grammar's other wordings first: a line said already is kept only
        // when no other comes out in a few draws.
        for (int variant = 0; variant < FALLBACK_VARIANTS; variant++) {
            String line = fallbackLine(request, facts, banned, variant == 0 ? seed : Seeds.mix(seed, variant), check);
            if (!check.repeats(line)) {
                return line;
            }
            first = first == null ? line : first;
        }
        return first;
    }

    /** Draws of the grammar tried for a fallback line that was not said already. */
    private static final int FALLBACK_VARIANTS = 8;

    private String fallbackLine(ReplyRequest request, List<String> facts, BannedWords banned, long seed, ReplyCheck check) {
        if (check.smallTalk() != null) {
            return grammar.smallTalk(check.smallTalk(), request.mood(), request.slots(), banned, seed).orElse(LAST_RESORT);
        }
        if (!facts.isEmpty()) {
            // An authored line that states the best fact: the player still gets the answer.
            var answer = check.answering() != ReplyCheck.Answering.ALONE
                    ? grammar.inTurn(check.answering() == ReplyCheck.Answering.SECOND, facts.get(0), request.mood(),
                            request.slots(), banned, seed)
                    : check.doubtsFacts() ? grammar.aside(facts.get(0), request.mood(), request.slots(), banned, seed)
                    : grammar.answer(facts.get(0), request.mood(), request.slots(), banned, seed);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        return grammar.line(request.mood(), request.slots(), banned, seed).orElse(LAST_RESORT);
    }

    /** Allows only the listed tokens. */
    private static LogitConstraint onlyTokens(int[] allowed) {
        return (history, length, logits) -> {
            float[] keep = new float[allowed.length];
            for (int i = 0; i < allowed.length; i++) {
                keep[i] = logits[allowed[i]];
            }
            java.util.Arrays.fill(logits, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < allowed.length; i++) {
                logits[allowed[i]] = keep[i];
            }
        };
    }
}
