package dev.improv.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator on a real (untrained, tiny) transformer: metadata round trip and rules on real logits. */
class DialogueModelTest {

    private static LanguageModel model(BytePairTokenizer tok) {
        var meta = DialogueTraining.metadata(tok, "tiny", new DialogueTraining.Options(tok.vocabSize(), 1, 16, 2, 64, 0.1, 1),
                java.util.Map.of("tiny", 1));
        TransformerConfig config = new TransformerConfig(tok.vocabSize(), 1, 16, 2, 64, 0f);
        return LanguageModel.random(config, 3).withMetadata("tiny-dialogue", meta);
    }

    @Test
    void savedModelCarriesItsTokenizerAndRepliesFollowTheRules(@TempDir Path dir) throws Exception {
        BytePairTokenizer tok = TinyCorpus.tokenizer(420);
        model(tok).save(dir);
        DialogueGenerator g = DialogueGenerator.of(LanguageModel.load(dir), FallbackGrammar.defaultGrammar())
                .withSampling(new dev.improv.model.SamplingSettings(1.5f, 0, 1f, 1f, 0));
        List<GeneratedLine> lines = g.lines(ReplyRequest.builder().addPersona("I am a smith.")
                .addTurn(Turn.player("Hello?")).optBan("e").optMaxTokens(20).optCount(20).optSeed(5).build());
        assertEquals(20, lines.size());
        for (GeneratedLine l : lines) {
            assertFalse(l.text().toLowerCase(Locale.ROOT).contains("e"), l.text());
            assertTrue(l.text().equals(DialogueGenerator.LAST_RESORT) || SentenceEnd.endsSentence(l.text()), l.text());
        }
        assertEquals(g.reply(ReplyRequest.builder().addPersona("I am a smith.").optSeed(8).build()),
                g.reply(ReplyRequest.builder().addPersona("I am a smith.").optSeed(8).build()));
    }

    @Test
    void aModelOfAnotherDomainIsRejected() {
        TransformerConfig config = new TransformerConfig(300, 1, 16, 2, 32, 0f);
        var e = assertThrows(IllegalArgumentException.class,
                () -> DialogueGenerator.of(LanguageModel.random(config, 1), FallbackGrammar.defaultGrammar()));
        assertTrue(e.getMessage().contains("not a dialogue model"), e.getMessage());
    }
}
