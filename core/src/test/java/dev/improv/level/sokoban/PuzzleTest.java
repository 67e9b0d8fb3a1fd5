package dev.improv.level.sokoban;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PuzzleTest {
    private static final Puzzle P = Puzzle.parse("#####\n#@$.#\n#   #\n#####");

    @Test
    void eightSymmetriesShareOneCanonicalForm() {
        Set<String> texts = new HashSet<>();
        for (int k = 0; k < 8; k++) {
            Puzzle t = P.transformed(k);
            texts.add(t.toText());
            assertEquals(P.canonicalText(), t.canonicalText());
        }
        assertEquals(8, texts.size()); // this puzzle has no symmetry of its own
        assertEquals(P, P.transformed(0));
        assertEquals(P, P.transformed(1).transformed(1).transformed(1).transformed(1));
    }

    @Test
    void differentPuzzlesHaveDifferentCanonicalForms() {
        Puzzle other = Puzzle.parse("#####\n#@ .#\n# $ #\n#####");
        assertNotEquals(P.canonicalText(), other.canonicalText());
        PuzzleFingerprints f = PuzzleFingerprints.of(List.of(P));
        assertTrue(f.contains(P.transformed(5)));
        assertTrue(!f.contains(other));
        assertTrue(PuzzleFingerprints.fromBase64(f.toBase64()).contains(P.transformed(3)));
    }

    @Test
    void unknownCharactersAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Puzzle.parse("###\n#x#\n###"));
        assertTrue(e.getMessage().contains("row 2, column 2"), e.getMessage());
    }
}
