package dev.improv.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.BytePairTokenizer;
import dev.improv.dialogue.DialogueFormat;
import dev.improv.engines.TransformerDialogueProvider;
import dev.improv.model.LanguageModel;
import dev.improv.model.TransformerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small dialogue model made in code (a tokenizer trained on a few lines, random weights), so the
 * service's tests do not depend on which default model is shipped: they check that the service
 * gives the engine's content, not how good it is. The operator's property points the service at it.
 */
public final class DialogueFixture {
    private static final List<String> LINES = List.of("Hello there! I am the miller of the village.",
            "I grind wheat every morning. The mill is by the river.", "Good morning! What do you do?",
            "I am the blacksmith. I love my anvil and I forge swords.", "Do you like the village? I have lived here all my life.");
    private static Path folder;

    private DialogueFixture() {
    }

    /** The fixture's folder, written once per JVM. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    texts.addAll(LINES);
                }
                BytePairTokenizer tokenizer = BytePairTokenizer.train(texts, 400, DialogueFormat.SPECIALS);
                TransformerConfig config = new TransformerConfig(tokenizer.vocabSize(), 1, 32, 2, 256, 0f);
                ObjectMapper json = new ObjectMapper();
                ObjectNode meta = json.createObjectNode();
                meta.put("domain", "dialogue");
                meta.set("tokenizer", tokenizer.toJson(json));
                Path dir = Files.createTempDirectory("improv-serve-dialogue");
                LanguageModel.of("dialogue", config, LanguageModel.random(config, 5).weights(), meta).save(dir);
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** Points this JVM's dialogue engines (and the service) at the fixture. */
    public static void use() {
        System.setProperty(TransformerDialogueProvider.MODEL_PROPERTY, folder().toString());
    }
}
