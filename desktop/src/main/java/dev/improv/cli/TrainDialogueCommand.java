package dev.improv.cli;

import dev.improv.dialogue.Conversation;
import dev.improv.dialogue.DialogueTraining;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.model.LanguageModel;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv train dialogue}: trains the NPC dialogue model on a Persona-Chat CSV. */
@Command(name = "dialogue", mixinStandardHelpOptions = true,
        description = {"Train the NPC dialogue model (BPE tokenizer + transformer) on a Persona-Chat CSV.",
                "Holds out whole conversations for validation; the best model is written to OUT/model."})
public final class TrainDialogueCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "CSV with columns user 1 personas, user 2 personas, conversation.")
    Path data;

    @Mixin
    TrainingOptions training = new TrainingOptions("runs/dialogue", 4, 192, 3, 256, 400, 8, 256, 2e-3f);

    @Option(names = "--vocab", defaultValue = "1536",
            description = "Tokenizer vocabulary size (with --init, the model's tokenizer is kept). Default: ${DEFAULT-VALUE}.")
    int vocab;

    @Option(names = "--valid-share", defaultValue = "0.04", description = "Share of conversations held out. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "1", description = "Fixes which conversations are held out. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    {
        training.warmup = 30;
        training.evalEvery = 50;
    }

    @Override
    public Integer call() throws Exception {
        List<Conversation> conversations = PersonaChatCsv.read(data, skipped -> System.err.println("skipped: " + skipped));
        var options = new DialogueTraining.Options(vocab, training.layers, training.width, training.heads,
                training.context, validShare, splitSeed);
        LanguageModel start = training.initModel();
        TrainingOptions.requireSame(start, "/split/seed", "--split-seed", splitSeed);
        TrainingOptions.requireSame(start, "/split/validShare", "--valid-share", validShare);
        // The shape is known once the tokenizer is: DialogueTraining takes it from start or the options.
        TrainingSettings settings = training.settings(training.config(vocab, start));
        TrainingReport r = DialogueTraining.train(conversations, data.toAbsolutePath().toString(), options,
                training.dropout, settings, training.out, training.resume, start);
        System.out.printf(Locale.ROOT, "best validation loss %.4f (perplexity %.2f) at step %d of %d; %.0f s, %.0f tokens/s%s%n"
                        + "model: %s%n", r.bestValidLoss(), Math.exp(r.bestValidLoss()), r.bestStep(), r.steps(), r.seconds(),
                r.tokensPerSecond(), r.stoppedEarly() ? "; stopped early" : "", r.modelDir());
        return 0;
    }
}
