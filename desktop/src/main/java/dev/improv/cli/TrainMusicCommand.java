package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import dev.improv.music.MusicCorpus;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.MusicTrainingData;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv train music}: trains a music model on a folder of MIDI files. */
@Command(name = "music", mixinStandardHelpOptions = true,
        description = {"Trains a music transformer on a folder of MIDI files, with transposition augmentation",
            "and a held-out validation split chosen by file name and --split-seed.",
            "The best model is written to OUT/model (copy it to models/.../improv/models/music/ to make it the default)."})
public final class TrainMusicCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of .mid/.midi files.")
    Path data;

    @Option(names = "--out", defaultValue = "runs/music", description = "Run folder (log, checkpoints, model). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its checkpoint.")
    boolean resume;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "Start from this model's weights (a folder, or 'music' for the shipped default) instead of "
                    + "random ones; the shape options are then taken from it, and its split must match this run's.")
    String init;

    @Option(names = "--steps", defaultValue = "800", description = "Optimisation steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--layers", defaultValue = "4", description = "Transformer blocks. Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--width", defaultValue = "192", description = "Model width. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--heads", defaultValue = "4", description = "Attention heads. Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--context", defaultValue = "512", description = "Context length in tokens (about 15 bars). Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout. Default: ${DEFAULT-VALUE}.")
    float dropout;

    @Option(names = "--batch", defaultValue = "6", description = "Windows per step. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seq-len", defaultValue = "512", description = "Tokens per training window (long enough to see an 8-bar repeat). Default: ${DEFAULT-VALUE}.")
    int seqLen;

    @Option(names = "--lr", defaultValue = "1.5e-3", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--eval-every", defaultValue = "100", description = "Validate every N steps. Default: ${DEFAULT-VALUE}.")
    int evalEvery;

    @Option(names = "--transpose", defaultValue = "6",
            description = "Augment with every transposition in -min(K,5)..+min(K,6) semitones (0: none). Default: ${DEFAULT-VALUE}.")
    int transpose;

    @Option(names = "--valid-share", defaultValue = "0.05", description = "Share of files held out for validation. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "7", description = "Decides which files are held out. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--seed", defaultValue = "1337", description = "Initialisation and batch order. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        if (!(validShare > 0 && validShare < 0.5)) {
            throw new IllegalArgumentException("--valid-share must be in (0, 0.5), got " + validShare);
        }
        if (transpose < 0) {
            throw new IllegalArgumentException("--transpose must be >= 0, got " + transpose);
        }
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        MusicTrainingData split = MusicTrainingData.prepare(data, tokenizer, validShare, splitSeed, MusicCorpus.shifts(transpose),
                System.err::println);
        System.err.printf("train: %d tunes, %d documents, %d tokens; valid: %d tunes, %d tokens%n",
                split.trainNames().size(), split.train().size(), split.train().stream().mapToLong(d -> d.length).sum(),
                split.validNames().size(), split.valid().stream().mapToLong(d -> d.length).sum());
        TokenCorpus corpus = new TokenCorpus(tokenizer.vocabulary().size(), split.train(), split.valid());
        LanguageModel start = init == null ? null : InitModel.load(init);
        TransformerConfig config = start != null ? start.config().withDropout(dropout)
                : new TransformerConfig(tokenizer.vocabulary().size(), layers, width, heads, context, dropout);
        if (start != null) {
            InitModel.requireSame(start, "/training/splitSeed", "--split-seed", splitSeed);
            InitModel.requireSame(start, "/training/validShare", "--valid-share", validShare);
        }
        TrainingSettings settings = TrainingSettings.defaults().withSteps(steps).withBatch(batch)
                .withSeqLen(Math.min(seqLen, config.context())).withLearningRate(learningRate, learningRate / 10)
                .withEval(evalEvery, 5).withSeed(seed).withDevice(device);
        ObjectNode metadata = split.metadata(tokenizer, data, transpose, validShare, splitSeed);
        TrainingReport report = start == null ? Trainer.train(config, corpus, settings, out, resume, metadata)
                : Trainer.train(config, corpus, settings, out, resume, metadata, start);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("steps", report.steps());
        line.put("best_valid_nll", report.bestValidLoss());
        line.put("best_step", report.bestStep());
        line.put("seconds", Math.round(report.seconds()));
        line.put("tokens_per_second", Math.round(report.tokensPerSecond()));
        line.put("model", report.modelDir().toString());
        System.out.println(line);
        return 0;
    }
}
