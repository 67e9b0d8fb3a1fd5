package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.Conversation;
import dev.improv.dialogue.DialogueEvaluation;
import dev.improv.dialogue.DialogueFormat;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.dialogue.ScoredConversation;
import dev.improv.model.LanguageModel;
import dev.improv.model.NgramModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code improv eval dialogue}: perplexity on the replies against an n-gram baseline trained on the
 * same conversations as the model, persona grounding and repetition; one JSON line on stdout.
 */
@Command(name = "dialogue",
        header = "Evaluates the dialogue model on a Persona-Chat CSV against an n-gram baseline; one JSON line.", mixinStandardHelpOptions = true,
        description = {"Evaluate the dialogue model on a Persona-Chat CSV; prints one JSON line:",
                "perplexity and baseline_perplexity (per token, on the replies; the baseline is the best",
                "Witten-Bell n-gram of orders 2-5 trained on the model's own training conversations),",
                "persona_grounding (share of replies to persona questions that share a content word with",
                "a persona fact) and repetition (share of reply word 3-grams already used in that reply",
                "or the NPC's earlier lines)."})
public final class EvalDialogueCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--data", required = true, description = "CSV of conversations to evaluate on.")
    Path data;

    @Option(names = "--held-out", description = "Evaluate only the conversations the model held out for validation (when --data is its training file).")
    boolean heldOut;

    @Mixin
    ModelOption model = new ModelOption("dialogue");

    @Option(names = "--baseline-data", description = "The model's training CSV, for the n-gram baseline; default: the file recorded in the model.")
    Path baselineData;

    @Option(names = "--questions", defaultValue = "200", description = "Persona questions to answer for grounding and repetition. Default: ${DEFAULT-VALUE}.")
    int questions;

    @Mixin
    SeedOption seed = new SeedOption(0);

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(data + ": no such file");
        }
        LanguageModel lm = model.load();
        DialogueGenerator generator = DialogueGenerator.of(lm, FallbackGrammar.defaultGrammar());
        DialogueFormat format = generator.format();
        JsonNode split = lm.metadata().path("split");
        Set<Integer> validLines = new HashSet<>();
        split.path("validLines").forEach(n -> validLines.add(n.asInt()));
        Path trainFile = baselineData != null ? baselineData : Path.of(split.path("data").asText(""));
        if (!Files.isRegularFile(trainFile)) {
            throw new IllegalArgumentException("the model's training file '" + trainFile + "' is not here; pass --baseline-data");
        }
        boolean sameFile = Files.isSameFile(trainFile, data);
        if (heldOut && !sameFile) {
            throw new IllegalArgumentException("--held-out selects conversations of the training file " + trainFile
                    + ", but --data is " + data);
        }
        if (sameFile && !heldOut) {
            System.err.println("warning: " + data + " is the training file; without --held-out most conversations were trained on");
        }

        List<Conversation> evalConversations = new ArrayList<>();
        for (Conversation c : PersonaChatCsv.read(data, s -> System.err.println("skipped: " + s))) {
            if (!heldOut || validLines.contains(c.line())) {
                evalConversations.add(c);
            }
        }
        if (evalConversations.isEmpty()) {
            throw new IllegalArgumentException(data + ": no conversations to evaluate");
        }
        List<Conversation> trainConversations = new ArrayList<>();
        for (Conversation c : PersonaChatCsv.read(trainFile, s -> { })) {
            if (!validLines.contains(c.line())) {
                trainConversations.add(c);
            }
        }
        List<ScoredConversation> eval = ScoredConversation.of(evalConversations, format);
        List<int[]> baselineDocs = new ArrayList<>();
        for (ScoredConversation c : ScoredConversation.of(trainConversations, format)) {
            baselineDocs.add(c.tokens());
        }
        DialogueEvaluation.Nll best = null;
        int bestOrder = 0;
        for (int order = 2; order <= 5; order++) {
            NgramModel ngram = NgramModel.train(order, lm.config().vocabSize(), baselineDocs);
            DialogueEvaluation.Nll nll = DialogueEvaluation.replyNll(ngram, eval);
            System.err.printf("baseline: %d-gram perplexity %.2f%n", order, nll.perplexity());
            if (best == null || nll.perplexity() < best.perplexity()) {
                best = nll;
                bestOrder = order;
            }
        }
        DialogueEvaluation.Nll nll = DialogueEvaluation.replyNll(lm, eval);
        DialogueEvaluation.Generation gen = DialogueEvaluation.generate(generator, evalConversations, questions, seed.value());

        ObjectNode out = JSON.createObjectNode();
        out.put("model", lm.name());
        out.put("data", data.toString());
        out.put("conversations", evalConversations.size());
        out.put("reply_tokens", nll.tokens());
        out.put("perplexity", round(nll.perplexity()));
        out.put("baseline_perplexity", round(best.perplexity()));
        out.put("baseline_order", bestOrder);
        out.put("perplexity_reduction", round(1 - nll.perplexity() / best.perplexity()));
        out.put("persona_grounding", round(gen.grounding()));
        out.put("persona_grounding_reference", round(gen.referenceGrounding()));
        out.put("persona_questions", gen.questions());
        out.put("repetition", round(gen.repetition()));
        out.put("fallback_replies", gen.fallbacks());
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
