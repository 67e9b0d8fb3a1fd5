package dev.improv.cli;

import dev.improv.dialogue.DialogueTraining;
import dev.improv.dialogue.Lexicon;
import dev.improv.dialogue.LeadInCounts;
import dev.improv.dialogue.corpus.NpcTrainingSet;
import dev.improv.model.AtomicFiles;
import dev.improv.model.LanguageModel;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv train dialogue}: trains the NPC dialogue model on the dialogue corpora. */
@Command(name = "dialogue",
        header = "Trains the NPC dialogue model (BPE tokenizer + transformer) on the dialogue corpora.", mixinStandardHelpOptions = true,
        description = {"Trains the NPC dialogue model (BPE tokenizer + transformer) on the dialogue corpora under DIR: "
                + "sgd/ (answers from service records), taskmaster4/ (a coffee-bar counter), casino/ (bargaining), "
                + "persona-chat/ (speaking in character) and light/ (fantasy characters, places and things, made into "
                + "NPC cards with questions about them). Each example is facts + persona + conversation + player line "
                + "-> reply, with the loss on the reply alone. Holds out whole conversations for validation; the best "
                + "model is written to OUT/model."})
public final class TrainDialogueCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "The data folder holding the corpora (e.g. ../shared/data); missing corpora are left out with a warning.")
    Path data;

    @Mixin
    TrainingOptions training = new TrainingOptions("runs/dialogue", 4, 192, 3, 256, 3000, 16, 256, 2e-3f);

    @Option(names = "--vocab", defaultValue = "2048",
            description = "Tokenizer vocabulary size (with --init, the model's tokenizer is kept). Default: ${DEFAULT-VALUE}.")
    int vocab;

    @Option(names = "--valid-share", defaultValue = "0.02", description = "Share of conversations held out. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "1", description = "Fixes which conversations are held out. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Option(names = "--show", paramLabel = "N", defaultValue = "0",
            description = "Print N training examples drawn evenly from the mix, as the model will read them, and stop.")
    int show;

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = {"Write the lower-case words the training replies and personas use at least twice to FILE, one a line, and stop: "
                    + "the word list NPC replies are checked against (shipped as core's improv/dialogue/lexicon.txt)."})
    Path lexicon;

    @Option(names = "--lead-ins", paramLabel = "FILE",
            description = {"Write the lead-ins the training replies say before a price, a time, a count, a day, a place or a "
                    + "name (at least 3 times each), gzipped, to FILE and stop: what an NPC line may say before the value "
                    + "it answers with (shipped as core's improv/dialogue/lead-ins.txt.gz)."})
    Path leadIns;

    {
        training.warmup = 30;
        training.evalEvery = 200;
    }

    @Override
    public Integer call() throws Exception {
        if (lexicon == null && leadIns == null && show == 0) {
            training.check(); // the other modes write no run
        }
        NpcTrainingSet set = NpcTrainingSet.read(data, validShare, splitSeed, System.err::println);
        System.err.println("dialogue: examples per source " + set.counts() + "; " + set.train().size()
                + " to train on, " + set.valid().size() + " held out");
        if (lexicon != null) {
            Map<String, Integer> counts = new TreeMap<>();
            for (var x : set.train()) {
                Lexicon.words(x.reply()).forEach(w -> counts.merge(w, 1, Integer::sum));
                x.persona().forEach(p -> Lexicon.words(p).forEach(w -> counts.merge(w, 1, Integer::sum)));
            }
            StringBuilder out = new StringBuilder("# Words of the dialogue corpora's training replies and personas, seen at least twice:\n"
                    + "# improv train dialogue --data DIR --lexicon FILE (see Lexicon).\n");
            counts.forEach((w, n) -> {
                if (n >= 2) {
                    out.append(w).append('\n');
                }
            });
            AtomicFiles.writeString(lexicon, out.toString());
            System.err.println("lexicon: " + out.chars().filter(c -> c == '\n').count() + " lines written to " + lexicon);
            return 0;
        }
        if (leadIns != null) {
            LeadInCounts counts = new LeadInCounts();
            set.train().forEach(x -> counts.add(x.reply()));
            counts.write(leadIns, "the training replies of 'improv train dialogue --data DIR' (split seed " + splitSeed
                    + ", valid share " + validShare + ")");
            System.err.printf("lead-ins: %d sentences with a value, %d lead-ins said %d+ times, written to %s%n",
                    counts.sentences(), counts.standing(), LeadInCounts.MIN_COUNT, leadIns);
            return 0;
        }
        if (show > 0) {
            for (int i = 0; i < show; i++) {
                var x = set.train().get((int) ((long) i * set.train().size() / show));
                System.out.println("[" + x.source() + "] persona " + x.persona() + "\n  facts " + x.facts());
                x.turns().forEach(t -> System.out.println("  " + t.speaker() + ": " + t.text()));
                System.out.println("  -> " + x.reply() + "\n");
            }
            return 0;
        }
        var options = new DialogueTraining.Options(vocab, training.layers, training.width, training.heads,
                training.context, validShare, splitSeed);
        LanguageModel start = training.initModel();
        TrainingOptions.requireSame(start, "/split/seed", "--split-seed", splitSeed);
        TrainingOptions.requireSame(start, "/split/validShare", "--valid-share", validShare);
        // The shape is known once the tokenizer is: DialogueTraining takes it from start or the options.
        TrainingSettings settings = training.settings(training.config(vocab, start));
        TrainingReport r = DialogueTraining.train(set, data.toAbsolutePath().toString(), options,
                training.dropout, settings, training.out, training.resume, start);
        System.out.printf(Locale.ROOT, "best validation loss %.4f (perplexity %.2f) at step %d of %d; %.0f s, %.0f tokens/s%s%n"
                        + "model: %s%n", r.bestValidLoss(), Math.exp(r.bestValidLoss()), r.bestStep(), r.steps(), r.seconds(),
                r.tokensPerSecond(), r.stoppedEarly() ? "; stopped early" : "", r.modelDir());
        return 0;
    }
}
