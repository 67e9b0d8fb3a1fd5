package dev.improv.engines;

import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.dialogue.BannedWords;
import dev.improv.dialogue.FallbackGrammar;

/**
 * A dialogue engine with no model: lines from the project's authored grammar (mood, slots and
 * banned words honoured). Select it with {@code -Dimprov.dialogue.engine=grammar} where a model is
 * too much (tiny devices, tests of game logic).
 */
public final class GrammarDialogueProvider implements DialogueEngineProvider {
    @Override
    public String name() {
        return "grammar";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public DialogueEngine newEngine() {
        FallbackGrammar grammar = FallbackGrammar.defaultGrammar();
        return (request, cancellation) -> {
            cancellation.throwIfCancelled();
            BannedWords banned = new BannedWords(request.banned());
            String text = grammar.line(DialogueRequests.tone(request.mood()), request.slots(), banned, request.seed())
                    .orElseThrow(() -> new IllegalStateException("the grammar has no line without the banned words "
                            + request.banned()));
            return new DialogueLine(text, DialogueLine.FALLBACK);
        };
    }
}
