package dev.improv.level;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LevelTokenizerTest {
    private final Legend legend = Fixtures.legend();
    private final LevelTokenizer tok = new LevelTokenizer(4, "X-?E<>[]S", '-', Fixtures.features());

    @Test
    void columnIsBottomToTopWithoutSky() {
        List<Integer> out = new ArrayList<>();
        tok.encodeColumn(new char[] {'-', '?', '-', 'X'}, out);
        assertEquals(List.of(tok.tileToken('X', 0), tok.tileToken('-', 1), tok.tileToken('?', 2), LevelTokenizer.END_COLUMN), out);
        assertEquals(2, tok.rowOf(out.get(2)));
        out.clear();
        tok.encodeColumn(new char[] {'-', '-', '-', '-'}, out);
        assertEquals(List.of(LevelTokenizer.END_COLUMN), out);
    }

    @Test
    void levelRoundTripsThroughTokens() {
        TileGrid g = Fixtures.grid(
                "----?-----------------",
                "-<>-----E-------------",
                "-[]--------S----------",
                "XXXXX---XXXXXXXXXXXXXX");
        int[] tokens = tok.encodeLevel(g, 0, null, legend);
        assertEquals(LevelTokenizer.BOS, tokens[0]);
        assertEquals(LevelTokenizer.CHUNK, tokens[1]);
        assertEquals(g, tok.decode(tokens, tokens.length));
        int headers = 0;
        for (int t : tokens) {
            headers += t == LevelTokenizer.CHUNK ? 1 : 0;
        }
        assertEquals(2, headers); // 22 columns: a chunk of 16 and one of 6
    }

    @Test
    void headerCarriesFeatureLevelsAndAny() {
        int[] levels = {1, FeatureSet.ANY, 0, 1, 3};
        int[] h = tok.header(levels);
        assertEquals(1 + levels.length, h.length);
        assertEquals(tok.featureToken(0, 1), h[1]);
        assertEquals(tok.featureToken(1, FeatureSet.ANY), h[2]);
        for (int i = 1; i < h.length; i++) {
            assertEquals(true, tok.isHeader(h[i]));
        }
        assertEquals(tok.vocabSize(), tok.tileToken('S', 3) + 1); // 'S' on the top row is the last token
        assertArrayEquals(new char[] {'-', '-', '-', 'X'}, tok.decodeColumn(new int[] {tok.tileToken('X', 0)}, 0, 1));
    }
}
