package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayoutTallyTest {
    private static Legend legend() {
        Map<Character, List<String>> m = new LinkedHashMap<>();
        m.put('X', List.of("solid", "ground"));
        m.put('S', List.of("solid", "breakable"));
        m.put('-', List.of("passable", "empty"));
        m.put('E', List.of("enemy"));
        return new Legend(m);
    }

    @Test
    void countsLonePillarsTallColumnsGroupsAndPerchedEnemies() {
        TileGrid level = TileGrid.ofRows(List.of(
                "----E-------------",
                "----S-----------X-",
                "---------------XX-",
                "-X------------XXX-",
                "-X-----------XXXX-",
                "-X----EE----XXXXX-",
                "XXXXXXXXXX-XXXXXXX"));
        LayoutTally t = LayoutTally.of(level, legend(), new Standing(Map.of("enemy", List.of("solid"))));
        assertEquals(18, t.columns());
        assertEquals(1, t.oneWide(), "the pillar of column 1; no step of the staircase, not even its top before the drop");
        assertEquals(2, t.tall(), "the staircase's columns 5 and 6 high");
        assertEquals(3, t.ruled());
        assertEquals(2, t.adjacent(), "the pair on the ground");
        assertEquals(1, t.onLoneBlock(), "the enemy on the brick in the air");
        assertEquals(100.0 / 18, t.plus(LayoutTally.ZERO).oneWidePer100Columns(), 1e-9);
    }
}
