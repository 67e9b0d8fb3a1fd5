package dev.improv.api.plugin;

import dev.improv.api.Cancellation;
import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import java.util.List;

/**
 * A third-party dialogue engine as a game studio might ship it in its own jar: picks a line from a
 * fixed phrasebook by seed and fills the "name" slot. Registered only by the jar the plugin test builds.
 */
public final class PhrasebookDialogueProvider implements DialogueEngineProvider {
    private static final List<String> PHRASES = List.of("Well met, {name}.", "Mind the bridge, {name}.",
            "Coin first, {name}.");

    @Override
    public String name() {
        return "phrasebook";
    }

    @Override
    public int rank() {
        return 100;
    }

    @Override
    public DialogueEngine newEngine() {
        return (DialogueRequest request, Cancellation cancellation) -> {
            cancellation.throwIfCancelled();
            String phrase = PHRASES.get((int) Math.floorMod(request.seed(), (long) PHRASES.size()));
            String text = phrase.replace("{name}", request.slots().getOrDefault("name", "stranger"));
            return new DialogueLine(text, "phrasebook");
        };
    }
}
