package dev.improv.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.model.Evaluation;
import dev.improv.model.LanguageModel;
import dev.improv.model.TokenCorpus;
import dev.improv.model.Trainer;
import dev.improv.model.TrainingReport;
import dev.improv.model.TrainingSettings;
import dev.improv.model.TransformerConfig;
import dev.improv.music.ChoraleTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code improv eval jsb}: the JSB chorales benchmark (train on train, select on valid, report test). */
@Command(name = "jsb", mixinStandardHelpOptions = true,
        description = {"Trains a transformer on the JSB chorales (voices serialised soprano to bass per 16th step),",
            "keeps the checkpoint with the best validation loss and reports its mean NLL per token on the test split."})
public final class EvalJsbCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Jsb16thSeparated.json (splits train/valid/test).")
    Path data;

    @Option(names = "--out", defaultValue = "runs/jsb", description = "Run folder. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out.")
    boolean resume;

    @Option(names = "--steps", defaultValue = "1500", description = "Training steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--layers", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
    int layers;

    @Option(names = "--width", defaultValue = "192", description = "Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--heads", defaultValue = "4", description = "Default: ${DEFAULT-VALUE}.")
    int heads;

    @Option(names = "--context", defaultValue = "256",
            description = "Context; keep it equal to --seq-len, or positions past the training windows stay untrained. Default: ${DEFAULT-VALUE}.")
    int context;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Default: ${DEFAULT-VALUE}.")
    float dropout;

    @Option(names = "--batch", defaultValue = "16", description = "Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--seq-len", defaultValue = "256", description = "Default: ${DEFAULT-VALUE}.")
    int seqLen;

    @Option(names = "--lr", defaultValue = "2e-3", description = "Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--transpose", defaultValue = "3",
            description = "Augment training chorales with transpositions -K..+K (0: none). Default: ${DEFAULT-VALUE}.")
    int transpose;

    @Option(names = "--seed", defaultValue = "1337", description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        Map<String, List<int[][]>> splits = ChoraleTokenizer.readJsb(data);
        List<int[]> train = new ArrayList<>();
        for (int[][] chorale : splits.get("train")) {
            for (int s = -transpose; s <= transpose; s++) {
                if (ChoraleTokenizer.fits(chorale, s)) {
                    train.add(ChoraleTokenizer.encode(chorale, s));
                }
            }
        }
        List<int[]> valid = splits.get("valid").stream().map(c -> ChoraleTokenizer.encode(c, 0)).toList();
        List<int[]> test = splits.get("test").stream().map(c -> ChoraleTokenizer.encode(c, 0)).toList();
        TokenCorpus corpus = new TokenCorpus(ChoraleTokenizer.vocabSize(), train, valid);
        TransformerConfig config = new TransformerConfig(ChoraleTokenizer.vocabSize(), layers, width, heads, context, dropout);
        TrainingSettings settings = TrainingSettings.defaults().withSteps(steps).withBatch(batch)
                .withSeqLen(Math.min(seqLen, context)).withLearningRate(learningRate, learningRate / 10)
                .withSeed(seed).withDevice(device);
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        metadata.put("domain", "jsb-chorales");
        metadata.put("tokens", "BOS, then S A T B pitch (or rest) per 16th step, EOS; pitch id = 4 + midi - " + ChoraleTokenizer.LOW);
        TrainingReport report = Trainer.train(config, corpus, settings, out, resume, metadata);
        LanguageModel best = LanguageModel.load(report.modelDir());
        double validNll = report.bestValidLoss(); // the Trainer's score of the selected checkpoint
        double testNll = Evaluation.meanNll(best, test);
        ObjectNode line = new ObjectMapper().createObjectNode();
        line.put("test_nll", Math.round(testNll * 10000) / 10000.0);
        line.put("valid_nll", Math.round(validNll * 10000) / 10000.0);
        line.put("best_step", report.bestStep());
        line.put("steps", report.steps());
        line.put("train_seconds", Math.round(report.seconds()));
        line.put("test_tokens", test.stream().mapToLong(d -> d.length - 1).sum());
        line.put("config", layers + " layers, width " + width + ", " + heads + " heads, context " + context);
        System.out.println(line);
        return 0;
    }
}
