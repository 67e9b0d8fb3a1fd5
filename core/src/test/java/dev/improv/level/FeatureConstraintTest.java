package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureConstraintTest {
    private static final int ANY = FeatureSet.ANY;
    // features: pipes [1,2,3], enemies [1,3,5], blocks [1,4,8], elevation [4], gaps [1,2,4]
    private final LevelTokenizer tok = new LevelTokenizer(6, "X-?E<>[]S", '-', Fixtures.features());
    private final TileRules rules = TileRules.learn(tok.tiles(), List.of(Fixtures.grid(
            "--------",
            "---?----",
            "-<>-----",
            "-[]-E---",
            "-[]-E---",
            "XXXX-XXX")), 1);

    /** Logits (all 0 before) after the constraint, for a chunk of {@code columns} with {@code body} written. */
    private float[] logitsAfter(int[] wanted, int columns, int... body) {
        int[] header = tok.header(wanted);
        int[] history = new int[1 + header.length + body.length];
        history[0] = LevelTokenizer.BOS;
        System.arraycopy(header, 0, history, 1, header.length);
        System.arraycopy(body, 0, history, 1 + header.length, body.length);
        float[] logits = new float[tok.vocabSize()];
        new FeatureConstraint(tok, Fixtures.legend(), rules, wanted, columns).apply(history, history.length, logits);
        return logits;
    }

    private List<Character> allowed(int[] wanted, int... body) {
        float[] logits = logitsAfter(wanted, 16, body);
        List<Character> out = new ArrayList<>();
        for (int t = 0; t < logits.length; t++) {
            if (logits[t] != Float.NEGATIVE_INFINITY && (tok.isTile(t) || t == LevelTokenizer.END_COLUMN)) {
                out.add(t == LevelTokenizer.END_COLUMN ? '|' : tok.tileOf(t));
            }
        }
        return out;
    }

    private int t(char c, int row) {
        return tok.tileToken(c, row);
    }

    @Test
    void noPipesMasksPipeTopsAndBodiesThatCouldOnlyEndInOne() {
        List<Character> a = allowed(new int[] {0, ANY, ANY, ANY, ANY}, t('X', 0));
        assertFalse(a.contains('<'));
        assertFalse(a.contains('['), "in these rules a pipe body can only be finished by a pipe top: a dead end");
        assertTrue(a.contains('X'));
    }

    @Test
    void aPipeBodyThatCanEndOtherwiseStaysAllowed() {
        TileRules looser = TileRules.learn(tok.tiles(), List.of(Fixtures.grid(
                "------",
                "-X----",
                "-[]<>-",
                "-[][]-",
                "XXXXXX")), 1);
        int[] none = {0, ANY, ANY, ANY, ANY};
        int[] history = {LevelTokenizer.BOS, LevelTokenizer.CHUNK, tok.featureToken(0, 0), tok.featureToken(1, ANY),
                tok.featureToken(2, ANY), tok.featureToken(3, ANY), tok.featureToken(4, ANY), t('X', 0)};
        float[] logits = new float[tok.vocabSize()];
        new FeatureConstraint(tok, Fixtures.legend(), looser, none, 16).apply(history, history.length, logits);
        assertEquals(Float.NEGATIVE_INFINITY, logits[t('<', 1)]);
        assertEquals(0f, logits[t('[', 1)], "a block can close this pipe body");
    }

    @Test
    void fewEnemiesStopsAtTheBound() {
        int[] few = {ANY, 1, ANY, ANY, ANY};
        assertTrue(allowed(few, t('X', 0), t('E', 1), LevelTokenizer.END_COLUMN, t('X', 0)).contains('E'));
        assertFalse(allowed(few, t('X', 0), t('E', 1), LevelTokenizer.END_COLUMN, t('X', 0), t('E', 1), LevelTokenizer.END_COLUMN, t('X', 0)).contains('E'));
    }

    @Test
    void noGapsNeedsSolidGroundAtTheBottom() {
        List<Character> a = allowed(new int[] {ANY, ANY, ANY, ANY, 0}, t('X', 0), LevelTokenizer.END_COLUMN);
        assertFalse(a.contains('|'));
        assertFalse(a.contains('-'));
        assertTrue(a.contains('X'));
        assertEquals(9 * 6 + 1, allowed(new int[] {ANY, ANY, ANY, ANY, 0}, t('X', 0)).size()); // above the bottom: anything
    }

    @Test
    void manyGapsPushesPitsAtTheBottomOfAColumnUntilThereAreEnough() {
        int[] many = {ANY, ANY, ANY, ANY, 3}; // gaps [1,2,4]: "many" is at least 4 gap columns
        int end = LevelTokenizer.END_COLUMN;
        float[] bottom = logitsAfter(many, 16, t('X', 0), end);
        assertTrue(bottom[end] > 0, "an empty column is a pit");
        assertTrue(bottom[t('-', 0)] > 0);
        assertEquals(0f, bottom[t('X', 0)]);
        float[] higher = logitsAfter(many, 16, t('X', 0));
        assertEquals(0f, higher[t('-', 1)], "only the bottom tile makes a gap");
        float[] enough = logitsAfter(many, 16, end, end, end, end);
        assertEquals(0f, enough[end]);
    }

    @Test
    void lowElevationKeepsGroundBelowTheThreshold() {
        int[] low = {ANY, ANY, ANY, 0, ANY};
        assertTrue(allowed(low, t('X', 0), t('X', 1), t('X', 2)).stream().noneMatch(c -> c == 'X'));
        assertTrue(allowed(low, t('X', 0), t('X', 1)).contains('X'));
    }

    @Test
    void manyPipesPushesPipeTopsAndStartsOfPipesHarderAsTheChunkRunsOut() {
        int[] many = {3, ANY, ANY, ANY, ANY}; // at least 3 pipe tops
        int end = LevelTokenizer.END_COLUMN;
        float[] early = logitsAfter(many, 16, t('X', 0));
        assertTrue(early[t('[', 1)] > 0, "a pipe body starts a pipe");
        assertTrue(early[t('<', 1)] > 0, "a pipe top is what is counted");
        assertEquals(0f, early[t('X', 1)]);
        assertEquals(0f, early[t('E', 1)]);
        float[] late = logitsAfter(many, 4, t('X', 0));
        assertTrue(late[t('<', 1)] > early[t('<', 1)], "fewer columns left for the same shortfall: a larger bonus");
        // once a pipe body stands in the column, finish it (top) rather than grow it
        float[] inPipe = logitsAfter(many, 16, t('X', 0), t('[', 1));
        assertEquals(0f, inPipe[t('[', 2)]);
        assertTrue(inPipe[t('<', 2)] > 0);
        // three pipe tops written: nothing left to push
        float[] met = logitsAfter(many, 16, t('X', 0), t('<', 1), end, t('X', 0), t('<', 1), end, t('X', 0), t('<', 1), end, t('X', 0));
        assertEquals(0f, met[t('<', 1)]);
        assertEquals(0f, met[t('[', 1)]);
    }

    @Test
    void manyPipesStartsPipesOnTheFloorOrSolidGroundNotInTheAir() {
        int[] many = {3, ANY, ANY, ANY, ANY};
        float[] onFloor = logitsAfter(many, 16);
        assertTrue(onFloor[t('[', 0)] > 0, "the floor carries a pipe");
        float[] inAir = logitsAfter(many, 16, t('X', 0), t('-', 1));
        assertEquals(0f, inAir[t('[', 2)], "no push to start a pipe above an empty tile");
        assertEquals(0f, inAir[t('<', 2)]);
        // enemies are not solid: they may be pushed anywhere, as the corpus places them
        float[] enemyInAir = logitsAfter(new int[] {ANY, 3, ANY, ANY, ANY}, 16, t('X', 0), t('-', 1));
        assertTrue(enemyInAir[t('E', 2)] > 0);
    }

    @Test
    void noLowerBoundNoBias() {
        float[] none = logitsAfter(new int[] {0, ANY, ANY, ANY, ANY}, 16, t('X', 0));
        float[] any = logitsAfter(new int[] {ANY, ANY, ANY, ANY, ANY}, 16, t('X', 0));
        assertEquals(0f, any[t('<', 1)]);
        assertEquals(0f, any[t('[', 1)]);
        assertEquals(Float.NEGATIVE_INFINITY, none[t('<', 1)]);
    }

    @Test
    void biasNeverLiftsAMaskedTile() {
        int[] fewEnemies = {ANY, 1, ANY, ANY, ANY}; // exactly one: [1, 3)
        float[] before = logitsAfter(fewEnemies, 16, t('X', 0));
        assertTrue(before[t('E', 1)] > 0);
        int end = LevelTokenizer.END_COLUMN;
        float[] full = logitsAfter(new int[] {ANY, 1, ANY, ANY, ANY}, 16, t('X', 0), t('E', 1), end, t('X', 0), t('E', 1), end, t('X', 0));
        assertEquals(Float.NEGATIVE_INFINITY, full[t('E', 1)]);
    }

    /**
     * A model that all but never writes pipes (pipe tiles 6 nats below the rest, about 1 in 400) still
     * writes a "many pipes" chunk when the constraint steers, on the first sample, with every pipe whole;
     * unasked, the same model writes hardly any.
     */
    @Test
    void steeringMakesAPipeAverseModelWriteManyPipes() {
        int pipes = tok.features().indexOf("pipes");
        int[] many = {3, ANY, ANY, ANY, ANY};
        int[] any = {ANY, ANY, ANY, ANY, ANY};
        int unasked = 0;
        for (long seed = 1; seed <= 8; seed++) {
            TileGrid steered = sampleChunk(many, seed);
            assertEquals(3, tok.features().levels(steered, Fixtures.legend())[pipes], "seed " + seed + "\n" + steered);
            Fixtures.assertPipesWhole(steered);
            unasked += tok.features().measure(sampleChunk(any, seed), Fixtures.legend())[pipes];
        }
        assertTrue(unasked <= 2, unasked + " pipes in 8 unasked chunks");
    }

    /** One 16-column chunk from the pipe-averse model under the column rules and the feature constraint. */
    private TileGrid sampleChunk(int[] wanted, long seed) {
        ColumnConstraint columns = new ColumnConstraint(tok, rules);
        dev.improv.model.LogitConstraint both = columns.and(new FeatureConstraint(tok, Fixtures.legend(), rules, wanted, 16));
        try (dev.improv.model.TokenStream stream = new dev.improv.model.TokenStream(new PipeAverseDecoder(), dev.improv.model.SamplingSettings.DEFAULT, seed)) {
            stream.feed(LevelTokenizer.BOS);
            stream.feed(tok.header(wanted));
            int body = stream.length();
            for (int c = 0; c < 16; c++) {
                columns.closing(c == 15);
                while (stream.next(both) != LevelTokenizer.END_COLUMN) {
                    assertTrue(stream.length() - body < 16 * 8, "runaway column");
                }
            }
            int[] tokens = stream.tokensSince(body);
            return tok.decode(tokens, tokens.length);
        }
    }

    /** Same logits at every step: ground likely, pipe tiles far below everything else. */
    private final class PipeAverseDecoder implements dev.improv.model.Decoder {
        private int position;
        private long decoded;

        @Override public int batch() { return 1; }
        @Override public long tokensDecoded() { return decoded; }
        @Override public int capacity() { return 4096; }
        @Override public int position() { return position; }
        @Override public void feed(int token) { position++; decoded++; }
        @Override public void rewind(int p) { position = p; }
        @Override public void close() { }

        @Override
        public float[] step(int token) {
            position++;
            decoded++;
            float[] logits = new float[tok.vocabSize()];
            for (int t = 0; t < logits.length; t++) {
                if (tok.isTile(t) && "<>[]".indexOf(tok.tileOf(t)) >= 0) {
                    logits[t] = -6f;
                } else if (tok.isTile(t) && tok.tileOf(t) == 'X' && tok.rowOf(t) == 0) {
                    logits[t] = 3f; // like a trained model, it mostly writes ground
                }
            }
            return logits;
        }

        @Override
        public float[][] step(int[] tokens) {
            return new float[][] {step(tokens[0])};
        }
    }
    /** A feature's 'most' bounds its top level and a silent prompt: "many enemies" is more enemies, not a room full. */
    @Test
    void theTopLevelStopsAtTheFeaturesMost() {
        List<FeatureSpec> specs = new ArrayList<>(Fixtures.features().specs());
        FeatureSpec e = specs.get(1);
        specs.set(1, new FeatureSpec(e.name(), e.words(), e.kind(), e.tags(), e.levels(), e.thresholds(), 6));
        LevelTokenizer bounded = new LevelTokenizer(6, "X-?E<>[]S", '-', new FeatureSet(specs));
        for (int[] wanted : new int[][] {{ANY, 3, ANY, ANY, ANY}, {ANY, ANY, ANY, ANY, ANY}}) {
            List<Integer> history = new ArrayList<>(List.of(LevelTokenizer.BOS));
            for (int h : bounded.header(wanted)) {
                history.add(h);
            }
            for (int col = 0; col < 3; col++) { // three columns of two enemies: 6, the most
                history.addAll(List.of(bounded.tileToken('X', 0), bounded.tileToken('E', 1), bounded.tileToken('E', 2),
                        LevelTokenizer.END_COLUMN));
            }
            history.add(bounded.tileToken('X', 0));
            int[] h = history.stream().mapToInt(Integer::intValue).toArray();
            float[] logits = new float[bounded.vocabSize()];
            new FeatureConstraint(bounded, Fixtures.legend(), rules, wanted, 16).apply(h, h.length, logits);
            assertEquals(Float.NEGATIVE_INFINITY, logits[bounded.tileToken('E', 1)], "a seventh enemy");
            float[] unbounded = new float[tok.vocabSize()];
            new FeatureConstraint(tok, Fixtures.legend(), rules, wanted, 16).apply(h, h.length, unbounded);
            assertTrue(unbounded[tok.tileToken('E', 1)] > Float.NEGATIVE_INFINITY, "no 'most': no bound");
        }
        assertThrows(IllegalArgumentException.class, () -> new FeatureSpec(e.name(), e.words(), e.kind(), e.tags(), e.levels(),
                e.thresholds(), 4), "'most' below the top threshold (5)");
    }
}
