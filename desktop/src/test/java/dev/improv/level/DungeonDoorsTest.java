package dev.improv.level;

import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.level.dungeon.RoomBand;
import dev.improv.level.dungeon.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped dungeon model with door prompts: every room's asked sides hold, on its west and north
 * walls too, in a playable dungeon; and one room of a finished dungeon redrawn with the doors asked
 * for it, its neighbours following.
 */
class DungeonDoorsTest {
    private static final int WALL = 2;

    private static TileGrid room(TileGrid map, int i, int wide) {
        return map.window(i / wide * 16, i % wide * 11, 16, 11);
    }

    @Test
    void roomsGetTheDoorsAskedOnEverySide() throws Exception {
        LevelModel model = LevelModel.load("zelda");
        Legend legend = model.spec().legend();
        // a ring of 4 x 2 rooms, each asking for the doors of the ring, west and north included
        List<String> prompts = List.of("door east, door south, no door west", "door west, door east, no door south",
                "door west, door east, no door south", "door west, door south",
                "door north, door east", "door west, door east, no door north", "door west, door east, no door north",
                "door west, door north, many enemies");
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withRoomsPerRow(4), 1)) {
            TileGrid map = gen.generateRooms(prompts, 11);
            DungeonMapCheck.Report r = new DungeonMapCheck(legend, 16, 11, WALL).check(map);
            assertTrue(r.playable(), r.problems() + "\n" + map);
            for (int i = 0; i < prompts.size(); i++) {
                var asked = gen.askOf(prompts.get(i)).doorSides();
                for (var e : asked.entrySet()) {
                    assertEquals(e.getValue(), RoomBand.of(room(map, i, 4), e.getKey(), WALL).hasDoor(legend),
                            "room " + i + " " + e.getKey() + " (" + prompts.get(i) + ")\n" + map);
                }
            }
        }
    }

    @Test
    void oneRoomIsRedrawnWithItsDoorsAndTheNeighboursFollow() throws Exception {
        GameLevels zelda = GameLevels.builtIn("zelda");
        Legend legend = zelda.legend();
        TileGrid before = zelda.generate(new GameLevels.Order("some enemies", 0, null, GameLevels.rooms("3x2"), 24, 5), null);
        String prompt = "many water, door south, no door west, door east";
        TileGrid after = zelda.generate(new GameLevels.Order(prompt, 0, null, GameLevels.rooms("4x3"), 24, 9, before, 1), null);
        assertTrue(zelda.playable(after), zelda.verdict(after) + "\n" + after);
        TileGrid redrawn = room(after, 1, 3);
        assertTrue(RoomBand.of(redrawn, Side.SOUTH, WALL).hasDoor(legend));
        assertTrue(RoomBand.of(redrawn, Side.EAST, WALL).hasDoor(legend));
        assertFalse(RoomBand.of(redrawn, Side.WEST, WALL).hasDoor(legend));
        assertFalse(RoomBand.of(room(after, 0, 3), Side.EAST, WALL).hasDoor(legend), "the west neighbour follows");
        assertTrue(RoomBand.of(room(after, 4, 3), Side.NORTH, WALL).hasDoor(legend), "the south neighbour follows");
        assertFalse(redrawn.equals(room(before, 1, 3)));
        // rooms not next to the one redrawn are kept tile for tile, but where a door had to open to keep them reached
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            if (!room(after, i, 3).equals(room(before, i, 3))) {
                changed.add(i);
            }
        }
        assertTrue(changed.contains(1), changed.toString());
        // same order, same dungeon
        assertEquals(after, zelda.generate(new GameLevels.Order(prompt, 0, null, GameLevels.rooms("4x3"), 24, 9, before, 1), null));
        IllegalArgumentException e = assertThrows(GameLevels.StartLevelException.class, () -> zelda.generate(
                new GameLevels.Order("", 0, null, GameLevels.rooms("3x2"), 24, 9, before, 6), null));
        assertTrue(e.getMessage().contains("room 6 is not in a dungeon of 6 rooms"), e.getMessage());
    }
}
