package dev.improv.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Finds the facts an NPC should answer from: BM25 (Lucene) over the card's persona and facts, the
 * world's facts and the conversation so far, with an English analyzer (so "repairing" matches
 * "repair") and a small, data-driven expansion of question intents ("how much" also matches facts
 * that hold a price; "when" facts that hold a time; see {@code improv/dialogue/question-intents.json}).
 *
 * <pre>{@code
 * FactRetriever facts = FactRetriever.of(card.filled(gameState), world);   // once per NPC
 * List<RetrievedFact> top = facts.retrieve("How much to repair my sword?", history, 3);
 * }</pre>
 *
 * The card and world are indexed once; each call adds only the history. Player text is never parsed
 * as query syntax: it is analysed into at most {@link #MAX_QUERY_TERMS} terms from its first
 * {@link #MAX_QUERY_CHARS} characters, so any line (1 MB, punctuation, special tokens) is safe.
 * Immutable and thread-safe.
 */
public final class FactRetriever {
    /**
     * Lucene says at start-up that Java 17's Vector API is too old for it: true, harmless, and not
     * something a player or a CLI user should read. Held in a field: the JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS = quiet("org.apache.lucene.internal.vectorization");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** Where a fact came from. */
    public static final String CARD = "card";
    /** A line of the card's persona: about the NPC itself, seldom the answer to a question about the world. */
    public static final String PERSONA = "persona";
    public static final String WORLD = "world";
    /** A line the NPC said earlier in the conversation. */
    public static final String HISTORY = "history";
    /** A line the player said earlier: a fact the NPC may recall, never one to state as its own. */
    public static final String PLAYER = "player";

    /** Characters of a player line (or history line) that are read; a question is far shorter. */
    static final int MAX_QUERY_CHARS = 2_000;
    /** Distinct terms of a player line that are searched for. */
    static final int MAX_QUERY_TERMS = 48;
    /** Most recent turns of the conversation that are searched. */
    static final int MAX_HISTORY = 16;
    /** Score an intent adds at most: below one matching question word, so words decide between facts. */
    private static final float INTENT_BONUS = 0.8f;
    /** Share of an intent's further matching terms that counts: a fact with more of them wins a tie. */
    private static final float INTENT_TIE = 0.1f;
    /** Weight of a question word that is also an intent term. */
    private static final float INTENT_WORD_WEIGHT = 0.5f;
    /**
     * Weight of a word that only says whose thing is asked about: in "How big is each man's share?" the share is
     * asked about, so "The crew numbers 46 souls." (a man, through WordNet) is not the answer.
     */
    private static final float OWNER_WEIGHT = 0.5f;
    /** The kind a question asks said as a noun after "what" or "which": the kind, not what it is of. */
    private static final Pattern KIND_NOUN = Pattern.compile("(?i)\\b(what|which)\\s+(?:days?|nights?|time|hours?)\\b");
    /** "man's", "sailors'": a word that owns the next one. */
    private static final Pattern OWNER = Pattern.compile("(?i)\\b(\\p{L}+)(?:'s|s')\\s+\\p{L}");
    /** Weight of a word the player did not say but that means the same ("bounty" for "reward"). */
    private static final float SYNONYM_WEIGHT = 0.6f;
    /**
     * Weight of a word WordNet relates to one the player said ({@link RelatedWords}): "pirates" for
     * "raiders", "box" for "crate". Below a synonym's: a relation is looser, and WordNet knows senses a
     * game never means. Best fact right on the development cards 44 -> 49 of 60 (0.25 and 0.35 alike, 0.5
     * 48); on held-out SGD and LIGHT questions 0.463 -> 0.473 and 0.957 -> 0.953 (docs/dialogue-grounding.md).
     */
    private static final float RELATED_WEIGHT = 0.35f;
    /** Related words looked up per player word, most common senses first: bounds the query's size. */
    private static final int MAX_RELATED = 12;
    /**
     * Score share of a persona line: "I keep the Drowned Lantern" shares "inn" with "Where is this
     * inn?" but the fact that answers it is "The Drowned Lantern stands on Net Street".
     */
    private static final float PERSONA_WEIGHT = 0.6f;

    /**
     * Weight of a word found only in the rest of the line a clause was split from: "Blood packs are in short
     * supply; only eight are left." makes "Only eight are left." a clause of its own, which still answers
     * "How much blood have you got?".
     */
    private static final float CONTEXT_WEIGHT = 0.5f;

    private static final String TEXT = "text";
    /** The whole card or world line a clause comes from (the clause itself when the line was not split). */
    private static final String LINE = "line";
    private static final String SOURCE = "source";
    private static final String TAG = "tag";
    /** The stems WordNet relates to a fact's words (indexed, not stored): "pirates" also holds "raider". */
    private static final String RELATED = "related";
    /** The stems of the parts of a fact's compound words (indexed, not stored): "sailmaker" holds "sail". */
    private static final String PARTS = "parts";
    private static final Rules RULES = Rules.load("/improv/dialogue/question-intents.json");

    /**
     * Weight of meaning beside words, when a {@link SentenceEncoder} is installed: a fact's score gains this
     * share of the best word score times its cosine with the line. 2: meaning counts twice as much as words once
     * its cosine is past {@link #MEANING_FLOOR} (words alone are the best judge of a fact that shares the player's
     * words; meaning finds the one that shares none). Best fact right over 618 questions of the development, check
     * and fresh 63-92 cards: 549 at weight 1 and floor 0.3, 552 at 2 and 0.3, 562 at 2 and 0.2 (1.5: 561; 3: 563;
     * 5 and 0.3: 541; all with {@link #MEANING_ALONE_FLOOR} 0.3: 562); session 31, docs/dialogue-grounding.md.
     */
    static final float MEANING_WEIGHT = 2f;
    /**
     * Cosine below which meaning adds nothing: all-MiniLM puts a question and an unrelated fact of the same card
     * at 0.1-0.3 ("Who won the tournament?" and the innkeeper's ale, 0.12; "What's your favourite colour?" and
     * her ale's price, 0.22), and most facts that answer in other words at 0.35-0.65. Without the floor every
     * question "finds" some fact by meaning alone, and the NPC states an unrelated price: a line that shares no word
     * with the question needs {@link #MEANING_ALONE_FLOOR}. A line that shares one counts its meaning from 0.2 (session
     * 31; 0.3 before): "Who works the big winch?" and "Halvard Ness runs the capstan" are near in meaning only.
     */
    static final float MEANING_FLOOR = 0.2f;
    /**
     * Cosine from which meaning counts for a line that shares no word with the question. ("What's your favourite
     * colour?" to the bard: at 0.2 she answered "It costs 2 copper.")
     */
    static final float MEANING_ALONE_FLOOR = 0.3f;
    /**
     * For a line that names nothing but the kind it asks ("How old are you?"; others are judged by what they ask
     * about, {@link #TRUST_COSINE}), a fact is {@link RetrievedFact#doubtful} when its cosine with the line is under
     * this and at most {@link #DOUBT_MARGIN} above the median of the card's lines: nothing in its meaning singles
     * it out. Measured in session 11, before the subject rule: on the
     * development cards this holds for 9 of 40 questions about things no card states ("Who won the ball game last
     * night?" and the night waitress) and for 2 of 51 best facts that do answer, both in words MiniLM does not
     * connect ("How much for a throwaway phone?" and the burner comm).
     */
    static final float DOUBT_COSINE = 0.2f;
    static final float DOUBT_MARGIN = 0.01f;
    /**
     * Cosine at which a line that shares no word with what the player asks about is trusted all the same: its
     * meaning answers ("How much to get decontaminated?" and "A full radiation scrub is 300 credits.", 0.41;
     * "How many animals are in the barn?" and the nineteen horses, 0.52). On the development cards the lines
     * found for questions no card answers stay below it (the oxygen canister for a plasma rifle 0.21, the brake
     * job for a motorbike 0.36, Hetty's mill toll for her bread 0.38).
     */
    static final float TRUST_COSINE = 0.4f;
    /**
     * Cosine from which the card's line nearest the question in meaning is trusted as well ("how many guards you got
     * on duty" and "Ten watchmen with ash staves walk the streets for me today", words MiniLM connects only so far).
     * Over the 1,590 read questions of the development, check and fresh sets, 27 best lines in doubt were the nearest
     * at 0.35 or more, and all 27 held the answer (at 0.3, 45 of 45); of the 40 questions no development card
     * answers, none was trusted (at 0.3, "How much for a motorcycle?" the gas mask's 80 caps). Session 42.
     */
    static final float TRUST_NEAREST_COSINE = 0.35f;

    /** A line that says where its subject is: "The forge is on Anvil Row", "My stall stands by the well". */
    private static final Pattern WHERE_SUBJECT_IS = Pattern.compile("(?i)^(?:the|my|our)\\s+((?:[\\p{L}'-]+\\s+){0,2}?[\\p{L}'-]+)"
            + "\\s+(?:is|are|stands?|sits?|lies|lie)\\s+(?:on|at|in|behind|beside|near|by|under|above|below|next to|past)\\b");

    /**
     * Whether {@code fact} says where a thing is that {@code question}, asking where something is, does not name:
     * "Where can I find the ferry?" and "The forge is on Anvil Row…" mean alike to MiniLM (0.37), but the line is where
     * the forge is, and trusted by meaning alone it sent the player to the smithy for a ferry.
     */
    static boolean placeOfAnother(String fact, String question) {
        Matcher subject = WHERE_SUBJECT_IS.matcher(fact.strip());
        if (QuestionKind.of(question) != QuestionKind.PLACE || !subject.lookingAt()) {
            return false;
        }
        Set<String> asked = new HashSet<>(terms(question, MAX_QUERY_TERMS));
        List<String> thing = terms(subject.group(1), 8);
        return !thing.isEmpty() && java.util.Collections.disjoint(thing, asked)
                && thing.stream().noneMatch(w -> RelatedWords.shipped().of(w).stream().anyMatch(asked::contains));
    }
    /**
     * Card and world lines encoded when indexed (at about 1.5 ms a line) and scored by meaning on every call;
     * past that, a line is found by its words alone (a world file of thousands of lines is bad input, not lore).
     */
    static final int MAX_MEANING_DOCS = 512;
    /** History lines whose vectors are kept (a conversation's lines come back on every call). */
    private static final int HISTORY_VECTORS = 256;

    private final IndexReader facts;
    private final Set<String> known;
    /** Null when no encoder is installed: words alone. */
    private final SentenceEncoder encoder;
    /** Each indexed line's vector, by Lucene doc id (one segment, written in order); null without an encoder. */
    private final float[][] vectors;
    /** The names each indexed line uses, by doc id, read once when indexed (see {@link #bridge}). */
    private final List<List<Mentions.Name>> names;
    /** Each line's words that name one thing, read once ({@link #thingWords(List, IndexReader)}). */
    private final List<Set<String>> thingWords;
    /** The words of the NPC's own name. */
    private final Set<String> ownNames;
    private final Map<String, float[]> historyVectors = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > HISTORY_VECTORS;
                }
            });

    private FactRetriever(IndexReader facts, Set<String> known, SentenceEncoder encoder, float[][] vectors,
                          List<List<Mentions.Name>> names, List<Set<String>> thingWords, Set<String> ownNames) {
        this.names = names;
        this.ownNames = ownNames;
        this.thingWords = thingWords;
        this.facts = facts;
        this.known = Set.copyOf(known);
        this.encoder = encoder;
        this.vectors = vectors;
    }

    /**
     * Indexes {@code card}'s persona and facts and, if not null, {@code world}'s facts. Fill slots first.
     * Uses the installed {@link SentenceEncoder}, if any, beside the words.
     */
    public static FactRetriever of(NpcCard card, WorldFile world) {
        return of(card, world, SentenceEncoder.installed().orElse(null));
    }

    /** As {@link #of(NpcCard, WorldFile)}, with this encoder (null: words alone). */
    public static FactRetriever of(NpcCard card, WorldFile world, SentenceEncoder encoder) {
        Objects.requireNonNull(card, "card");
        Set<String> seen = new HashSet<>();
        List<Document> docs = new ArrayList<>();
        String previous = null;
        for (String line : card.facts()) {
            for (String clause : clauses(line)) {
                add(docs, seen, clause, line, CARD);
            }
            // "The Chrome Jackals raid near the Dead Cloverleaf." "Their boss is Vesna Kroll.": who "their" are is
            // said in the line before, which counts as the rest of this one's line
            if (previous != null && POINTS_BACK.matcher(line).lookingAt() && docs.size() > 0
                    && docs.get(docs.size() - 1).get(LINE).equals(line)) {
                docs.get(docs.size() - 1).add(new TextField(LINE, previous, Field.Store.NO));
            }
            previous = line;
        }
        for (String line : card.persona()) {
            add(docs, seen, line, line, PERSONA);
        }
        if (world != null) {
            for (String line : world.facts()) {
                for (String clause : clauses(line)) {
                    add(docs, seen, clause, line, WORLD);
                }
            }
        }
        float[][] vectors = null;
        if (encoder != null) {
            List<String> texts = new ArrayList<>(docs.size());
            docs.forEach(d -> texts.add(d.get(TEXT)));
            vectors = new float[docs.size()][];
            // A huge world file is encoded in part: past the first lines, its lines are scored by words alone.
            int n = Math.min(texts.size(), MAX_MEANING_DOCS);
            float[][] head = n == 0 ? new float[0][] : encoder.encode(texts.subList(0, n));
            System.arraycopy(head, 0, vectors, 0, n);
        }
        List<List<Mentions.Name>> names = new ArrayList<>(docs.size());
        for (Document d : docs) {
            names.add(List.copyOf(Mentions.names(d.get(TEXT))));
        }
        Set<String> ownNames = Mentions.words(card.name(), new HashSet<>());
        IndexReader reader = index(docs);
        return new FactRetriever(reader, seen, encoder, vectors, List.copyOf(names), thingWords(docs, reader),
                Set.copyOf(ownNames));
    }

    /** Two to four capitals standing alone: "LA", "NYC". */
    private static final Pattern INITIALS = Pattern.compile("\\b\\p{Lu}{2,4}\\b");

    /**
     * {@code line} with each name of the card that a player's initials stand for said after them: "fare to LA from
     * here?" is searched as "fare to LA Los Angeles from here?" when a line names Los Angeles. Not in a line typed in
     * capitals ("IS IT OPEN"), where capitals are no initials.
     */
    private String withInitialsSpelt(String line) {
        Matcher m = INITIALS.matcher(line);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group());
        }
        if (found.isEmpty() || found.size() > 2) {
            return line;
        }
        String out = line;
        for (String initials : found) {
            for (List<Mentions.Name> named : names) {
                for (Mentions.Name n : named) {
                    String[] words = n.surface().split("\\s+");
                    StringBuilder first = new StringBuilder();
                    for (String w : words) {
                        first.append(w.isEmpty() ? "" : w.substring(0, 1));
                    }
                    if (words.length == initials.length() && first.toString().equals(initials)
                            && !out.contains(n.surface())) {
                        out = out.replaceFirst("\\b" + initials + "\\b", initials + " " + Matcher.quoteReplacement(n.surface()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The up to {@code k} facts that best answer {@code playerLine}, best first; empty if no fact shares
     * a word or an intent with it or, with an encoder, means anything like it. {@code history} is the conversation before {@code playerLine}, oldest
     * first (a last turn equal to {@code playerLine} is ignored); its lines that state something (not questions)
     * are searched as facts with source {@link #HISTORY} (the NPC's) or {@link #PLAYER}.
     */
    public List<RetrievedFact> retrieve(String playerLine, List<Turn> history, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        String line = withInitialsSpelt(playerLine == null ? "" : playerLine);
        Query query = query(line);
        if (query == null) {
            return List.of();
        }
        List<Turn> pastTurns = historyLines(line, history == null ? List.of() : history);
        List<String> past = pastTurns.stream().map(Turn::text).toList();
        try {
            // One set of statistics over card, world and conversation, so that all scores compare.
            Statistics stats = new Statistics(facts, past);
            IndexSearcher searcher = stats.searcher(facts);
            // Word scores first, of the card and world lines and of the conversation's, then meaning on top.
            boolean meaning = encoder != null;
            Map<Integer, Float> words = new java.util.LinkedHashMap<>();
            // Extra hits so that persona lines, weighed down after the search, can fall out of the top k.
            for (ScoreDoc hit : searcher.search(query, meaning ? Math.max(k + 8, MAX_MEANING_DOCS) : k + 8).scoreDocs) {
                words.put(hit.doc, hit.score);
            }
            // The conversation changes every call: each line is scored in a MemoryIndex, not indexed.
            float[] pastWords = new float[past.size()];
            for (int i = 0; i < past.size(); i++) {
                String text = past.get(i);
                MemoryIndex one = new MemoryIndex();
                one.addField(TEXT, text, RULES.analyzer);
                one.addField(LINE, text, RULES.analyzer);
                for (String tag : tags(text)) {
                    one.addField(new StringField(TAG, tag, Field.Store.NO), RULES.analyzer);
                }
                ScoreDoc[] hit = stats.searcher(one.createSearcher().getIndexReader()).search(query, 1).scoreDocs;
                pastWords[i] = hit.length > 0 ? hit[0].score : 0f;
            }
            float[] asked = null;
            float scale = 1f; // the best word score: meaning is weighed against it
            if (meaning) {
                asked = encoder.encode(List.of(head(line)))[0];
                for (float w : words.values()) {
                    scale = Math.max(scale, w);
                }
                for (float w : pastWords) {
                    scale = Math.max(scale, w);
                }
                if (facts.maxDoc() <= MAX_MEANING_DOCS) {
                    for (int doc = 0; doc < facts.maxDoc(); doc++) {
                        words.putIfAbsent(doc, 0f); // a line that shares no word may still mean the answer
                    }
                }
            }
            // Each line's cosine with the question, and their median: what an unrelated line of this card scores.
            float[] cosines = new float[facts.maxDoc()];
            java.util.Arrays.fill(cosines, Float.NaN);
            float median = Float.NaN;
            float nearest = Float.NaN; // the card's line nearest the question in meaning
            if (asked != null) {
                List<Float> all = new ArrayList<>();
                // Only the first MAX_MEANING_DOCS lines have vectors.
                for (int doc = 0; doc < Math.min(cosines.length, MAX_MEANING_DOCS); doc++) {
                    if (vectors[doc] != null) {
                        cosines[doc] = SentenceEncoder.similarity(asked, vectors[doc]);
                        all.add(cosines[doc]);
                    }
                }
                all.sort(null);
                median = all.isEmpty() ? Float.NaN : all.get(all.size() / 2);
                nearest = all.isEmpty() ? Float.NaN : all.get(all.size() - 1);
            }
            Map<Integer, Float> scores = new java.util.LinkedHashMap<>();
            Map<Integer, Document> stored = new HashMap<>();
            for (Map.Entry<Integer, Float> e : words.entrySet()) {
                float score = e.getValue();
                if (asked != null && vectors[e.getKey()] != null) {
                    score += meaning(cosines[e.getKey()], scale, score > 0f);
                }
                if (score > 0f) {
                    Document doc = searcher.storedFields().document(e.getKey());
                    stored.put(e.getKey(), doc);
                    scores.put(e.getKey(), doc.get(SOURCE).equals(PERSONA) ? score * PERSONA_WEIGHT : score);
                }
            }
            Map<Integer, Set<Integer>> liftedBy = bridge(scores, line, searcher);
            Set<Integer> bridged = liftedBy.keySet();
            for (Integer found : scores.keySet()) {
                if (!stored.containsKey(found)) {
                    stored.put(found, searcher.storedFields().document(found)); // reached only through a name
                }
            }
            Set<Integer> aboutSubject = subjectHits(line, searcher);
            List<RetrievedFact> out = new ArrayList<>();
            Map<Integer, Boolean> doubtedAlone = new HashMap<>();
            boolean premisesAsked = asksOwnPremises(line);
            for (Map.Entry<Integer, Float> e : scores.entrySet()) {
                float cosine = cosines[e.getKey()];
                if (premisesAsked && OWN_PREMISES.matcher(stored.get(e.getKey()).get(TEXT)).lookingAt()) {
                    // "where is ur shop at" and "My stall is the orange cargo container…": the NPC's place of work,
                    // whatever word each gives it
                    doubtedAlone.put(e.getKey(), false);
                    continue;
                }
                // A line that shares a word with what is asked about is not in doubt for its meaning ("Who looks
                // after the horses?" and "…a horse…; the stable boy is called Wren."); one that shares none is,
                // unless its meaning answers.
                doubtedAlone.put(e.getKey(), aboutSubject == null
                        ? !Float.isNaN(cosine) && cosine < DOUBT_COSINE && cosine - median <= DOUBT_MARGIN
                        : !aboutSubject.contains(e.getKey()) && !(cosine >= TRUST_COSINE)
                        && !(cosine >= TRUST_NEAREST_COSINE && cosine >= nearest
                                && !placeOfAnother(stored.get(e.getKey()).get(TEXT), line)));
            }
            Map<Integer, Boolean> doubted = new java.util.LinkedHashMap<>();
            for (Integer found : scores.keySet()) {
                // A line reached through a name is not in doubt when a line it was reached from is not: the name is
                // the link its meaning lacks. Two lines that only name one place lift each other, and neither says
                // what was asked: "Where's the nearest temple?" is not "On Anvil Row." because the forge and the
                // smith's years there both name Anvil Row.
                boolean trustedLift = liftedBy.getOrDefault(found, Set.of()).stream()
                        .anyMatch(by -> !doubtedAlone.getOrDefault(by, true));
                doubted.put(found, doubtedAlone.get(found) && !trustedLift);
            }
            Set<Integer> sameThing = sameThing(doubted);
            Grade grade = Grade.asked(line);
            OppositeWords opposite = OppositeWords.asked(head(line), scores.keySet().stream()
                    .map(found -> stored.get(found).get(TEXT)).toList());
            Set<String> affirmed = OppositeWords.affirmed(head(line));
            // (the words of the line, read once for every line found, when it asks where the NPC's own thing is)
            Set<String> ownPlaceAsked = asksOwnPlace(line) ? Mentions.words(line, new HashSet<>()) : null;
            Map<String, RetrievedFact> otherHalf = new java.util.LinkedHashMap<>();
            for (Map.Entry<Integer, Float> e : scores.entrySet()) {
                Document doc = stored.get(e.getKey());
                boolean doubtful = doubted.get(e.getKey()) && !sameThing.contains(e.getKey());
                float kind = kindWeight(line, doc.get(LINE));
                // (the line is split again only when a grade was asked: this runs for every line found, every call)
                List<String> halves = grade == Grade.NONE ? null : clauses(doc.get(LINE));
                boolean otherGrade = halves != null && grade.opposes(doc.get(TEXT), halves);
                boolean otherThing = otherGrade || opposite.opposes(doc.get(TEXT)) || OppositeWords.negates(doc.get(TEXT), affirmed);
                // (a half that opens with its price, "1 gold with a hot bath.", says what it prices only with the half
                // before it: chosen for its own words, not for its meaning alone)
                boolean elliptical = !doc.get(TEXT).equals(doc.get(LINE)) && AMOUNT_OPENING.matcher(doc.get(TEXT)).lookingAt()
                        && (aboutSubject == null || !aboutSubject.contains(e.getKey()));
                float weight = kind * (otherThing ? OTHER_THING_WEIGHT : 1f)
                        * (ownPlaceAsked != null && !bridged.contains(e.getKey()) && namesSomeoneElse(e.getKey(), ownPlaceAsked)
                        ? OTHERS_PLACE_WEIGHT : 1f)
                        * (elliptical ? ELLIPTICAL_WEIGHT : 1f);
                out.add(new RetrievedFact(doc.get(TEXT), doc.get(SOURCE), e.getValue() * weight, doc.get(LINE), doubtful,
                        cosines[e.getKey()]));
                if (otherGrade && !doc.get(TEXT).equals(doc.get(LINE))) {
                    askedGradeHalves(grade, doc, halves, e.getValue() * kind, doubtful, otherHalf);
                }
            }
            for (RetrievedFact half : otherHalf.values()) {
                RetrievedFact scored = out.stream().filter(f -> f.text().equals(half.text())).findFirst().orElse(null);
                if (scored == null || scored.score() < half.score()) {
                    out.remove(scored);
                    out.add(half);
                }
            }
            for (int i = 0; i < past.size(); i++) {
                String text = past.get(i);
                float score = pastWords[i];
                if (asked != null) {
                    score += meaning(SentenceEncoder.similarity(asked, historyVector(text)), scale, score > 0f);
                }
                if (score > 0f) {
                    String source = pastTurns.get(i).speaker() == Speaker.PLAYER ? PLAYER : HISTORY;
                    out.add(new RetrievedFact(text, source, score * kindWeight(line, text), text));
                }
            }
            // Stable: card before world before conversation on ties, in the order the card lists them.
            out.sort(Comparator.comparingDouble(RetrievedFact::score).reversed());
            return List.copyOf(out.subList(0, Math.min(k, out.size())));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e); // a heap index does no real I/O
        }
    }

    /** "Where's your stall?", "where do I find you": asked where the NPC itself or its own things are. */
    private static final Pattern OWN_PLACE_ASKED = Pattern.compile("(?i)\\b(?:your|ur|yer|yours|you|u|ya)\\b");

    /**
     * Score share of a place another person keeps, asked for the NPC's own: "Where are your fishing shacks?" is not
     * answered by "My brother Torvald Holm rents the green huts near the pressure ridge" while "My shanties sit off Gull
     * Point" is there, nor "Where's your workshop?" by "go to my wife Tanit, who works at the small stall beside the well".
     */
    static final float OTHERS_PLACE_WEIGHT = 0.7f;

    /**
     * Score share of a half of a line that opens with its price and leaves out what it prices ("A bed for the night
     * costs 6 silver, or 1 gold with a hot bath" split): when it shares no word with what is asked, the innkeeper's
     * "What do you sell?" was answered "1 gold with a hot bath." (MiniLM put the bath nearest "sell").
     */
    static final float ELLIPTICAL_WEIGHT = 0.7f;
    /** A part of a line that opens with an amount: "1 gold with a hot bath.", "$5 for the big one.". */
    private static final Pattern AMOUNT_OPENING = Pattern.compile("[$£€]?\\d");

    /**
     * Whether {@code line} asks where the NPC or a thing of its own is: "Where are your huts?", "where can I find you",
     * not "Where does your brother rent his huts?" (a person of the NPC's is asked about).
     */
    private static boolean asksOwnPlace(String line) {
        if (QuestionKind.of(line) != QuestionKind.PLACE || !OWN_PLACE_ASKED.matcher(head(line)).find()) {
            return false;
        }
        Matcher whose = YOUR_NOUN.matcher(head(line));
        while (whose.find()) {
            List<String> noun = terms(whose.group(1), 1);
            if (!noun.isEmpty() && RelatedWords.namesPerson(noun.get(0))) {
                return false;
            }
        }
        return true;
    }

    /** Words for where someone works or sells. */
    private static final String PREMISES = "shop|stall|store|booth|stand|workshop|forge|smithy|studio|office|hut|tent|"
            + "kitchen|bakery|counter|pitch|shed|yard|den|cart|barrow|wagon|workbench|bench|still|oven|pen|surgery|clinic";
    /** A line that opens with the NPC's place of work: "My stall is…", "Our little bakery sits…". */
    private static final Pattern OWN_PREMISES = Pattern.compile("(?i)\\s*(?:my|our)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:" + PREMISES
            + ")s?\\b");
    private static final Pattern YOUR_PREMISES = Pattern.compile("(?i)\\b(?:your|ur|yer)\\s+(?:[\\p{L}-]+\\s+)?(?:" + PREMISES
            + ")s?\\b");

    /** Whether {@code line} asks where the NPC's own place of work is: "where is ur shop at". */
    private static boolean asksOwnPremises(String line) {
        return asksOwnPlace(line) && YOUR_PREMISES.matcher(head(line)).find();
    }

    /** The word after "your": "your brother" asks of a person of the NPC's, "your huts" of its things. */
    private static final Pattern YOUR_NOUN = Pattern.compile("(?i)\\b(?:your|ur|yer)\\s+(\\p{L}+)");

    /**
     * Whether indexed line {@code doc} names a person (or a ship, a guild) other than the NPC, and the player's line,
     * whose words are {@code asked}, does not name them. (A name the line reaches through another line is no one else's:
     * "Where is your inn?" and "I keep the Drowned Lantern" lead to "The Drowned Lantern stands on Net Street"; see
     * {@link #bridge}.)
     */
    private boolean namesSomeoneElse(int doc, Set<String> asked) {
        for (Mentions.Name name : names.get(doc)) {
            if (name.kind().equals(Mentions.Name.OTHER) && !ownNames.containsAll(name.words())
                    && name.words().stream().noneMatch(asked::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other grade's price on a line names the asked grade's in its other half, however few words that half shares:
     * "A spare drill bit costs 220 scrip, but a reground one is only 60 scrip" to "the cheapest way to get a working
     * one". Called for a {@code found} half of the other grade, of its line's {@code halves}; the asked grade's half goes
     * into {@code into} scored as the found half was before its grade weighed it down.
     */
    private static void askedGradeHalves(Grade grade, Document found, List<String> halves, float score, boolean doubtful,
                                         Map<String, RetrievedFact> into) {
        for (String half : halves) {
            RetrievedFact promoted = new RetrievedFact(half, found.get(SOURCE), score, found.get(LINE), doubtful);
            if (Grade.of(half, halves) == grade && (!into.containsKey(half) || into.get(half).score() < score)) {
                into.put(half, promoted);
            }
        }
    }

    /**
     * The doubted lines that share a word with a line not in doubt: "What's the weekly rate to keep my belongings safe?"
     * trusts "I hold passengers' valuables in 180 steel lockers" by its meaning, so "A locker costs 4 dock scrip a week"
     * is about the same lockers.
     */
    private Set<Integer> sameThing(Map<Integer, Boolean> doubted) {
        Set<String> trusted = new HashSet<>();
        doubted.forEach((doc, doubt) -> {
            if (!doubt) {
                trusted.addAll(thingWords.get(doc));
            }
        });
        Set<Integer> out = new HashSet<>();
        doubted.forEach((doc, doubt) -> {
            if (doubt && thingWords.get(doc).stream().anyMatch(trusted::contains)) {
                out.add(doc);
            }
        });
        return out;
    }

    /** At most this many lines of a card share a word that names one thing (see {@link #sameThing}). */
    private static final int SAME_THING_LINES = 3;

    /**
     * Each line's words that name one thing: a word of a few lines names a thing; one of many ("costs", "gold") is how
     * the card talks.
     */
    private static List<Set<String>> thingWords(List<Document> docs, IndexReader reader) {
        List<Set<String>> out = new ArrayList<>(docs.size());
        try {
            for (Document d : docs) {
                Set<String> words = new HashSet<>();
                // (nor does a coin: "500 dollars" for an outlaw and "a fine of 10 dollars" are two things)
                Set<String> coins = new HashSet<>();
                AnswerCheck.coins(d.get(TEXT)).forEach(coin -> coins.addAll(terms(coin, 4)));
                for (String t : terms(d.get(TEXT), MAX_QUERY_TERMS)) {
                    if (reader.docFreq(new Term(TEXT, t)) <= SAME_THING_LINES && !coins.contains(t)) {
                        words.add(t);
                    }
                }
                out.add(Set.copyOf(words));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e); // a heap index does no real I/O
        }
        return List.copyOf(out);
    }

    /**
     * Share of a line's score that a line naming the same thing gains. "Where is your inn?" finds "I keep the
     * Drowned Lantern, the oldest inn" by its words, but "The Drowned Lantern stands at the bottom of Net Street"
     * says where; "Where's your ship parked?" finds "My ship is the Rusty Albatross", and the Rusty Albatross's
     * berth is another line. A name is the only link between them.
     */
    static final float BRIDGE_WEIGHT = 0.5f;

    /**
     * Adds to {@code scores} (doc id to score) what lines gain from the names of the lines already found, names the
     * player's line does not say: each line that names one gains {@link #BRIDGE_WEIGHT} of the best score of
     * another line naming it. Returns the lines that gained, each with the lines it gained from.
     */
    private Map<Integer, Set<Integer>> bridge(Map<Integer, Float> scores, String playerLine, IndexSearcher searcher) throws IOException {
        String said = playerLine.toLowerCase(Locale.ROOT);
        // Each name the found lines use, with the lines that use it and their scores.
        Map<String, Map<Integer, Float>> naming = new HashMap<>();
        for (Map.Entry<Integer, Float> e : scores.entrySet()) {
            for (Mentions.Name named : names.get(e.getKey())) {
                String name = named.surface();
                if (!said.contains(name.toLowerCase(Locale.ROOT))) {
                    naming.computeIfAbsent(name, n -> new HashMap<>()).put(e.getKey(), e.getValue());
                }
            }
        }
        Map<Integer, Float> gained = new HashMap<>();
        Map<Integer, Set<Integer>> liftedBy = new HashMap<>();
        for (Map.Entry<String, Map<Integer, Float>> e : naming.entrySet()) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            List<String> terms = analyse(RULES.analyzer, e.getKey(), MAX_QUERY_TERMS, false);
            if (terms.isEmpty()) {
                continue;
            }
            terms.forEach(t -> phrase.add(new Term(TEXT, t)));
            for (ScoreDoc hit : searcher.search(phrase.build(), MAX_BRIDGED).scoreDocs) {
                // What another line naming it scored: a line does not lift itself.
                float other = 0f;
                Set<Integer> lifters = new HashSet<>();
                for (Map.Entry<Integer, Float> by : e.getValue().entrySet()) {
                    if (by.getKey() != hit.doc && by.getValue() > 0f) {
                        other = Math.max(other, by.getValue());
                        lifters.add(by.getKey());
                    }
                }
                if (other > 0f) {
                    gained.merge(hit.doc, BRIDGE_WEIGHT * other, Math::max);
                    liftedBy.computeIfAbsent(hit.doc, d -> new HashSet<>()).addAll(lifters);
                }
            }
        }
        gained.forEach((doc, g) -> scores.merge(doc, g, Float::sum));
        return liftedBy;
    }

    /**
     * Words that say when or where the player asks, not what about: "last night" in "Who won the ball game last
     * night?" must not find "The night waitress, Darlene…".
     */
    private static final Pattern WHEN_AND_WHERE_ASKED = Pattern.compile(
            " (?:last night|tonight|today|right now|now|lately|recently|yesterday|tomorrow|these days|this week|"
                    + "this month|this year|at the moment|around here|round here|here) ");

    /**
     * The lines that share a word (or a synonym, or a WordNet relative) with what the player asks about, the
     * intent aside; null when the line names nothing but its intent ("How old are you?"). A line found only by
     * the kind asked and its meaning may be about something else: "How much is a plasma rifle?" finds "A
     * standard oxygen canister costs 40 credits.", and "40 credits." alone would tell the player a price the
     * NPC never gave. Such a line is {@link RetrievedFact#doubtful}: a reply from it must say what it is about.
     */
    private static Set<Integer> subjectHits(String playerLine, IndexSearcher searcher) throws IOException {
        Query subject = subjectQuery(playerLine);
        if (subject == null) {
            return null;
        }
        Set<Integer> out = new HashSet<>();
        for (ScoreDoc hit : searcher.search(subject, MAX_MEANING_DOCS).scoreDocs) {
            out.add(hit.doc);
        }
        return out;
    }

    /** Lines one name may lift: a name on every line of a card says nothing of which one is meant. */
    private static final int MAX_BRIDGED = 8;

    /**
     * A line that opens with a pronoun for something the line before names, or with "one" for its thing: "A silver
     * medal of the saint costs 1 florin." "A gold one costs 9 florins."
     */
    private static final String PRONOUN_BACK = "(?:They|Their|Them|He|His|She|Her|These|Those)\\b";
    private static final Pattern POINTS_BACK = Pattern.compile(PRONOUN_BACK + "|(?:It|Its|One|Ones)\\b"
            + "|(?:A|An|The)\\s+(?:[\\p{L}-]+\\s+){1,2}ones?\\b(?!-)");
    /**
     * A part of a line that opens with a pronoun for what the part before names: "Weapons are not stored here; they go
     * to Sergeant Mira Castellan" is not split ("a gold one costs 9 florins" is: another thing, priced; so is "but it's his
     * clerk Tobias Lunt who does the hiring", where "it" points at nothing); nor is one whose pronoun comes after a
     * condition: "My second-in-command is Rasmus Teague; if I'm not in the shaft house, he signs off on the tallies".
     */
    private static final Pattern PRONOUN_OPENING = Pattern.compile(PRONOUN_BACK
            + "|(?:If|When|While|Whenever|Unless|Once|After|Before|Until)\\b[^,;]*,\\s+(?i:they|he|she|his|her|their)\\b");

    /**
     * A part after ", but" that only limits the one before: "only on…", "not after…", "never in…" ("and at night the
     * gate is shut" says a thing of its own).
     */
    private static final Pattern QUALIFIER = Pattern.compile("(?i)(?:only|just|not|never|except|mostly)\\s+"
            + "(?:on|at|in|after|before|until|till|during|from|between|for|to|by)\\b");

    /** The words that join two parts of a line after a comma: ", but", ", though". */
    private static final String CLAUSE_JOINERS = "and|but|or|while|whereas|though|although";
    private static final Pattern CLAUSE_BREAK = Pattern.compile(";\\s+|,\\s+(?=(?:" + CLAUSE_JOINERS + ")\\s)");

    /**
     * A fact split where it states two things: "Repairing a sword costs 12 silver; a cracked blade costs
     * 2 gold to reforge." is two facts, so that "How much to repair my sword?" retrieves (and the NPC
     * answers with) the first, not the second. Splits at semicolons and at ", and" / ", but" between
     * parts of at least three words each ("A bed costs 6 silver, or 1 gold with a bath." gives "1 gold with a
     * bath." its own line); anything else stays whole.
     */
    static List<String> clauses(String fact) {
        String text = fact.strip();
        List<String> parts = new ArrayList<>();
        List<String> breaks = new ArrayList<>();
        java.util.regex.Matcher m = CLAUSE_BREAK.matcher(text);
        int from = 0;
        while (m.find()) {
            parts.add(text.substring(from, m.start()));
            breaks.add(m.group());
            from = m.end();
        }
        parts.add(text.substring(from));
        List<String> out = new ArrayList<>();
        StringBuilder clause = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            String next = parts.get(i).replaceFirst("^(?:" + CLAUSE_JOINERS + ")\\s+", "");
            // "…on the lower slopes, but only on the first and fifteenth of each month": no subject of its own, it
            // says when the first part holds, and stays with it
            // "Weapons are not stored here; they go to Sergeant Mira Castellan": what "they" are is in the part before
            if (words(clause.toString()) >= 3 && words(next) >= 3 && !QUALIFIER.matcher(next).lookingAt()
                    && !PRONOUN_OPENING.matcher(sentence(next)).lookingAt()) {
                out.add(sentence(clause.toString()));
                clause.setLength(0);
                clause.append(next);
            } else {
                clause.append(breaks.get(i - 1)).append(parts.get(i)); // too short to stand alone: as written
            }
        }
        if (out.isEmpty()) {
            return List.of(text);
        }
        out.add(sentence(clause.toString()));
        return out;
    }

    private static int words(String s) {
        String t = s.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }

    /** A clause as a sentence of its own: capitalised, ending in a full stop. */
    private static String sentence(String clause) {
        String c = clause.strip();
        if (!c.isEmpty() && Character.isLowerCase(c.charAt(0))) {
            c = Character.toUpperCase(c.charAt(0)) + c.substring(1);
        }
        return c.endsWith(".") || c.endsWith("!") || c.endsWith("?") ? c : c + ".";
    }

    /** How many card and world lines are indexed (duplicates once). */
    public int size() {
        return known.size();
    }

    /**
     * Score share of a fact that states no value of the kind asked. A share, not a filter: the words
     * still decide when no fact holds the kind. 0.5 on the development cards: best fact right for 44 of 60
     * questions (41 without); 0.7 gave 43, 0.3 44; SGD and LIGHT questions unchanged (docs/dialogue-grounding.md).
     */
    private static final float MISSING_KIND_WEIGHT = 0.5f;

    /**
     * 1 for a fact that states a value of the kind the question asks for (or when it asks for none),
     * less for one that states none: "Who controls the clean water?" is answered by "The purifier is run
     * by Deacon", not by "Clean water is 5 caps a bottle", however many words the second shares.
     */
    private static float kindWeight(String question, String fact) {
        // (what a coin is worth answers no question but one about coins: "What do you sell?" got "Twenty silver marks.";
        // a reward none but one about it or its deed: the guard's "What do you sell?" got the Magpie's bounty)
        return QuestionKind.holdsAskedKind(fact, question) && !AnswerValues.pricesNothingAsked(fact, question)
                ? 1f : MISSING_KIND_WEIGHT;
    }

    /**
     * Score share of a fact about the opposite of what is asked: a priced fact of the other grade ("What do the cheap
     * wonky bricks cost?" is not answered by "First-quality facing bricks cost 3 silver crowns", however many words it
     * shares), or one that says the opposite of a word of the question and not the word ("What time can I buy the
     * strong sour stuff?" is not "I sell out of sweet toddy by mid-afternoon"; WordNet's antonyms), or one that says a
     * word of the question is not so ({@link OppositeWords#negates}).
     */
    static final float OTHER_THING_WEIGHT = 0.5f;

    /**
     * The query for a player line: its words (BM25, with synonyms and related words), plus one capped
     * bonus per intent it shows; null if empty. A fact that fits only the intent still counts: "How many
     * animals have you got in the barn?" is answered by "nineteen horses in my stalls", which shares no
     * word with it, even through WordNet's one step.
     */
    static Query query(String playerLine) {
        return query(playerLine, true);
    }

    /**
     * The query for what the player asks about: the words of {@link #query(String)} other than the intents
     * and their words ("plasma rifle" in "How much is a plasma rifle?"); null when the line says nothing else.
     */
    static Query subjectQuery(String playerLine) {
        return query(playerLine, false);
    }

    /** The stems of the units of time, which say when a thing is, not what it is. */
    private static final Set<String> TIME_UNITS = Set.copyOf(terms("day days week weeks month months year years hour hours "
            + "night nights morning mornings afternoon afternoons evening evenings season seasons minute minutes", 64));

    /**
     * The stems of the coins' names. A coin is no relative of a word the player says unless that word is a coin: "cross"
     * is related to "mark", and "How much is a crossing?" found the queen's harvest tax of "one silver mark in ten" about
     * the crossing (the coin is part of a price, not what a line is about).
     */
    private static final Set<String> COIN_STEMS = Mentions.coins().stream().filter(c -> !c.equals("piece")) // (a piece of anything)
            .flatMap(c -> terms(c, 1).stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static Query query(String playerLine, boolean withIntents) {
        String text = RULES.idioms(head(playerLine));
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        String lower = Rules.spaced(text); // as cueText(playerLine), whose idioms are read already
        List<Intent> asked = new ArrayList<>();
        Set<String> intentTerms = new HashSet<>();
        for (Intent intent : RULES.intents) {
            if (intent.cue.matcher(lower).find()) {
                asked.add(intent);
                intentTerms.addAll(intent.terms);
            }
        }
        if (!withIntents) {
            // The cues go before the words are read, so that their synonyms go too ("close" brings "shut").
            String subject = lower;
            for (Intent intent : asked) {
                for (int pass = 0; pass < 2; pass++) { // cues side by side share the space between them
                    subject = intent.cue.matcher(subject).replaceAll(" ");
                }
            }
            for (int pass = 0; pass < 2; pass++) {
                subject = WHEN_AND_WHERE_ASKED.matcher(subject).replaceAll(" ");
            }
            text = subject.strip();
        }
        // "Which days can I come?" asks a day: "Seized goods are held for thirty days." says none
        text = KIND_NOUN.matcher(text).replaceAll("$1");
        List<String> said = terms(text, MAX_QUERY_TERMS);
        if (!withIntents) {
            // A word of time says when, not what: "a candle for her name-day" is not about "twelve days" of drying rope
            said = said.stream().filter(t -> !TIME_UNITS.contains(t)).toList();
        }
        Set<String> owners = owners(text, said);
        for (String term : said) {
            if (!withIntents && intentTerms.contains(term)) {
                continue;
            }
            // A word that is also the intent ("cost" in "what does a helmet cost?") says less about
            // which fact is meant than the other words ("helmet"): it counts half.
            Query q = word(term);
            float weight = intentTerms.contains(term) ? INTENT_WORD_WEIGHT : owners.contains(term) ? OWNER_WEIGHT : 1f;
            query.add(weight < 1f ? new BoostQuery(q, weight) : q, BooleanClause.Occur.SHOULD);
            clauses++;
        }
        List<String> close = synonyms(text, said);
        // A synonym of a word that asks counts as that word does, half: "Where can I find the ferry?" is not about
        // meeting or seeing ("Wolves have been seen in the Thornwood" came before the ferry's town landing).
        // (read word by word only when a word that asks was said)
        Set<String> ofAsking = new HashSet<>();
        Set<String> ofSubject = new HashSet<>();
        if (said.stream().anyMatch(intentTerms::contains)) {
            for (String term : said) {
                (intentTerms.contains(term) ? ofAsking : ofSubject).addAll(synonyms(term, said));
            }
        }
        for (String term : close) {
            if (!withIntents && intentTerms.contains(term)) {
                continue;
            }
            float weight = ofAsking.contains(term) && !ofSubject.contains(term) ? SYNONYM_WEIGHT * INTENT_WORD_WEIGHT
                    : SYNONYM_WEIGHT;
            query.add(new BoostQuery(word(term), weight), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String term : said) {
            if (intentTerms.contains(term)) {
                continue; // "cost", "when": the intents already reach what these mean
            }
            // One related match per word the player said, however many of its relatives a fact holds.
            List<Query> any = new ArrayList<>();
            any.add(new TermQuery(new Term(RELATED, term)));
            for (String other : RelatedWords.shipped().of(term)) {
                if (any.size() > MAX_RELATED) {
                    break;
                }
                if (!said.contains(other) && !close.contains(other) && !(COIN_STEMS.contains(other) && !COIN_STEMS.contains(term))) {
                    any.add(new TermQuery(new Term(TEXT, other)));
                }
            }
            float weight = owners.contains(term) ? RELATED_WEIGHT * OWNER_WEIGHT : RELATED_WEIGHT;
            query.add(new BoostQuery(new DisjunctionMaxQuery(any, 0f), weight), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String term : said) {
            if (!intentTerms.contains(term)) {
                // "new sails" and "Ol' Finch the sailmaker": a word in a compound means nearly what it means alone.
                query.add(new BoostQuery(new TermQuery(new Term(PARTS, term)), SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        for (String part : compoundParts(text)) {
            // "Who's your sailmaker?" and "Finch mends sails.", likewise.
            if (!said.contains(part) && !intentTerms.contains(part)) {
                query.add(new BoostQuery(new TermQuery(new Term(TEXT, part)), SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        for (Intent intent : withIntents ? asked : List.<Intent>of()) {
            List<Query> any = new ArrayList<>();
            for (String term : intent.terms) {
                any.add(new ConstantScoreQuery(new TermQuery(new Term(TEXT, term))));
            }
            for (String tag : intent.tags) {
                any.add(new ConstantScoreQuery(new TermQuery(new Term(TAG, tag))));
            }
            query.add(new BoostQuery(new DisjunctionMaxQuery(any, INTENT_TIE), INTENT_BONUS), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : query.build();
    }

    /**
     * The analysed terms of {@code said} that own the next word in {@code text}: "man" in "each man's share".
     */
    private static Set<String> owners(String text, List<String> said) {
        Set<String> out = new HashSet<>();
        Matcher m = OWNER.matcher(text);
        while (m.find()) {
            for (String term : terms(m.group(1), 1)) {
                if (said.contains(term)) {
                    out.add(term);
                }
            }
        }
        return out;
    }

    /** A word of the player's: in the clause itself, or (counting less) elsewhere in the line it was split from. */
    private static Query word(String term) {
        return new DisjunctionMaxQuery(List.of(new TermQuery(new Term(TEXT, term)),
                new BoostQuery(new TermQuery(new Term(LINE, term)), CONTEXT_WEIGHT)), 0f);
    }

    /**
     * The analysed terms of the intents {@code playerLine} shows ("cost", "charge", "price" for "How much…?"):
     * the words an answer of that kind may use without taking them from a fact.
     */
    static Set<String> intentTerms(String playerLine) {
        String lower = cueText(playerLine);
        Set<String> out = new HashSet<>();
        for (Intent intent : RULES.intents) {
            if (intent.cue.matcher(lower).find()) {
                out.addAll(intent.terms);
            }
        }
        return out;
    }

    /** The intent of a question for the NPC's goods ("What do you sell?"; see question-intents.json). */
    static final String WARES = "wares";
    /** The intent of a question for a price ("How much…?"). */
    static final String PRICE = "price";

    /** The analysed terms of the intent named {@code intent} ("cost", "price", "fee"… for {@link #PRICE}). */
    static Set<String> termsOf(String intent) {
        Set<String> out = new HashSet<>();
        RULES.intents.stream().filter(i -> i.name().equals(intent)).forEach(i -> out.addAll(i.terms()));
        return out;
    }

    /** Whether {@code playerLine} shows the intent named {@code intent} (one of question-intents.json's). */
    static boolean asksFor(String playerLine, String intent) {
        String lower = cueText(playerLine);
        return RULES.intents.stream().anyMatch(i -> i.name().equals(intent) && i.cue().matcher(lower).find());
    }

    /**
     * {@code playerLine} as intent cues are matched against: idioms read, lower case, words spaced, a question
     * word's contraction said whole ("who's the fella…" asks "who", as "who is" does).
     */
    private static String cueText(String playerLine) {
        return Rules.spaced(RULES.idioms(head(playerLine)));
    }

    /** The distinct analysed terms of {@code text}, at most {@code max}. */
    static List<String> terms(String text, int max) {
        return analyse(RULES.analyzer, text, max, true);
    }

    /**
     * The words a player line asks with, as the index reads them: its own (idioms read first: "no group" is "private")
     * and their synonyms from synonyms.txt, not WordNet's looser relations.
     */
    static Set<String> askedTerms(String playerLine) {
        String text = RULES.idioms(head(playerLine));
        List<String> said = terms(text, MAX_QUERY_TERMS);
        Set<String> out = new LinkedHashSet<>(said);
        out.addAll(synonyms(text, said));
        return out;
    }

    private static List<String> synonyms(String text, List<String> said) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream tokens = RULES.synonyms.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            TypeAttribute type = tokens.addAttribute(TypeAttribute.class);
            tokens.reset();
            while (out.size() < MAX_QUERY_TERMS && tokens.incrementToken()) {
                if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type()) && !said.contains(term.toString())) {
                    out.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string failed", e); // a StringReader does no real I/O
        }
        return List.copyOf(out);
    }

    /** The analysed tokens of {@code text}, at most {@code max}, each once if {@code distinct}. */
    private static List<String> analyse(Analyzer analyzer, String text, int max, boolean distinct) {
        java.util.Collection<String> out = distinct ? new LinkedHashSet<>() : new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (out.size() < max && tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string failed", e); // a StringReader does no real I/O
        }
        return List.copyOf(out);
    }

    /**
     * The last {@link #MAX_HISTORY} distinct lines before {@code playerLine} that are no questions, each cut to
     * {@link #MAX_QUERY_CHARS}, with who said them.
     */
    private List<Turn> historyLines(String playerLine, List<Turn> history) {
        int end = history.size();
        if (end > 0 && history.get(end - 1).speaker() == Speaker.PLAYER
                && head(history.get(end - 1).text()).equals(head(playerLine))) {
            end--; // the caller passed the whole conversation including the line being answered
        }
        List<Turn> out = new ArrayList<>();
        Set<String> seen = new HashSet<>(known);
        for (int i = Math.max(0, end - MAX_HISTORY); i < end; i++) {
            String text = head(history.get(i).text());
            // A question states nothing: "And how many people can you carry?" is no answer to a later line.
            if (!text.isEmpty() && !QuestionKind.isQuestion(text) && seen.add(text.toLowerCase(Locale.ROOT))) {
                out.add(new Turn(history.get(i).speaker(), text));
            }
        }
        return out;
    }

    /** What meaning adds to a line's word score: its cosine with the question, weighed against the best word score. */
    private static float meaning(float cosine, float scale, boolean sharesWords) {
        return cosine < (sharesWords ? MEANING_FLOOR : MEANING_ALONE_FLOOR) ? 0f : MEANING_WEIGHT * scale * cosine;
    }

    /** A conversation line's vector, encoded once while it stays among the recent ones. */
    private float[] historyVector(String text) {
        float[] v = historyVectors.get(text);
        if (v == null) {
            v = encoder.encode(List.of(text))[0];
            historyVectors.put(text, v);
        }
        return v;
    }

    /** The first {@link #MAX_QUERY_CHARS} characters, stripped: all of a line that is read. */
    private static String head(String line) {
        return (line.length() > MAX_QUERY_CHARS ? line.substring(0, MAX_QUERY_CHARS) : line).strip();
    }

    private static void add(List<Document> docs, Set<String> seen, String clause, String line, String source) {
        String text = clause.strip();
        if (text.isEmpty() || !seen.add(text.toLowerCase(Locale.ROOT))) {
            return;
        }
        Document doc = new Document();
        doc.add(new TextField(TEXT, text, Field.Store.YES));
        doc.add(new TextField(LINE, line, Field.Store.YES));
        doc.add(new StoredField(SOURCE, source));
        doc.add(new TextField(RELATED, related(text), Field.Store.NO));
        doc.add(new TextField(PARTS, String.join(" ", compoundParts(text)), Field.Store.NO));
        for (String tag : tags(text)) {
            doc.add(new StringField(TAG, tag, Field.Store.NO));
        }
        docs.add(doc);
    }

    /**
     * What kinds of checkable facts a line holds: money, time, number (a count: "nineteen horses"),
     * quantity (any of those), name.
     */
    static Set<String> tags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        for (Mentions.Quantity q : Mentions.quantities(text)) {
            tags.add(q.kind());
            tags.add("quantity");
        }
        for (Mentions.Name n : Mentions.names(text)) {
            tags.add("name");
            // What the name names, so that "where" leans to a fact with a place and "who" to one with a person.
            tags.add(n.kind().equals(Mentions.Name.PLACE) ? "place" : n.kind().equals(Mentions.Name.TIME) ? "time" : "person");
        }
        return tags;
    }

    /** The stems WordNet relates to the words of {@code text}, space-separated (already analysed). */
    private static String related(String text) {
        StringBuilder out = new StringBuilder();
        for (String term : terms(text, MAX_QUERY_TERMS)) {
            for (String other : RelatedWords.shipped().of(term)) {
                out.append(other).append(' ');
            }
        }
        return out.toString();
    }

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    /** The analysed parts of the compound words of {@code text} ({@link CompoundWords}). */
    private static List<String> compoundParts(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = LETTERS.matcher(text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text);
        while (m.find()) {
            for (String part : CompoundWords.parts(m.group())) {
                out.addAll(terms(part, 1));
            }
        }
        return List.copyOf(out);
    }

    /** The facts' analyzer, except for {@link #RELATED}, which holds stems already. */
    private static final Analyzer INDEXING = new PerFieldAnalyzerWrapper(RULES.analyzer,
            Map.of(RELATED, new WhitespaceAnalyzer(), PARTS, new WhitespaceAnalyzer()));

    private static IndexReader index(List<Document> docs) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(INDEXING)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(true))) {
                writer.addDocuments(docs);
            }
            return DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    /**
     * Term and collection statistics of the card and world index plus the conversation's lines, so
     * that BM25 scores of indexed facts and of history lines (scored one by one) compare.
     */
    private static final class Statistics {
        private final IndexReader base;
        private final IndexSearcher baseSearcher;
        private final Map<Term, long[]> extra = new HashMap<>(); // term -> {docs, occurrences} in the history
        private final Map<String, long[]> fields = new HashMap<>(); // field -> {docs, tokens, distinct terms}
        private final int lines;

        Statistics(IndexReader base, List<String> history) {
            this.base = base;
            this.baseSearcher = new IndexSearcher(base);
            this.lines = history.size();
            for (String text : history) {
                Map<Term, Integer> counts = new HashMap<>();
                for (String token : analyse(RULES.analyzer, text, Integer.MAX_VALUE, false)) {
                    counts.merge(new Term(TEXT, token), 1, Integer::sum);
                    counts.merge(new Term(LINE, token), 1, Integer::sum); // a history line is its own whole line
                }
                for (String tag : tags(text)) {
                    counts.merge(new Term(TAG, tag), 1, Integer::sum);
                }
                Map<String, long[]> seenFields = new HashMap<>();
                counts.forEach((term, n) -> {
                    long[] t = extra.computeIfAbsent(term, x -> new long[2]);
                    t[0]++;
                    t[1] += n;
                    long[] f = seenFields.computeIfAbsent(term.field(), x -> new long[3]);
                    f[1] += n;
                    f[2]++;
                });
                seenFields.forEach((field, f) -> {
                    long[] all = fields.computeIfAbsent(field, x -> new long[3]);
                    all[0]++;
                    all[1] += f[1];
                    all[2] += f[2];
                });
            }
        }

        /** A searcher over {@code reader} that scores with these statistics. */
        IndexSearcher searcher(IndexReader reader) {
            if (lines == 0 && reader == base) {
                return baseSearcher;
            }
            return new IndexSearcher(reader) {
                @Override
                public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
                    long[] e = extra.getOrDefault(term, new long[2]);
                    long docs = base.docFreq(term) + e[0];
                    long total = base.totalTermFreq(term) + e[1];
                    return docs == 0 ? super.termStatistics(term, docFreq, totalTermFreq)
                            : new TermStatistics(term.bytes(), docs, Math.max(total, docs));
                }

                @Override
                public CollectionStatistics collectionStatistics(String field) throws IOException {
                    CollectionStatistics b = baseSearcher.collectionStatistics(field);
                    long[] e = fields.getOrDefault(field, new long[3]);
                    long docCount = (b == null ? 0 : b.docCount()) + e[0];
                    if (docCount == 0) {
                        return super.collectionStatistics(field);
                    }
                    return new CollectionStatistics(field, base.maxDoc() + lines, docCount,
                            (b == null ? 0 : b.sumTotalTermFreq()) + e[1], (b == null ? 0 : b.sumDocFreq()) + e[2]);
                }
            };
        }
    }

    /** One question intent: a cue pattern, the analysed terms it expands to, and the fact tags it likes. */
    private record Intent(String name, Pattern cue, List<String> terms, List<String> tags) {
    }

    /**
     * The analyzer, the query analyzer that adds synonyms (improv/dialogue/synonyms.txt, Lucene's
     * SynonymGraphFilter after stemming, so the entries are stemmed alike) and the intents, loaded once.
     */
    private record Rules(Analyzer analyzer, Analyzer synonyms, List<Intent> intents, Map<Pattern, String> idiomMap) {
        /** Here, not in the outer class: {@link #load} needs them before the outer class's fields are set. */
        private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");
        /** A question word and its contraction: "who's", "where're", "what'll". */
        private static final Pattern CONTRACTED = Pattern.compile(" (who|what|where|when|how|which|why)'(s|re|ll|d) ");
        private static final Map<String, String> CONTRACTIONS = Map.of("s", "is", "re", "are", "ll", "will", "d", "would");

        /** Lower case, words spaced (a space at each end), question words' contractions said whole. */
        static String spaced(String text) {
            String lower = " " + NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll(" ") + " ";
            return CONTRACTED.matcher(lower).replaceAll(m -> " " + m.group(1) + " " + CONTRACTIONS.get(m.group(2)) + " ");
        }

        /** {@code text} with each idiom replaced by the word it means (longest idioms first). */
        String idioms(String text) {
            String out = text;
            for (Map.Entry<Pattern, String> e : idiomMap.entrySet()) {
                out = e.getKey().matcher(out).replaceAll(e.getValue());
            }
            return out;
        }

        static Rules load(String resource) {
            try (InputStream in = FactRetriever.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                JsonNode root = CardJson.mapper().readTree(in);
                List<String> stop = new ArrayList<>();
                root.path("stopwords").forEach(n -> stop.add(n.asText()));
                StemmerOverrideFilter.StemmerOverrideMap forms = irregularForms();
                Analyzer analyzer = english(new CharArraySet(stop, true), forms, null);
                List<Intent> intents = new ArrayList<>();
                for (JsonNode node : root.path("intents")) {
                    List<String> cues = new ArrayList<>();
                    node.path("cues").forEach(n -> cues.add(Pattern.quote(spaced(n.asText()).strip())));
                    if (node.path("name").asText().equals(PRICE)) {
                        cues.add(QuestionKind.PRICE_ASKED); // what the answer check reads as asking a price
                    }
                    Pattern cue = Pattern.compile(" (?:" + String.join("|", cues) + ") ");
                    Set<String> terms = new LinkedHashSet<>();
                    for (JsonNode t : node.path("terms")) {
                        terms.addAll(analyse(analyzer, t.asText(), Integer.MAX_VALUE, true));
                    }
                    List<String> tags = new ArrayList<>();
                    node.path("tags").forEach(n -> tags.add(n.asText()));
                    intents.add(new Intent(node.path("name").asText(), cue, List.copyOf(terms), List.copyOf(tags)));
                }
                Map<Pattern, String> idioms = new java.util.LinkedHashMap<>();
                root.path("idioms").fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith("_")) {
                        return;
                    }
                    String meaning = java.util.regex.Matcher.quoteReplacement(e.getValue().asText());
                    String[] split = e.getKey().split(" \\.\\.\\. ");
                    if (split.length == 2) {
                        // "drops ... off": up to three words between, kept after the meaning ("delivers the flowers")
                        idioms.put(Pattern.compile("(?i)\\b" + Pattern.quote(split[0]) + "((?:\\s+[\\p{L}'-]+){0,3}?)\\s+"
                                + Pattern.quote(split[1]) + "\\b"), meaning + "$1");
                    } else {
                        idioms.put(Pattern.compile("(?i)\\b" + Pattern.quote(e.getKey()) + "\\b"), meaning);
                    }
                });
                return new Rules(analyzer, synonymAnalyzer(new CharArraySet(stop, true), forms, analyzer), List.copyOf(intents),
                        idioms);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }

        /**
         * Lucene's English analysis ({@code EnglishAnalyzer}: possessives, lower case, stop words, Porter's stems), with
         * WordNet's irregular forms read as their base word first ({@link RelatedWords#inflections}: Porter leaves
         * "wolves" and "wolf", "paid" and "pay" apart), then {@code synonyms} if not null.
         */
        private static Analyzer english(CharArraySet stop, StemmerOverrideFilter.StemmerOverrideMap forms, SynonymMap synonyms) {
            return new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String field) {
                    Tokenizer source = new StandardTokenizer();
                    TokenStream s = new EnglishPossessiveFilter(source);
                    s = new LowerCaseFilter(s);
                    s = new StopFilter(s, stop);
                    s = new StemmerOverrideFilter(s, forms); // marks them keywords: Porter leaves them as they are
                    s = new PorterStemFilter(s);
                    return new TokenStreamComponents(source, synonyms == null ? s : new SynonymGraphFilter(s, synonyms, true));
                }
            };
        }

        /** {@link RelatedWords#inflections} as the override map {@link StemmerOverrideFilter} reads. */
        private static StemmerOverrideFilter.StemmerOverrideMap irregularForms() throws IOException {
            StemmerOverrideFilter.Builder forms = new StemmerOverrideFilter.Builder(false);
            RelatedWords.inflections().forEach(forms::add);
            return forms.build();
        }

        /** The facts' analysis ({@link #english}) followed by synonym expansion. */
        private static Analyzer synonymAnalyzer(CharArraySet stop, StemmerOverrideFilter.StemmerOverrideMap forms,
                                                Analyzer stemming) throws IOException {
            String resource = "/improv/dialogue/synonyms.txt";
            SynonymMap map;
            try (InputStream in = FactRetriever.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + resource);
                }
                SolrSynonymParser parser = new SolrSynonymParser(true, true, stemming);
                parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                map = parser.build();
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(resource + ": line " + e.getErrorOffset() + ": " + e.getMessage(), e);
            }
            return english(stop, forms, map);
        }
    }
}

