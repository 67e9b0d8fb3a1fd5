package dev.improv.level;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandingTest {
    private final Legend legend = Fixtures.legend();
    private static final String TILES = "X-?E<>[]S";
    /** Enemies over sky, on an enemy, on ground and in the bottom row: the corpus allows them all. */
    private final TileRules learnt = TileRules.learn(TILES, List.of(Fixtures.grid(
            "-E--?--E",
            "-E-E---<",
            "XX--E--[",
            "XXE-XX-X")), 1);
    private final Standing onSolid = new Standing(Map.of("enemy", List.of("solid")));

    private int i(char c) {
        return TILES.indexOf(c);
    }

    @Test
    void narrowingForbidsOnlyTheRuledTilesUnsupportedPairs() {
        assertTrue(learnt.canStack(i('-'), i('E')) && learnt.canStack(i('E'), i('E')) && learnt.canStack(learnt.floor(), i('E')));
        TileRules narrowed = onSolid.narrow(learnt, legend);
        assertFalse(narrowed.canStack(i('-'), i('E')), "over sky");
        assertFalse(narrowed.canStack(i('E'), i('E')), "stacked");
        assertFalse(narrowed.canStack(narrowed.floor(), i('E')), "the bottom row is over a pit");
        assertTrue(narrowed.canStack(i('X'), i('E')));
        assertTrue(narrowed.canStack(i('<'), i('E')));
        for (int below = 0; below <= TILES.length(); below++) {
            for (int top = 0; top < TILES.length(); top++) {
                if (top != i('E')) {
                    assertEquals(learnt.canStack(below, top), narrowed.canStack(below, top), below + " " + top);
                }
                assertTrue(learnt.canStack(below, top) || !narrowed.canStack(below, top), "never adds a pair");
            }
            for (int right = 0; right < TILES.length() && below < TILES.length(); right++) {
                assertEquals(learnt.canFollow(below, right), narrowed.canFollow(below, right));
            }
        }
        assertTrue(new Standing(Map.of("enemy", List.of("solid", Standing.BOTTOM_EDGE))).narrow(learnt, legend)
                .canStack(learnt.floor(), i('E')), "a game whose floor holds");
        assertTrue(Standing.NONE.narrow(learnt, legend) == learnt);
    }

    @Test
    void aColumnIsDecodedWithTheEnemyOnlyOnSolidGround() {
        LevelTokenizer tok = new LevelTokenizer(4, TILES, '-', Fixtures.features());
        ColumnConstraint free = new ColumnConstraint(tok, learnt);
        ColumnConstraint ruled = new ColumnConstraint(tok, onSolid.narrow(learnt, legend));
        int e1 = tok.tileToken('E', 1);
        int e2 = tok.tileToken('E', 2);
        int[] onGround = {LevelTokenizer.BOS, tok.tileToken('X', 0)};
        int[] overSky = {LevelTokenizer.BOS, tok.tileToken('X', 0), tok.tileToken('-', 1)};
        assertTrue(allowed(free, tok, overSky, e2));
        assertFalse(allowed(ruled, tok, overSky, e2));
        assertTrue(allowed(ruled, tok, onGround, e1));
        int[] onEnemy = {LevelTokenizer.BOS, tok.tileToken('X', 0), e1};
        assertTrue(allowed(free, tok, onEnemy, e2));
        assertFalse(allowed(ruled, tok, onEnemy, e2));
        assertFalse(allowed(ruled, tok, new int[] {LevelTokenizer.BOS}, tok.tileToken('E', 0)));
    }

    private static boolean allowed(ColumnConstraint c, LevelTokenizer tok, int[] history, int token) {
        float[] logits = new float[tok.vocabSize()];
        c.apply(history, history.length, logits);
        return logits[token] != Float.NEGATIVE_INFINITY;
    }

    @Test
    void countsWhatStandsAndWhatIsUnderTheRest() {
        Standing.Tally t = onSolid.count(Fixtures.grid(
                "-E--?--E",
                "-E-E---<",
                "XX--E--[",
                "XXE-XX-X"), legend);
        assertEquals(6, t.ruled());
        assertEquals(3, t.standing()); // on X twice and on <
        assertEquals(Map.of("-", 1L, "E", 1L, "edge", 1L), t.below());
        assertEquals(0.5, t.share(), 1e-9);
        assertEquals(Map.of("-", 2L, "E", 2L, "edge", 2L), t.plus(t).below());
        assertEquals(1.0, Standing.Tally.ZERO.share());
    }

    @Test
    void travelsWithTheModelAndOnlyInPlatformers() throws Exception {
        Standing s = Standing.fromJson(new ObjectMapper().readTree("{\"enemy\": [\"solid\", \"bottom edge\"]}"));
        assertEquals(List.of("solid", Standing.BOTTOM_EDGE), s.standsOn().get("enemy"));
        LevelTokenizer tok = new LevelTokenizer(4, TILES, '-', Fixtures.features());
        LevelSpec spec = new LevelSpec("tiny", legend, tok, learnt, Fixtures.arcs()).withStanding(s);
        LevelSpec back = LevelSpec.fromJson(spec.toJson());
        assertEquals(s, back.standing());
        assertFalse(back.decodingRules().canStack(i('-'), i('E')));
        assertTrue(LevelSpec.fromJson(new LevelSpec("tiny", legend, tok, learnt, null).toJson()).standing().isEmpty(),
                "models trained before standsOn read as having none");
        assertThrows(IllegalArgumentException.class, () -> Standing.fromJson(new ObjectMapper().readTree("{\"enemy\": []}")));
        assertThrows(IllegalArgumentException.class, () -> Standing.fromJson(new ObjectMapper().readTree("{\"enemy\": \"solid\"}")));
    }
}
