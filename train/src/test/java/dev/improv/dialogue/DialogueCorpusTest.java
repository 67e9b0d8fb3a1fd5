package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialogueCorpusTest {
    private static final DialogueFormat FORMAT = new DialogueFormat(TinyCorpus.tokenizer(420));

    private static List<Conversation> conversations(int n) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 0; i < n; i++) {
            csv.append("\"I am the blacksmith.\nI love swords.\",\"I am a baker number ").append(i)
                    .append(".\",\"User 1: Hello there!\nUser 2: Hello! What do you do?\nUser 1: I forge swords. I love it.\n")
                    .append("User 2: I bake bread every day.\nUser 1: The goblins came again last night.\nUser 2: I am tired of the goblins.\"\n");
        }
        return PersonaChatCsv.parse(new StringReader(csv.toString()), "t.csv");
    }

    @Test
    void anExampleIsPersonaFactsHistoryThenTheScoredReply() {
        DialogueExample x = new DialogueExample(List.of("I am the smith."), List.of("Repairing a sword costs 12 gold."),
                List.of(Turn.player("Hello!"), Turn.npc("Well met."), Turn.player("How much to repair my sword?")),
                "It costs 12 gold.", "test", "g1");
        DialogueFormat.Encoded e = FORMAT.example(x, 400);
        int[] t = e.tokens();
        assertEquals(FORMAT.tokenizer().special("<|persona|>"), t[0]);
        assertEquals(FORMAT.endToken(), t[t.length - 1]);
        assertEquals(FORMAT.npcToken(), t[e.replyStart() - 1], "the reply's mood follows the speaker token");
        assertTrue(FORMAT.isMoodToken(t[e.replyStart()]));
        assertEquals("It costs 12 gold.", FORMAT.tokenizer().decode(t, e.replyStart() + 1, t.length - 1));
        String prompt = FORMAT.tokenizer().decode(t, 0, e.replyStart());
        assertTrue(prompt.indexOf("12 gold") > prompt.indexOf("smith"), "facts come after the persona: " + prompt);
        assertTrue(prompt.indexOf("How much") > prompt.indexOf("12 gold"), "the player's line comes last: " + prompt);

        // A smaller budget drops the oldest turns first; persona, facts and the player's line stay.
        DialogueFormat.Encoded small = FORMAT.example(x, e.tokens().length - 3);
        String trimmed = FORMAT.tokenizer().decode(small.tokens(), 0, small.replyStart());
        assertFalse(trimmed.contains("Hello!"), trimmed);
        assertTrue(trimmed.contains("How much") && trimmed.contains("12 gold"), trimmed);
        assertNull(FORMAT.example(x, 10), "persona and facts alone do not fit");
    }

    @Test
    void splitHoldsOutWholeConversationsDeterministically() throws Exception {
        List<Conversation> cs = conversations(40);
        DialogueCorpus.Split a = DialogueCorpus.split(cs, 0.1, 7);
        DialogueCorpus.Split b = DialogueCorpus.split(cs, 0.1, 7);
        assertEquals(4, a.valid().size());
        assertEquals(36, a.train().size());
        assertEquals(a.valid(), b.valid());
        Set<Conversation> all = new HashSet<>(a.train());
        all.addAll(a.valid());
        assertEquals(40, all.size());
    }

    @Test
    void onlyTheNpcRepliesAreScored() throws Exception {
        ScoredConversation c = ScoredConversation.of(conversations(1), FORMAT).get(0);
        int npc = FORMAT.npcToken();
        int player = FORMAT.tokenizer().special("<|player|>");
        boolean inNpc = false;
        for (int i = 0; i < c.tokens().length; i++) {
            int t = c.tokens()[i];
            if (t == npc) {
                assertFalse(c.scored()[i], "the speaker token is given");
                inNpc = true;
            } else if (t == player) {
                inNpc = false;
            }
            if (i < c.personaLength()) {
                assertFalse(c.scored()[i]);
            } else if (t != npc && t != player) {
                assertEquals(inNpc, c.scored()[i], "position " + i);
            }
        }
        assertTrue(c.scoredCount() > 10);
    }

    @Test
    void moodLabelsAndPersonaGrounding() {
        assertEquals(Mood.CHEERFUL, Mood.of("I love it! Great."));
        assertEquals(Mood.GRUMPY, Mood.of("No. I hate that, I'm not going."));
        assertEquals(Mood.NEUTRAL, Mood.of("I live by the river."));
        assertEquals(Mood.GRUMPY, Mood.parse(" Angry "));
        List<String> facts = List.of("I have two dogs.", "I work as a nurse.");
        assertTrue(DialogueEvaluation.usesPersona("My dog is sleeping.", facts));
        assertTrue(DialogueEvaluation.usesPersona("I am a nurse at the hospital.", facts));
        assertFalse(DialogueEvaluation.usesPersona("I have a lot of fun things to do.", facts));
        assertTrue(DialogueEvaluation.isPersonaQuestion("What do you do for a living?"));
        assertFalse(DialogueEvaluation.isPersonaQuestion("Is it raining?"));
        assertEquals(List.of("a b c", "b c a", "c a b", "a b c"), DialogueEvaluation.trigrams("A b c a b c"));
    }
}
