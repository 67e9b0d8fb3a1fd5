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

    /** A corpus where ground blocks float alone and in stacks, and pipe halves stand over the sky. */
    private final TileRules floating = TileRules.learn(TILES, List.of(Fixtures.grid(
            "-----<>-",
            "-X---[]-",
            "-X-X-X--",
            "-X------",
            "XXE-XXXX")), 1);
    private final Standing pillars = new Standing(Map.of("enemy", List.of("solid")),
            Map.of("ground", List.of("solid", Standing.BOTTOM_EDGE), "pipe", List.of("solid", Standing.BOTTOM_EDGE)));

    @Test
    void pillarsStandOnWhatTheirLowestTileStandsOn() {
        Standing.Tally t = pillars.countPillars(Fixtures.grid(
                "-----<>-",
                "-X---[]-",
                "-X-X-X--",
                "-X------",
                "XXE-XXXX"), legend);
        // pillars: the four X of column 1 (on the bottom edge), the pipe's left half (on an X) and its right half
        // (over the sky); the X alone in column 3 floats but is no pillar
        assertEquals(3, t.ruled(), t.toString());
        assertEquals(2, t.standing());
        assertEquals(Map.of("-", 1L), t.below());
        Standing.Tally hanging = pillars.countPillars(Fixtures.grid(
                "-X-",
                "-X-",
                "---"), legend);
        assertEquals(new Standing.Tally(1, 0, Map.of("-", 1L)), hanging);
        assertEquals(Standing.Tally.ZERO, Standing.NONE.countPillars(Fixtures.grid("X", "X"), legend));
    }

    @Test
    void aPillarIsDecodedOnlyWhereItStands() {
        LevelTokenizer tok = new LevelTokenizer(5, TILES, '-', Fixtures.features());
        ColumnConstraint free = new ColumnConstraint(tok, floating);
        ColumnConstraint ruled = new ColumnConstraint(tok, floating, pillars, legend);
        int x0 = tok.tileToken('X', 0);
        int[] floatingBlock = {LevelTokenizer.BOS, tok.tileToken('-', 0), tok.tileToken('-', 1), tok.tileToken('X', 2)};
        assertTrue(allowed(free, tok, floatingBlock, tok.tileToken('X', 3)), "the corpus stacks X over sky");
        assertFalse(allowed(ruled, tok, floatingBlock, tok.tileToken('X', 3)), "a pillar over the sky");
        int[] grounded = {LevelTokenizer.BOS, x0, tok.tileToken('X', 1), tok.tileToken('X', 2)};
        assertTrue(allowed(ruled, tok, grounded, tok.tileToken('X', 3)), "a pillar on the bottom edge");
        int[] sky = {LevelTokenizer.BOS, tok.tileToken('-', 0), tok.tileToken('-', 1)};
        assertTrue(allowed(ruled, tok, sky, tok.tileToken('X', 2)), "a single block may float");
        // the right pipe half: over the sky only with no pipe top on it, which the corpus never has, so the lookahead
        // forbids it too; on a block it stands (a pipe on a floating platform, as in SMB 6-2)
        int[] rightOfPipe = {LevelTokenizer.BOS, x0, tok.tileToken('X', 1), tok.tileToken('X', 2), tok.tileToken('[', 3),
                tok.tileToken('<', 4), LevelTokenizer.END_COLUMN, x0, tok.tileToken('-', 1), tok.tileToken('-', 2)};
        assertTrue(allowed(free, tok, rightOfPipe, tok.tileToken(']', 3)));
        assertFalse(allowed(ruled, tok, rightOfPipe, tok.tileToken(']', 3)));
    }

    @Test
    void aMaskedEnemyFallsToTheNextPlaceItMayStand() {
        LevelTokenizer tok = new LevelTokenizer(4, TILES, '-', Fixtures.features());
        ColumnConstraint ruled = new ColumnConstraint(tok, learnt, onSolid, legend);
        int[] h = new int[16];
        int n = 0;
        h[n++] = LevelTokenizer.BOS;
        h[n++] = tok.tileToken('X', 0);
        h[n++] = tok.tileToken('-', 1);
        // row 2 over the sky: the model gives the enemy e^2 against 1 for the sky tile and 1 for ending the column
        float[] wanted = uniform(tok);
        wanted[tok.tileToken('E', 2)] = 2f;
        ruled.apply(h, n, wanted);
        assertEquals(Float.NEGATIVE_INFINITY, wanted[tok.tileToken('E', 2)]);
        double lost = Math.exp(2) / (Math.exp(2) + (allowedOverSky(tok, learnt) - 1) + 1); // the others and the end
        h[n++] = LevelTokenizer.END_COLUMN;
        float[] ignored = uniform(tok);
        ignored[tok.tileToken('E', 0)] = Float.NEGATIVE_INFINITY; // the floor: nothing more falls, nothing lands
        ruled.apply(h, n, ignored);
        h[n++] = tok.tileToken('X', 0);
        float[] ground = uniform(tok);
        ruled.apply(h, n, ground);
        double before = probability(uniformMasked(tok, learnt, onSolid, h, n), tok.tileToken('E', 1));
        double after = probability(ground, tok.tileToken('E', 1));
        assertTrue(lost > 0.3, "lost " + lost);
        assertEquals(Math.min(before + lost, ColumnConstraint.FALL_CAP), after, 1e-4, "carried to the ground of the next column");

        // after a rewind (a new sample) nothing is carried
        ColumnConstraint again = new ColumnConstraint(tok, learnt, onSolid, legend);
        float[] rewound = uniform(tok);
        again.apply(h, n - 2, uniform(tok)); // the step over the sky loses some mass, then a jump: the stream was rewound
        again.apply(h, n, rewound);
        assertEquals(before, probability(rewound, tok.tileToken('E', 1)), 1e-6);
    }

    @Test
    void aFallingEnemyLandsNoHigherThanItFell() {
        // the corpus lets an enemy fly, stand on ground and stand on a block floating high up
        TileRules rules = TileRules.learn(TILES, List.of(Fixtures.grid(
                "--E-----",
                "--?--?--",
                "--------",
                "-E------",
                "-----E--",
                "XXXX-XXX")), 1);
        LevelTokenizer tok = new LevelTokenizer(6, TILES, '-', Fixtures.features());
        ColumnConstraint ruled = new ColumnConstraint(tok, rules, onSolid, legend);
        int[] h = new int[32];
        int n = 0;
        h[n++] = LevelTokenizer.BOS;
        n = step(ruled, tok, h, n, tok.tileToken('X', 0)); // every token sampled in turn: a skipped step would be a rewind
        n = step(ruled, tok, h, n, tok.tileToken('-', 1));
        float[] overSky = uniform(tok);
        overSky[tok.tileToken('E', 2)] = 3f; // wanted on row 2 over the sky: masked, it falls
        ruled.apply(h, n, overSky);
        assertEquals(Float.NEGATIVE_INFINITY, overSky[tok.tileToken('E', 2)]);
        h[n++] = LevelTokenizer.END_COLUMN;
        // the next column is a pit with a block floating on row 4: the enemy may stand on it on row 5, above where it fell
        for (int r = 0; r < 5; r++) {
            n = step(ruled, tok, h, n, tok.tileToken(r == 4 ? '?' : '-', r));
        }
        float[] onTheBlock = uniform(tok);
        ruled.apply(h, n, onTheBlock);
        assertEquals(probability(uniformMasked(tok, rules, onSolid, h, n), tok.tileToken('E', 5)),
                probability(onTheBlock, tok.tileToken('E', 5)), 1e-6, "nothing lands higher than it fell");
        h[n++] = LevelTokenizer.END_COLUMN;
        // the ground of the column after: it lands there, the carry is whole
        n = step(ruled, tok, h, n, tok.tileToken('X', 0));
        float[] ground = uniform(tok);
        ruled.apply(h, n, ground);
        double before = probability(uniformMasked(tok, rules, onSolid, h, n), tok.tileToken('E', 1));
        assertTrue(probability(ground, tok.tileToken('E', 1)) > before + 0.3, "landed on the ground");
    }

    /** Applies {@code c} at {@code n} (uniform logits) and appends {@code token}: one sampling step. */
    private static int step(ColumnConstraint c, LevelTokenizer tok, int[] h, int n, int token) {
        c.apply(h, n, uniform(tok));
        h[n] = token;
        return n + 1;
    }

    private static float[] uniform(LevelTokenizer tok) {
        return new float[tok.vocabSize()];
    }

    /** The logits of a constraint without falling, from zeros. */
    private float[] uniformMasked(LevelTokenizer tok, TileRules rules, Standing standing, int[] h, int n) {
        float[] l = uniform(tok);
        new ColumnConstraint(tok, standing.narrow(rules, legend)).apply(h, n, l);
        return l;
    }

    /** How many tiles the corpus rules allow on row 2 over the sky in a first column. */
    private int allowedOverSky(LevelTokenizer tok, TileRules rules) {
        int[] h = {LevelTokenizer.BOS, tok.tileToken('X', 0), tok.tileToken('-', 1)};
        float[] l = uniform(tok);
        new ColumnConstraint(tok, rules).apply(h, h.length, l);
        int count = 0;
        for (int t = 0; t < l.length; t++) {
            count += l[t] != Float.NEGATIVE_INFINITY && t != LevelTokenizer.END_COLUMN ? 1 : 0;
        }
        return count;
    }

    private static double probability(float[] logits, int token) {
        return Math.exp(dev.improv.model.Sampler.logSoftmaxAt(logits, token));
    }

    @Test
    void pillarRulesTravelWithTheModel() {
        LevelTokenizer tok = new LevelTokenizer(4, TILES, '-', Fixtures.features());
        LevelSpec spec = new LevelSpec("tiny", legend, tok, learnt, Fixtures.arcs()).withStanding(pillars);
        LevelSpec back = LevelSpec.fromJson(spec.toJson());
        assertEquals(pillars, back.standing());
        Standing onlyPillars = new Standing(Map.of(), Map.of("pipe", List.of("solid")));
        assertEquals(onlyPillars, LevelSpec.fromJson(spec.withStanding(onlyPillars).toJson()).standing());
        assertFalse(onlyPillars.isEmpty());
    }
}
