package dev.improv.engines;

import dev.improv.api.Cancellation;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.dialogue.Mood;
import dev.improv.dialogue.Turn;
import java.time.Duration;

/** Translates the api's dialogue request into the dialogue package's. */
final class DialogueRequests {
    /** Time kept back from the caller's deadline so a fallback line is ready before it passes. */
    static final Duration MARGIN = Duration.ofMillis(15);

    private DialogueRequests() {
    }

    static Mood mood(String name) {
        return name.isBlank() ? null : Mood.parse(name);
    }

    static dev.improv.dialogue.DialogueRequest toDialogue(DialogueRequest request, Cancellation cancellation) {
        var b = dev.improv.dialogue.DialogueRequest.builder().optSeed(request.seed());
        request.persona().forEach(b::addPersona);
        for (DialogueTurn t : request.history()) {
            b.addTurn(t.byPlayer() ? Turn.player(t.text()) : Turn.npc(t.text()));
        }
        Mood mood = mood(request.mood());
        if (mood != null) {
            b.optMood(mood);
        }
        request.slots().forEach(b::optSlot);
        request.banned().forEach(b::optBan);
        Duration left = cancellation.remaining();
        if (left != null) {
            // The generator then ends with its grammar line in time, rather than being cut off.
            b.optDeadline(left.compareTo(MARGIN.multipliedBy(2)) > 0 ? left.minus(MARGIN) : Duration.ofMillis(1));
        }
        return b.build();
    }
}
