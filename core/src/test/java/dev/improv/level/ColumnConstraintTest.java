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

    /** Tokens of a column given bottom to top (without END_COLUMN). */
    private int[] col(String bottomUp) {
        int[] out = new int[bottomUp.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tok.tileToken(bottomUp.charAt(i), i);
        }
        return out;
    }

    private static int[] cat(Object... parts) {
        java.util.List<Integer> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Integer i) {
                out.add(i);
            } else {
                for (int v : (int[]) p) {
                    out.add(v);
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void leftPipeHalfForcesTheRightHalf() {
        // previous column: X [ < (bottom to top); now at row 1, after X
        List<Character> a = allowedAfter(cat(LevelTokenizer.BOS, col("X[<"), LevelTokenizer.END_COLUMN, col("X")));
        assertEquals(List.of(']'), a);
        List<Character> b = allowedAfter(cat(LevelTokenizer.BOS, col("X[<"), LevelTokenizer.END_COLUMN, col("X]")));
        assertEquals(List.of('>'), b);
    }

    @Test
    void pipeBodyCannotEndAColumn() {
        List<Character> a = allowedAfter(cat(LevelTokenizer.BOS, col("X[")));
        assertFalse(a.contains('|'));
        assertTrue(a.contains('<'));
    }

    @Test
    void columnStopsAtTheModelHeightAndAcrossAChunkHeader() {
        int[] header = tok.header(new int[] {FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY});
        int[] h = cat(LevelTokenizer.BOS, col("X--?"));
        assertEquals(List.of('|'), allowedAfter(h));
        // after a chunk header the left neighbour is still the column before it
        int[] withHeader = cat(LevelTokenizer.BOS, col("X[<"), LevelTokenizer.END_COLUMN, header, col("X"));
        // left column has '[' at row 1, so the next tile must be ']'
        assertEquals(List.of(']'), allowedAfter(withHeader));
    }

    @Test
    void closingColumnNeedsNoRightNeighbour() {
        constraint.closing(true);
        List<Character> a = allowedAfter(cat(LevelTokenizer.BOS, col("X")));
        assertFalse(a.contains('['));
        assertTrue(a.contains('|'));
        constraint.closing(false);
        assertTrue(allowedAfter(cat(LevelTokenizer.BOS, col("X"))).contains('['));
    }

    @Test
    void neverAllowsNonColumnTokens() {
        List<Character> a = allowedAfter(LevelTokenizer.BOS);
        assertFalse(a.contains('#'));
        assertTrue(Arrays.asList('X', '-', '|').containsAll(a), a.toString());
    }
}
