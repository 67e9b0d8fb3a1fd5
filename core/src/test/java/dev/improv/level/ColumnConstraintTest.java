package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnConstraintTest {
    private final Legend legend = Fixtures.legend();
    private final LevelTokenizer tok = new LevelTokenizer(4, "X-?E<>[]S", '-', Fixtures.features());
    private final TileRules rules = TileRules.learn(tok.tiles(), List.of(Fixtures.grid(
            "---?----",
            "-<>--E--",
            "-[]-----",
            "XXXX-XXX")), 1);
    private final ColumnConstraint constraint = new ColumnConstraint(tok, rules);

    private List<Character> allowedAfter(int... history) {
        float[] logits = new float[tok.vocabSize()];
        constraint.apply(history, history.length, logits);
        List<Character> out = new ArrayList<>();
        for (int t = 0; t < logits.length; t++) {
            if (logits[t] != Float.NEGATIVE_INFINITY) {
                out.add(t == LevelTokenizer.END_COLUMN ? '|' : tok.isTile(t) ? tok.tileOf(t) : '#');
            }
        }
        return out;
    }

    private int t(char c) {
        return tok.tileToken(c);
    }

    @Test
    void leftPipeHalfForcesTheRightHalf() {
        // previous column: X [ < (bottom to top); now at row 1, after X
        List<Character> a = allowedAfter(LevelTokenizer.BOS, t('X'), t('['), t('<'), LevelTokenizer.END_COLUMN, t('X'));
        assertEquals(List.of(']'), a);
        List<Character> b = allowedAfter(LevelTokenizer.BOS, t('X'), t('['), t('<'), LevelTokenizer.END_COLUMN, t('X'), t(']'));
        assertEquals(List.of('>'), b);
    }

    @Test
    void pipeBodyCannotEndAColumn() {
        List<Character> a = allowedAfter(LevelTokenizer.BOS, t('X'), t('['));
        assertFalse(a.contains('|'));
        assertTrue(a.contains('<'));
    }

    @Test
    void columnStopsAtTheModelHeightAndAcrossAChunkHeader() {
        int[] header = tok.header(new int[] {FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY});
        int[] h = new int[] {LevelTokenizer.BOS, t('X'), t('-'), t('-'), t('?')};
        assertEquals(List.of('|'), allowedAfter(h));
        // after a chunk header the left neighbour is still the column before it
        int[] withHeader = new int[5 + header.length + 1];
        withHeader[0] = LevelTokenizer.BOS;
        withHeader[1] = t('X');
        withHeader[2] = t('[');
        withHeader[3] = t('<');
        withHeader[4] = LevelTokenizer.END_COLUMN;
        System.arraycopy(header, 0, withHeader, 5, header.length);
        withHeader[withHeader.length - 1] = t('X');
        // left column has '[' at row 1, so the next tile must be ']'
        assertEquals(List.of(']'), allowedAfter(withHeader));
    }

    @Test
    void closingColumnNeedsNoRightNeighbour() {
        constraint.closing(true);
        List<Character> a = allowedAfter(LevelTokenizer.BOS, t('X'));
        assertFalse(a.contains('['));
        assertTrue(a.contains('|'));
        constraint.closing(false);
        assertTrue(allowedAfter(LevelTokenizer.BOS, t('X')).contains('['));
    }

    @Test
    void neverAllowsNonColumnTokens() {
        List<Character> a = allowedAfter(LevelTokenizer.BOS);
        assertFalse(a.contains('#'));
        assertTrue(Arrays.asList('X', '-', '|').containsAll(a), a.toString());
    }
}
