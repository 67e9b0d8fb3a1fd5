package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonaChatCsvTest {
    private static final String GOOD = "user 1 personas,user 2 personas,Best Generated Conversation\n"
            + "\"I love to bake.\nI have a dog.\",\"I am a boy.\nI can fly.\",\"User 1: Hi!\nUser 2: Hello, \"\"friend\"\".\n"
            + "User 1: What do you do?\nUser 2: I fly.\nHigh and far.\"\n"
            + "I am a cat.,\"I am a tree.\",\"* * *\n*User 2:* Hey.\n\n* User 1: Meow.\"\n";

    @Test
    void readsQuotedMultiLineFieldsAndContinuationLines() throws Exception {
        List<Conversation> cs = PersonaChatCsv.parse(new StringReader(GOOD), "t.csv");
        assertEquals(2, cs.size());
        Conversation c = cs.get(0);
        assertEquals(List.of("I love to bake.", "I have a dog."), c.persona(1));
        assertEquals(List.of("I am a boy.", "I can fly."), c.persona(2));
        assertEquals(4, c.lines().size());
        assertEquals("Hello, \"friend\".", c.lines().get(1).text());
        assertEquals("I fly. High and far.", c.lines().get(3).text());
        assertEquals(2, c.line());
        assertEquals(9, cs.get(1).line());
        assertEquals(Speaker.PLAYER, cs.get(1).turnsAs(1).get(0).speaker());
        assertEquals(Speaker.NPC, cs.get(1).turnsAs(1).get(1).speaker());
        assertEquals("Hey.", cs.get(1).lines().get(0).text());
        assertEquals("Meow.", cs.get(1).lines().get(1).text());
    }

    @Test
    void lenientReadingSkipsMalformedRecordsAndSaysWhich() throws Exception {
        String good = "x,\"I am y.\",\"User 1: hi\nUser 2: yo\"\n";
        String csv = "a,b,c\n" + good.repeat(10) + "x,y,\"Hello\nUser 1: Hi\"\n";
        java.util.List<String> skipped = new java.util.ArrayList<>();
        List<Conversation> cs = PersonaChatCsv.parse(new StringReader(csv), "e.csv", skipped::add);
        assertEquals(10, cs.size());
        assertEquals(1, skipped.size());
        assertTrue(skipped.get(0).startsWith("e.csv line 22, field 'conversation'"), skipped.get(0));
        String mostlyBad = "a,b,c\n" + good + "x,y,\"Hello\nUser 1: Hi\"\n".repeat(3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> PersonaChatCsv.parse(new StringReader(mostlyBad), "e.csv", s -> { }));
        assertTrue(e.getMessage().contains("3 of 4 records"), e.getMessage());
    }

    @Test
    void errorsNameTheFileLineAndField() {
        String unlabeled = "a,b,c\n\"I am x.\",\"I am y.\",\"Hello\nUser 1: Hi\"\n";
        var e = assertThrows(IllegalArgumentException.class, () -> PersonaChatCsv.parse(new StringReader(unlabeled), "d.csv"));
        assertTrue(e.getMessage().startsWith("d.csv line 2, field 'conversation'"), e.getMessage());
        assertTrue(e.getMessage().contains("User 1:"), e.getMessage());

        String twoFields = "a,b,c\n\"I am x.\",\"User 1: hi\nUser 2: yo\"\n";
        e = assertThrows(IllegalArgumentException.class, () -> PersonaChatCsv.parse(new StringReader(twoFields), "d.csv"));
        assertTrue(e.getMessage().contains("d.csv line 2") && e.getMessage().contains("2 fields"), e.getMessage());

        String open = "a,b,c\nx,y,\"User 1: hi\nUser 2: yo\n";
        e = assertThrows(IllegalArgumentException.class, () -> PersonaChatCsv.parse(new StringReader(open), "d.csv"));
        assertTrue(e.getMessage().contains("line 2, field 3") && e.getMessage().contains("never closed"), e.getMessage());

        String noFacts = "a,b,c\nx,,\"User 1: hi\nUser 2: yo\"\n";
        e = assertThrows(IllegalArgumentException.class, () -> PersonaChatCsv.parse(new StringReader(noFacts), "d.csv"));
        assertTrue(e.getMessage().contains("field 'user 2 personas'"), e.getMessage());
    }
}
