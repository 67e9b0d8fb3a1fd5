package dev.improv.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.dialogue.FactRetriever;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.SentenceEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEncoderTest {
    private static final SentenceEncoder ENCODER = new MiniLmEncoder();

    @Test
    void isTheEncoderCoreFinds() {
        assertTrue(SentenceEncoder.installed().orElseThrow() instanceof MiniLmEncoder,
                "the module's META-INF/services entry makes it the installed encoder");
    }

    @Test
    void vectorsAreUnitLengthAndPlaceMeaningsNear() {
        float[][] v = ENCODER.encode(List.of("Where can I charge my electric car?",
                "Voltline charges EVs on Copper Street.", "The pie is four dollars a slice.", ""));
        for (float[] x : v) {
            assertEquals(1f, SentenceEncoder.similarity(x, x), 1e-4f);
        }
        assertTrue(SentenceEncoder.similarity(v[0], v[1]) > SentenceEncoder.similarity(v[0], v[2]) + 0.2f,
                "the charging question is nearer the charger than the pie");
    }

    @Test
    void findsTheFactThatSharesNoWordWithTheQuestion() {
        NpcCard card = NpcCard.builder("Rosa Diaz", "mechanic")
                .addPersona("I fix cars in a garage by the freeway.")
                .addFact("Towing anywhere in the city costs 90 dollars.")
                .addFact("Voltline on Copper Street is the place for electric cars.")
                .addFact("The garage opens at seven in the morning.")
                .addFact("Used parts come from Sal's Scrapyard the same day.")
                .build();
        String question = "Where should I take my EV?";
        // Words alone cannot tell: the question shares no word with the answer.
        String byWords = FactRetriever.of(card, null, null).retrieve(question, List.of(), 1).stream()
                .findFirst().map(f -> f.text()).orElse("");
        assertTrue(!byWords.contains("Voltline"), "the fixture must need meaning, got " + byWords);
        String byMeaning = FactRetriever.of(card, null, ENCODER).retrieve(question, List.of(), 1).get(0).text();
        assertTrue(byMeaning.contains("Voltline"), byMeaning);
        // And words still win where they decide: the towing price is asked in its own words.
        assertTrue(FactRetriever.of(card, null, ENCODER).retrieve("How much is towing?", List.of(), 1).get(0).text()
                .contains("90 dollars"));
    }
}
