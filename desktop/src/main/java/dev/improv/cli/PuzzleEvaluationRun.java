package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.sokoban.BoxobanReader;
import dev.improv.level.sokoban.PushSolver;
import dev.improv.level.sokoban.Puzzle;
import dev.improv.level.sokoban.PuzzleCorpus;
import dev.improv.level.sokoban.PuzzleGenerator;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleRequest;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.PuzzleScores;
import dev.improv.level.sokoban.PuzzleSettings;
import dev.improv.level.sokoban.PuzzleTokenizer;
import dev.improv.model.NgramModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code improv eval level} for a push-puzzle model: likelihood of given puzzles against the n-gram
 * baseline, and generation (verified share, difficulty band met, novelty, time) in one JSON line.
 */
final class PuzzleEvaluationRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PuzzleEvaluationRun() {
    }

    /**
     * @param data      puzzle files to score (none: generation figures only)
     * @param trainData the model's training puzzles for the baseline (null: those it names)
     * @param n         puzzles to generate, spread evenly over the bands (0: none)
     * @param outDir    where to write the generated puzzles (null: nowhere)
     */
    static void run(PuzzleModel model, List<Path> data, List<Path> trainData, int n, long seed, int attempts, Path outDir)
            throws IOException {
        PuzzleTokenizer tok = model.spec().tokenizer();
        ObjectNode out = JSON.createObjectNode();
        out.put("model", model.languageModel().name());
        if (data != null && !data.isEmpty()) {
            score(model, tok, data, trainData, out);
        }
        if (n > 0) {
            generate(model, n, seed, attempts, outDir, out);
        }
        System.out.println(JSON.writeValueAsString(out));
    }

    private static void score(PuzzleModel model, PuzzleTokenizer tok, List<Path> data, List<Path> trainData, ObjectNode out)
            throws IOException {
        List<Puzzle> eval = new ArrayList<>();
        for (Path p : data) {
            for (var np : BoxobanReader.read(p)) {
                String misfit = tok.misfit(np.puzzle());
                if (misfit != null) {
                    throw new IllegalArgumentException(np.source() + ": " + misfit);
                }
                eval.add(np.puzzle());
            }
        }
        List<Puzzle> train = trainingPuzzles(model, trainData);
        List<int[]> evalDocs = PuzzleScores.documents(tok, eval);
        List<int[]> trainDocs = PuzzleScores.documents(tok, train);
        // The baseline most favourable to itself: the n-gram order that scores the given puzzles best.
        double baseline = Double.POSITIVE_INFINITY;
        int bestOrder = 0;
        for (int order = 2; order <= 8; order++) {
            double nll = PuzzleScores.meanNll(NgramModel.train(order, tok.vocabSize(), trainDocs), tok, evalDocs);
            System.err.printf("baseline: %d-gram %.4f nats per cell%n", order, nll);
            if (nll < baseline) {
                baseline = nll;
                bestOrder = order;
            }
        }
        double nll = PuzzleScores.meanNll(model.languageModel(), tok, evalDocs);
        long seen = eval.stream().filter(model.training()::contains).count();
        out.put("puzzles", eval.size());
        out.put("tokens", (long) eval.size() * tok.cells());
        out.put("nll", round(nll));
        out.put("baseline_nll", round(baseline));
        out.put("baseline_order", bestOrder);
        out.put("reduction", round(1 - nll / baseline));
        out.put("seen_in_training", seen);
    }

    /** The puzzles the model trained on (its held-out ones excluded), read as the train command read them. */
    private static List<Puzzle> trainingPuzzles(PuzzleModel model, List<Path> trainData) throws IOException {
        var meta = model.languageModel().metadata();
        List<Path> dirs = trainData;
        if (dirs == null || dirs.isEmpty()) {
            dirs = new ArrayList<>();
            for (var d : meta.path("trainedOn")) {
                dirs.add(Path.of(d.asText()));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("the model does not name its training data; pass --train-data");
        }
        List<BoxobanReader.NamedPuzzle> read = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.exists(d)) {
                throw new IllegalArgumentException("training puzzles " + d + " not found; pass --train-data FILE|DIR");
            }
            read.addAll(BoxobanReader.read(d));
        }
        int count = meta.path("puzzles").asInt(read.size());
        int validEvery = meta.path("validEvery").asInt(0);
        List<Puzzle> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, read.size()); i++) {
            if (!PuzzleCorpus.heldOut(i, validEvery)) {
                out.add(read.get(i).puzzle());
            }
        }
        return out;
    }

    private static void generate(PuzzleModel model, int n, long seed, int attempts, Path outDir, ObjectNode out)
            throws IOException {
        var bands = model.spec().bands();
        PushSolver check = new PushSolver(PushSolver.DEFAULT_BUDGET);
        int made = 0;
        int verified = 0;
        int novel = 0;
        int moved = 0;
        int bandMet = 0;
        long attemptSum = 0;
        long[] times = new long[n];
        List<Puzzle> puzzles = new ArrayList<>();
        StringBuilder requested = new StringBuilder();
        try (PuzzleGenerator gen = model.newGenerator(PuzzleSettings.DEFAULT.withAttempts(attempts))) {
            for (int i = 0; i < n; i++) {
                PuzzleRequest request = new PuzzleRequest(i % bands.size(), seed + i);
                long t0 = System.nanoTime();
                PuzzleResult r = gen.generate(request);
                times[i] = System.nanoTime() - t0;
                attemptSum += r.attempts();
                if (!r.made()) {
                    System.err.printf("puzzle %d (%s): %s%n", i, bands.names().get(request.band()), r.failure());
                    continue;
                }
                made++;
                // Re-solved from its text by a fresh solver: what a user of the file would find.
                PushSolver.Verdict v = check.solve(Puzzle.parse(r.puzzle().toText()));
                verified += v.solved() && v.pushes() == r.pushes() ? 1 : 0;
                bandMet += v.solved() && bands.bandOf(v.pushes()) == request.band() ? 1 : 0;
                novel += r.novel() ? 1 : 0;
                moved += r.boxesMoved() ? 1 : 0;
                puzzles.add(r.puzzle());
                requested.append(puzzles.size() - 1).append(' ').append(bands.names().get(request.band())).append('\n');
            }
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            dev.improv.model.AtomicFiles.writeString(outDir.resolve("puzzles.txt"), BoxobanReader.format(puzzles));
            dev.improv.model.AtomicFiles.writeString(outDir.resolve("requested-bands.txt"), requested.toString());
        }
        Arrays.sort(times);
        out.put("generated", n);
        out.put("made", made);
        out.put("solvable_share", round((double) verified / n));
        out.put("band_met_share", round((double) bandMet / n));
        out.put("novel_share", round(made == 0 ? 0 : (double) novel / made));
        // Boxes placed by the backward search rather than where the model sampled them.
        out.put("boxes_moved_share", round(made == 0 ? 0 : (double) moved / made));
        out.put("mean_attempts", round((double) attemptSum / n));
        out.put("ms_p50", round(times[n / 2] / 1e6));
        out.put("ms_p90", round(times[Math.min(n - 1, (int) Math.ceil(n * 0.9) - 1)] / 1e6));
        var b = out.putObject("bands");
        for (int i = 0; i < bands.size(); i++) {
            b.put(bands.names().get(i), bands.describe(i));
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
