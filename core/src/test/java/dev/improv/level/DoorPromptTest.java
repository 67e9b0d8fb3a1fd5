package dev.improv.level;

import dev.improv.level.dungeon.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.improv.level.FeatureSet.ANY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prompts that ask for doors on given sides of a room, in a game whose features count doors. */
class DoorPromptTest {
    private final FeatureSet zelda = new FeatureSet(FeatureSet.preset("zelda").specs().stream()
            .map(s -> s.withThresholds(s.levels().size() == 3 ? List.of(1, 24) : List.of(1, 2, 3))).toList());
    private final PromptParser parser = new PromptParser(zelda);

    @Test
    void sidesAreReadWithTheirDoorOrNoDoor() {
        PromptParser.Asked a = parser.ask("many enemies, door north, no door east");
        assertEquals(Map.of(Side.NORTH, true, Side.EAST, false), a.doorSides());
        assertEquals(3, a.levels()[zelda.indexOf("enemies")]);
        assertEquals(ANY, a.levels()[zelda.indexOf("doors")]);
        assertEquals(Map.of(Side.NORTH, true, Side.EAST, true), parser.ask("doors north and east").doorSides());
        assertEquals(Map.of(Side.WEST, true, Side.SOUTH, true), parser.ask("west and south doors").doorSides());
        assertEquals(Map.of(Side.WEST, false, Side.SOUTH, false), parser.ask("no doors west, south").doorSides());
        PromptParser.Asked both = parser.ask("some doors, door west");
        assertEquals(2, both.levels()[zelda.indexOf("doors")]);
        assertEquals(Map.of(Side.WEST, true), both.doorSides());
        assertEquals(both.doorSides(), parser.ask(parser.describe(both)).doorSides());
        assertArrayEquals(both.levels(), parser.ask(parser.describe(both)).levels());
    }

    @Test
    void aSideAskedTwoWaysOrWithoutDoorsIsAnErrorThatSaysWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.ask("door north, no door north")).getMessage()
                .contains("a door and no door north"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.ask("many enemies north")).getMessage()
                .contains("only doors have"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.ask("many doors north")).getMessage()
                .contains("say \"door north\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parser.ask("north")).getMessage()
                .contains("need a door clause"));
    }

    @Test
    void aGameWithoutDoorsKnowsNoSides() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PromptParser(Fixtures.features()).parse("many pipes, door north"));
        assertTrue(e.getMessage().contains("unknown word \"door\""), e.getMessage());
    }
}
