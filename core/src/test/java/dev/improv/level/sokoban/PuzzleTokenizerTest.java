package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PuzzleTokenizerTest {
    @Test
    void encodesTheInsideOfTheWallAndDecodesBack() {
        Puzzle p = Puzzle.parse(PushSolverTest.BOXOBAN_12);
        PuzzleTokenizer tok = new PuzzleTokenizer(8, 8, 3);
        int[] doc = tok.encode(p, 2);
        assertEquals(66, doc.length);
        assertEquals(PuzzleTokenizer.BOS, doc[0]);
        assertEquals(tok.bandToken(2), doc[1]);
        assertEquals(tok.cellToken(PuzzleTokenizer.PLAYER), doc[2]); // row 1, column 1 is the player
        assertEquals(p, tok.decode(doc, 2));
        assertNull(tok.misfit(p));
        assertNotNull(tok.misfit(Puzzle.parse("#####\n#@$.#\n#####")));
    }
}
