package dev.improv.cli;

import dev.improv.dialogue.NpcEvaluation;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.dialogue.RankerTraining;
import dev.improv.dialogue.corpus.NpcTrainingSet;
import dev.improv.dialogue.Conversation;
import dev.improv.model.DjlRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv train ranker}: the reply ranker on Persona-Chat. */
@Command(name = "ranker", mixinStandardHelpOptions = true,
        header = "Trains the reply ranker (word vectors, StarSpace-style) on Persona-Chat.",
        description = {"Trains the reply ranker on DIR/persona-chat/train.csv: word vectors such that the sum over a "
                + "conversation (last line, the line before, the speaker's persona) lies closest to the sum over the "
                + "reply that really followed, with the other replies of each batch as negatives.",
                "Holds out the same conversations as 'improv train dialogue' with the same --valid-share and "
                + "--split-seed (they are what 'improv eval dialogue' measures hits@1 on), and a further share of the "
                + "training conversations to pick the best epoch. Writes OUT/checkpoint.safetensors after every epoch "
                + "(--resume continues it) and the best epoch to OUT/model/ranker.safetensors."})
public final class TrainRankerCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The data folder holding persona-chat/train.csv.")
    Path data;

    @Option(names = "--out", defaultValue = "runs/ranker", description = "Run folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last epoch.")
    boolean resume;

    @Option(names = "--dim", defaultValue = "128", description = "Word vector size (2..1024). Default: ${DEFAULT-VALUE}.")
    int dim;

    @Option(names = "--epochs", defaultValue = "8", description = "Passes over the training moments (1..1000). Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch", defaultValue = "512", description = "Moments per step (2..8192); each reply is a negative for the others. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--lr", defaultValue = "0.003", description = "Adam learning rate, in (0, 1). Default: ${DEFAULT-VALUE}.")
    float lr;

    @Option(names = "--word-dropout", defaultValue = "0.1", description = "Share of conversation words dropped in each step, in [0, 1). Default: ${DEFAULT-VALUE}.")
    float wordDropout;

    @Option(names = "--min-count", defaultValue = "3", description = "Words seen fewer times are left out (1 or more). Default: ${DEFAULT-VALUE}.")
    int minCount;

    @Option(names = "--valid-share", defaultValue = "0.02", description = "Share of conversations held out for evaluation, as in 'train dialogue'. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "1", description = "Fixes which conversations are held out, as in 'train dialogue'. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--device", defaultValue = "auto", description = "auto (a GPU when there is one), cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Override
    public Integer call() throws Exception {
        // The options are checked before the corpus is read (a minute for Persona-Chat), not after.
        RankerTraining.Settings settings = new RankerTraining.Settings(dim, epochs, batch, lr, wordDropout, minCount, seed.value());
        Path csv = data.resolve("persona-chat/train.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException(csv + ": not found (expected the data folder, e.g. ../shared/data)");
        }
        if (!(validShare > 0 && validShare < 0.5)) {
            throw new IllegalArgumentException("--valid-share must be in (0, 0.5), got " + validShare);
        }
        List<Conversation> all = PersonaChatCsv.read(csv, s -> { });
        // Evaluation's conversations are out; of the rest, a further 5% picks the best epoch.
        java.util.function.Predicate<Conversation> evaluated = c -> NpcTrainingSet.heldOut("persona-chat:" + c.line(), validShare, splitSeed);
        java.util.function.Predicate<Conversation> picking = c -> NpcTrainingSet.heldOut("ranker-valid:" + c.line(), 0.05, splitSeed);
        List<NpcEvaluation.Moment> train = RankerTraining.moments(all, c -> !evaluated.test(c) && !picking.test(c));
        List<NpcEvaluation.Moment> valid = RankerTraining.moments(all, c -> !evaluated.test(c) && picking.test(c));
        Map<String, String> provenance = Map.of("data", "persona-chat/train.csv (Synthetic-Persona-Chat)",
                "valid_share", String.valueOf(validShare), "split_seed", String.valueOf(splitSeed),
                "command", "improv train ranker --dim " + dim + " --epochs " + epochs + " --batch " + batch + " --lr " + lr
                        + " --word-dropout " + wordDropout + " --min-count " + minCount + " --seed " + seed.value());
        RankerTraining.Report r = RankerTraining.train(train, valid, settings, provenance, out, resume, DjlRuntime.device(device), System.err::println);
        System.out.printf(Locale.ROOT, "best validation hits@1 %.3f at epoch %d, %.0f s; model in %s%n",
                r.bestValidHits(), r.bestEpoch(), r.seconds(), r.model());
        return 0;
    }
}
