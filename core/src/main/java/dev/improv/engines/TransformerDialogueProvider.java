package dev.improv.engines;

import dev.improv.api.DialogueEngine;
import dev.improv.api.DialogueEngineProvider;
import dev.improv.api.DialogueLine;
import dev.improv.api.ModelSource;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.NpcReply;
import dev.improv.model.LanguageModel;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The default dialogue engine: the project's persona-conditioned transformer (model
 * {@code improv/models/dialogue} from improv-models, or the folder named by
 * {@code -Dimprov.dialogue.model=DIR}), with its authored grammar as the fallback when a line cannot
 * be made in time or within the rules.
 */
public final class TransformerDialogueProvider implements DialogueEngineProvider {
    /** System property naming a model folder to use instead of the default model. */
    public static final String MODEL_PROPERTY = "improv.dialogue.model";

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
        String folder = System.getProperty(MODEL_PROPERTY);
        try {
            generator = folder == null ? DialogueGenerator.loadDefault()
                    : DialogueGenerator.of(LanguageModel.load(Path.of(folder)), FallbackGrammar.defaultGrammar());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the default dialogue model (is improv-models on the classpath?): "
                    + e.getMessage(), e);
        }
        return engine(generator);
    }

    @Override
    public DialogueEngine newEngine(ModelSource model) {
        return engine(ModelSources.load(model, "dialogue", m -> DialogueGenerator.of(m, FallbackGrammar.defaultGrammar())));
    }

    private static DialogueEngine engine(DialogueGenerator generator) {
        return (request, cancellation) -> {
            cancellation.throwIfCancelled();
            if (request.persona().isEmpty() && request.facts().isEmpty()) {
                var line = generator.lines(DialogueRequests.toReplyRequest(request, cancellation)).get(0);
                return new DialogueLine(line.text(), line.fallback() ? DialogueLine.FALLBACK : DialogueLine.MODEL);
            }
            NpcReply r = DialogueRequests.reply(generator, request, cancellation);
            return new DialogueLine(r.text(), r.source().equals(NpcReply.FALLBACK) ? DialogueLine.FALLBACK
                    : DialogueLine.MODEL, r.facts());
        };
    }
}
