package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.drums.DrumGenerator;
import dev.improv.drums.DrumTokenizer;
import dev.improv.drums.DrumVocabulary;
import dev.improv.drums.GrooveCorpus;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv train drums}: trains the drum model on the Groove MIDI Dataset. */
@Command(name = "drums", mixinStandardHelpOptions = true,
        header = "Trains the drum transformer on drum MIDI files in the Groove MIDI Dataset's layout.",
        description = {"Trains the drum transformer on a folder of drum MIDI files in the Groove MIDI Dataset's layout "
            + "(<id>_<style>_<bpm>_<beat|fill>_<n>-<d>.mid: style and fill come from the names). The folder's info.csv "
            + "decides training and validation takes (its split column); without one, --valid-share of the names is held out.",
            "The best model is written to OUT/model (copy it to models/.../improv/models/drums/ to make it the default)."})
public final class TrainDrumsCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Folder of drum .mid files (e.g. ../shared/data/groove).")
    Path data;

    // Sized to train in under 25 minutes on one thread: about 0.6 M parameters.
    @Mixin
    TrainingOptions training = new TrainingOptions("runs/drums", 3, 128, 4, 512, 650, 8, 256, 2e-3f);

    @Option(names = "--valid-share", defaultValue = "0.1",
            description = "Share of files held out for validation when the folder has no info.csv. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--split-seed", defaultValue = "7", description = "Decides held-out files without an info.csv. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Override
    public Integer call() throws Exception {
        training.check();
        if (!(validShare > 0 && validShare < 0.5)) {
            throw new IllegalArgumentException("--valid-share must be in (0, 0.5), got " + validShare);
        }
        LanguageModel start = training.initModel();
        DrumTokenizer tokenizer = new DrumTokenizer(DrumVocabulary.standard());
        GrooveCorpus.Loaded loaded = GrooveCorpus.load(data, validShare, splitSeed, System.err::println);
        loaded.skipped().forEach(s -> System.err.println("skipped: " + s));
        List<int[]> train = GrooveCorpus.encode(loaded.takes(false), tokenizer, s -> System.err.println("skipped: " + s));
        List<int[]> valid = GrooveCorpus.encode(loaded.takes(true), tokenizer, s -> System.err.println("skipped: " + s));
        if (train.isEmpty() || valid.isEmpty()) {
            throw new IllegalArgumentException("--data " + data + ": " + train.size() + " training and " + valid.size()
                    + " validation takes; both are needed");
        }
        System.err.printf("train: %d takes, %d tokens; valid: %d takes, %d tokens%n", train.size(),
                train.stream().mapToLong(d -> d.length).sum(), valid.size(), valid.stream().mapToLong(d -> d.length).sum());
        TokenCorpus corpus = new TokenCorpus(tokenizer.vocabulary().size(), train, valid);
        TransformerConfig config = training.config(tokenizer.vocabulary().size(), start);
        TrainingSettings settings = training.settings(config);
        ObjectMapper json = new ObjectMapper();
        ObjectNode metadata = json.createObjectNode();
        metadata.put("domain", "drums");
        metadata.set(DrumGenerator.METADATA_VOCABULARY, json.valueToTree(tokenizer.vocabulary().settings()));
        ObjectNode info = metadata.putObject("training");
        info.put("data", data.toAbsolutePath().normalize().toString());
        info.put("validShare", validShare);
        info.put("splitSeed", splitSeed);
        info.put("trainTakes", train.size());
        info.put("validTakes", valid.size());
        ArrayNode prints = info.putArray("trainFingerprints");
        train.stream().map(GrooveCorpus::fingerprint).sorted().forEach(prints::add);
        TrainingReport report = Trainer.train(config, corpus, settings, training.out, training.resume, metadata, start);
        ObjectNode line = TrainingOptions.reportLine(report);
        System.out.println(line);
        return 0;
    }
}
