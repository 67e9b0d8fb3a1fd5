package dev.improv.cli;

import dev.improv.dialogue.Conversation;
import dev.improv.dialogue.DialogueTraining;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv train dialogue}: trains the NPC dialogue model on a Persona-Chat CSV. */
@Command(name = "dialogue", mixinStandardHelpOptions = true,
        description = {"Train the NPC dialogue model (BPE tokenizer + transformer) on a Persona-Chat CSV.",
                "Holds out whole conversations for validation; the best model is written to OUT/model."})
public final class TrainDialogueCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "CSV with columns user 1 personas, user 2 personas, conversation.")
    Path data;

    @Option(names = "--out", defaultValue = "runs/dialogue", description = "Run folder (checkpoints, log.csv, loss.png, model/). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its checkpoint.")
    boolean resume;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "Start from this model's weights and tokenizer (a folder, or 'dialogue' for the shipped default) "
                    + "instead of random ones; --vocab and the shape options are then taken from it, and its split must match.")
    String init;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout while training. Default: ${DEFAULT-VALUE}.")
    float dropout;

    @Option(names = "--vocab", defaultValue = "1536", description = "Tokenizer vocabulary size. Default: ${DEFAULT-VALUE}.")
    int vocab;

    @Option(names = "--layers", defaultValue = "4", description = "Transformer blocks. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--width", defaultValue = "192", description = "Embedding width. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--heads", defaultValue = "3", description = "Attention heads. Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--context", defaultValue = "256", description = "Model context in tokens. Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--seq-len", defaultValue = "256", description = "Training window; documents are packed to fit it (keep it equal to --context so every position is trained). Default: ${DEFAULT-VALUE}.")
    int seqLen;

    @Option(names = "--batch", defaultValue = "8", description = "Windows per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--steps", defaultValue = "400", description = "Optimisation steps at most. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--lr", defaultValue = "2e-3", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--warmup", defaultValue = "30", description = "Linear warm-up steps. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--eval-every", defaultValue = "50", description = "Validate every N steps. Default: ${DEFAULT-VALUE}.")
    int evalEvery;

    @Option(names = "--valid-share", defaultValue = "0.04", description = "Share of conversations held out. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "1", description = "Fixes which conversations are held out. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--seed", defaultValue = "1337", description = "Initialisation, batches and dropout. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        List<Conversation> conversations = PersonaChatCsv.read(data, skipped -> System.err.println("skipped: " + skipped));
        TrainingSettings settings = TrainingSettings.defaults().withSteps(steps).withBatch(batch).withSeqLen(seqLen)
                .withLearningRate(learningRate, learningRate / 10).withWarmup(warmup).withEval(evalEvery, 5).withSeed(seed)
                .withDevice(device);
        var options = new DialogueTraining.Options(vocab, layers, width, heads, context, validShare, splitSeed);
        TrainingReport r = DialogueTraining.train(conversations, data.toAbsolutePath().toString(), options, dropout,
                settings, out, resume, init == null ? null : InitModel.load(init));
        System.out.printf(Locale.ROOT, "best validation loss %.4f (perplexity %.2f) at step %d of %d; %.0f s, %.0f tokens/s%s%n"
                        + "model: %s%n", r.bestValidLoss(), Math.exp(r.bestValidLoss()), r.bestStep(), r.steps(), r.seconds(),
                r.tokensPerSecond(), r.stoppedEarly() ? "; stopped early" : "", r.modelDir());
        return 0;
    }
}
