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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code improv eval jsb}: the JSB chorales benchmark (train on train, select on valid, report test). */
@Command(name = "jsb",
        header = "Trains and measures a transformer on the JSB chorales, the published benchmark.", mixinStandardHelpOptions = true,
        description = {"Trains a transformer on the JSB chorales (voices serialised soprano to bass per 16th step), "
            + "keeps the checkpoint with the best validation loss and reports its mean NLL per token on the test split."})
public final class EvalJsbCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Jsb16thSeparated.json (splits train/valid/test).")
    Path data;

    @Mixin
    TrainingOptions training = new TrainingOptions("runs/jsb", 4, 192, 4, 256, 1500, 16, 256, 2e-3f);

    @Option(names = "--transpose", defaultValue = "3",
            description = "Augment training chorales with transpositions -K..+K (0: none). Default: ${DEFAULT-VALUE}.")
    int transpose;

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
        LanguageModel start = training.initModel();
        TransformerConfig config = training.config(ChoraleTokenizer.vocabSize(), start);
        TrainingSettings settings = training.settings(config);
        ObjectNode metadata = new ObjectMapper().createObjectNode();
        metadata.put("domain", "jsb-chorales");
        metadata.put("tokens", "BOS, then S A T B pitch (or rest) per 16th step, EOS; pitch id = 4 + midi - " + ChoraleTokenizer.LOW);
        TrainingReport report = Trainer.train(config, corpus, settings, training.out, training.resume, metadata, start);
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
        line.put("config", config.layers() + " layers, width " + config.width() + ", " + config.heads() + " heads, context "
                + config.context());
        System.out.println(line);
        return 0;
    }
}
