package dev.improv.cli;

import dev.improv.model.LanguageModel;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --model} option of every command that runs a transformer: a folder or a default model's name, with {@code --weights}. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "FOLDER|NAME",
            description = "A model folder (model.json and weights.safetensors, as train writes) or the name of a"
                    + " default model in improv-models (music, drums, dialogue, level-smb...). Default: ${DEFAULT-VALUE}.")
    private String model;

    @Mixin
    private WeightsOption weights = new WeightsOption();

    /** For picocli; commands give their own default. */
    ModelOption() {
        this("music");
    }

    ModelOption(String defaultModel) {
        this.model = defaultModel;
    }

    /** Loads the model in the --weights format; a missing folder or name is an IOException naming it. */
    LanguageModel load() throws IOException {
        return weights.apply(LanguageModel.loadFolderOrDefault(model));
    }

    /** The --weights choice, for a second model the command loads itself (the band's drums). */
    WeightsOption weights() {
        return weights;
    }
}
