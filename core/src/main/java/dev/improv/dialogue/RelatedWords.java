package dev.improv.dialogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.zip.GZIPInputStream;

/**
 * Words that WordNet relates to a word: its synonyms, words derived from it and the broader words
 * (hypernyms) of its two most common senses. "Raiders" and "pirates", "crate" and "box", "forged" and
 * "fake", "documents" and "papers": a player and a card writer seldom pick the same word.
 *
 * <p>Read from {@code improv/dialogue/related-words.txt.gz}, which {@code improv train related-words}
 * derives from WordNet 3.1 (Princeton's licence: free use with its notice, kept in
 * {@code docs/dialogue-grounding.md}). Words are stored as the retriever's analysed stems, so a lookup is
 * one hash probe per word: no WordNet, no stemming at run time. One line per stem: the stem, then its
 * related stems, separated by spaces.
 */
final class RelatedWords {
    static final String RESOURCE = "/improv/dialogue/related-words.txt.gz";

    /** The words that name people ({@code improv train related-words --people}), one stem a line. */
    static final String PEOPLE_RESOURCE = "/improv/dialogue/people-words.txt.gz";

    /** WordNet's opposite words ({@code improv train related-words --opposites}): a stem, then its opposites. */
    static final String OPPOSITES_RESOURCE = "/improv/dialogue/opposite-words.txt.gz";

    private static final class Shipped {
        static final RelatedWords INSTANCE = read(RESOURCE);
    }

    /**
     * WordNet's irregular plurals and verb forms ({@code improv train related-words --inflections}): a form as written,
     * then its base word's stem, which {@link FactRetriever}'s analysis makes of it ("wolves" is "wolf").
     */
    static final String INFLECTIONS_RESOURCE = "/improv/dialogue/inflections.txt.gz";

    /** The table of {@link #INFLECTIONS_RESOURCE}, read anew (the analyzer reads it once). */
    static Map<String, String> inflections() {
        Map<String, String> out = new HashMap<>(1 << 12);
        eachLine(INFLECTIONS_RESOURCE, (line, number) -> {
            String[] words = line.split(" ");
            if (words.length != 2) {
                throw new IllegalStateException(INFLECTIONS_RESOURCE + ": line " + number + ": not a form and a stem");
            }
            out.put(words[0], words[1]);
        });
        return out;
    }

    private static final class Opposites {
        static final RelatedWords INSTANCE = read(OPPOSITES_RESOURCE);
    }

    /**
     * The stems WordNet gives as opposites of this stem (an analysed term), its antonyms as an adjective: "sour" for
     * "sweet", "last" for "first", "expensive" for "cheap"; empty if none (or if the word is mostly a verb or a noun).
     */
    static List<String> opposites(String stem) {
        return Opposites.INSTANCE.of(stem);
    }

    private static final class People {
        static final Set<String> STEMS = readPeople(PEOPLE_RESOURCE);
    }

    /**
     * Whether WordNet has a sense of this stem (an analysed term) that names a person: "judg", "passeng", "cutter";
     * not "district" or "willow".
     */
    static boolean namesPerson(String stem) {
        return People.STEMS.contains(stem);
    }

    private final Map<String, List<String>> related;
    /** Every stem the table holds, as a key or as a related word: the words WordNet knows, for {@link Typos}. */
    private final Set<String> stems;

    private RelatedWords(Map<String, List<String>> related) {
        this.related = related;
        Set<String> all = new HashSet<>(related.keySet());
        related.values().forEach(all::addAll);
        this.stems = Set.copyOf(all);
    }

    /** Whether WordNet knows a word of this stem (an analysed term). */
    boolean knows(String stem) {
        return stems.contains(stem);
    }

    /** The table shipped with the library, read once on first use. */
    static RelatedWords shipped() {
        return Shipped.INSTANCE;
    }

    /** The related stems of {@code stem} (an analysed term), empty if WordNet relates none. */
    List<String> of(String stem) {
        return related.getOrDefault(stem, List.of());
    }

    /** How many stems have related words. */
    int size() {
        return related.size();
    }

    private static Set<String> readPeople(String resource) {
        Set<String> stems = new HashSet<>(1 << 15);
        eachLine(resource, (line, number) -> stems.add(line.strip()));
        return Set.copyOf(stems);
    }

    private static RelatedWords read(String resource) {
        Map<String, List<String>> related = new HashMap<>(1 << 16);
        eachLine(resource, (line, number) -> {
            String[] words = line.split(" ");
            if (words.length < 2) {
                throw new IllegalStateException(resource + ": line " + number + ": a stem without related words");
            }
            related.put(words[0], List.copyOf(Arrays.asList(words).subList(1, words.length)));
        });
        return new RelatedWords(related);
    }

    /** Hands each line of a gzipped resource that is not blank or a '#' comment to {@code line}, with its number. */
    private static void eachLine(String resource, java.util.function.ObjIntConsumer<String> line) {
        try (InputStream raw = RelatedWords.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank() && !text.startsWith("#")) {
                    line.accept(text, number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
