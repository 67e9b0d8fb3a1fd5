package dev.improv.api.plugin;

import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import java.util.Locale;

/** A second, low-ranked third-party engine, so the test can select it by system property. */
public final class ShoutingDialogueProvider implements DialogueEngineProvider {
    @Override
    public String name() {
        return "shouting";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public DialogueEngine newEngine() {
        return (request, cancellation) -> new DialogueLine(
                request.history().get(request.history().size() - 1).text().toUpperCase(Locale.ROOT), "shouting");
    }
}
