package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.SamplingSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DialogueGeneratorTest {
    private static final List<String> CORPUS = List.of("The goblins are coming.", "The Goblins are coming.",
            "The trolls are coming.", "Welcome to Riverton, Ada.", "Hello there. This is a long line that goes on and on");

    private static DialogueFormat format() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.addAll(CORPUS);
            texts.addAll(TinyCorpus.LINES);
        }
        return new DialogueFormat(BytePairTokenizer.train(texts, 600, DialogueFormat.SPECIALS));
    }

    private static final DialogueFormat FORMAT = format();

    private static DialogueGenerator generator(SamplingSettings sampling, String... scripts) {
        return new DialogueGenerator(() -> new ScriptedDecoder(FORMAT, 256, scripts), 256, FORMAT,
                FallbackGrammar.defaultGrammar(), sampling);
    }

    private static ReplyRequest.Builder request() {
        return ReplyRequest.builder().addPersona("I am the guard of {place}.").addTurn(Turn.player("Any news?"))
                .optSlot("place", "Riverton");
    }

    @Test
    void theModelSaysItsLineWhenNothingForbidsIt() {
        GeneratedLine line = generator(SamplingSettings.GREEDY, "The goblins are coming.", "The trolls are coming.")
                .lines(request().build()).get(0);
        assertEquals(new GeneratedLine("The goblins are coming.", false), line);
    }

    @Test
    void aBannedWordIsMaskedWhileDecodingInAnyCase() {
        for (String wanted : List.of("The goblins are coming.", "The Goblins are coming.")) {
            GeneratedLine line = generator(SamplingSettings.GREEDY, wanted, "The trolls are coming.")
                    .lines(request().optBan("GOBLIN").build()).get(0);
            // The model did not say it and then get filtered: it took its next-best path.
            assertEquals(new GeneratedLine("The trolls are coming.", false), line);
        }
    }

    @Test
    void aBannedWordNeverAppearsWhateverIsSampled() {
        DialogueGenerator g = generator(new SamplingSettings(2f, 0, 1f, 1f, 0), "The goblins are coming.", "The Goblins are coming.");
        List<GeneratedLine> lines = g.lines(request().optBan("goblin").optCount(40).optSeed(9).build());
        assertEquals(40, lines.size());
        for (GeneratedLine l : lines) {
            assertFalse(l.text().toLowerCase(Locale.ROOT).contains("goblin"), l.text());
        }
    }

    @Test
    void aLineEndsAtTheLastSentenceBoundaryWithinTheLimit() {
        GeneratedLine line = generator(SamplingSettings.GREEDY, "Hello there. This is a long line that goes on and on")
                .lines(request().optMaxTokens(8).build()).get(0);
        assertEquals(new GeneratedLine("Hello there.", false), line);
    }

    @Test
    void noSentenceEndOrAMissedDeadlineGivesTheAuthoredFallback() {
        DialogueGenerator g = generator(SamplingSettings.GREEDY, "This is a long line that goes on and on");
        GeneratedLine line = g.lines(request().optMaxTokens(6).optMood(Tone.GRUMPY).build()).get(0);
        assertTrue(line.fallback());
        assertTrue(SentenceEnd.endsSentence(line.text()), line.text());
        assertFalse(line.text().contains("{"), line.text());

        DialogueGenerator fine = generator(SamplingSettings.GREEDY, "The trolls are coming.");
        assertTrue(fine.lines(request().optDeadline(Duration.ofNanos(1)).build()).get(0).fallback());
    }

    @Test
    void theFallbackAskedAgainFindsAnotherWordingBeforeItRepeatsItself() {
        DialogueGenerator g = generator(SamplingSettings.GREEDY, "This is a long line that goes on and on");
        java.util.Set<String> said = new java.util.HashSet<>();
        ReplyCheck check = new ReplyCheck() {
            @Override
            public String problem(String reply) {
                return null;
            }

            @Override
            public boolean repeats(String reply) {
                return said.contains(reply);
            }
        };
        for (int i = 0; i < 4; i++) {
            // the same seed each time: only what was said already can make the line differ
            GeneratedLine line = g.lines(request().optMaxTokens(6).optSeed(3).build(), check).get(0);
            assertTrue(line.fallback());
            assertTrue(said.add(line.text()), "said again: " + line.text() + " after " + said);
        }
    }

    /** A check that turns down lines opening "Ahem", counts {@code said} as said already, and offers "I charge". */
    private static ReplyCheck turnsDownAhem(java.util.Set<String> said) {
        return new ReplyCheck() {
            @Override
            public String problem(String reply) {
                return reply.startsWith("Ahem") ? "nonsense" : null;
            }

            @Override
            public boolean repeats(String reply) {
                return said.contains(reply);
            }

            @Override
            public List<String> openings() {
                return List.of("I charge");
            }
        };
    }

    @Test
    void aRepeatIsDrawnAgainOpeningWithTheChecksOpenings() {
        // The model is sure of "12 gold."; pushed off it (its opener penalised), it writes "Ahem 12 gold.", which
        // the check turns down, on every try: the answer came out the same five times. Given "I charge", the model
        // writes the rest.
        DialogueGenerator g = generator(SamplingSettings.GREEDY, "12 gold.", "Ahem 12 gold.", "I charge 12 gold.");
        GeneratedLine line = g.lines(request().optMaxTokens(30).optSeed(3).build(), turnsDownAhem(java.util.Set.of("12 gold."))).get(0);
        assertEquals("I charge 12 gold.", line.text());
        assertFalse(line.fallback());
    }

    @Test
    void triesThatAllFailAreDrawnAgainOpeningWithTheChecksOpenings() {
        // The model writes "Ahem 12 gold." on every try, and the check turns it down: the fallback was said. After a
        // few tries each opens with "I charge", and the model writes the rest.
        DialogueGenerator g = generator(SamplingSettings.GREEDY, "Ahem 12 gold.", "I charge 12 gold.");
        GeneratedLine line = g.lines(request().optMaxTokens(30).optSeed(3).build(), turnsDownAhem(java.util.Set.of())).get(0);
        assertEquals("I charge 12 gold.", line.text());
        assertFalse(line.fallback());
    }

    @Test
    void slotsAreFilledInTheOutputAndMissingSlotsAreNamed() {
        DialogueGenerator g = generator(SamplingSettings.GREEDY, "Welcome to {place}, {player}.");
        assertEquals("Welcome to Riverton, Ada.", g.reply(request().optSlot("player", "Ada").build()).get(0));
        var e = assertThrows(IllegalArgumentException.class,
                () -> g.reply(ReplyRequest.builder().addPersona("I sell {item}.").build()));
        assertTrue(e.getMessage().contains("{item}"), e.getMessage());
    }

    @Test
    void aFollowUpRequestFeedsOnlyTheNewTurns() {
        List<ScriptedDecoder> made = new ArrayList<>();
        DialogueGenerator g = new DialogueGenerator(() -> {
            ScriptedDecoder d = new ScriptedDecoder(FORMAT, 256, "The trolls are coming.");
            made.add(d);
            return d;
        }, 256, FORMAT, FallbackGrammar.defaultGrammar(), SamplingSettings.GREEDY);
        ReplyRequest first = request().build();
        String reply = g.reply(first).get(0);
        int afterFirst = made.get(0).fedTotal;
        ReplyRequest second = request().addTurn(Turn.npc(reply)).addTurn(Turn.player("Where?")).build();
        assertEquals("The trolls are coming.", g.reply(second).get(0));
        assertEquals(1, made.size());
        List<String> persona = List.of("I am the guard of Riverton.");
        int[] p1 = FORMAT.prompt(persona, List.of(), first.history(), null, 200);
        int[] p2 = FORMAT.prompt(persona, List.of(), second.history(), null, 200);
        int replyTokens = FORMAT.tokenizer().encode(reply).length;
        // The first prompt is a prefix of the second (its final <|npc|> starts the NPC's turn), so only
        // the new tokens, the mood and the reply are fed; the end token is sampled, never fed.
        assertEquals((p2.length - p1.length) + 1 + replyTokens, made.get(0).fedTotal - afterFirst);
    }

    @Test
    void sameSeedSameReplies() {
        DialogueGenerator g = generator(new SamplingSettings(1.5f, 0, 1f, 1f, 0), "The goblins are coming.", "The trolls are coming.");
        ReplyRequest r = request().optCount(5).optSeed(123).build();
        assertEquals(g.reply(r), g.reply(r));
    }
}
