package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackGrammarTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static FallbackGrammar grammar(String json) throws Exception {
        return FallbackGrammar.fromJson(MAPPER.readTree(json), "test.json");
    }

    @Test
    void expandsSymbolsModifiersAndSlotsDeterministically() throws Exception {
        FallbackGrammar g = grammar("{\"origin\": [\"#greet.capitalize#, {player}. I sell #thing.a# and #thing.s#.\"],"
                + "\"greet\": [\"hello\", \"hail\"], \"thing\": [\"apple\", \"berry\"]}");
        Map<String, String> slots = Map.of("player", "Ada");
        BannedWords none = new BannedWords(List.of());
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            String line = g.line(null, slots, none, seed).orElseThrow();
            assertEquals(line, g.line(null, slots, none, seed).orElseThrow());
            assertTrue(line.matches("(Hello|Hail), Ada\\. I sell (an apple|a berry) and (apples|berries)\\."), line);
            seen.add(line);
        }
        assertEquals(8, seen.size()); // each #symbol# is drawn independently, as in Tracery
    }

    @Test
    void skipsAlternativesWithMissingSlotsOrBannedWordsAndUsesTheMoodOrigin() throws Exception {
        FallbackGrammar g = grammar("{\"origin\": [\"Welcome to {place}.\", \"The goblin is near.\", \"Good day.\"],"
                + "\"origin_grumpy\": [\"Go away.\"]}");
        BannedWords goblin = new BannedWords(List.of("GOBLIN"));
        for (long seed = 0; seed < 20; seed++) {
            assertEquals("Good day.", g.line(Mood.CHEERFUL, Map.of(), goblin, seed).orElseThrow());
            assertEquals("Go away.", g.line(Mood.GRUMPY, Map.of(), goblin, seed).orElseThrow());
        }
        assertFalse(g.line(Mood.GRUMPY, Map.of(), new BannedWords(List.of("away")), 1).isPresent());
    }

    @Test
    void badGrammarsFailWithTheSymbol() {
        var e = assertThrows(IllegalArgumentException.class, () -> grammar("{\"origin\": [\"#nope#\"]}"));
        assertTrue(e.getMessage().contains("test.json") && e.getMessage().contains("#nope#"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grammar("{\"start\": [\"x\"]}"));
        assertTrue(e.getMessage().contains("origin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> grammar("{\"origin\": [\"#a.shout#\"], \"a\": \"x\"}"));
        assertTrue(e.getMessage().contains(".shout"), e.getMessage());
    }

    @Test
    void defaultGrammarWorksWithAndWithoutSlots() {
        FallbackGrammar g = FallbackGrammar.defaultGrammar();
        BannedWords none = new BannedWords(List.of());
        for (Mood mood : Mood.values()) {
            String line = g.line(mood, Map.of(), none, 3).orElseThrow();
            assertFalse(line.contains("{"), line);
            String withSlots = g.line(mood, Map.of("player", "Ada", "place", "Riverton", "item", "a lamp"), none, 5).orElseThrow();
            assertFalse(withSlots.contains("{"), withSlots);
        }
    }
}
