package dev.improv.engines;

import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.dialogue.DialogueGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The default dialogue engine: the project's persona-conditioned transformer (model
 * {@code improv/models/dialogue} from improv-models), with its authored grammar as the fallback
 * when a line cannot be made in time or within the rules.
 */
public final class TransformerDialogueProvider implements DialogueEngineProvider {
    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public DialogueEngine newEngine() {
        DialogueGenerator generator;
        try {
            generator = DialogueGenerator.loadDefault();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the default dialogue model (is improv-models on the classpath?): "
                    + e.getMessage(), e);
        }
        return (request, cancellation) -> {
            cancellation.throwIfCancelled();
            var line = generator.lines(DialogueRequests.toDialogue(request, cancellation)).get(0);
            return new DialogueLine(line.text(), line.fallback() ? DialogueLine.GRAMMAR : DialogueLine.MODEL);
        };
    }
}
