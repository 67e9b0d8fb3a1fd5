package dev.improv.level.sokoban;

import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's guarantees hold whatever the model says: an untrained (random) model on small
 * 4 x 4 rooms with one box makes the hardest test. Every returned puzzle must be solvable in the
 * pushes it claims, in the band it claims, and one the model cannot make must say why.
 */
class PuzzleGeneratorTest {
    private static final DifficultyBands BANDS = new DifficultyBands(List.of("easy", "medium", "hard"), new int[] {1, 2});
    private static final PuzzleSpec SPEC = new PuzzleSpec("tiny", 4, 4, 1, BANDS);

    private static PuzzleModel randomModel(Puzzle training) {
        var tok = SPEC.tokenizer();
        var meta = SPEC.toJson();
        meta.put("trainingFingerprints", PuzzleFingerprints.of(List.of(training)).toBase64());
        LanguageModel lm = LanguageModel.random(new TransformerConfig(tok.vocabSize(), 1, 16, 2, 24, 0f), 5)
                .withMetadata("tiny", meta);
        return new PuzzleModel(lm);
    }

    @Test
    void everyPuzzleReturnedIsVerifiedAndHonestAboutItsBand() {
        PuzzleModel model = randomModel(Puzzle.parse("######\n#@$. #\n#    #\n#    #\n#    #\n######"));
        PushSolver solver = new PushSolver();
        int made = 0;
        try (PuzzleGenerator gen = model.newGenerator(PuzzleSettings.DEFAULT.withAttempts(200))) {
            for (int i = 0; i < 12; i++) {
                int band = i % 3;
                PuzzleResult r = gen.generate(new PuzzleRequest(band, i));
                if (!r.made()) {
                    assertNotNull(r.failure());
                    continue;
                }
                made++;
                assertNull(r.failure());
                assertEquals(6, r.puzzle().rows());
                PushSolver.Verdict v = solver.solve(r.puzzle());
                assertTrue(v.solved(), r.puzzle().toText());
                assertEquals(v.pushes(), r.pushes());
                assertEquals(r.pushes(), r.solution().size());
                // the solution, walked by the player, pushes every box onto a goal
                List<SolutionWalk.PlayerMove> walk = SolutionWalk.of(r.puzzle(), r.solution());
                assertEquals(r.pushes(), walk.stream().filter(SolutionWalk.PlayerMove::push).count());
                assertEquals(BANDS.bandOf(v.pushes()), r.band());
                assertEquals(band == r.band(), r.matchesRequest());
                assertEquals(1, r.puzzle().count(c -> Puzzle.isPlayer((char) c)));
                // the same request gives the same puzzle
                assertEquals(r.puzzle(), gen.generate(new PuzzleRequest(band, i)).puzzle());
            }
        }
        assertTrue(made >= 6, "a random model still finds solvable rooms by resampling: " + made);
    }

    @Test
    void aPuzzleThatCannotBeMadeSaysWhy() {
        PuzzleModel model = randomModel(Puzzle.parse("######\n#@$. #\n#    #\n#    #\n#    #\n######"));
        // A backward search that can expand one state reaches one push at most.
        PuzzleSettings starved = new PuzzleSettings(PuzzleSettings.DEFAULT.sampling(), 3, 1, false);
        try (PuzzleGenerator gen = model.newGenerator(starved)) {
            PuzzleResult r = gen.generate(new PuzzleRequest(2, 1), System.nanoTime() - 1);
            assertFalse(r.made() && r.matchesRequest());
            assertEquals(1, r.attempts()); // past its deadline: one sample, no more
            if (!r.made()) {
                assertTrue(r.failure().startsWith("no solvable puzzle in 1 sample(s) before the deadline"), r.failure());
            }
        }
    }

    @Test
    void copiesOfTrainingPuzzlesAreSeenUpToSymmetry() {
        Puzzle p = Puzzle.parse("######\n#@$. #\n#    #\n#    #\n#    #\n######");
        PuzzleModel model = randomModel(p);
        assertTrue(model.training().contains(p.transformed(6)));
        assertFalse(model.training().contains(Puzzle.parse("######\n#@ $.#\n#    #\n#    #\n#    #\n######")));
    }
}
