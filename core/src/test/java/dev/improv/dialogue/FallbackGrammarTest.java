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
            assertEquals("Good day.", g.line(Tone.CHEERFUL, Map.of(), goblin, seed).orElseThrow());
            assertEquals("Go away.", g.line(Tone.GRUMPY, Map.of(), goblin, seed).orElseThrow());
        }
        assertFalse(g.line(Tone.GRUMPY, Map.of(), new BannedWords(List.of("away")), 1).isPresent());
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
        for (Tone mood : Tone.values()) {
            String line = g.line(mood, Map.of(), none, 3).orElseThrow();
            assertFalse(line.contains("{"), line);
            String withSlots = g.line(mood, Map.of("player", "Ada", "place", "Riverton", "item", "a lamp"), none, 5).orElseThrow();
            assertFalse(withSlots.contains("{"), withSlots);
        }
    }

    @Test
    void anNpcThatDoesNotKnowSaysSoInItsMoodAndStatesNothing() {
        FallbackGrammar g = FallbackGrammar.defaultGrammar();
        BannedWords none = new BannedWords(List.of());
        for (Tone mood : new Tone[] {null, Tone.CHEERFUL, Tone.GRUMPY}) {
            Set<String> seen = new HashSet<>();
            for (long seed = 0; seed < 40; seed++) {
                String line = g.unknown(mood, Map.of(), none, seed).orElseThrow();
                assertTrue(line.matches("[A-Z].*[.!?]"), "a whole sentence: " + line);
                // Its own words must pass the guard an NPC's line passes: no name or number of its own.
                assertEquals(List.of(), InventedFacts.invented(line, List.of()), line);
                seen.add(line);
            }
            assertTrue(seen.size() >= 3, mood + ": " + seen);
        }
        assertTrue(g.unknown(Tone.GRUMPY, Map.of(), none, 1).orElseThrow().length() > 0);
    }

    @Test
    void answersStateTheFactWordForWordInEveryMood() {
        FallbackGrammar g = FallbackGrammar.defaultGrammar();
        BannedWords none = new BannedWords(List.of());
        for (Tone mood : new Tone[] {null, Tone.NEUTRAL, Tone.CHEERFUL, Tone.GRUMPY}) {
            Set<String> seen = new HashSet<>();
            for (long seed = 0; seed < 40; seed++) {
                String line = g.answer("I close at dusk.", mood, Map.of(), none, seed).orElseThrow();
                assertEquals(line, g.answer("I close at dusk.", mood, Map.of(), none, seed).orElseThrow());
                assertTrue(line.contains("I close at dusk."), line);
                assertFalse(line.contains("{") || line.contains("#") || line.contains(" i close"), line);
                assertTrue(line.matches("[A-Z].*[.!?]"), "a whole sentence: " + line);
                seen.add(line);
            }
            assertTrue(seen.size() >= 3, mood + ": " + seen);
        }
        Set<String> grumpy = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            grumpy.add(g.answer("I close at dusk.", Tone.GRUMPY, Map.of(), none, seed).orElseThrow());
        }
        assertTrue(grumpy.contains("Fine. I close at dusk."), "the grumpy variants are used: " + grumpy);
    }

    @Test
    void asidesOfferTheFactWithoutClaimingItAnswers() throws Exception {
        FallbackGrammar g = FallbackGrammar.defaultGrammar();
        BannedWords none = new BannedWords(List.of());
        for (Tone mood : new Tone[] {null, Tone.CHEERFUL, Tone.GRUMPY}) {
            for (long seed = 0; seed < 20; seed++) {
                String line = g.aside("The attic room costs 8 silver.", mood, Map.of(), none, seed).orElseThrow();
                assertTrue(line.contains("The attic room costs 8 silver."), line);
                // "Oh, I know this one!" and "Good question!" would tell the player the fact is the answer.
                assertFalse(line.contains("I know this one") || line.contains("Good question"), line);
            }
        }
        FallbackGrammar plain = grammar("{\"origin\": [\"Hello.\"], \"answer\": [\"Aye. {fact}\"]}");
        assertEquals("Aye. I sell rope.", plain.aside("I sell rope.", null, Map.of(), none, 5).orElseThrow(),
                "a grammar without asides states the fact as it answers");
    }

    @Test
    void answersMakeASentenceOfABareFactAndRespectBansAndSlots() throws Exception {
        FallbackGrammar g = FallbackGrammar.defaultGrammar();
        BannedWords none = new BannedWords(List.of());
        String line = g.answer("  the ferry leaves at noon ", null, Map.of(), none, 1).orElseThrow();
        assertTrue(line.contains("The ferry leaves at noon."), line);
        boolean named = false;
        for (long seed = 0; seed < 60; seed++) {
            named |= g.answer("The ferry leaves at noon.", null, Map.of("player", "Ada"), none, seed).orElseThrow()
                    .contains("Ada");
        }
        assertTrue(named, "alternatives with {player} are used when the game gives a player name");
        assertFalse(g.answer("The goblin market opens at noon.", null, Map.of(), new BannedWords(List.of("goblin")), 1)
                .isPresent());
        FallbackGrammar plain = grammar("{\"origin\": [\"Hello.\"]}");
        assertEquals("I sell rope.", plain.answer("i sell rope", Tone.GRUMPY, Map.of(), none, 5).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> plain.answer(" ", null, Map.of(), none, 5));
    }

    @Test
    void aCardsLinesReplaceASymbolInEveryMoodAndMayUseTheGrammarsSymbols() {
        FallbackGrammar own = FallbackGrammar.defaultGrammar().withLines(Map.of("goodbye", List.of("#grumble# Shut the door.")));
        for (long seed = 0; seed < 20; seed++) {
            String line = own.smallTalk(SmallTalk.FAREWELL, Tone.GRUMPY, Map.of(), new BannedWords(Set.of()), seed).orElseThrow();
            assertTrue(line.endsWith(" Shut the door."), line);
        }
        assertThrows(IllegalArgumentException.class,
                () -> FallbackGrammar.defaultGrammar().withLines(Map.of("hello", List.of("#nosuch#"))));
        assertThrows(IllegalArgumentException.class,
                () -> FallbackGrammar.defaultGrammar().withLines(Map.of("hello there", List.of("Hi."))));
    }
}
