package dev.improv.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.dialogue.DialogueGenerator;
import dev.improv.dialogue.FallbackGrammar;
import dev.improv.dialogue.NpcEvaluation;
import dev.improv.dialogue.PersonaChatCsv;
import dev.improv.dialogue.RankerTraining;
import dev.improv.dialogue.ReplyRanker;
import dev.improv.dialogue.corpus.CardQuestions;
import dev.improv.dialogue.corpus.GroundingQuestion;
import dev.improv.dialogue.corpus.LightWorld;
import dev.improv.dialogue.corpus.NpcTrainingSet;
import dev.improv.dialogue.corpus.SgdDialogues;
import dev.improv.model.LanguageModel;
import dev.improv.model.SamplingSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code improv eval dialogue}: does an NPC answer from what it knows, without inventing, in varied
 * words; and does the model rank the true reply of a held-out conversation first. One JSON line.
 */
@Command(name = "dialogue", mixinStandardHelpOptions = true,
        description = {"Evaluates the NPC dialogue model on data it never trained on; prints one JSON line.",
                "Grounding questions: SGD's dev split (a user asks for a value that stands in the service's results; "
                + "the card holds every result as facts) and NPC cards generated from LIGHT with a seed training "
                + "never used. Each question is asked --samples times through the full NPC path (retrieval, model, "
                + "invented-fact guard, fallback). Each figure is a share:",
                "  retrieval_hit     questions whose best retrieved fact holds the asked value",
                "  answer_rate       first replies that contain the asked value",
                "  invented_rate     replies that state a number or name found in no source",
                "  raw_invented_rate drawn replies the guard rejected for inventing",
                "  fallback_share    replies the authored fallback wrote",
                "  distinct_3_of_5   questions with 3+ distinct replies (case, punctuation aside)",
                "  distinct_3_of_5_apart  the same over 5 calls of 1 reply, seeds S..S+4",
                "reply_nll: mean NLL per token (natural log) of the true replies of the held-out Persona-Chat moments "
                + "given persona and history.",
                "hits_at_1: the true reply of a held-out Persona-Chat conversation ranked first among itself and "
                + "--candidates - 1 replies of other held-out conversations, by log p(reply | persona, history), by its mean "
                + "per token, and by log p(reply | persona, history) - beta * log p(reply | persona); all three are "
                + "printed and the best is named beside hits_at_1 (ConvAI2's measure, on other candidate sets)."})
public final class EvalDialogueCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder (e.g. ../shared/data) holding sgd/dev.jsonl, light/ and persona-chat/train.csv.")
    Path data;

    @Option(names = "--cards", paramLabel = "DIR",
            description = {"A folder of hand-written NPC cards with questions.json (e.g. assets/npc/devset): each question "
                    + "goes through the same path as `improv dialogue --card`; reported as \"cards\". With "
                    + "offcard.json there too (questions whose answer is on no card), \"offcard\" reports "
                    + "stated_value_rate (first replies that state a number or name anyway) and bare_value_rate "
                    + "(those that also name nothing the value is about: they mislead)."})
    Path cards;

    @Mixin
    ModelOption model = new ModelOption("dialogue");

    @Option(names = "--questions", defaultValue = "100", description = "Grounding questions per source (1-5000). Default: ${DEFAULT-VALUE}.")
    int questions;

    @Option(names = "--samples", defaultValue = "5", description = "Replies per question (1-20). Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--ranker", paramLabel = "FOLDER",
            description = "A reply ranker folder (ranker.safetensors, as 'improv train ranker' writes it) for hits@1. Default: the shipped one.")
    Path rankerModel;

    @Option(names = "--show", defaultValue = "12", paramLabel = "N",
            description = "Questions per source printed to stderr with their first reply, its source and the best fact, then how many replies differ and the other samples. Default: ${DEFAULT-VALUE}.")
    int show;

    @Option(names = "--moments", defaultValue = "300", description = "Held-out conversation moments for reply_nll and hits@1 (0 skips them). Default: ${DEFAULT-VALUE}.")
    int moments;

    @Option(names = "--candidates", defaultValue = "20", description = "Candidates per moment, the true reply included. Default: ${DEFAULT-VALUE}.")
    int candidates;

    @Option(names = "--beta", defaultValue = "1.0", description = "Weight of the persona-only likelihood subtracted in ranking. Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--temperature", description = "Sampling temperature of the replies (0-2). Default: the shipped setting, "
            + "DialogueGenerator.DEFAULT_SAMPLING.")
    Float temperature;

    @Option(names = "--top-p", description = "Nucleus share of the replies' sampling (0-1]. Default: the shipped setting.")
    Float topP;

    @Mixin
    SeedOption seed = new SeedOption(0);

    @Override
    public Integer call() throws Exception {
        if (questions < 1 || questions > 5000 || samples < 1 || samples > 20 || show < 0 || moments < 0 || moments > 10_000
                || candidates < 2 || candidates > 100) {
            throw new IllegalArgumentException("--questions 1-5000, --samples 1-20, --show 0 or more, --moments 0-10000, --candidates 2-100");
        }
        if (data == null && cards == null) {
            throw new IllegalArgumentException("give --data DIR (the corpora), --cards DIR (NPC cards with questions.json), or both");
        }
        if (data != null && !Files.isDirectory(data)) {
            throw new IllegalArgumentException(data + ": not a folder (expected the data folder, e.g. ../shared/data)");
        }
        LanguageModel lm = model.load();
        DialogueGenerator generator = DialogueGenerator.of(lm, FallbackGrammar.defaultGrammar());
        if (temperature != null || topP != null) {
            SamplingSettings s = DialogueGenerator.DEFAULT_SAMPLING;
            generator = generator.withSampling(new SamplingSettings(temperature == null ? s.temperature() : temperature,
                    s.topK(), topP == null ? s.topP() : topP, s.repetitionPenalty(), s.penaltyWindow()));
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("model", lm.name());

        List<GroundingQuestion> all = new ArrayList<>();
        if (cards != null) {
            all.addAll(report(out, "cards", generator, CardQuestions.read(cards)));
            List<GroundingQuestion> offCard = CardQuestions.readOffCard(cards);
            if (!offCard.isEmpty()) {
                NpcEvaluation.OffCard o = NpcEvaluation.offCard(generator, offCard, seed.value(), show);
                ObjectNode node = out.putObject("offcard");
                node.put("questions", o.questions());
                node.put("stated_value_rate", round(o.statedValueRate()));
                node.put("bare_value_rate", round(o.bareValueRate()));
                node.put("fallback_share", round(o.fallbackShare()));
                o.samples().forEach(line -> System.err.println("offcard: " + line));
            }
        }
        if (data == null) {
            System.out.println(JSON.writeValueAsString(out));
            return 0;
        }
        Path sgdDev = data.resolve("sgd/dev.jsonl");
        if (Files.exists(sgdDev)) {
            all.addAll(report(out, "sgd_dev", generator, SgdDialogues.questions(sgdDev, questions, s -> { })));
        }
        Path light = data.resolve("light");
        if (Files.isDirectory(light)) {
            // Seeds training never used: new names, prices, places and times on every card.
            all.addAll(report(out, "light_cards", generator, LightWorld.read(light).questions(questions, seed.value() + 1_000_003)));
        }
        if (all.isEmpty() || all.stream().allMatch(q -> q.source().equals("cards"))) {
            throw new IllegalArgumentException(data + ": neither sgd/dev.jsonl nor light/ is there");
        }
        Path personaChat = data.resolve("persona-chat/train.csv");
        if (moments > 0 && Files.exists(personaChat)) {
            JsonNode split = lm.metadata().path("split");
            List<NpcEvaluation.Moment> held = heldOutMoments(personaChat, split.path("validShare").asDouble(0.02),
                    split.path("seed").asLong(1), moments);
            out.put("reply_nll", Math.round(NpcEvaluation.replyNll(lm, generator.format(), held) * 10000) / 10000.0);
            // Three ways to rank with one model, all reported; hits_at_1 is the best, named beside it.
            double plain = NpcEvaluation.hitsAt1(lm, generator.format(), held, candidates - 1, 0, false, seed.value());
            double perToken = NpcEvaluation.hitsAt1(lm, generator.format(), held, candidates - 1, 0, true, seed.value());
            double pmi = NpcEvaluation.hitsAt1(lm, generator.format(), held, candidates - 1, beta, false, seed.value());
            ReplyRanker ranker = rankerModel == null ? ReplyRanker.loadDefault() : ReplyRanker.load(rankerModel);
            if (Double.parseDouble(ranker.metadata().getOrDefault("valid_share", "-1")) != split.path("validShare").asDouble(0.02)
                    || Long.parseLong(ranker.metadata().getOrDefault("split_seed", "-1")) != split.path("seed").asLong(1)) {
                throw new IllegalArgumentException("the ranker held out other conversations than the dialogue model "
                        + "(its valid_share/split_seed differ): hits@1 would count replies it trained on");
            }
            double ranked = NpcEvaluation.hitsAt1(ranker, held, candidates - 1, seed.value());
            out.put("hits_at_1_ranker", round(ranked));
            String method = ranked >= Math.max(pmi, Math.max(plain, perToken)) ? "cosine of the reply ranker's word-vector sums (improv train ranker)"
                    : pmi >= Math.max(plain, perToken) ? "log p(reply|persona,history) - " + beta + " log p(reply|persona)"
                    : perToken >= plain ? "mean log p per token of reply|persona,history" : "log p(reply|persona,history)";
            out.put("hits_at_1", round(Math.max(ranked, Math.max(plain, Math.max(perToken, pmi)))));
            out.put("hits_at_1_method", method + ", 1 true + " + (candidates - 1)
                    + " replies from other held-out Persona-Chat conversations");
            out.put("hits_at_1_likelihood", round(plain));
            out.put("hits_at_1_per_token", round(perToken));
            out.put("hits_at_1_pmi", round(pmi));
            out.put("hits_at_1_moments", held.size());
        }
        System.out.println(JSON.writeValueAsString(out));
        return 0;
    }

    private List<GroundingQuestion> report(ObjectNode out, String name, DialogueGenerator generator,
                                           List<GroundingQuestion> qs) {
        NpcEvaluation.Grounding g = NpcEvaluation.grounding(generator, qs, samples, seed.value(), show);
        ObjectNode o = out.putObject(name);
        o.put("questions", g.questions());
        o.put("retrieval_hit", round(g.retrievalHit()));
        o.put("answer_rate", round(g.answerRate()));
        o.put("invented_rate", round(g.inventedRate()));
        o.put("raw_invented_rate", round(g.rawInventedRate()));
        o.put("fallback_share", round(g.fallbackShare()));
        o.put("distinct_3_of_" + samples, round(g.distinctAtLeast3()));
        o.put("mean_distinct", round(g.meanDistinct()));
        o.put("distinct_3_of_" + samples + "_apart", round(g.distinctApartAtLeast3()));
        o.put("reply_ms_p50", round(g.p50Millis()));
        o.put("reply_ms_p95", round(g.p95Millis()));
        g.samples().forEach(s -> System.err.println(name + ": " + s));
        return qs;
    }

    /** Moments of the Persona-Chat conversations the model held out (NPC lines after the first). */
    private static List<NpcEvaluation.Moment> heldOutMoments(Path csv, double share, long seed, int max) throws Exception {
        List<NpcEvaluation.Moment> all = RankerTraining.moments(PersonaChatCsv.read(csv, s -> { }),
                c -> NpcTrainingSet.heldOut("persona-chat:" + c.line(), share, seed));
        if (all.isEmpty()) {
            throw new IllegalArgumentException(csv + ": none of its conversations is held out by this model");
        }
        List<NpcEvaluation.Moment> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            out.add(all.get((int) ((long) i * all.size() / Math.min(max, all.size()))));
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
