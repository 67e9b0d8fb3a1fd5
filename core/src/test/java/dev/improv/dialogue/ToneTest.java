package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneTest {

    @Test
    void writersWordsPickATone() {
        assertEquals(Tone.GRUMPY, Tone.parse("gruff"));
        assertEquals(Tone.GRUMPY, Tone.parse(" Stern "));
        assertEquals(Tone.CHEERFUL, Tone.parse("jolly"));
        assertEquals(Tone.NEUTRAL, Tone.parse("formal"));
        assertNull(Tone.ofCard("sleepy"), "a card's unknown word leaves the tone to the model");
    }

    @Test
    void aTypedMoodThatIsNoToneFailsWithTheChoices() {
        String m = assertThrows(IllegalArgumentException.class, () -> Tone.parse("sleepy")).getMessage();
        assertTrue(m.contains("unknown mood 'sleepy'") && m.contains("grumpy") && m.contains("cheerful"), m);
    }
}
