package dev.improv.level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelFeed;
import dev.improv.api.Outcome;
import dev.improv.engines.TransformerLevelProvider;
import dev.improv.level.sokoban.PushSolver;
import dev.improv.level.sokoban.Puzzle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The shipped Sokoban model streams through the same api as the tile games ({@link LevelFeed}, with
 * deadlines): chunk i is the verified puzzle of seed + i, the puzzle {@code improv level --game boxoban
 * --count} writes, and a difficulty the model has no band for comes back as a failure saying so.
 */
class PuzzleFeedTest {
    @Test
    void puzzlesStreamThroughTheLevelFeed() throws Exception {
        GameLevels boxoban = GameLevels.builtIn("boxoban");
        String before = System.getProperty(TransformerLevelProvider.GAME_PROPERTY);
        System.setProperty(TransformerLevelProvider.GAME_PROPERTY, "boxoban");
        try (Improv improv = Improv.builder().optLevelEngine(() -> new TransformerLevelProvider().newEngine()).build();
             LevelFeed feed = improv.level(40)) {
            for (int i = 0; i < 3; i++) {
                Outcome<LevelChunk> o = feed.next("hard", Duration.ofSeconds(60)).await();
                assertTrue(o.isCompleted(), o.message());
                assertEquals(i, o.value().index());
                Puzzle p = Puzzle.of(o.value().rows());
                PushSolver.Verdict v = new PushSolver().solve(p);
                assertTrue(v.solved() && v.pushes() >= 19, "a hard puzzle, solved: " + v + "\n" + p);
                assertEquals(boxoban.puzzle(new GameLevels.Order("hard", 0, null, GameLevels.rooms("1x1"), 24, 40 + i)).puzzle(), p,
                        "chunk " + i + " is the puzzle of seed 40 + " + i);
            }
            Outcome<LevelChunk> wrong = feed.next("fiendish", Duration.ofSeconds(60)).await();
            assertEquals(Outcome.Status.FAILED, wrong.status());
            assertTrue(wrong.message().contains("fiendish"), wrong.message());
        } finally {
            if (before == null) {
                System.clearProperty(TransformerLevelProvider.GAME_PROPERTY);
            } else {
                System.setProperty(TransformerLevelProvider.GAME_PROPERTY, before);
            }
        }
    }
}
