package dev.improv.level;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighbourPriorTest {
    private static final String TILES = "X-?E<>[]S";
    /** Bricks come in rows on row 2, enemies in pairs on row 1 (not under the bricks); a lone '?' on row 2 too. */
    private final TileRules rules = TileRules.learn(TILES, java.util.Collections.nCopies(10, Fixtures.grid(
            "--------------------------------",
            "-SSSS----SSS--?-----------------",
            "------EE-----EE-----------------",
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")), 1);
    private final LevelTokenizer tok = new LevelTokenizer(4, TILES, '-', Fixtures.features());

    @Test
    void countsTravelWithTheRulesAndOldRulesHaveNone() throws Exception {
        TileRules back = TileRules.fromJson(new ObjectMapper().readTree(rules.toJson().toString()));
        for (int b = 0; b <= TILES.length(); b++) {
            for (int l = 0; l < TILES.length(); l++) {
                assertArrayEquals(rules.neighbourCounts()[b][l], back.neighbourCounts()[b][l]);
            }
        }
        int s = TILES.indexOf('S');
        assertEquals(50, rules.neighbourCounts()[TILES.indexOf('-')][s][s], "a brick right of a brick, over the sky");
        assertTrue(rules.restrictStacking((below, top) -> true).neighbourCounts() == rules.neighbourCounts());
        var old = (com.fasterxml.jackson.databind.node.ObjectNode) rules.toJson();
        old.remove("neighbours");
        assertNull(TileRules.fromJson(old).neighbourCounts());
        assertNull(NeighbourPrior.of(TileRules.fromJson(old), 1), "a model without counts decodes as before");
        old.set("neighbours", new ObjectMapper().readTree("[[1, 2]]"));
        assertThrows(IllegalArgumentException.class, () -> TileRules.fromJson(old));
    }

    /** The column before: ground, an enemy on row 1, a brick on row 2. */
    private int[] history(int... column) {
        int[] h = new int[16];
        int n = 0;
        h[n++] = LevelTokenizer.BOS;
        h[n++] = tok.tileToken('X', 0);
        h[n++] = tok.tileToken('E', 1);
        h[n++] = tok.tileToken('S', 2);
        h[n++] = LevelTokenizer.END_COLUMN;
        for (int t : column) {
            h[n++] = t;
        }
        return java.util.Arrays.copyOf(h, n);
    }

    private double probability(ColumnConstraint c, int[] h, int token) {
        float[] logits = new float[tok.vocabSize()];
        c.apply(h, h.length, logits);
        return Math.exp(dev.improv.model.Sampler.logSoftmaxAt(logits, token));
    }

    @Test
    void aBrickRowAndAnEnemyGroupAreContinued() {
        NeighbourPrior prior = NeighbourPrior.of(rules, 1);
        ColumnConstraint with = new ColumnConstraint(tok, rules, Standing.NONE, null, prior);
        ColumnConstraint without = new ColumnConstraint(tok, rules, Standing.NONE, null, null);
        int[] onGround = history(tok.tileToken('X', 0));
        int enemy = tok.tileToken('E', 1);
        assertTrue(probability(with, onGround, enemy) > 2 * probability(without, onGround, enemy),
                probability(with, onGround, enemy) + " against " + probability(without, onGround, enemy));
        int[] underTheBrick = history(tok.tileToken('X', 0), tok.tileToken('-', 1));
        int brick = tok.tileToken('S', 2);
        assertTrue(probability(with, underTheBrick, brick) > 2 * probability(without, underTheBrick, brick));
        // the bottom row is the model's: the first tile of a column is decoded as without the prior
        int[] fresh = history();
        for (char t : TILES.toCharArray()) {
            assertEquals(probability(without, fresh, tok.tileToken(t, 0)), probability(with, fresh, tok.tileToken(t, 0)), 1e-6);
        }
    }

    @Test
    void aLeftTileThatTellsNothingAddsNothing() {
        // every tile is as likely whatever is on its left: the prior is zero everywhere
        TileRules even = TileRules.learn("X-", List.of(Fixtures.grid("X-X-", "XX--", "-X-X", "--XX")), 1);
        NeighbourPrior prior = NeighbourPrior.of(even, 1);
        LevelTokenizer two = new LevelTokenizer(4, "X-", '-', Fixtures.features());
        float[] logits = new float[two.vocabSize()];
        prior.add(two, 1, 0, new int[] {0, 0, 1, 1}, logits);
        for (float l : logits) {
            assertEquals(0, l, 0.25, "pulled towards P(tile | below) with few observations: small");
        }
        assertNull(NeighbourPrior.of(rules, 0));
    }
}
