package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureConstraintTest {
    private static final int ANY = FeatureSet.ANY;
    // features: pipes [1,2,3], enemies [1,3,5], blocks [1,4,8], elevation [4], gaps [1,2,4]
    private final LevelTokenizer tok = new LevelTokenizer(6, "X-?E<>[]S", '-', Fixtures.features());

    private List<Character> allowed(int[] wanted, int... body) {
        int[] header = tok.header(wanted);
        int[] history = new int[1 + header.length + body.length];
        history[0] = LevelTokenizer.BOS;
        System.arraycopy(header, 0, history, 1, header.length);
        System.arraycopy(body, 0, history, 1 + header.length, body.length);
        float[] logits = new float[tok.vocabSize()];
        new FeatureConstraint(tok, Fixtures.legend(), wanted).apply(history, history.length, logits);
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
    void noPipesMasksPipeTops() {
        List<Character> a = allowed(new int[] {0, ANY, ANY, ANY, ANY}, t('X', 0));
        assertFalse(a.contains('<'));
        assertTrue(a.contains('['));
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
    void lowElevationKeepsGroundBelowTheThreshold() {
        int[] low = {ANY, ANY, ANY, 0, ANY};
        assertTrue(allowed(low, t('X', 0), t('X', 1), t('X', 2)).stream().noneMatch(c -> c == 'X'));
        assertTrue(allowed(low, t('X', 0), t('X', 1)).contains('X'));
    }
}
