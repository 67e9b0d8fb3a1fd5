package dev.improv.cli;

import dev.improv.level.FeatureSet;
import dev.improv.level.GameDefinition;
import dev.improv.level.LevelSpec;
import dev.improv.level.dungeon.RoomCheck;
import dev.improv.level.JumpArcs;
import dev.improv.level.Legend;
import dev.improv.level.LevelCorpus;
import dev.improv.level.VglcReader;
import dev.improv.level.sokoban.BoxobanReader;
import dev.improv.level.sokoban.PuzzleCorpus;
import dev.improv.level.sokoban.PuzzleFingerprints;
import dev.improv.level.sokoban.PuzzleSpec;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code improv train level}: trains a level model on VGLC levels of any tile game, or on push puzzles. */
@Command(name = "level", mixinStandardHelpOptions = true,
        header = "Trains a level model on VGLC text levels that share one legend, or on push puzzles.",
        description = {"Trains a level model on folders of VGLC text levels that share one legend, "
                + "or (--rule push-puzzle, the default for --game boxoban) on Sokoban puzzles in Boxoban's format."})
public final class TrainLevelCommand implements Callable<Integer> {
    @Option(names = "--data", required = true,
            description = "Folder of VGLC .txt levels or one level file (a top-down game: maps of rooms), or for push puzzles "
                    + "a puzzle file or folder (repeat for more).")
    List<Path> data;

    @Option(names = "--legend", description = "The games' legend.json (tags: solid, empty, pipe...). Required for tile games.")
    Path legend;

    @Option(names = "--rule", description = {"What makes a level playable: platformer (tile columns, jump arcs when given), "
            + "top-down (rooms with doors that line up, needs a --game definition) or "
            + "push-puzzle (Sokoban: every puzzle solved for its fewest pushes, which become difficulty bands).",
            "Default: the --game definition's rule, else push-puzzle for --game boxoban, else platformer."})
    String rule;

    @Option(names = "--max-puzzles", description = "Push puzzles: read at most this many (in file order). Default: all.")
    Integer maxPuzzles;

    @Option(names = "--solve-first", description = {"Push puzzles: solve only the first N for their fewest pushes (the "
            + "difficulty bands are fitted to them; the other puzzles train with difficulty \"any\"). Default: all.",
            "Solving takes a few ms a puzzle, minutes for a whole corpus on a busy machine."})
    Integer solveFirst;

    @Option(names = "--features",
            description = "Prompt features: a preset name (smb, lode-runner, zelda) or a JSON file. Default: the --game "
                    + "definition's, else smb.")
    String features;

    @Option(names = "--jumps", description = "Jump arcs for the playability agent (estimated_jumps.json). "
            + "Default: the first data folder's estimated_jumps.json if there is one; none for games without jumps.")
    Path jumps;

    @Option(names = "--no-jumps", description = "Train without a playability agent even if jump arcs are found.")
    boolean noJumps;

    @Option(names = "--game", description = {"A game definition (a built-in name such as smb, zelda, boxoban; a .json file; "
            + "or a folder holding game.json) supplying legend, rule, room size, features and jump arcs; other names are "
            + "only stored in the model.", "Default: the first data folder's name, no definition."})
    String game;

    @Option(names = "--height", description = "Rows per level (others are cropped at the top or padded). Default: the most common.")
    Integer height;

    @Mixin
    TrainingOptions training = new TrainingOptions("runs/level", 4, 128, 4, 1024, 1500, 16, 512, 2e-3f);

    @Option(names = "--valid-every", defaultValue = "8", description = "Every Nth level is held out for validation. Default: ${DEFAULT-VALUE}.")
    int validEvery;

    {
        training.patience = 4;
    }

    @Override
    public Integer call() throws Exception {
        training.check();
        Path defFile = game == null ? null : GameDefinition.find(game);
        GameDefinition def = defFile == null ? null : GameDefinition.read(defFile);
        String r = rule != null ? rule : def != null ? def.rule() : "boxoban".equals(game) ? PuzzleSpec.RULE : LevelSpec.PLATFORMER;
        if (r.equals(PuzzleSpec.RULE)) {
            if (def != null) {
                game = def.name();
            }
            return trainPushPuzzles();
        }
        if (!r.equals(LevelSpec.PLATFORMER) && !r.equals(LevelSpec.TOP_DOWN)) {
            throw new IllegalArgumentException("--rule must be " + LevelSpec.PLATFORMER + ", " + LevelSpec.TOP_DOWN + " or "
                    + PuzzleSpec.RULE + ", got '" + r + "'");
        }
        if (legend == null && def == null) {
            throw new IllegalArgumentException("--legend (or a --game definition) is required to train on tile levels");
        }
        Legend lg = legend != null ? Legend.read(legend) : def.legend();
        VglcReader reader = new VglcReader(lg);
        List<VglcReader.NamedLevel> levels = new ArrayList<>();
        for (Path d : data) {
            levels.addAll(reader.readAll(d));
        }
        String featureName = features != null ? features : def != null ? def.features() : "smb";
        FeatureSet fs = features == null && def != null ? def.featureSet()
                : Files.isRegularFile(Path.of(featureName)) ? FeatureSet.read(Path.of(featureName)) : FeatureSet.preset(featureName);
        String name = def != null ? def.name() : game != null ? game : data.get(0).toAbsolutePath().normalize().getFileName().toString();
        Path arcsFile = jumps != null ? jumps : def != null ? def.jumps() : null;
        if (arcsFile == null && !noJumps && Files.isRegularFile(data.get(0).resolve("estimated_jumps.json"))) {
            arcsFile = data.get(0).resolve("estimated_jumps.json");
        }
        JumpArcs arcs = noJumps || arcsFile == null || r.equals(LevelSpec.TOP_DOWN) ? null : JumpArcs.read(arcsFile);
        LevelCorpus corpus;
        if (r.equals(LevelSpec.TOP_DOWN)) {
            if (def == null) {
                throw new IllegalArgumentException("a top-down game is trained from its --game definition (room size and wall)");
            }
            corpus = LevelCorpus.prepareRooms(name, levels, lg, def.rows(), def.columns(), def.wall(), fs);
            RoomCheck check = new RoomCheck(lg);
            long playable = corpus.rooms().stream().filter(room -> check.problem(room, List.of()) == null).count();
            System.err.printf("rooms: %d (mirrors included), %d playable by the room check (%.1f%%)%n",
                    corpus.rooms().size(), playable, 100.0 * playable / corpus.rooms().size());
        } else {
            int h = height != null ? height : def != null && def.rows() > 0 ? def.rows() : LevelCorpus.commonHeight(levels);
            corpus = LevelCorpus.prepare(name, levels, lg, h, fs, arcs);
        }
        LanguageModel start = training.initModel();
        TrainingOptions.requireSame(start, "/validEvery", "--valid-every", validEvery);
        int context = start != null ? start.config().context() : training.context;
        TokenCorpus tokens = corpus.tokens(validEvery, training.seed, Math.min(training.seqLen, context));
        TransformerConfig config = training.config(tokens.vocabSize(), start);
        TrainingSettings settings = training.settings(config);
        System.err.printf("level corpus: %s; %d training documents (%d tokens), %d validation; vocabulary %d; agent: %s%n",
                corpus, tokens.train().size(), tokens.trainTokens(), tokens.valid().size(), tokens.vocabSize(),
                arcs == null ? "none" : arcsFile);
        // the definition's standsOn travels with the model, so LevelModel.load applies it without the definition
        var meta = (def != null ? corpus.spec().withStanding(def.standing()) : corpus.spec()).toJson();
        meta.put("validEvery", validEvery);
        var trainedOn = meta.putArray("trainedOn");
        data.forEach(d -> trainedOn.add(d.toAbsolutePath().normalize().toString()));
        TrainingReport report = Trainer.train(config, tokens, settings, training.out, training.resume, meta, start);
        System.err.printf("best validation loss %.4f at step %d of %d; %.0f s, %.0f tokens/s; model in %s%n",
                report.bestValidLoss(), report.bestStep(), report.steps(), report.seconds(), report.tokensPerSecond(),
                report.modelDir());
        return 0;
    }

    /** Push puzzles: one document per puzzle, the whole puzzle in one window (context = puzzle tokens). */
    private Integer trainPushPuzzles() throws Exception {
        List<BoxobanReader.NamedPuzzle> read = new ArrayList<>();
        for (Path d : data) {
            read.addAll(BoxobanReader.read(d));
        }
        if (maxPuzzles != null && maxPuzzles < read.size()) {
            read = read.subList(0, Math.max(1, maxPuzzles));
        }
        PuzzleCorpus corpus = PuzzleCorpus.prepare(game != null ? game : "boxoban", read,
                solveFirst != null ? solveFirst : read.size());
        PuzzleSpec spec = corpus.spec();
        LanguageModel start = training.initModel();
        TrainingOptions.requireSame(start, "/validEvery", "--valid-every", validEvery);
        TokenCorpus tokens = corpus.tokens(validEvery, training.seed);
        int docLength = spec.tokenizer().headerLength() + spec.tokenizer().cells();
        training.context = docLength;
        training.seqLen = docLength - 1;
        TransformerConfig config = training.config(tokens.vocabSize(), start);
        TrainingSettings settings = training.settings(config);
        System.err.printf("push puzzles: %d (%d training, %d validation), %d x %d, %d boxes; bands %s; vocabulary %d%n",
                read.size(), tokens.train().size(), tokens.valid().size(), spec.rows() + 2, spec.columns() + 2, spec.boxes(),
                spec.bands(), tokens.vocabSize());
        var meta = spec.toJson();
        meta.put("validEvery", validEvery);
        meta.put("puzzles", read.size());
        meta.put("solvedForBands", solveFirst != null ? Math.min(solveFirst, read.size()) : read.size());
        // Fingerprints of every puzzle read (held-out ones too), so novelty is judged without the corpus.
        meta.put("trainingFingerprints", PuzzleFingerprints.of(corpus.puzzles()).toBase64());
        var trainedOn = meta.putArray("trainedOn");
        data.forEach(d -> trainedOn.add(d.toAbsolutePath().normalize().toString()));
        TrainingReport report = Trainer.train(config, tokens, settings, training.out, training.resume, meta, start);
        System.err.printf("best validation loss %.4f at step %d of %d; %.0f s, %.0f tokens/s; model in %s%n",
                report.bestValidLoss(), report.bestStep(), report.steps(), report.seconds(), report.tokensPerSecond(),
                report.modelDir());
        return 0;
    }
}
