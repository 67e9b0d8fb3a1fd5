package dev.improv.dialogue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.improv.io.BoundedFiles;
import dev.improv.io.ParserContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Fuzzes the dialogue inputs a game hands in: BPE vocabularies, fallback grammars, NPC cards and
 * world files (the CSV and JSON Lines corpora are fuzzed in train). The first byte picks the format.
 */
public class DialogueFilesFuzzTest {

    private static final Path TMP = ParserContract.scratchFolder();

    private static final String TEXT = "Hello {name}, the bread is 3 coins. Ça va? 🍞";

    public static void fuzzerTestOneInput(byte[] data) {
        if (data.length == 0) {
            return;
        }
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        ParserContract.expect(file, () -> {
            switch (Math.floorMod(data[0], 4)) {
                case 0 -> {
                    BytePairTokenizer tokenizer = BytePairTokenizer.fromJson(BoundedFiles.parseJson(file, "tokenizer.json"));
                    String back = tokenizer.decode(tokenizer.encode(TEXT));
                    if (!back.equals(TEXT)) {
                        throw new AssertionError("a vocabulary that loaded does not round-trip text: " + back);
                    }
                }
                case 1 -> NpcCard.read(Files.write(TMP.resolve("card.json"), file));
                case 2 -> WorldFile.read(Files.write(TMP.resolve("world.json"), file));
                default -> FallbackGrammar.fromJson(BoundedFiles.parseJson(file, "grammar.json"), "grammar.json")
                        .line(null, Map.of("name", "Ada"), new BannedWords(Set.of()), 1);
            }
        });
    }

    @FuzzTest(maxDuration = "4s")
    void dialogueFiles(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
