package dev.improv.level;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptParserTest {
    private final PromptParser parser = new PromptParser(Fixtures.features());
    private static final int ANY = FeatureSet.ANY;

    @Test
    void parsesClausesInEitherOrder() {
        // features: pipes, enemies, blocks, elevation, gaps
        assertArrayEquals(new int[] {3, 1, ANY, 1, ANY}, parser.parse("many pipes, few enemies, high elevation"));
        assertArrayEquals(new int[] {ANY, ANY, 2, 0, 0}, parser.parse("Blocks some and no gaps; LOW elevation"));
        assertArrayEquals(new int[] {ANY, 3, ANY, ANY, ANY}, parser.parse("a lot of enemies"));
        assertArrayEquals(new int[] {ANY, ANY, ANY, ANY, ANY}, parser.parse("  "));
    }

    @Test
    void unknownWordIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse("many pipes, lava"));
        assertTrue(e.getMessage().contains("unknown word \"lava\""), e.getMessage());
    }

    @Test
    void malformedClausesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> parser.parse("many"));
        assertThrows(IllegalArgumentException.class, () -> parser.parse("many pipes enemies"));
        assertThrows(IllegalArgumentException.class, () -> parser.parse("high pipes"));
        assertThrows(IllegalArgumentException.class, () -> parser.parse("many pipes, no pipes"));
    }

    @Test
    void describeRoundTrips() {
        int[] levels = {0, 2, ANY, 1, 3};
        assertEquals("none pipes, some enemies, high elevation, many gaps", parser.describe(levels));
        assertArrayEquals(levels, parser.parse(parser.describe(levels)));
    }
}
