package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import dev.improv.model.WeightFormat;
import dev.improv.model.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The held-out reply NLL of eval dialogue: per token, over the reply only, in any weight format. */
class ReplyNllTest {
    private static final DialogueFormat FORMAT = new DialogueFormat(TinyCorpus.tokenizer(420));

    private static List<NpcEvaluation.Moment> moments() {
        List<Turn> history = List.of(Turn.player("Hi there."), Turn.npc("Hello, friend."), Turn.player("Any hobbies?"));
        return List.of(
                new NpcEvaluation.Moment(List.of("I love fishing."), history, "I caught a big trout.", 1),
                new NpcEvaluation.Moment(List.of("I bake bread."), history, "Bread and cookies, every morning!", 2));
    }

    private static LanguageModel model(boolean zeroHead) {
        TransformerConfig c = new TransformerConfig(FORMAT.tokenizer().vocabSize(), 2, 32, 2, 96, 0f);
        LanguageModel m = LanguageModel.random(c, 3);
        if (zeroHead) {
            Weights w = m.weights();
            java.util.Arrays.fill(w.tensor("head.weight").data(), 0f);
        }
        return m;
    }

    @Test
    void aModelThatKnowsNothingScoresTheLogOfTheVocabulary() {
        LanguageModel uniform = model(true);
        assertEquals(Math.log(FORMAT.tokenizer().vocabSize()), NpcEvaluation.replyNll(uniform, FORMAT, moments()), 1e-5);
    }

    @Test
    void theMeanIsOverAllRepliesTokensAndInt8StaysClose() {
        LanguageModel m = model(false);
        List<NpcEvaluation.Moment> both = moments();
        double a = NpcEvaluation.replyNll(m, FORMAT, both.subList(0, 1));
        double b = NpcEvaluation.replyNll(m, FORMAT, both.subList(1, 2));
        int na = FORMAT.reply(both.get(0).reply()).length + 1;
        int nb = FORMAT.reply(both.get(1).reply()).length + 1;
        // 1e-6: the JIT may compile the kernels between calls, and compiled lanes sum in another order.
        assertEquals((a * na + b * nb) / (na + nb), NpcEvaluation.replyNll(m, FORMAT, both), 1e-6);
        double int8 = NpcEvaluation.replyNll(m.withWeightFormat(WeightFormat.INT8), FORMAT, both);
        double fp32 = NpcEvaluation.replyNll(m, FORMAT, both);
        assertTrue(Math.abs(int8 - fp32) < 0.01 * fp32, "int8 " + int8 + " against fp32 " + fp32);
    }
}
