package dev.improv.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Cancellation;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.api.Improv;
import dev.improv.api.Outcome;
import dev.improv.api.Providers;
import dev.improv.dialogue.Tone;
import dev.improv.dialogue.Speaker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogueEnginesTest {
    private static final DialogueRequest REQUEST = DialogueRequest.builder()
            .addPersona("I keep the inn by the {place}.")
            .addTurn(DialogueTurn.player("Any rooms free?"))
            .addTurn(DialogueTurn.npc("One, by the stairs."))
            .optMood("grumpy").optSlot("place", "river").optBan("goblin").optSeed(11).build();

    @Test
    void builtInProvidersAreFoundTransformerFirst() {
        List<DialogueEngineProvider> all = Providers.all(DialogueEngineProvider.class, getClass().getClassLoader());
        // remote (rank 0) is never the default: a game chooses a server deliberately.
        assertEquals(List.of("transformer", "grammar", "remote"), all.stream().map(DialogueEngineProvider::name).toList());
    }

    @Test
    void requestsKeepEveryFieldAndLeaveTimeForTheFallback() {
        long start = System.nanoTime();
        long deadline = start + 200_000_000L;
        var d = DialogueRequests.toReplyRequest(REQUEST, new Cancellation(deadline));
        long took = (System.nanoTime() - start) / 1_000_000 + 1; // a loaded machine may take a while to get here
        assertEquals(List.of("I keep the inn by the {place}."), d.persona());
        assertEquals(Speaker.PLAYER, d.history().get(0).speaker());
        assertEquals(Speaker.NPC, d.history().get(1).speaker());
        assertEquals(Tone.GRUMPY, d.mood());
        assertEquals("river", d.slots().get("place"));
        assertTrue(d.banned().contains("goblin"));
        assertEquals(11, d.seed());
        // What is left of the caller's 200 ms, less 15 ms kept for the fallback.
        assertTrue(d.deadline().toMillis() <= 200 - 15 && d.deadline().toMillis() >= 200 - 15 - took,
                d.deadline() + " after " + took + " ms");
        assertTrue(DialogueRequests.toReplyRequest(REQUEST, new Cancellation()).deadline().isZero(), "no deadline, none passed on");
    }

    @Test
    void grammarEngineAnswersThroughImprovWhenSelected() {
        System.setProperty(DialogueEngineProvider.PROPERTY, "grammar");
        try (Improv improv = Improv.open()) {
            Outcome<DialogueLine> o = improv.line(REQUEST, Duration.ofSeconds(5)).await();
            assertEquals(Outcome.Status.COMPLETED, o.status(), o.message());
            assertEquals(DialogueLine.FALLBACK, o.value().source());
            assertFalse(o.value().text().isBlank());
            assertFalse(o.value().text().toLowerCase().contains("goblin"));
            assertFalse(o.value().text().contains("{"), "slots are filled: " + o.value().text());
            // Same seed, same line.
            assertEquals(o.value(), improv.line(REQUEST, Duration.ofSeconds(5)).await().value());
        } finally {
            System.clearProperty(DialogueEngineProvider.PROPERTY);
        }
    }
}
