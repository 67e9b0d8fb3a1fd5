package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.Evaluation;
import dev.improv.model.LanguageModel;
import dev.improv.model.NgramModel;
import dev.improv.music.MusicCorpus;
import dev.improv.music.MusicGenerator;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicTrainingData;
import dev.improv.music.TuneFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv eval music}: the transformer's NLL on unseen tunes against a smoothed n-gram's. */
@Command(name = "music",
        header = "Mean negative log-likelihood per token of the music model on MIDI files, beside an n-gram baseline.", mixinStandardHelpOptions = true,
        description = {"Mean negative log-likelihood per token (natural log) of the music model on the MIDI files in "
            + "--data, beside a smoothed n-gram baseline trained on the model's own training tunes (same tokens, "
            + "same transpositions). Tunes the model was trained on are recognised by content and left out.",
            "Prints one JSON line."})
public final class EvalMusicCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of .mid/.midi/.mxl/.musicxml files to evaluate on.")
    Path data;

    @Mixin
    ModelOption model = new ModelOption("music");

    @Option(names = "--train", paramLabel = "DIR",
            description = "Folder the model was trained on, for the n-gram; repeat it for a corpus mix (default: the folders "
                + "recorded in the model).")
    List<Path> train;

    @Option(names = "--held-out",
            description = "Score only the files of --data that the model's recorded split (split seed, valid share) holds out, "
                + "by file name: two models trained with the same split are then scored on exactly the same tunes, even if "
                + "one of them never saw the folder at all.")
    boolean heldOut;

    @Option(names = "--baseline-transpose", defaultValue = "0",
            description = "Transpositions for the n-gram's training tunes (0: as written, which suits an n-gram: "
                    + "augmentation spreads its counts over keys the test tunes rarely use). Default: ${DEFAULT-VALUE}.")
    int baselineTranspose;

    @Override
    public Integer call() throws Exception {
        LanguageModel lm = model.load();
        MusicGenerator generator = new MusicGenerator(lm);
        MusicTokenizer tokenizer = generator.tokenizer();
        JsonNode training = lm.metadata().path("training");
        if (!training.isObject()) {
            throw new IllegalArgumentException("model " + model + " records no training data (metadata.training)");
        }
        Set<String> seen = new HashSet<>();
        training.path("trainFingerprints").forEach(n -> seen.add(n.asText()));
        List<Path> trainDirs = new ArrayList<>();
        if (train != null) {
            trainDirs.addAll(train);
        } else if (training.path(MusicTrainingData.DATA_FOLDERS).isArray()) {
            training.path(MusicTrainingData.DATA_FOLDERS).forEach(n -> trainDirs.add(Path.of(n.asText())));
        } else {
            trainDirs.add(Path.of(training.path("data").asText("")));
        }
        for (Path trainDir : trainDirs) {
            if (!Files.isDirectory(trainDir)) {
                throw new IllegalArgumentException("the n-gram baseline needs the model's training folders; " + trainDir
                        + " is not there: pass --train DIR");
            }
        }
        double validShare = training.path("validShare").asDouble(0.1);
        long splitSeed = training.path("splitSeed").asLong(7);

        MusicCorpus.Loaded loaded = MusicCorpus.load(data, System.err::println);
        loaded.skipped().forEach(s -> System.err.println("skipped: " + s));
        List<int[]> docs = new ArrayList<>();
        int excluded = 0;
        int unencodable = 0;
        int notHeldOut = 0;
        for (MusicCorpus.Piece p : loaded.pieces()) {
            if (heldOut && !MusicCorpus.heldOut(p.name(), splitSeed, validShare)) {
                notHeldOut++;
                continue;
            }
            if (seen.contains(MusicTrainingData.fingerprint(tokenizer, p.song()))) {
                excluded++;
                continue;
            }
            try {
                docs.add(tokenizer.encode(p.song()));
            } catch (IllegalArgumentException e) {
                System.err.println("skipped: " + p.name() + ": " + e.getMessage());
                unencodable++;
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + ": no tunes left to evaluate (" + excluded
                    + " were training tunes)");
        }
        System.err.println("evaluating " + docs.size() + " unseen tunes (" + excluded + " training tunes left out)");

        // The n-gram learns from exactly the model's training tunes (same split, same tokens).
        MusicTrainingData split = MusicTrainingData.prepare(trainDirs, tokenizer, validShare, splitSeed,
                MusicCorpus.shifts(baselineTranspose), TuneFilter.of(training), s -> { });
        // The n-gram's order is chosen on the training folder's held-out tunes, never on --data.
        NgramModel best = NgramModel.trainBestOrder(tokenizer.vocabulary().size(), split.train(), split.valid(),
                (order, v) -> System.err.printf("n-gram order %d: validation nll %.4f%n", order, v));
        double baseline = best.meanNll(docs);
        double nll = Evaluation.meanNll(lm, docs);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("nll", round(nll));
        line.put("baseline_nll", round(baseline));
        line.put("improvement", round(1 - nll / baseline));
        line.put("baseline", "Witten-Bell n-gram, order " + best.order() + ", on the model's " + split.trainNames().size()
                + " training tunes" + (baselineTranspose == 0 ? "" : " with transpositions"));
        line.put("tunes", docs.size());
        line.put("tokens", docs.stream().mapToLong(d -> d.length).sum());
        line.put("excluded_training_tunes", excluded);
        if (heldOut) {
            line.put("left_out_not_held_out", notHeldOut);
        }
        line.put("unreadable", loaded.skipped().size());
        line.put("unencodable", unencodable);
        System.out.println(line);
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
