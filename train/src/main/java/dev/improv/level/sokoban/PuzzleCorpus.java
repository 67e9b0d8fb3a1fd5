package dev.improv.level.sokoban;

import dev.improv.model.Progress;
import dev.improv.model.SeededRandom;
import dev.improv.model.TokenCorpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Training puzzles with their fewest pushes (found by {@link PushSolver}), the spec fitted to them,
 * and their token documents.
 */
public final class PuzzleCorpus {
    private final List<Puzzle> puzzles;
    private final int[] pushes;
    private final PuzzleSpec spec;

    private PuzzleCorpus(List<Puzzle> puzzles, int[] pushes, PuzzleSpec spec) {
        this.puzzles = puzzles;
        this.pushes = pushes;
        this.spec = spec;
    }

    /**
     * Solves the first {@code solveFirst} puzzles for their difficulty (the others train with "any")
     * and fits the spec to them. All puzzles must share one size, an outer wall and one box count; a
     * solved puzzle that turns out unsolvable is an error naming it.
     */
    public static PuzzleCorpus prepare(String game, List<BoxobanReader.NamedPuzzle> read, int solveFirst) {
        if (read.isEmpty()) {
            throw new IllegalArgumentException("no puzzles to train on");
        }
        Puzzle first = read.get(0).puzzle();
        int boxes = first.count(c -> Puzzle.isBox((char) c));
        PuzzleTokenizer shape = new PuzzleTokenizer(first.rows() - 2, first.columns() - 2, 1);
        PushSolver solver = new PushSolver();
        List<Puzzle> puzzles = new ArrayList<>();
        int[] pushes = new int[read.size()];
        int solving = Math.min(read.size(), Math.max(DifficultyBands.DEFAULT_NAMES.size(), solveFirst));
        Progress progress = new Progress("solve", solving, "puzzles");
        for (int i = 0; i < read.size(); i++) {
            BoxobanReader.NamedPuzzle np = read.get(i);
            String misfit = shape.misfit(np.puzzle());
            if (misfit != null) {
                throw new IllegalArgumentException(np.source() + ": " + misfit);
            }
            int b = np.puzzle().count(c -> Puzzle.isBox((char) c));
            if (b != boxes) {
                throw new IllegalArgumentException(np.source() + ": " + b + " boxes, the first puzzle has " + boxes);
            }
            puzzles.add(np.puzzle());
            pushes[i] = -1;
            if (i >= solving) {
                continue;
            }
            PushSolver.Verdict v = solver.solve(np.puzzle());
            if (!v.solved()) {
                throw new IllegalArgumentException(np.source() + ": not a solvable puzzle ("
                        + (v.why().isEmpty() ? v.status().name().toLowerCase() : v.why()) + ")");
            }
            pushes[i] = v.pushes();
            if (i % 500 == 0) {
                progress.update(i + 1, "");
            }
        }
        progress.finish(null);
        DifficultyBands bands = DifficultyBands.fit(java.util.Arrays.copyOf(pushes, solving), DifficultyBands.DEFAULT_NAMES);
        return new PuzzleCorpus(puzzles, pushes, new PuzzleSpec(game, shape.rows(), shape.columns(), boxes, bands));
    }

    public PuzzleSpec spec() {
        return spec;
    }

    public List<Puzzle> puzzles() {
        return puzzles;
    }

    /** Fewest pushes of each puzzle, -1 for those not solved. */
    public int[] pushes() {
        return pushes.clone();
    }

    /** Whether puzzle {@code i} is held out for validation when every {@code validEvery}-th is. */
    public static boolean heldOut(int i, int validEvery) {
        return validEvery > 0 && i % validEvery == validEvery - 1;
    }

    /**
     * One document per puzzle; every {@code validEvery}-th goes to validation. Half the solved
     * puzzles (by a seeded draw) say their difficulty band, the others and the unsolved ones "any",
     * so the model learns both to follow a band and to make puzzles when none is asked.
     */
    public TokenCorpus tokens(int validEvery, long seed) {
        SeededRandom random = new SeededRandom(seed);
        PuzzleTokenizer tok = spec.tokenizer();
        List<int[]> train = new ArrayList<>();
        List<int[]> valid = new ArrayList<>();
        for (int i = 0; i < puzzles.size(); i++) {
            int band = random.nextDouble() < 0.5 && pushes[i] >= 0 ? spec.bands().bandOf(pushes[i]) : -1;
            (heldOut(i, validEvery) ? valid : train).add(tok.encode(puzzles.get(i), band));
        }
        return new TokenCorpus(tok.vocabSize(), train, valid);
    }

}
