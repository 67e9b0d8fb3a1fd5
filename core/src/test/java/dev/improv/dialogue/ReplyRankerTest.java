package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRankerTest {
    /** Three words on three axes: "fish" and "river" share one, "guitar" has its own. */
    private static Weights weights(String vocabulary, int rows) {
        Weights w = new Weights();
        w.metadata().put("vocabulary", vocabulary);
        w.put(ReplyRanker.TABLE, new int[] {rows, 2}, rows == 3 ? new float[] {1, 0, 1, 0, 0, 1} : new float[rows * 2]);
        w.put(ReplyRanker.PERSONA_WEIGHT, new int[] {1}, new float[] {1f});
        return w;
    }

    @Test
    void aReplyOnTheConversationsSubjectScoresHigher() {
        ReplyRanker r = ReplyRanker.of(weights("[\"fish\",\"river\",\"guitar\"]", 3), "test");
        float[] c = r.conversation(List.of("I love to FISH."), List.of("Where do you go?"));
        assertTrue(r.score(c, "Down by the river.") > r.score(c, "I play guitar."));
        assertEquals(1f, r.score(c, "river"), 1e-5);
        assertEquals(0f, r.score(c, "words it never saw"), 1e-6);
        assertEquals(List.of("don't", "go", "2", "rivers"), ReplyRanker.words("Don't GO 2 rivers!"));
    }

    @Test
    void aBrokenFileSaysWhatIsWrong() {
        Weights none = weights("[\"a\"]", 1);
        none.metadata().remove("vocabulary");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplyRanker.of(none, "r.safetensors"))
                .getMessage().contains("r.safetensors: no 'vocabulary'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplyRanker.of(weights("[\"a\",\"b\"]", 3), "r"))
                .getMessage().contains("should have 2 rows"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReplyRanker.of(weights("{oops", 3), "r"))
                .getMessage().contains("not a JSON list"));
    }
}
