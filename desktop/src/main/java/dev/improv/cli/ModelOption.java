package dev.improv.cli;

import dev.improv.model.LanguageModel;
import java.io.IOException;
import picocli.CommandLine.Option;

/** The {@code --model} option of every command that runs a transformer: a folder or a default model's name. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "FOLDER|NAME",
            description = "A model folder (model.json and weights.safetensors, as train writes) or the name of a"
                    + " default model in improv-models (music, drums, dialogue, level-smb...). Default: ${DEFAULT-VALUE}.")
    private String model;

    /** For picocli; commands give their own default. */
    ModelOption() {
        this("music");
    }

    ModelOption(String defaultModel) {
        this.model = defaultModel;
    }

    /** Loads the model; a missing folder or name is an IOException naming it. */
    LanguageModel load() throws IOException {
        return LanguageModel.loadFolderOrDefault(model);
    }
}
