package dev.improv.cli;

import dev.improv.io.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.model.AtomicFiles;
import dev.improv.model.LanguageModel;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every training command shares: where the run lives, how to resume or where to start
 * from, the model's shape and the optimisation schedule. Each command builds one with its own
 * defaults (a music model wants a longer context than a level model) and mixes it in with
 * {@code @Mixin}; picocli keeps the instance, so the defaults are the fields' initial values.
 */
final class TrainingOptions {
    @Option(names = "--out", description = "Run folder (checkpoint, log.csv, loss.png, model/). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its checkpoint (after a kill, at any moment).")
    boolean resume;

    @Option(names = "--init", paramLabel = "MODEL",
            description = {"Start from this model's weights (a folder, or the name of a shipped default model) instead "
                    + "of random ones.", "The shape options are then taken from it; its held-out split must match this run's."})
    String init;

    @Option(names = "--layers", description = "Transformer blocks. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--width", description = "Model width. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--heads", description = "Attention heads (must divide the width). Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--context", description = "Context in tokens; longer streams slide. Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--dropout", description = "Dropout while training. Default: ${DEFAULT-VALUE}.")
    float dropout = 0.1f;

    @Option(names = "--steps", description = "Optimisation steps at most. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--batch", description = {"Windows per step (1.." + Limits.MAX_TRAIN_BATCH + "). Default: ${DEFAULT-VALUE}.",
            "The shape and batch must fit in half this machine's memory (estimated before training starts)."})
    int batch;

    @Option(names = "--seq-len", description = "Tokens per training window (at most --context). Default: ${DEFAULT-VALUE}.")
    int seqLen;

    @Option(names = "--lr", description = "Peak learning rate; the cosine decay ends at a tenth of it. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--warmup", description = "Linear warm-up steps. Default: ${DEFAULT-VALUE}.")
    int warmup = 100;

    @Option(names = "--eval-every", description = "Validate, checkpoint and keep the best model every N steps. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 100;

    @Option(names = "--patience", description = "Stop after N validations without improvement (0: never). Default: ${DEFAULT-VALUE}.")
    int patience = 5;

    @Option(names = "--seed", description = "Initialisation, batch order and dropout. Default: ${DEFAULT-VALUE}.")
    long seed = 1337;

    @Option(names = "--device", description = "auto (a GPU when there is one), cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device = "auto";

    /** Defaults for a domain: its run folder, model shape and schedule. */
    TrainingOptions(String out, int layers, int width, int heads, int context, int steps, int batch, int seqLen,
                    float learningRate) {
        this.out = Path.of(out);
        this.layers = layers;
        this.width = width;
        this.heads = heads;
        this.context = context;
        this.steps = steps;
        this.batch = batch;
        this.seqLen = seqLen;
        this.learningRate = learningRate;
    }

    /** The model --init names, or null for a run from random weights. */
    LanguageModel initModel() throws IOException {
        return init == null ? null : LanguageModel.loadFolderOrDefault(init);
    }

    /** The shape to train: {@code start}'s when there is one, else the options'. */
    TransformerConfig config(int vocabSize, LanguageModel start) {
        return start != null ? start.config().withDropout(dropout)
                : new TransformerConfig(vocabSize, layers, width, heads, context, dropout);
    }

    /**
     * Fails unless {@code start} is null or its metadata at {@code pointer} (a JSON pointer such as
     * "/training/splitSeed") equals this run's value: a run from a model that held out other data
     * would report a "held-out" score on data its starting weights were trained on.
     */
    static void requireSame(LanguageModel start, String pointer, String option, double value) {
        if (start == null) {
            return;
        }
        JsonNode saved = start.metadata().at(pointer);
        if (!saved.isNumber() || saved.asDouble() != value) {
            throw new IllegalArgumentException("--init model '" + start.name() + "' was trained with " + option + " "
                    + (saved.isMissingNode() ? "(not recorded)" : saved.asText()) + ", this run uses " + value
                    + ": use the same split so held-out data stays held out");
        }
    }

    /**
     * Checks every option a mistake can be made in before the corpus is read (a minute or more for the
     * dialogue and music corpora, which a wrong {@code --lr} or {@code --out} used to cost): the schedule's
     * numbers, the shape unless {@code --init} gives it (the vocabulary is not known yet; any size does for
     * the check), and the run folder ({@code --out} a file, {@code --resume} where no run was, a new run
     * over an old one). Call it first in a training command.
     */
    void check() throws IOException {
        schedule(seqLen);
        if (init == null) {
            try {
                new TransformerConfig(2, layers, width, heads, context, dropout);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("model config field '", "the shape's '")
                        + " (--layers, --width, --heads, --context, --dropout)");
            }
        }
        Trainer.checkRunFolder(out, resume);
        // A folder that cannot be made (under a file) fails now too, and a refused run leaves no folder behind.
        AtomicFiles.requireWritable(out.resolve("log.csv"));
    }

    TrainingSettings settings(TransformerConfig config) {
        Limits.requireTrainingFits(config.parameterCount(), config.layers(), config.width(), config.heads(),
                config.vocabSize(), batch, Math.min(seqLen, config.context()));
        return schedule(Math.min(seqLen, config.context()));
    }

    private TrainingSettings schedule(int windowTokens) {
        Limits.require("--batch", batch, 1, Limits.MAX_TRAIN_BATCH);
        Limits.require("--steps", steps, 1, 100_000_000);
        Limits.require("--seq-len", seqLen, 2, Integer.MAX_VALUE);
        Limits.require("--warmup", warmup, 0, Integer.MAX_VALUE);
        Limits.require("--eval-every", evalEvery, 1, Integer.MAX_VALUE);
        Limits.require("--patience", patience, 0, Integer.MAX_VALUE);
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("--lr must be in (0, 1), got " + learningRate);
        }
        return TrainingSettings.defaults().withSteps(steps).withBatch(batch).withSeqLen(windowTokens)
                .withLearningRate(learningRate, learningRate / 10).withWarmup(Math.min(warmup, steps / 10 + 1))
                .withEval(Math.min(evalEvery, steps), patience).withSeed(seed).withDevice(device);
    }

    /** The JSON line a training command prints when its run ends. */
    static com.fasterxml.jackson.databind.node.ObjectNode reportLine(dev.improv.model.TrainingReport report) {
        com.fasterxml.jackson.databind.node.ObjectNode line = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        line.put("steps", report.steps());
        line.put("best_valid_nll", report.bestValidLoss());
        line.put("best_step", report.bestStep());
        line.put("seconds", Math.round(report.seconds()));
        line.put("tokens_per_second", Math.round(report.tokensPerSecond()));
        line.put("model", report.modelDir().toString());
        return line;
    }
}
