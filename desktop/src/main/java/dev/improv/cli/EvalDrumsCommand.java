package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.drums.DrumGenerator;
import dev.improv.drums.DrumTake;
import dev.improv.drums.DrumTokenizer;
import dev.improv.drums.GrooveCorpus;
import dev.improv.model.Evaluation;
import dev.improv.model.LanguageModel;
import dev.improv.model.NgramModel;
import dev.improv.music.MusicCorpus;
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

/** {@code improv eval drums}: the drum model's NLL on unseen takes against a smoothed n-gram's. */
@Command(name = "drums", mixinStandardHelpOptions = true,
        header = "Measures the drum model's log-likelihood on unseen drum takes, beside an n-gram baseline.",
        description = {"Mean negative log-likelihood per token (natural log) of the drum model on the drum MIDI files in "
            + "--data (labelled from Groove-style file names), beside a Witten-Bell n-gram trained on the model's own "
            + "training takes, its order chosen on the training folder's validation takes. Takes the model was trained "
            + "on are recognised by content and left out. Prints one JSON line."})
public final class EvalDrumsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of drum .mid files to evaluate on.")
    Path data;

    @Mixin
    ModelOption model = new ModelOption("drums");

    @Option(names = "--train",
            description = "Folder the model was trained on, for the n-gram (default: the folder recorded in the model).")
    Path train;

    @Override
    public Integer call() throws Exception {
        LanguageModel lm = model.load();
        DrumTokenizer tokenizer = new DrumGenerator(lm).tokenizer();
        JsonNode training = lm.metadata().path("training");
        Set<String> seen = new HashSet<>();
        training.path("trainFingerprints").forEach(n -> seen.add(n.asText()));
        Path trainDir = train != null ? train : Path.of(training.path("data").asText(""));
        if (!Files.isDirectory(trainDir)) {
            throw new IllegalArgumentException("the n-gram baseline needs the model's training folder; " + trainDir
                    + " is not there: pass --train DIR");
        }
        MusicCorpus.Loaded loaded = MusicCorpus.load(data, System.err::println);
        loaded.skipped().forEach(s -> System.err.println("skipped: " + s));
        List<DrumTake> takes = new ArrayList<>();
        loaded.pieces().forEach(p -> takes.add(DrumTake.labelled(p.name(), p.song())));
        List<int[]> docs = new ArrayList<>();
        int excluded = 0;
        for (int[] doc : GrooveCorpus.encode(takes, tokenizer, s -> System.err.println("skipped: " + s))) {
            if (seen.contains(GrooveCorpus.fingerprint(doc))) {
                excluded++;
            } else {
                docs.add(doc);
            }
        }
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + ": no takes left to evaluate (" + excluded + " were training takes)");
        }
        System.err.println("evaluating " + docs.size() + " unseen takes (" + excluded + " training takes left out)");
        GrooveCorpus.Loaded split = GrooveCorpus.load(trainDir, training.path("validShare").asDouble(0.1),
                training.path("splitSeed").asLong(7), s -> { });
        List<int[]> ngramTrain = GrooveCorpus.encode(split.takes(false), tokenizer, s -> { });
        List<int[]> ngramValid = GrooveCorpus.encode(split.takes(true), tokenizer, s -> { });
        NgramModel best = NgramModel.trainBestOrder(tokenizer.vocabulary().size(), ngramTrain, ngramValid,
                (order, v) -> System.err.printf("n-gram order %d: validation nll %.4f%n", order, v));
        double baseline = best.meanNll(docs);
        double nll = Evaluation.meanNll(lm, docs);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("nll", round(nll));
        line.put("baseline_nll", round(baseline));
        line.put("improvement", round(1 - nll / baseline));
        line.put("baseline", "Witten-Bell n-gram, order " + best.order() + ", on the model's " + ngramTrain.size() + " training takes");
        line.put("takes", docs.size());
        line.put("tokens", docs.stream().mapToLong(d -> d.length).sum());
        line.put("excluded_training_takes", excluded);
        line.put("unreadable", loaded.skipped().size());
        System.out.println(line);
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
