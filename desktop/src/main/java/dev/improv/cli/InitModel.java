package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.model.LanguageModel;
import java.io.IOException;

/**
 * The {@code --init} option of the train commands: a model (a folder, or the name of a shipped
 * default such as "music") whose weights a new run starts from. The run takes its shape from that
 * model, and must hold out the same data, or the "held-out" score would be measured on tunes or
 * conversations the starting weights were trained on.
 */
final class InitModel {
    private InitModel() {
    }

    static LanguageModel load(String spec) throws IOException {
        return LanguageModel.loadFolderOrDefault(spec);
    }

    /**
     * Fails unless the init model's metadata at {@code pointer} (a JSON pointer such as
     * "/training/splitSeed") equals what this run uses.
     */
    static void requireSame(LanguageModel init, String pointer, String option, double value) {
        JsonNode saved = init.metadata().at(pointer);
        if (!saved.isNumber() || saved.asDouble() != value) {
            throw new IllegalArgumentException("--init model '" + init.name() + "' was trained with " + option + " "
                    + (saved.isMissingNode() ? "(not recorded)" : saved.asText()) + ", this run uses " + value
                    + ": use the same split so held-out data stays held out");
        }
    }
}
