package dev.improv.level;

import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelFeed;
import dev.improv.api.Outcome;
import dev.improv.engines.TransformerLevelProvider;
import dev.improv.level.dungeon.DungeonMapCheck;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped dungeon model streams rooms through the same api as the platformers ({@link LevelFeed},
 * with deadlines): every room arrives whole, and the rooms of a row line up door for door.
 */
class DungeonFeedTest {
    @Test
    void roomsStreamThroughTheLevelFeedAndLineUp() throws Exception {
        LevelModel model = LevelModel.load("zelda");
        String before = System.getProperty(TransformerLevelProvider.GAME_PROPERTY);
        System.setProperty(TransformerLevelProvider.GAME_PROPERTY, "zelda");
        List<TileGrid> rooms = new ArrayList<>();
        try (Improv improv = Improv.builder().optLevelEngine(() -> new TransformerLevelProvider().newEngine()).build();
             LevelFeed feed = improv.level(7)) {
            int perRow = GeneratorSettings.DEFAULT.roomsPerRow();
            for (int i = 0; i < perRow; i++) {
                Outcome<LevelChunk> o = feed.next(i % 2 == 0 ? "many enemies" : "some blocks, no water", Duration.ofSeconds(60)).await();
                assertTrue(o.isCompleted(), o.message());
                LevelChunk c = o.value();
                assertEquals(i, c.index());
                assertEquals(16, c.rows().size());
                assertEquals(11, c.width());
                rooms.add(TileGrid.ofRows(c.rows()));
            }
        } finally {
            if (before == null) {
                System.clearProperty(TransformerLevelProvider.GAME_PROPERTY);
            } else {
                System.setProperty(TransformerLevelProvider.GAME_PROPERTY, before);
            }
        }
        TileGrid row = rooms.get(0);
        for (int i = 1; i < rooms.size(); i++) {
            row = row.append(rooms.get(i));
        }
        // one row of an endless dungeon: every room reached, doors lined up; south doors lead to the next row
        DungeonMapCheck.Report r = new DungeonMapCheck(model.spec().legend(), 16, 11, 2).check(row);
        assertEquals(rooms.size(), r.roomsReached(), row.toString());
        for (String p : r.problems()) {
            assertTrue(p.contains("south door leads out of the dungeon"), p + "\n" + row);
        }
    }
}
