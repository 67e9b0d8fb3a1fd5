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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.improv.dialogue.corpus.NpcTrainingSet;
import dev.improv.model.AtomicFiles;
import dev.improv.model.SeededRandom;

/**
 * Trains the NPC dialogue model on an {@link NpcTrainingSet}: trains the BPE tokenizer on the training
 * examples only, encodes each example as prompt + reply with the loss on the reply alone, and hands
 * them to the {@link Trainer}. The model's metadata records the tokenizer and the split, so
 * evaluation can find the conversations training never saw.
 */
public final class DialogueTraining {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKENIZER_FILE = "tokenizer.json";
    /** Texts the tokenizer learns its merges from at most: enough for a 2k vocabulary, quick to train. */
    private static final int TOKENIZER_TEXTS = 60_000;

    private DialogueTraining() {
    }

    /**
     * What to train.
     *
     * @param vocabSize  tokenizer vocabulary (bytes + specials + merges)
     * @param layers     transformer blocks
     * @param width      embedding width
     * @param heads      attention heads
     * @param context    the model's context; examples are cut to the training window
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
     * Trains (or with {@code resume} continues) a run in {@code runDir}, optionally starting from
     * {@code init}'s weights (the run then keeps init's tokenizer and shape); the best model ends up in
     * {@code runDir/model}.
     *
     * @param source names the data in the model's metadata (e.g. the data folder)
     */
    public static TrainingReport train(NpcTrainingSet set, String source, Options options, float dropout,
                                       TrainingSettings settings, Path runDir, boolean resume, LanguageModel init)
            throws IOException {
        Files.createDirectories(runDir);
        Path tokenizerFile = runDir.resolve(TOKENIZER_FILE);
        BytePairTokenizer tokenizer;
        if (resume && Files.exists(tokenizerFile)) {
            tokenizer = BytePairTokenizer.fromJson(JSON.readTree(tokenizerFile.toFile()));
        } else if (init != null) {
            tokenizer = BytePairTokenizer.fromJson(init.metadata().path("tokenizer"));
            AtomicFiles.writeString(tokenizerFile, JSON.writeValueAsString(tokenizer.toJson(JSON)));
        } else {
            List<String> texts = texts(set.train(), TOKENIZER_TEXTS, options.splitSeed());
            System.err.println("dialogue: training a " + options.vocabSize() + "-token BPE vocabulary on "
                    + texts.size() + " texts");
            tokenizer = BytePairTokenizer.train(texts, options.vocabSize(), DialogueFormat.SPECIALS);
            AtomicFiles.writeString(tokenizerFile, JSON.writeValueAsString(tokenizer.toJson(JSON)));
        }
        DialogueFormat format = new DialogueFormat(tokenizer);
        int window = settings.seqLen() + 1;
        Encoded train = encode(set.train(), format, window);
        Encoded valid = encode(set.valid(), format, window);
        TokenCorpus corpus = new TokenCorpus(tokenizer.vocabSize(), train.docs, valid.docs, train.scoredFrom(),
                valid.scoredFrom());
        System.err.printf("dialogue: %d training examples (%d tokens; %d did not fit %d tokens), %d validation examples%n",
                train.docs.size(), corpus.trainTokens(), train.dropped, window, valid.docs.size());
        JsonNode metadata = metadata(tokenizer, source, options, set.counts());
        TransformerConfig config = init != null ? init.config().withDropout(dropout)
                : new TransformerConfig(tokenizer.vocabSize(), options.layers(), options.width(), options.heads(),
                        options.context(), dropout);
        return Trainer.train(config, corpus, settings, runDir, resume, metadata, init);
    }

    /** Encoded examples with where each one's reply starts. */
    private record Encoded(List<int[]> docs, List<Integer> starts, int dropped) {
        int[] scoredFrom() {
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static Encoded encode(List<DialogueExample> examples, DialogueFormat format, int window) {
        List<int[]> docs = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int dropped = 0;
        for (DialogueExample x : examples) {
            DialogueFormat.Encoded e = format.example(x, window);
            if (e == null) {
                dropped++;
                continue;
            }
            docs.add(e.tokens());
            starts.add(e.replyStart());
        }
        return new Encoded(docs, starts, dropped);
    }

    /** Up to {@code max} texts of the examples (persona, facts, lines), evenly drawn. */
    static List<String> texts(List<DialogueExample> examples, int max, long seed) {
        List<String> all = new ArrayList<>();
        for (DialogueExample x : examples) {
            all.addAll(x.persona());
            all.addAll(x.facts());
            x.turns().forEach(t -> all.add(t.text()));
            all.add(x.reply());
        }
        SeededRandom r = new SeededRandom(seed);
        for (int i = all.size() - 1; i > 0 && all.size() - i <= max; i--) {
            java.util.Collections.swap(all, i, r.nextInt(i + 1));
        }
        return all.size() <= max ? all : new ArrayList<>(all.subList(all.size() - max, all.size()));
    }

    /** The dialogue section of model.json. */
    static JsonNode metadata(BytePairTokenizer tokenizer, String source, Options options, Map<String, Integer> counts) {
        ObjectNode meta = JSON.createObjectNode();
        meta.put("domain", "dialogue");
        meta.put("format", "npc-1");
        meta.set("tokenizer", tokenizer.toJson(JSON));
        ObjectNode s = meta.putObject("split");
        s.put("data", source);
        s.put("validShare", options.validShare());
        s.put("seed", options.splitSeed());
        ObjectNode c = s.putObject("examples");
        counts.forEach(c::put);
        return meta;
    }
}
