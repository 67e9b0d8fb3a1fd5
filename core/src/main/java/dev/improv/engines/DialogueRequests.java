package dev.improv.engines;

import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.NpcReply;
import dev.improv.dialogue.NpcVoice;
import dev.improv.dialogue.ReplyRequest;
import dev.improv.dialogue.Speaker;
import dev.improv.dialogue.WorldFile;
import java.util.ArrayList;
import java.util.List;

import dev.improv.api.Cancellation;
import dev.improv.api.DialogueRequest;
import dev.improv.api.DialogueTurn;
import dev.improv.dialogue.Tone;
import dev.improv.dialogue.Turn;
import java.time.Duration;

/** Translates the api's dialogue request into the dialogue package's. */
final class DialogueRequests {
    /** Time kept back from the caller's deadline so a fallback line is ready before it passes. */
    static final Duration MARGIN = Duration.ofMillis(15);

    private DialogueRequests() {
    }

    /** The tone a request's mood names, or null for none (the model chooses). */
    static Tone tone(String name) {
        return name.isBlank() ? null : Tone.parse(name);
    }

    /**
     * The NPC's reply through the full path (fact retrieval, model, invented-fact guard, fallback): the
     * request's persona and facts make a card, its lore a world, and its last player turn is the line
     * answered (a request that ends with the NPC's own turn, or has none, is answered as a greeting).
     */
    static NpcReply reply(DialogueGenerator generator, DialogueRequest request, Cancellation cancellation) {
        NpcCard.Builder card = NpcCard.builder(NpcCard.UNNAMED, "");
        request.persona().forEach(card::addPersona);
        request.facts().forEach(card::addFact);
        Tone mood = tone(request.mood());
        if (mood != null) {
            card.optMood(mood);
        }
        request.banned().forEach(card::optBan);
        WorldFile world = request.lore().isEmpty() ? null : new WorldFile("lore", request.lore());
        List<Turn> history = new ArrayList<>();
        for (DialogueTurn t : request.history()) {
            history.add(t.byPlayer() ? Turn.player(t.text()) : Turn.npc(t.text()));
        }
        String said = "Hello.";
        if (!history.isEmpty() && history.get(history.size() - 1).speaker() == Speaker.PLAYER) {
            said = history.remove(history.size() - 1).text();
        }
        Duration left = cancellation.remaining();
        Duration deadline = left == null ? Duration.ZERO
                : left.compareTo(MARGIN.multipliedBy(2)) > 0 ? left.minus(MARGIN) : Duration.ofMillis(1);
        return NpcVoice.of(generator, card.build(), world)
                .reply(history, said, request.slots(), 1, request.seed(), deadline).get(0);
    }

    static ReplyRequest toReplyRequest(DialogueRequest request, Cancellation cancellation) {
        var b = ReplyRequest.builder().optSeed(request.seed());
        request.persona().forEach(b::addPersona);
        for (DialogueTurn t : request.history()) {
            b.addTurn(t.byPlayer() ? Turn.player(t.text()) : Turn.npc(t.text()));
        }
        Tone mood = tone(request.mood());
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
