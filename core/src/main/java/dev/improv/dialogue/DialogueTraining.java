package dev.improv.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a dialogue model from Persona-Chat conversations: holds out whole conversations for
 * validation, trains the BPE tokenizer on the training part only, packs the conversations into
 * persona-first documents and hands them to the {@link Trainer}. The model's metadata records the
 * tokenizer and the split, so evaluation can find the conversations training never saw.
 */
public final class DialogueTraining {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKENIZER_FILE = "tokenizer.json";

    private DialogueTraining() {
    }

    /**
     * What to train.
     *
     * @param vocabSize  tokenizer vocabulary (bytes + specials + merges)
     * @param layers     transformer blocks
     * @param width      embedding width
     * @param heads      attention heads
     * @param context    the model's context; documents are cut to the training window
     * @param validShare share of conversations held out for validation
     * @param splitSeed  fixes which conversations are held out
     */
    public record Options(int vocabSize, int layers, int width, int heads, int context, double validShare, long splitSeed) {
        public Options {
            if (!(validShare > 0 && validShare < 0.5)) {
                throw new IllegalArgumentException("validation share must be in (0, 0.5), got " + validShare);
            }
        }
    }

    /**
     * Trains (or with {@code resume} continues) a run in {@code runDir}; the best model ends up in
     * {@code runDir/model}.
     *
     * @param source names the data in the model's metadata (e.g. the CSV file name)
     */
    public static TrainingReport train(List<Conversation> conversations, String source, Options options,
                                       TrainingSettings settings, Path runDir, boolean resume) throws IOException {
        return train(conversations, source, options, 0.1f, settings, runDir, resume, null);
    }

    /**
     * As above, with the training dropout, and optionally starting from {@code init}'s weights: the
     * run then keeps init's tokenizer and shape (the vocabulary and size options are not used). The
     * caller checks that init held out the same conversations (its metadata's "split").
     */
    public static TrainingReport train(List<Conversation> conversations, String source, Options options, float dropout,
                                       TrainingSettings settings, Path runDir, boolean resume, LanguageModel init)
            throws IOException {
        DialogueCorpus.Split split = DialogueCorpus.split(conversations, options.validShare(), options.splitSeed());
        Files.createDirectories(runDir);
        Path tokenizerFile = runDir.resolve(TOKENIZER_FILE);
        BytePairTokenizer tokenizer;
        if (resume && Files.exists(tokenizerFile)) {
            tokenizer = BytePairTokenizer.fromJson(JSON.readTree(tokenizerFile.toFile()));
        } else if (init != null) {
            tokenizer = BytePairTokenizer.fromJson(init.metadata().path("tokenizer"));
            dev.improv.model.AtomicFiles.writeString(tokenizerFile, JSON.writeValueAsString(tokenizer.toJson(JSON)));
        } else {
            System.err.println("dialogue: training a " + options.vocabSize() + "-token BPE vocabulary on "
                    + split.train().size() + " conversations");
            tokenizer = BytePairTokenizer.train(DialogueCorpus.texts(split.train()), options.vocabSize(),
                    DialogueFormat.SPECIALS);
            dev.improv.model.AtomicFiles.writeString(tokenizerFile, JSON.writeValueAsString(tokenizer.toJson(JSON)));
        }
        DialogueFormat format = new DialogueFormat(tokenizer);
        int window = settings.seqLen() + 1;
        TokenCorpus corpus = new TokenCorpus(tokenizer.vocabSize(),
                DialogueCorpus.documents(split.train(), format, window),
                DialogueCorpus.documents(split.valid(), format, window));
        System.err.printf("dialogue: %d training documents (%d tokens), %d validation documents%n",
                corpus.train().size(), corpus.trainTokens(), corpus.valid().size());
        JsonNode metadata = metadata(tokenizer, source, options, split);
        TransformerConfig config = init != null ? init.config().withDropout(dropout)
                : new TransformerConfig(tokenizer.vocabSize(), options.layers(), options.width(), options.heads(),
                        options.context(), dropout);
        return Trainer.train(config, corpus, settings, runDir, resume, metadata, init);
    }

    /** The dialogue section of model.json. */
    static JsonNode metadata(BytePairTokenizer tokenizer, String source, Options options, DialogueCorpus.Split split) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("domain", "dialogue");
        meta.set("tokenizer", tokenizer.toJson(JSON));
        ObjectNode s = meta.putObject("split");
        s.put("data", source);
        s.put("validShare", options.validShare());
        s.put("seed", options.splitSeed());
        s.put("trainConversations", split.train().size());
        s.put("validConversations", split.valid().size());
        var lines = s.putArray("validLines");
        split.valid().stream().mapToInt(Conversation::line).sorted().forEach(lines::add);
        return meta;
    }
}
