package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpcCardTest {
    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    /** The one-line message a user sees for {@code json} written to {@code name}. */
    private String error(String name, String json) throws IOException {
        Path file = write(name, json);
        return assertThrows(CardException.class, () -> NpcCard.read(file)).getMessage();
    }

    @Test
    void readsEveryFieldAndFillsSlotsFromGameStateOverDefaults() throws IOException {
        NpcCard card = NpcCard.read(write("brom.json", """
                {"name": "Brom", "role": "blacksmith",
                 "persona": ["I have worked the forge in {town} for thirty years."],
                 "facts": ["Repairing a sword costs {repair} gold.", "The forge closes at dusk."],
                 "mood": "grumpy", "style": "short, blunt sentences", "banned": ["goblin"],
                 "slots": {"town": "Oakvale", "repair": "12"}}
                """));
        assertEquals("Brom", card.name());
        assertEquals("blacksmith", card.role());
        assertEquals(Tone.GRUMPY, card.mood());
        assertEquals("short, blunt sentences", card.style());
        assertEquals(Set.of("goblin"), card.banned());
        NpcCard filled = card.filled(Map.of("repair", "15"));
        assertEquals(List.of("I have worked the forge in Oakvale for thirty years."), filled.persona());
        assertEquals("Repairing a sword costs 15 gold.", filled.facts().get(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> NpcCard.of("Ada", "", List.of(), List.of("I sell {ware}.")).filled(Map.of()));
        assertTrue(e.getMessage().contains("{ware}"), e.getMessage());
    }

    @Test
    void toJsonReadsBackToTheSameCard() throws IOException {
        NpcCard card = NpcCard.builder("Mira", "miller").addPersona("I grind the village's flour.")
                .addFact("A sack of flour costs 3 silver.").optMood(Tone.CHEERFUL).optStyle("chatty")
                .optBan("rat").optSlot("weather", "rain").addLine("goodbye", "Mind the flour dust!").build();
        assertEquals(card, NpcCard.read(write("mira.json", card.toJson())));
        assertEquals(card, card.toBuilder().build(), "a builder from a card holds all of it");
        NpcCard plain = NpcCard.of("Tam", "", List.of("I row the ferry."), List.of());
        assertEquals(plain, NpcCard.read(write("tam.json", plain.toJson())));
        assertNull(plain.mood());
    }

    @Test
    void aWritersMoodWordIsATone() throws IOException {
        // A card's mood is the writer's word: synonyms pick the tone, an unknown word leaves it to the model
        // instead of refusing the NPC (a typed --mood flag still fails, see ToneTest).
        assertEquals(Tone.GRUMPY, NpcCard.read(write("g.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"mood\": \"Gruff\"}")).mood());
        assertEquals(Tone.CHEERFUL, NpcCard.read(write("j.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"mood\": \"jolly\"}")).mood());
        assertNull(NpcCard.read(write("s.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"mood\": \"sleepy\"}")).mood());
    }

    /** The slots' and lines' own errors named the file and were headed by it a second time ("g.json: g.json: slots..."). */
    @Test
    void theFileIsNamedOnce() throws IOException {
        for (String[] c : new String[][] {{"s.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"slots\": {\"gold\": 12}}"},
                {"t.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"lines\": {\"hello\": \"Hi.\"}}"}}) {
            String m = error(c[0], c[1]);
            assertEquals(1, m.split(java.util.regex.Pattern.quote(c[0]), -1).length - 1, m);
        }
    }

    @Test
    void aSlotWithNoValueIsNamedByItsLine() throws IOException {
        NpcCard card = NpcCard.read(write("brom.json", """
                {"name": "Brom", "persona": ["I work in {town}."],
                 "facts": ["Swords are 3 gold.", "The {item} is {price} gold."], "slots": {"town": "Oakvale"}}"""));
        assertEquals(new Slots.Gap("facts[1]", "item"), card.slotGap(Map.of()));
        assertEquals("facts[1]: no value for slot {price}", card.slotGap(Map.of("item", "axe")).message());
        assertNull(card.slotGap(Map.of("item", "axe", "price", "4")));
        NpcCard plain = NpcCard.of("Ed", "", List.of("I live in {town}."), List.of("The gate shuts at dusk."));
        assertEquals(new Slots.Gap("persona[0]", "town"), plain.slotGap(Map.of()));
    }

    @Test
    void mistakesNameTheFileAndTheField() throws IOException {
        String m = error("a.json", "{\"role\": \"guard\", \"facts\": [\"x\"]}");
        assertTrue(m.startsWith(dir.resolve("a.json") + ": name: missing"), m);
        m = error("b.json", "{\"name\": \"  \", \"facts\": [\"x\"]}");
        assertTrue(m.contains("b.json: name: must not be empty"), m);
        m = error("c.json", "{\"name\": \"Ed\", \"role\": \"guard\"}");
        assertTrue(m.contains("c.json: facts: missing or empty"), m);
        m = error("d.json", "{\"name\": \"Ed\", \"facts\": [\"a\", \"b\", \"c\", 4]}");
        assertTrue(m.contains("d.json: facts[3]: must be a string, got a number"), m);
        m = error("e.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"fact\": [\"b\"]}");
        assertTrue(m.contains("e.json: unknown field 'fact'"), m);
        m = error("g.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"slots\": {\"gold\": 12}}");
        assertTrue(m.contains("g.json: slots.gold: must be a string, got a number"), m);
        m = error("h.json", "{\"name\": \"Ed\", \"facts\": \"The gate shuts at dusk.\"}");
        assertTrue(m.contains("h.json: facts: must be a list of strings, got a string"), m);
        m = error("i.json", "{\"name\": \"Ed\", \"facts\": [\"a\"],}");
        assertTrue(m.contains("i.json: not valid JSON at line 1"), m);
        m = error("j.json", "[\"Ed\"]");
        assertTrue(m.contains("j.json: must be a JSON object, got a list"), m);
        m = error("k.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"name\": \"Bo\"}");
        assertTrue(m.contains("k.json: not valid JSON") && m.contains("name"), m);
        m = error("l.json", "{\"name\": \"Ed\", \"facts\": [\"a\", \"\"]}");
        assertTrue(m.contains("l.json: facts[1]: must not be empty"), m);
        m = error("m.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"lines\": {\"hello\": [\"Hi.\", 3]}}");
        assertTrue(m.contains("m.json: lines.hello[1]: must be a string, got a number"), m);
        m = error("n.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"lines\": {\"hello\": [\"#nosuch# there.\"]}}");
        assertTrue(m.contains("n.json: card 'Ed': lines: ") && m.contains("#nosuch#"), m);
        m = error("o.json", "{\"name\": \"Ed\", \"facts\": [\"a\"], \"lines\": {\"hello\": []}}");
        assertTrue(m.contains("lines") && m.contains("hello"), m);
        assertTrue(assertThrows(java.nio.file.NoSuchFileException.class, () -> NpcCard.read(dir.resolve("none.json")))
                .getMessage().endsWith("none.json: no such file"));
        for (String msg : List.of(m)) {
            assertTrue(!msg.contains("\n"), "one line: " + msg);
        }
    }

    @Test
    void nonUtf8SaysTheByteOffset() throws IOException {
        byte[] head = "{\"name\": \"Ed\", \"facts\": [\"caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 é
        System.arraycopy("\"]}".getBytes(StandardCharsets.UTF_8), 0, bytes, head.length + 1, 3);
        Path file = Files.write(dir.resolve("latin1.json"), bytes);
        String m = assertThrows(CardException.class, () -> NpcCard.read(file)).getMessage();
        assertTrue(m.contains("latin1.json: not UTF-8: invalid byte 0xE9 at byte offset " + head.length), m);
    }

    @Test
    void refusesHugeFilesManyFactsAndLongLinesWithoutReadingThem() throws IOException {
        Path big = dir.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"name\": \"Ed\", \"facts\": [".getBytes(StandardCharsets.UTF_8));
            byte[] fact = "\"The gate shuts at dusk.\", ".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < 10_000_000L / fact.length; n++) {
                out.write(fact);
            }
            out.write("\"x\"]}".getBytes(StandardCharsets.UTF_8));
        }
        String m = assertThrows(CardException.class, () -> NpcCard.read(big)).getMessage();
        assertTrue(m.contains("big.json: 10") && m.contains("at most 1048576"), m);

        StringBuilder many = new StringBuilder("{\"name\": \"Ed\", \"facts\": [");
        for (int i = 0; i < 2_001; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append('"');
        }
        m = error("many.json", many.append("]}").toString());
        assertTrue(m.contains("many.json: facts: 2001 entries; at most 2000"), m);

        m = error("long.json", "{\"name\": \"Ed\", \"facts\": [\"ok\", \"" + "a".repeat(501) + "\"]}");
        assertTrue(m.contains("long.json: facts[1]: 501 characters; at most 500"), m);
    }

    @Test
    void aPipeIsReadOnlyUpToTheLimit() throws Exception {
        Path fifo = dir.resolve("card.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() != 0) {
            return; // no mkfifo on this system: the regular-file limit above still holds
        }
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                byte[] chunk = new byte[1 << 16];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 40; i++) { // 2.5 MB, more than the limit
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the reader stops at the limit and closes the pipe
            }
        });
        writer.start();
        String m = assertThrows(CardException.class, () -> NpcCard.read(fifo)).getMessage();
        writer.join(10_000);
        assertTrue(m.contains("card.fifo: more than 1048576 bytes"), m);
    }

    @Test
    void cardsBuiltInCodeAreCheckedToo() {
        var e = assertThrows(CardException.class, () -> NpcCard.of("", "guard", List.of("I guard."), List.of()));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        e = assertThrows(CardException.class, () -> NpcCard.of("Ed", "guard", List.of(), List.of()));
        assertTrue(e.getMessage().contains("card 'Ed': persona and facts are both empty"), e.getMessage());
        e = assertThrows(CardException.class, () -> NpcCard.builder("Ed", "guard").addFact("ok").addFact(" ").build());
        assertTrue(e.getMessage().contains("card 'Ed': facts[1]: must not be empty"), e.getMessage());
    }

    @Test
    void worldFilesReadAndFailByField() throws IOException {
        WorldFile world = WorldFile.read(write("w.json", "{\"name\": \"Oakvale\", \"facts\": [\"The river Dun runs south.\"]}"));
        assertEquals(new WorldFile("Oakvale", List.of("The river Dun runs south.")), world);
        assertEquals(world, WorldFile.read(write("w2.json", world.toJson())));
        Path noFacts = write("w3.json", "{\"name\": \"Oakvale\"}");
        assertTrue(assertThrows(CardException.class, () -> WorldFile.read(noFacts)).getMessage()
                .contains("w3.json: facts: missing"));
        Path bad = write("w4.json", "{\"facts\": [\"a\", true], \"lore\": 1}");
        String m = assertThrows(CardException.class, () -> WorldFile.read(bad)).getMessage();
        assertTrue(m.contains("w4.json: unknown field 'lore'"), m);
        Path bad2 = write("w5.json", "{\"facts\": [\"a\", true]}");
        m = assertThrows(CardException.class, () -> WorldFile.read(bad2)).getMessage();
        assertTrue(m.contains("w5.json: facts[1]: must be a string, got a boolean"), m);
    }
}
