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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped dungeon model streams rooms through the same api as the platformers ({@link LevelFeed},
 * with deadlines): every room arrives whole, and the rooms of a row line up door for door.
 */
class DungeonFeedTest {
    @Test
    void roomsStreamThroughTheLevelFeedAndLineUp() throws Exception {
        LevelModel model = LevelModel.load("zelda");
        List<TileGrid> rooms = new ArrayList<>();
        withZeldaFeed(7, feed -> {
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
        });
        TileGrid row = rooms.get(0);
        for (int i = 1; i < rooms.size(); i++) {
            row = row.append(rooms.get(i));
        }
        assertRowsConnected(model, row, rooms.size());
    }

    /**
     * An authored room put in place of a room that missed its deadline keeps the dungeon's layout: the
     * next room's west wall mirrors its east doors and the room below it mirrors its south doors (the
     * stream used to start a fresh dungeon at room 0, with plain west and north walls).
     */
    @Test
    void anAuthoredRoomKeepsTheLayoutAndItsNeighboursMirrorIt() throws Exception {
        LevelModel model = LevelModel.load("zelda");
        var shape = model.spec().rooms();
        int perRow = GeneratorSettings.DEFAULT.roomsPerRow();
        // the designer's room 1: doors on all four sides, floor inside
        TileGrid authored = TileGrid.filled(shape.rows(), shape.columns(), model.spec().legend().empty());
        for (dev.improv.level.dungeon.Side s : dev.improv.level.dungeon.Side.values()) {
            authored = (s == dev.improv.level.dungeon.Side.NORTH ? shape.plain(s) : shape.door(s)).paint(authored);
        }
        List<TileGrid> rooms = new ArrayList<>();
        TileGrid designed = authored;
        withZeldaFeed(11, feed -> {
            for (int i = 0; i < 2 * perRow; i++) {
                Outcome<LevelChunk> o = feed.next("some blocks", Duration.ofSeconds(60)).await();
                assertTrue(o.isCompleted(), o.message());
                rooms.add(TileGrid.ofRows(o.value().rows()));
                if (i == 1) { // as a game does when room 1 is late: its own room at index 1
                    feed.placeInstead(new LevelChunk(1, rowsOf(designed), true));
                    rooms.set(1, designed);
                }
            }
        });
        int wall = shape.wall();
        var legend = model.spec().legend();
        assertTrue(dev.improv.level.dungeon.RoomBand.of(rooms.get(2), dev.improv.level.dungeon.Side.WEST, wall).hasDoor(legend),
                "room 2 opens west onto the authored room's east door\n" + rooms.get(2));
        assertTrue(dev.improv.level.dungeon.RoomBand.of(rooms.get(1 + perRow), dev.improv.level.dungeon.Side.NORTH, wall).hasDoor(legend),
                "the room below opens north onto the authored room's south door\n" + rooms.get(1 + perRow));
        TileGrid map = null;
        for (int r = 0; r < 2; r++) {
            TileGrid row = rooms.get(r * perRow);
            for (int c = 1; c < perRow; c++) {
                row = row.append(rooms.get(r * perRow + c));
            }
            map = map == null ? row : TileGrid.ofRows(concat(map, row));
        }
        assertRowsConnected(model, map, rooms.size());
    }

    /** The first rows of an endless dungeon: every room reached, doors lined up; south doors lead to the next row. */
    private static void assertRowsConnected(LevelModel model, TileGrid map, int rooms) {
        var shape = model.spec().rooms();
        DungeonMapCheck.Report r = new DungeonMapCheck(model.spec().legend(), shape.rows(), shape.columns(), shape.wall()).check(map);
        assertEquals(rooms, r.roomsReached(), map.toString());
        for (String p : r.problems()) {
            assertTrue(p.contains("south door leads out of the dungeon"), p + "\n" + map);
        }
    }

    /** A streamed room cannot change a built neighbour: asking for a side it decided otherwise fails, saying why. */
    @Test
    void aSideTheBuiltNeighbourDecidedOtherwiseFailsWithTheReason() throws Exception {
        LevelModel model = LevelModel.load("zelda");
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT, 5)) {
            TileGrid first = gen.nextChunk(ChunkRequest.of("")).tiles(); // room 0 opens east: room 1 has no room above it
            assertTrue(dev.improv.level.dungeon.RoomBand.of(first, dev.improv.level.dungeon.Side.EAST, 2).hasDoor(model.spec().legend()));
            ChunkAttempt a = gen.tryNextChunk(ChunkRequest.of("no door west"));
            ChunkAttempt.NoChunk no = assertInstanceOf(ChunkAttempt.NoChunk.class, a);
            assertTrue(no.reason().contains("room 0 to the west was built with a door on its east side"), no.reason());
            ChunkAttempt north = gen.tryNextChunk(ChunkRequest.of("door north"));
            assertTrue(assertInstanceOf(ChunkAttempt.NoChunk.class, north).reason().contains("north edge"));
            Chunk ok = gen.nextChunk(ChunkRequest.of("door west")); // the stream is as it was: room 1 can still be made
            assertEquals(1, ok.index());
        }
    }

    /** What a test does with a level feed of the shipped zelda model. */
    private interface FeedUse {
        void accept(LevelFeed feed) throws Exception;
    }

    /** Runs {@code use} on a level feed of the default engine set to the zelda model, the system property put back after. */
    private static void withZeldaFeed(long seed, FeedUse use) throws Exception {
        String before = System.getProperty(TransformerLevelProvider.GAME_PROPERTY);
        System.setProperty(TransformerLevelProvider.GAME_PROPERTY, "zelda");
        try (Improv improv = Improv.builder().optLevelEngine(() -> new TransformerLevelProvider().newEngine()).build();
             LevelFeed feed = improv.level(seed)) {
            use.accept(feed);
        } finally {
            if (before == null) {
                System.clearProperty(TransformerLevelProvider.GAME_PROPERTY);
            } else {
                System.setProperty(TransformerLevelProvider.GAME_PROPERTY, before);
            }
        }
    }

    private static List<String> rowsOf(TileGrid g) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < g.rows(); r++) {
            out.add(g.row(r));
        }
        return out;
    }

    private static List<String> concat(TileGrid a, TileGrid b) {
        List<String> out = rowsOf(a);
        out.addAll(rowsOf(b));
        return out;
    }
}
