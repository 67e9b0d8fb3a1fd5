package dev.improv.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import dev.improv.io.Limits;
import dev.improv.music.HeldOutKeyScore;
import dev.improv.music.MusicCorpus;
import dev.improv.music.MusicTokenizer;
import dev.improv.music.MusicVocabulary;
import dev.improv.music.MusicTrainingData;
import dev.improv.music.TuneFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv train music}: trains a music model on folders of MIDI files and MusicXML lead sheets. */
@Command(name = "music",
        header = "Trains a music transformer on folders of MIDI files and MusicXML lead sheets.", mixinStandardHelpOptions = true,
        description = {"Trains a music transformer on one or more folders of MIDI files (.mid) and MusicXML lead sheets "
            + "(.mxl, .musicxml: melody and chord symbols), with transposition augmentation and a held-out validation "
            + "split chosen by file name (inside its folder) and --split-seed.",
            "The best model is written to OUT/model (copy it to models/.../improv/models/music/ to make it the default)."})
public final class TrainMusicCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = {"Folder of .mid/.midi/.mxl/.musicxml files (searched 4 levels deep).",
                "Repeat it to train on a mix, e.g. --data nottingham/midi --data openewld/dataset: each folder's held-out "
                + "share stays the same as alone."})
    List<Path> data;

    @Mixin
    TrainingOptions training = new TrainingOptions("runs/music", 4, 192, 4, 512, 800, 6, 512, 1.5e-3f);

    @Option(names = "--transpose", defaultValue = "6",
            description = "Augment with every transposition in -min(K,5)..+min(K,6) semitones (0: none). Default: ${DEFAULT-VALUE}.")
    int transpose;

    @Option(names = "--valid-share", defaultValue = "0.05", description = "Share of files held out for validation. Default: ${DEFAULT-VALUE}.")
    double validShare;

    @Option(names = "--min-in-key", defaultValue = "0", paramLabel = "SHARE",
            description = {"Leave out training tunes with less than SHARE of their notes in their stated key's scale "
                + "(0: keep all). Default: ${DEFAULT-VALUE}.",
                "Lead sheets full of secondary dominants, or whose key signature is not the key they are in, teach the "
                + "model to ignore the key token; held-out tunes are all kept."})
    double minInKey;

    @Option(names = "--keep-minor", description = "With --min-in-key, keep every minor-key training tune: the filter "
            + "judges them by the natural minor, so the tunes richest in leading tones would go, and minor tunes are few.")
    boolean keepMinor;

    @Option(names = "--in-key-chords", description = {"Take the chord notes outside a training tune's key out of its "
            + "chords (the tune and its melody kept; a minor key keeps its leading tone).",
            "Lead sheets' secondary dominants and altered tones teach the chords to leave the key; held-out tunes stay "
            + "as they are."})
    boolean inKeyChords;

    @Option(names = "--data-weight", paramLabel = "W", split = ",",
            description = {"Sampling weight of each --data folder, in their order (default 1 each): a folder's training "
                + "windows are drawn W times as often per token.",
                "E.g. --data-weight 3,1 leans on the folk tunes' key-keeping and keeps every lead sheet."})
    List<Double> dataWeights;

    @Option(names = "--keep-best", defaultValue = "nll", paramLabel = "nll|in-key",
            description = {"What chooses the checkpoint kept in OUT/model: nll (validation loss) or in-key. "
                + "Default: ${DEFAULT-VALUE}.",
                "in-key: the share of notes in the asked key (as eval music-key counts) of pieces asked in the held-out "
                + "tunes' keys, meters and tempos, major and minor half each; logged at every validation."})
    String keepBest;

    @Option(names = "--key-pieces", defaultValue = "40", paramLabel = "N",
            description = "With --keep-best in-key: pieces of 4 bars a mode at each validation. Default: ${DEFAULT-VALUE}.")
    int keyPieces;

    @Option(names = "--max-valid-loss", paramLabel = "LOSS",
            description = {"With --keep-best in-key: choose only among checkpoints whose validation loss is at most "
                + "LOSS.", "E.g. the starting model's, so the key is not bought with likelihood. Default: any."})
    Double maxValidLoss;

    @Option(names = "--split-seed", defaultValue = "7", description = "Decides which files are held out. Default: ${DEFAULT-VALUE}.")
    long splitSeed;

    @Override
    public Integer call() throws Exception {
        training.check();
        if (!(validShare > 0 && validShare < 0.5)) {
            throw new IllegalArgumentException("--valid-share must be in (0, 0.5), got " + validShare);
        }
        if (!(minInKey >= 0 && minInKey < 1)) {
            throw new IllegalArgumentException("--min-in-key must be in [0, 1), got " + minInKey);
        }
        if (keepMinor && minInKey == 0) {
            throw new IllegalArgumentException("--keep-minor only makes sense with --min-in-key");
        }
        if (transpose < 0) {
            throw new IllegalArgumentException("--transpose must be >= 0, got " + transpose);
        }
        List<Double> weights = dataWeights == null ? data.stream().map(d -> 1.0).toList() : dataWeights;
        if (weights.size() != data.size()) {
            throw new IllegalArgumentException("--data-weight gives " + weights.size() + " weights for " + data.size()
                    + " --data folders; give one a folder");
        }
        for (double w : weights) {
            if (!(w > 0 && w <= 1000)) {
                throw new IllegalArgumentException("--data-weight must be in (0, 1000], got " + w);
            }
        }
        if (!keepBest.equals("nll") && !keepBest.equals("in-key")) {
            throw new IllegalArgumentException("--keep-best must be nll or in-key, got '" + keepBest + "'");
        }
        Limits.require("--key-pieces", keyPieces, 1, 10_000);
        if (maxValidLoss != null && !keepBest.equals("in-key")) {
            throw new IllegalArgumentException("--max-valid-loss only makes sense with --keep-best in-key");
        }
        if (maxValidLoss != null && !(maxValidLoss > 0 && maxValidLoss < 100)) {
            throw new IllegalArgumentException("--max-valid-loss must be in (0, 100), got " + maxValidLoss);
        }
        // Checked before the (slow) data preparation, so a wrong --init fails at once.
        LanguageModel start = training.initModel();
        TrainingOptions.requireSame(start, "/training/splitSeed", "--split-seed", splitSeed);
        TrainingOptions.requireSame(start, "/training/validShare", "--valid-share", validShare);
        MusicTokenizer tokenizer = new MusicTokenizer(MusicVocabulary.standard());
        TuneFilter filter = new TuneFilter(minInKey, keepMinor, inKeyChords);
        MusicTrainingData split = MusicTrainingData.prepare(data, tokenizer, validShare, splitSeed, MusicCorpus.shifts(transpose),
                filter, System.err::println);
        System.err.printf("train: %d tunes, %d documents, %d tokens; valid: %d tunes, %d tokens%n",
                split.trainNames().size(), split.train().size(), split.train().stream().mapToLong(d -> d.length).sum(),
                split.validNames().size(), split.valid().stream().mapToLong(d -> d.length).sum());
        TokenCorpus corpus = new TokenCorpus(tokenizer.vocabulary().size(), split.train(), split.valid(), null, null,
                split.trainWeights(weights));
        TransformerConfig config = training.config(tokenizer.vocabulary().size(), start);
        TrainingSettings settings = training.settings(config);
        ObjectNode metadata = split.metadata(tokenizer, data, transpose, validShare, splitSeed, filter);
        MusicTrainingData.recordSchedule(metadata, weights, keepBest);
        if (maxValidLoss != null) {
            ((ObjectNode) metadata.get("training")).put("maxValidLoss", maxValidLoss);
        }
        HeldOutKeyScore keyScore = null;
        if (keepBest.equals("in-key")) {
            keyScore = new HeldOutKeyScore(split.validSongs(), keyPieces, 4,
                    maxValidLoss == null ? Double.POSITIVE_INFINITY : maxValidLoss);
            System.err.println("keeping the checkpoint with most notes in key: " + keyScore.describe());
        }
        TrainingReport report = Trainer.train(config, corpus, settings, training.out, training.resume, metadata, start,
                keyScore);
        ObjectNode line = TrainingOptions.reportLine(report);
        System.out.println(line);
        if (report.bestStep() < 0) {
            System.err.println("no checkpoint had a validation loss <= " + maxValidLoss + "; no model kept in "
                    + report.modelDir());
            return 1;
        }
        return 0;
    }
}
