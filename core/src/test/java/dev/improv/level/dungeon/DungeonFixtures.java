package dev.improv.level.dungeon;

import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny top-down game built in code: 7 x 7 rooms, walls one tile thick, doors in the middle of a side. */
final class DungeonFixtures {
    private DungeonFixtures() { }

    static Legend legend() {
        Map<Character, List<String>> m = new LinkedHashMap<>();
        m.put('.', List.of("passable", "floor", "empty"));
        m.put('W', List.of("solid", "wall"));
        m.put('D', List.of("passable", "door"));
        m.put('L', List.of("passable", "door", "locked"));
        m.put('k', List.of("passable", "key", "entity"));
        m.put('B', List.of("solid", "block"));
        m.put('~', List.of("hazard", "water"));
        m.put('S', List.of("passable", "stair"));
        m.put('M', List.of("passable", "enemy", "entity"));
        return new Legend(m);
    }

    static TileGrid grid(String... rows) {
        return TileGrid.ofRows(List.of(rows));
    }

    /** Rooms with every combination of doors, so {@link RoomSides#learn} sees a door and a wall on each side. */
    static List<TileGrid> corpus() {
        return List.of(
                grid("WWWDWWW",
                     "W.....W",
                     "W.....W",
                     "D.....D",
                     "W.....W",
                     "W.....W",
                     "WWWDWWW"),
                grid("WWWWWWW",
                     "W.....W",
                     "W..M..W",
                     "W.....W",
                     "W.....W",
                     "W.....W",
                     "WWWWWWW"));
    }
}
