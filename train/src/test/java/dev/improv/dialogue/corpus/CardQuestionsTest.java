package dev.improv.dialogue.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written question sets of `eval dialogue --cards`: read as written, and a typo fails loudly. */
class CardQuestionsTest {
    @TempDir
    Path dir;

    private void write(String questions) throws Exception {
        Files.writeString(dir.resolve("smith.json"), "{\"name\":\"Dagna\",\"role\":\"blacksmith\","
                + "\"facts\":[\"Repairing a sword costs 12 silver.\"]}");
        Files.writeString(dir.resolve("world.json"), "{\"facts\":[\"Market day is Thursday.\"]}");
        Files.writeString(dir.resolve("questions.json"), questions);
    }

    @Test
    void questionsComeWithTheirCardAndWorld() throws Exception {
        write("[{\"card\":\"smith.json\",\"world\":\"world.json\",\"say\":\"When is market day?\",\"answer\":\"Thursday\"},"
                + "{\"card\":\"smith.json\",\"say\":\"How much to fix my sword?\",\"answer\":\"12 silver\"}]");
        List<GroundingQuestion> qs = CardQuestions.read(dir);
        assertEquals(2, qs.size());
        assertEquals("Dagna", qs.get(0).card().name());
        assertEquals(List.of("Market day is Thursday."), qs.get(0).world().facts());
        assertEquals(null, qs.get(1).world());
        assertEquals("12 silver", qs.get(1).answer());
    }

    @Test
    void anAnswerThatNoFactHoldsIsAnErrorNamingTheEntry() throws Exception {
        write("[{\"card\":\"smith.json\",\"say\":\"How much to fix my sword?\",\"answer\":\"13 silver\"}]");
        var e = assertThrows(IllegalArgumentException.class, () -> CardQuestions.read(dir));
        assertTrue(e.getMessage().contains("[0]: answer: '13 silver'"), e.getMessage());
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        write("[{\"card\":\"smith.json\",\"answer\":\"12 silver\"}]");
        var e = assertThrows(IllegalArgumentException.class, () -> CardQuestions.read(dir));
        assertTrue(e.getMessage().contains("[0]: say:"), e.getMessage());
    }

    @Test
    void anUnclosedListSaysWhereItWasOpenedInOneCleanLine() throws Exception {
        // It said "expected close marker for Array (start marker at [Source: REDACTED (`StreamRead...".
        write("[{\"card\":\"smith.json\",\"say\":\"Hi\",\"answer\":\"12 silver\"}");
        var e = assertThrows(java.io.IOException.class, () -> CardQuestions.read(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("questions.json") + ": ") && e.getMessage().contains("opened at line 1")
                && !e.getMessage().contains("Source") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void offCardQuestionsHaveNoAnswerAndAnAbsentFileIsNone() throws Exception {
        write("[]");
        assertEquals(List.of(), CardQuestions.readOffCard(dir));
        Files.writeString(dir.resolve("offcard.json"), "[{\"card\":\"smith.json\",\"say\":\"Do you sell camels?\"}]");
        List<GroundingQuestion> qs = CardQuestions.readOffCard(dir);
        assertEquals(1, qs.size());
        assertEquals("Do you sell camels?", qs.get(0).question());
        assertEquals(null, qs.get(0).answer());
        Files.writeString(dir.resolve("offcard.json"), "[{\"card\":\"smith.json\"}]");
        var e = assertThrows(IllegalArgumentException.class, () -> CardQuestions.readOffCard(dir));
        assertTrue(e.getMessage().contains("offcard.json: [0]: say:"), e.getMessage());
    }
}
