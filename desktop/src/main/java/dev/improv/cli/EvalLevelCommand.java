package dev.improv.cli;

import dev.improv.model.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.Chunk;
import dev.improv.level.ChunkRequest;
import dev.improv.level.FeatureSet;
import dev.improv.level.FeatureSpec;
import dev.improv.level.GameDefinition;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LayoutTally;
import dev.improv.level.LevelCorpus;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelMetrics;
import dev.improv.level.LevelModel;
import dev.improv.level.LevelTokenizer;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.PromptParser;
import dev.improv.level.Standing;
import dev.improv.level.TileGrid;
import dev.improv.level.VglcReader;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleSettings;
import dev.improv.level.sokoban.PuzzleSpec;
import dev.improv.model.Evaluation;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code improv eval level}: generates levels over a spread of prompts and prints one JSON line with
 * playability, prompt accuracy per feature, copying from the corpus and diversity.
 */
@Command(name = "level", mixinStandardHelpOptions = true,
        description = {"Evaluates a level model: playable share, prompt accuracy, copied windows, diversity (one JSON line).",
                "For a top-down model (--game zelda): --n dungeons of --rooms, judged by a walk from the entrance: playable "
                        + "share (every room, door and stair reached, doors lined up, walls closed), rooms and doors reached, "
                        + "prompt accuracy room by room (doors_by_level: a number of doors asked), rooms copied from the "
                        + "corpus, diversity; then --n more dungeons whose rooms each ask for doors on one or two given "
                        + "sides, as a connected sketch has them (door_sides: the share of asked sides met, playable share, "
                        + "copied rooms); and the same check on the training maps (corpus_playable) to show how strict it is.",
                "For a push-puzzle model (--game boxoban): nll and the n-gram's baseline_nll per cell token on the puzzles "
                        + "given with --data (the n-gram is trained on the model's training puzzles; the best order 2-8 on "
                        + "these puzzles is reported), and --n generated puzzles spread over the difficulty bands: "
                        + "solvable share, band met, novel share (not a training puzzle up to symmetry), attempts, time."})
public final class EvalLevelCommand implements Callable<Integer> {
    @Mixin
    WeightsOption weights = new WeightsOption();

    @Option(names = "--game", defaultValue = "smb", description = "A game definition (built-in name such as smb, zelda, "
            + "boxoban; a .json file; a folder holding game.json) whose model is evaluated, a default model name, or a model "
            + "folder. Default: ${DEFAULT-VALUE}.")
    String game;

    @Option(names = "--n", defaultValue = "100", description = "Levels to generate (push puzzles: 0 scores --data only; side-scrollers: 0 prints only heldout_nll, the NLL per token of the levels training held out). Default: ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "--per-prompt", defaultValue = "10", description = "Levels per prompt (diversity is measured among them). Default: ${DEFAULT-VALUE}.")
    int perPrompt;

    @Option(names = "--width", defaultValue = "160",
            description = "Columns per level; a multiple of 16 keeps every chunk whole. Default: ${DEFAULT-VALUE}.")
    int width;

    @Mixin
    SeedOption seed = new SeedOption(7);

    @Option(names = "--prompt", description = "Side-scrollers: every level asks for this (\"\" for nothing, as improv level "
            + "without --prompt) instead of a spread of prompts.")
    String prompt;

    @Option(names = "--attempts", description = "Samples per chunk before repair (default 24); push puzzles: samples per "
            + "puzzle before it gives up (default 64).")
    Integer attempts;

    @Option(names = "--data", description = {"Training level folders for the copy check. Default: those the model was trained on.",
            "Push puzzles: the puzzle files (or folders) to score."})
    List<Path> data;

    @Option(names = "--train-data", description = "Push puzzles: the model's training puzzles for the n-gram baseline. "
            + "Default: those the model names.")
    List<Path> trainData;

    @Option(names = "--out-dir", description = {"Also write every level here as NNN.txt (e.g. for smb_playable.py).",
            "Push puzzles: puzzles.txt (Boxoban format, for sokoban_solvable.py) and requested-bands.txt."})
    Path outDir;

    @Option(names = "--rooms", defaultValue = "4x3",
            description = "Top-down games: dungeon size in rooms, WIDExHIGH. Default: ${DEFAULT-VALUE}.")
    String rooms;

    @Override
    public Integer call() throws Exception {
        Path definitionFile = GameDefinition.find(game);
        GameDefinition definition = definitionFile == null ? null : GameDefinition.read(definitionFile);
        LanguageModel lm = weights.apply(LevelModel.loadLanguageModel(definition != null ? definition.modelSpec() : game));
        if (PuzzleSpec.describes(lm.metadata())) {
            if (n < 0 || (n == 0 && (data == null || data.isEmpty()))) {
                throw new IllegalArgumentException("push puzzles: --n must be at least 0, and with --n 0 give --data");
            }
            PuzzleEvaluationRun.run(new PuzzleModel(lm), data, trainData, n, seed.value(),
                    attempts != null ? attempts : PuzzleSettings.DEFAULT.attempts(), outDir);
            return 0;
        }
        LevelModel model = LevelModel.of(lm, definition);
        if (model.spec().rooms() != null) {
            int[] size = LevelCommand.rooms(rooms);
            if (n < 0 || perPrompt < 1) {
                throw new IllegalArgumentException("--n must be at least 0 (0: only calibrate the check on the corpus) "
                        + "and --per-prompt positive");
            }
            DungeonEvaluationRun.run(model, data, n, perPrompt, size[0], size[1], seed.value(), attempts != null ? attempts : 24,
                    outDir);
            return 0;
        }
        if (n == 0) {
            ObjectNode out = new ObjectMapper().createObjectNode();
            out.put("model", lm.name());
            heldOutNll(model, out);
            System.out.println(out);
            return 0;
        }
        if (n < 1 || perPrompt < 1 || width < LevelTokenizer.CHUNK_COLUMNS) {
            throw new IllegalArgumentException("--n (0: only the held-out NLL) must be at least 0, --per-prompt positive"
                    + " and --width at least 16");
        }
        var spec = model.spec();
        List<TileGrid> training = trainingLevels(model);
        LevelMetrics metrics = new LevelMetrics(training, LevelTokenizer.CHUNK_COLUMNS);
        int groups = Math.max(1, (n + perPrompt - 1) / perPrompt);
        List<String> prompts = prompt != null ? java.util.Collections.nCopies(groups, prompt)
                : prompts(spec.features(), groups, seed.value());
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        PlayabilityAgent agent = spec.agent();
        int fc = spec.features().size();
        long[] asked = new long[fc];
        long[] met = new long[fc];
        int playable = 0;
        int failed = 0;
        long copied = 0;
        long windows = 0;
        long chunks = 0;
        long repaired = 0;
        long attemptsSum = 0;
        Standing.Tally standing = Standing.Tally.ZERO;
        Standing.Tally pillars = Standing.Tally.ZERO;
        LayoutTally layout = LayoutTally.ZERO;
        long levelColumns = 0;
        double diversitySum = 0;
        int diversityGroups = 0;
        long t0 = System.nanoTime();
        GeneratorSettings settings = new GeneratorSettings(GeneratorSettings.DEFAULT.sampling(), attempts != null ? attempts : 24, Math.max(width, 16), false, GeneratorSettings.DEFAULT.roomsPerRow());
        try (LevelGenerator gen = model.newGenerator(settings, seed.value())) {
            int made = 0;
            for (int p = 0; p < prompts.size() && made < n; p++) {
                String levelPrompt = prompts.get(p);
                List<TileGrid> group = new ArrayList<>();
                for (int k = 0; k < perPrompt && made < n; k++, made++) {
                    gen.reset(LevelGenerator.seedFor(seed.value(), made));
                    TileGrid level = null;
                    while (gen.columns() < width) {
                        int cols = Math.min(LevelTokenizer.CHUNK_COLUMNS, width - gen.columns());
                        Chunk c;
                        try {
                            c = gen.nextChunk(new ChunkRequest(levelPrompt, cols));
                        } catch (IllegalStateException e) {
                            failed++; // no playable continuation: the level counts as unplayable
                            level = null;
                            break;
                        }
                        level = level == null ? c.tiles() : level.append(c.tiles());
                        chunks++;
                        repaired += c.repaired() ? 1 : 0;
                        attemptsSum += c.attempts();
                        for (int f = 0; f < fc; f++) {
                            if (c.requested()[f] != FeatureSet.ANY) {
                                asked[f]++;
                                met[f] += c.requested()[f] == c.measured()[f] ? 1 : 0;
                            }
                        }
                    }
                    if (level == null) {
                        System.err.printf("%nlevel %d (%s): %s%n", made, levelPrompt, "generation gave up");
                        continue;
                    }
                    group.add(level);
                    standing = standing.plus(spec.standing().count(level, spec.legend()));
                    pillars = pillars.plus(spec.standing().countPillars(level, spec.legend()));
                    layout = layout.plus(LayoutTally.of(level, spec.legend(), spec.standing()));
                    levelColumns += level.columns();
                    if (agent == null || agent.playable(level)) {
                        playable++;
                    }
                    int[] cw = metrics.copiedWindows(level);
                    copied += cw[0];
                    windows += cw[1];
                    if (outDir != null) {
                        AtomicFiles.writeString(outDir.resolve(String.format("%03d.txt", made)), level.toText());
                    }
                    System.err.printf("\reval level: %d/%d levels, %.0f s", made + 1, n, (System.nanoTime() - t0) / 1e9);
                }
                if (group.size() > 1) {
                    diversitySum += LevelMetrics.diversity(group);
                    diversityGroups++;
                }
            }
            System.err.println();
            ObjectMapper json = new ObjectMapper();
            ObjectNode out = json.createObjectNode();
            out.put("model", model.languageModel().name());
            out.put("n", Math.min(n, prompts.size() * perPrompt));
            out.put("width", width);
            out.put("prompts", prompts.size());
            if (agent == null) {
                out.putNull("playable"); // this game has no playability agent
            } else {
                out.put("playable", round((double) playable / n));
            }
            ObjectNode acc = out.putObject("prompt_accuracy");
            for (int f = 0; f < fc; f++) {
                if (asked[f] == 0) {
                    acc.putNull(spec.features().specs().get(f).name());
                } else {
                    acc.put(spec.features().specs().get(f).name(), round((double) met[f] / asked[f]));
                }
            }
            ObjectNode askedNode = out.putObject("prompt_chunks_asked");
            for (int f = 0; f < fc; f++) {
                askedNode.put(spec.features().specs().get(f).name(), asked[f]);
            }
            out.put("copied_windows", copied);
            out.put("windows", windows);
            out.put("playable_count", playable);
            out.put("copied_window_share", round(windows == 0 ? 0 : (double) copied / windows));
            out.put("diversity", round(diversityGroups == 0 ? 0 : diversitySum / diversityGroups));
            LayoutTally corpusLayout = LayoutTally.ZERO;
            for (TileGrid t : training) {
                corpusLayout = corpusLayout.plus(LayoutTally.of(t, spec.legend(), spec.standing()));
            }
            putLayout(out, "", layout, !spec.standing().standsOn().isEmpty());
            putLayout(out, "corpus_", corpusLayout, !spec.standing().standsOn().isEmpty());
            if (!spec.standing().isEmpty()) {
                Standing.Tally corpus = Standing.Tally.ZERO;
                Standing.Tally corpusPillars = Standing.Tally.ZERO;
                long corpusColumns = 0;
                for (TileGrid t : training) {
                    corpusColumns += t.columns();
                    corpus = corpus.plus(spec.standing().count(t, spec.legend()));
                    corpusPillars = corpusPillars.plus(spec.standing().countPillars(t, spec.legend()));
                }
                if (!spec.standing().standsOn().isEmpty()) {
                    putStanding(out, "standing", "tiles", standing, levelColumns);
                    putStanding(out, "corpus_standing", "tiles", corpus, corpusColumns);
                }
                if (!spec.standing().pillarsStandOn().isEmpty()) {
                    putStanding(out, "pillars_standing", "count", pillars, levelColumns);
                    putStanding(out, "corpus_pillars_standing", "count", corpusPillars, corpusColumns);
                }
            }
            out.put("failed_levels", failed);
            out.put("repaired_chunk_share", round((double) repaired / chunks));
            out.put("mean_attempts_per_chunk", round((double) attemptsSum / chunks));
            out.put("seconds", round((System.nanoTime() - t0) / 1e9));
            System.out.println(json.writeValueAsString(out));
        }
        return 0;
    }

    /**
     * The model's NLL per token on the levels training held out (every {@code validEvery}-th of its
     * training folders, validEvery from the model or 8, train level's default), cut into documents as
     * training cut them for validation, with train level's default seed for the prompt masking.
     */
    private void heldOutNll(LevelModel model, ObjectNode out) throws java.io.IOException {
        var spec = model.spec();
        VglcReader reader = new VglcReader(spec.legend());
        List<VglcReader.NamedLevel> read = new ArrayList<>();
        for (Path d : trainingFolders(model)) {
            read.addAll(reader.readAll(d));
        }
        int validEvery = model.languageModel().metadata().path("validEvery").asInt(8);
        LevelCorpus corpus = LevelCorpus.prepare(spec.game(), read, spec.legend(), spec.height(), spec.features(), spec.jumps());
        TokenCorpus docs = corpus.tokens(validEvery, HELD_OUT_SEED, model.languageModel().config().context());
        if (docs.vocabSize() != model.languageModel().config().vocabSize() || docs.valid().isEmpty()) {
            throw new IllegalArgumentException("the training folders do not tokenize to this model's vocabulary ("
                    + docs.vocabSize() + " against " + model.languageModel().config().vocabSize() + ") or hold no "
                    + "held-out level: pass the folders it was trained on with --data");
        }
        out.put("heldout_nll", round(Evaluation.meanNll(model.languageModel(), docs.valid())));
        out.put("heldout_levels", (read.size() + 1) / validEvery);
        out.put("heldout_tokens", docs.valid().stream().mapToLong(d -> d.length).sum());
    }

    /** train level's default --seed, which drew the prompt masking of its validation documents. */
    private static final long HELD_OUT_SEED = 1337;

    private List<TileGrid> trainingLevels(LevelModel model) throws java.io.IOException {
        VglcReader reader = new VglcReader(model.spec().legend());
        List<TileGrid> out = new ArrayList<>();
        for (Path d : trainingFolders(model)) {
            for (var l : reader.readAll(d)) {
                out.add(LevelCorpus.normalise(l.grid(), model.spec().height(), model.spec().legend().empty()));
            }
        }
        return out;
    }

    /** --data, else the folders the model names; each must exist. */
    private List<Path> trainingFolders(LevelModel model) {
        List<Path> dirs = data;
        if (dirs == null || dirs.isEmpty()) {
            dirs = new ArrayList<>();
            for (var d : model.languageModel().metadata().path("trainedOn")) {
                dirs.add(Path.of(d.asText()));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("the model does not name its training data; pass --data DIR");
        }
        for (Path d : dirs) {
            if (!Files.exists(d)) {
                throw new IllegalArgumentException("training data " + d + " not found; pass --data DIR");
            }
        }
        return dirs;
    }

    /**
     * A spread of prompts that asks for every level of every feature: prompt i takes three
     * (feature, level) pairs from the list of all pairs, stepping through it, one pair per feature.
     */
    static List<String> prompts(FeatureSet features, int count, long seed) {
        List<int[]> pairs = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            for (int l = 0; l < features.specs().get(f).levels().size(); l++) {
                pairs.add(new int[] {f, l});
            }
        }
        PromptParser parser = new PromptParser(features);
        List<String> out = new ArrayList<>();
        int cursor = (int) Math.floorMod(seed, (long) pairs.size()); // other seeds, other prompts
        for (int i = 0; i < count; i++) {
            int[] levels = new int[features.size()];
            java.util.Arrays.fill(levels, FeatureSet.ANY);
            for (int k = 0, taken = 0; k < pairs.size() && taken < 3; k++) {
                int[] pair = pairs.get((cursor + k * 7) % pairs.size());
                if (levels[pair[0]] == FeatureSet.ANY) {
                    levels[pair[0]] = pair[1];
                    taken++;
                }
            }
            cursor++;
            out.add(parser.describe(levels));
        }
        return out;
    }

    /**
     * The share of tiles the game's standsOn rules (enemies...), or of pillars its pillarsStandOn rules
     * (pipes...), that stand on what supports them, how many there were, and what was under the others
     * ("edge": nothing, the bottom row); and how many there were per 100 columns, which compares levels
     * with a corpus of another length (masking the ones that do not stand must not thin them out).
     */
    /** One-wide pillars, tall columns and, with a standsOn rule, how its tiles are placed ({@link LayoutTally}). */
    private static void putLayout(ObjectNode out, String prefix, LayoutTally t, boolean standsOn) {
        out.put(prefix + "one_wide_pillars_per_100_columns", round(t.oneWidePer100Columns()));
        out.put(prefix + "tall_column_share", round(t.tallShare()));
        if (standsOn) {
            out.put(prefix + "standing_adjacent_share", round(t.adjacentShare()));
            out.put(prefix + "standing_on_lone_block_share", round(t.onLoneBlockShare()));
        }
    }

    private static void putStanding(ObjectNode out, String name, String counted, Standing.Tally t, long columns) {
        out.put(name, round(t.share()));
        out.put(name + "_" + counted, t.ruled());
        out.put(name + "_per_100_columns", round(columns == 0 ? 0 : 100.0 * t.ruled() / columns));
        ObjectNode below = out.putObject(name + "_misses");
        t.below().forEach(below::put);
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
