package dev.improv.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.api.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;

/**
 * Trains a {@link Transformer} on a {@link TokenCorpus} with DJL.
 *
 * <p>A run folder holds {@code checkpoint.safetensors} (weights, AdamW moments and the loop state,
 * written atomically at every validation), {@code log.csv}, {@code loss.png} and {@code model/}, the
 * best model so far as a loadable model folder. Batches and dropout depend only on the seed and the
 * step number, so a run killed at any moment and resumed from its checkpoint ends with the same
 * weights as a run that was never interrupted.
 *
 * <pre>{@code
 * TrainingReport r = Trainer.train(config, corpus, TrainingSettings.defaults(), Path.of("runs/music"),
 *         false, metadata);
 * LanguageModel best = LanguageModel.load(r.modelDir());
 * }</pre>
 */
public final class Trainer {
    public static final String CHECKPOINT = "checkpoint.safetensors";
    /** Validation windows at most, so a validation pass stays a small share of training time. */
    private static final int MAX_VALID_WINDOWS = 256;

    private final TransformerConfig config;
    private final TokenCorpus corpus;
    private final TrainingSettings settings;
    private final Path runDir;
    private final JsonNode metadata;
    /** Running sums of each training document's length times its sampling weight. */
    private final double[] cumulativeLengths;
    private final List<Window> validWindows;
    private final CheckpointScore keepBy;

    private Trainer(TransformerConfig config, TokenCorpus corpus, TrainingSettings settings, Path runDir,
                    JsonNode metadata, CheckpointScore keepBy) {
        if (corpus.vocabSize() != config.vocabSize()) {
            throw new IllegalArgumentException("corpus vocabulary (" + corpus.vocabSize()
                    + ") differs from the model's (" + config.vocabSize() + ")");
        }
        if (settings.seqLen() > config.context()) {
            throw new IllegalArgumentException("seq-len " + settings.seqLen() + " exceeds the model context "
                    + config.context());
        }
        this.config = config;
        this.corpus = corpus;
        this.settings = settings;
        this.runDir = runDir;
        this.metadata = metadata;
        this.keepBy = keepBy;
        cumulativeLengths = new double[corpus.train().size()];
        double sum = 0;
        for (int i = 0; i < cumulativeLengths.length; i++) {
            sum += corpus.train().get(i).length * corpus.trainWeight(i);
            cumulativeLengths[i] = sum;
        }
        validWindows = validationWindows(corpus, settings.seqLen());
    }

    /**
     * Trains, or with {@code resume} continues the run in {@code runDir} from its checkpoint.
     *
     * @param metadata the domain's tokenizer description, stored in the saved model's model.json
     */
    public static TrainingReport train(TransformerConfig config, TokenCorpus corpus, TrainingSettings settings,
                                       Path runDir, boolean resume, JsonNode metadata) throws IOException {
        return new Trainer(config, corpus, settings, runDir, metadata, null).run(resume, null);
    }

    /**
     * Like {@link #train}, but a new run starts from {@code init}'s weights instead of random ones:
     * a longer schedule for a shipped model, or fine-tuning it on new data. Only the shape must
     * match (dropout may differ); AdamW's moments start from zero. With {@code resume} the run's own
     * checkpoint wins and {@code init} is not read. A null {@code init} means random weights.
     */
    public static TrainingReport train(TransformerConfig config, TokenCorpus corpus, TrainingSettings settings,
                                       Path runDir, boolean resume, JsonNode metadata, LanguageModel init)
            throws IOException {
        return train(config, corpus, settings, runDir, resume, metadata, init, null);
    }

    /**
     * Like {@link #train(TransformerConfig, TokenCorpus, TrainingSettings, Path, boolean, JsonNode, LanguageModel)},
     * but with a non-null {@code keepBy} the model kept in {@code model/} is the checkpoint with the highest
     * score rather than the lowest validation loss, and patience counts validations without a better score.
     * The score is logged beside the loss at every validation.
     */
    public static TrainingReport train(TransformerConfig config, TokenCorpus corpus, TrainingSettings settings,
                                       Path runDir, boolean resume, JsonNode metadata, LanguageModel init,
                                       CheckpointScore keepBy) throws IOException {
        if (init != null && !init.config().withDropout(config.dropout()).equals(config)) {
            throw new IllegalArgumentException("--init model '" + init.name() + "' has shape " + init.config()
                    + ", but this run needs " + config);
        }
        return new Trainer(config, corpus, settings, runDir, metadata, keepBy)
                .run(resume, init == null ? null : init.weights());
    }

    /** Mutable loop state, saved with every checkpoint. */
    private static final class LoopState {
        int step;
        double bestValid = Double.POSITIVE_INFINITY;
        /** The kept checkpoint's score when a {@link CheckpointScore} chooses it. */
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestStep = -1;
        int badEvals;
    }

    /**
     * Fails unless {@code runDir} can take this run: a folder (or nothing yet), holding a run to continue
     * when {@code resume} (a checkpoint, or the log of a run killed before its first one), and none
     * otherwise. The training commands call it before they read their corpus, {@link #train} again.
     */
    public static void checkRunFolder(Path runDir, boolean resume) throws IOException {
        if (Files.exists(runDir) && !Files.isDirectory(runDir)) {
            throw new IOException(runDir + ": is a file; --out is the run's folder (checkpoint, log, model)");
        }
        boolean checkpoint = Files.exists(runDir.resolve(CHECKPOINT));
        if (resume && !checkpoint && !Files.exists(runDir.resolve("log.csv"))) {
            throw new IOException("--resume: no checkpoint in " + runDir + " (start without --resume)");
        }
        if (!resume && checkpoint) {
            throw new IOException(runDir + " already holds a run; pass --resume to continue it or choose "
                    + "another output folder");
        }
    }

    private TrainingReport run(boolean resume, Weights init) throws IOException {
        DjlRuntime.configure();
        checkRunFolder(runDir, resume);
        AtomicFiles.createFolder(runDir);
        AtomicFiles.removeLeftovers(runDir); // a run killed mid-write (SIGKILL) left its temporary file here
        Device device = DjlRuntime.device(settings.device());
        Path checkpoint = runDir.resolve(CHECKPOINT);
        LoopState state = new LoopState();
        Weights initial;
        if (resume && Files.exists(checkpoint)) {
            initial = Weights.read(checkpoint);
            restoreState(initial.metadata(), state, checkpoint);
        } else {
            // A new run, or one killed before its first checkpoint (only its log left): from step 0.
            initial = init != null ? init : WeightInit.gpt2(config, settings.seed());
        }
        List<LossChart.Point> history = readLog(state.step);

        try (NDManager base = NDManager.newBaseManager(device)) {
            Transformer model = new Transformer(config, onlyParameters(initial), base);
            AdamW adam = new AdamW(model.parameters(), initial, base);
            Progress progress = new Progress("train", settings.steps(), "steps").resumedAt(state.step);
            long tokensThisRun = 0;
            double lastLoss = Double.NaN;
            boolean stoppedEarly = false;
            long t0 = System.nanoTime();
            AtomicInteger saved = new AtomicInteger(resume && Files.exists(checkpoint) ? state.step : -1);
            Thread onStop = stopNotice(state, saved);
            Runtime.getRuntime().addShutdownHook(onStop);
            try {
                while (state.step < settings.steps()) {
                    int step = state.step;
                    Engine.getInstance().setRandomSeed((int) Seeds.mix(settings.seed(), step, 7));
                    float lr = settings.learningRateAt(step);
                    try (NDManager sm = base.newSubManager()) {
                        Batch batch = trainingBatch(step, sm);
                        float loss;
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray logits = model.forward(batch.inputs, true);
                            NDArray[] ce = Transformer.crossEntropy(logits, batch.targets, batch.weights);
                            gc.backward(ce[0]);
                            loss = ce[0].getFloat();
                        }
                        if (!Float.isFinite(loss)) {
                            throw new IllegalStateException("training diverged at step " + step + " (loss " + loss
                                    + "); lower the learning rate");
                        }
                        adam.step(step + 1, lr, settings.weightDecay(), settings.gradClip(), sm);
                        tokensThisRun += batch.scored;
                        lastLoss = loss;
                    }
                    state.step = step + 1;
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double tps = tokensThisRun / Math.max(seconds, 1e-9);
                    boolean evalNow = state.step % settings.evalEvery() == 0 || state.step == settings.steps();
                    double valid = Double.NaN;
                    double score = Double.NaN;
                    if (evalNow) {
                        valid = validationLoss(model, base);
                        LanguageModel now = LanguageModel.of(runDir.getFileName().toString(), config, model.toWeights(),
                                metadata);
                        score = keepBy == null ? Double.NaN : keepBy.score(now.withWeightFormat(WeightFormat.configured()));
                        if (keepBy == null ? valid < state.bestValid
                                : score > state.bestScore && valid <= keepBy.maxValidLoss()) {
                            state.bestValid = valid;
                            state.bestScore = score;
                            state.bestStep = state.step;
                            state.badEvals = 0;
                            now.save(runDir.resolve("model"));
                        } else {
                            state.badEvals++;
                        }
                        history.add(new LossChart.Point(state.step, lastLoss, valid));
                        writeCheckpoint(model, adam, state, checkpoint);
                        saved.set(state.step);
                        appendLog(state.step, lr, lastLoss, valid, tps, seconds, score);
                        LossChart.write(history, "loss per token (" + runDir.getFileName() + ")", runDir.resolve("loss.png"));
                        if (settings.patience() > 0 && state.badEvals >= settings.patience()) {
                            stoppedEarly = true;
                        }
                    }
                    progress.update(state.step, String.format(Locale.ROOT, "loss %.3f  best val %.3f  %,.0f tok/s",
                            lastLoss, state.bestValid, tps));
                    if (stoppedEarly) {
                        break;
                    }
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(onStop);
                } catch (IllegalStateException shuttingDown) {
                    // the notice is on its way
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            progress.finish(stoppedEarly ? "stopped early: validation stopped improving" : "done");
            return new TrainingReport(state.step, state.bestValid, state.bestStep, lastLoss, seconds,
                    tokensThisRun / Math.max(seconds, 1e-9), stoppedEarly, runDir.resolve("model"));
        }
    }

    /**
     * What a run stopped mid-way (Ctrl-C, SIGTERM) says on its way out: where it was and where {@code --resume}
     * picks up, on a line of its own after the progress bar; it used to end on the bar, exit code 130 alone.
     */
    private Thread stopNotice(LoopState state, AtomicInteger saved) {
        return new Thread(() -> {
            int at = saved.get();
            System.err.println();
            System.err.println("train: stopped at step " + state.step + " of " + settings.steps() + "; "
                    + (at >= 0 ? "the checkpoint of step " + at + " in " + runDir + " continues with --resume"
                    : "no checkpoint yet (one every " + settings.evalEvery() + " steps): --resume starts again from step 0"));
            System.err.flush();
        }, "training-stop-notice");
    }

    /** Inputs (B,T), targets (B,T) and weights (B,T, 0 on padding) for one step. */
    private record Batch(NDArray inputs, NDArray targets, NDArray weights, long scored) {
    }

    private Batch trainingBatch(int step, NDManager m) {
        SeededRandom r = new SeededRandom(Seeds.mix(settings.seed(), step, 3));
        int b = settings.batch();
        int t = settings.seqLen();
        double total = cumulativeLengths[cumulativeLengths.length - 1];
        List<Window> windows = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            // Documents are picked in proportion to their length (times their weight), so every token of
            // equal weight is equally likely.
            double pick = r.nextDouble() * total;
            int doc = findDocument(pick);
            int[] tokens = corpus.train().get(doc);
            int start = tokens.length > t + 1 ? r.nextInt(tokens.length - t) : 0;
            windows.add(new Window(java.util.Arrays.copyOfRange(tokens, start, Math.min(tokens.length, start + t + 1)),
                    corpus.trainScoredFrom(doc) - start));
        }
        return toBatch(windows, t, m);
    }

    private int findDocument(double tokenIndex) {
        int lo = 0;
        int hi = cumulativeLengths.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeLengths[mid] > tokenIndex) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Tokens of one window, and the index in it of the first token that is a target (may be <= 0). */
    private record Window(int[] tokens, int scoredFrom) {
    }

    private static Batch toBatch(List<Window> windows, int t, NDManager m) {
        int b = windows.size();
        long[] in = new long[b * t];
        long[] out = new long[b * t];
        float[] w = new float[b * t];
        long scored = 0;
        for (int i = 0; i < b; i++) {
            int[] win = windows.get(i).tokens();
            int from = windows.get(i).scoredFrom();
            for (int j = 0; j + 1 < win.length; j++) {
                in[i * t + j] = win[j];
                out[i * t + j] = win[j + 1];
                if (j + 1 >= from) {
                    w[i * t + j] = 1f;
                    scored++;
                }
            }
        }
        return new Batch(m.create(in, new Shape(b, t)), m.create(out, new Shape(b, t)), m.create(w, new Shape(b, t)),
                scored);
    }

    /** Non-overlapping windows over the validation documents, at most {@link #MAX_VALID_WINDOWS}. */
    private static List<Window> validationWindows(TokenCorpus corpus, int t) {
        List<Window> all = new ArrayList<>();
        for (int d = 0; d < corpus.valid().size(); d++) {
            int[] doc = corpus.valid().get(d);
            for (int start = 0; start + 1 < doc.length; start += t) {
                all.add(new Window(java.util.Arrays.copyOfRange(doc, start, Math.min(doc.length, start + t + 1)),
                        corpus.validScoredFrom(d) - start));
            }
        }
        if (all.size() <= MAX_VALID_WINDOWS) {
            return all;
        }
        List<Window> spread = new ArrayList<>(MAX_VALID_WINDOWS);
        for (int i = 0; i < MAX_VALID_WINDOWS; i++) {
            spread.add(all.get((int) ((long) i * all.size() / MAX_VALID_WINDOWS)));
        }
        return spread;
    }

    private double validationLoss(Transformer model, NDManager base) {
        double nll = 0;
        long count = 0;
        int b = settings.batch();
        for (int i = 0; i < validWindows.size(); i += b) {
            try (NDManager sm = base.newSubManager()) {
                Batch batch = toBatch(validWindows.subList(i, Math.min(validWindows.size(), i + b)), settings.seqLen(), sm);
                NDArray logits = model.forward(batch.inputs, false);
                NDArray[] ce = Transformer.crossEntropy(logits, batch.targets, batch.weights);
                nll += ce[0].getFloat() * batch.scored;
                count += batch.scored;
            }
        }
        return nll / Math.max(1, count);
    }

    private static Weights onlyParameters(Weights checkpoint) {
        Weights w = new Weights();
        for (String name : checkpoint.names()) {
            if (!name.startsWith(AdamW.PREFIX)) {
                Weights.Tensor t = checkpoint.tensor(name);
                w.put(name, t.shape(), t.data());
            }
        }
        return w;
    }

    private void writeCheckpoint(Transformer model, AdamW adam, LoopState state, Path file) throws IOException {
        Weights w = model.toWeights();
        adam.saveInto(w);
        Map<String, String> meta = w.metadata();
        meta.put("step", String.valueOf(state.step));
        meta.put("best_valid", String.valueOf(state.bestValid));
        meta.put("best_step", String.valueOf(state.bestStep));
        meta.put("best_score", String.valueOf(state.bestScore));
        meta.put("bad_evals", String.valueOf(state.badEvals));
        meta.put("config", LanguageModel.JSON.writeValueAsString(config));
        meta.put("seed", String.valueOf(settings.seed()));
        meta.put("schedule", schedule());
        w.write(file);
    }

    /** The options that decide each step's batch and learning rate, as a checkpoint records them. */
    private String schedule() {
        return String.format(Locale.ROOT, "--steps %d --batch %d --seq-len %d --lr %s --warmup %d --eval-every %d",
                settings.steps(), settings.batch(), settings.seqLen(), settings.learningRate(), settings.warmupSteps(),
                settings.evalEvery());
    }

    private void restoreState(Map<String, String> meta, LoopState state, Path file) throws IOException {
        try {
            TransformerConfig saved = LanguageModel.JSON.readValue(meta.get("config"), TransformerConfig.class);
            if (!saved.equals(config)) {
                throw new IOException(file + ": checkpoint was trained with " + saved + ", not " + config);
            }
            if (Long.parseLong(meta.get("seed")) != settings.seed()) {
                throw new IOException(file + ": checkpoint used seed " + meta.get("seed") + "; resume with the same seed");
            }
            if (meta.containsKey("schedule") && !meta.get("schedule").equals(schedule())) {
                // Allowed (a run may be lengthened), but no longer the run it was: say so rather than drift silently.
                System.err.println("train: the run in " + runDir + " had " + meta.get("schedule") + "; it continues with "
                        + schedule() + ", so it ends unlike an uninterrupted run of either");
            }
            state.step = Integer.parseInt(meta.get("step"));
            state.bestValid = Double.parseDouble(meta.get("best_valid"));
            state.bestStep = Integer.parseInt(meta.get("best_step"));
            // Checkpoints from before scores were kept have none: a score then beats whatever they kept.
            state.bestScore = meta.containsKey("best_score") ? Double.parseDouble(meta.get("best_score"))
                    : Double.NEGATIVE_INFINITY;
            state.badEvals = Integer.parseInt(meta.get("bad_evals"));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IOException(file + ": checkpoint state is incomplete or corrupt (" + e.getMessage() + ")");
        }
    }

    private List<LossChart.Point> readLog(int upToStep) throws IOException {
        Path log = runDir.resolve("log.csv");
        List<LossChart.Point> points = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        kept.add("step,learning_rate,train_loss,valid_loss,tokens_per_s,seconds"
                + (keepBy == null ? "" : "," + keepBy.name()));
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.split(",");
                try {
                    if (f.length == (keepBy == null ? 6 : 7) && Integer.parseInt(f[0]) <= upToStep) {
                        points.add(new LossChart.Point(Integer.parseInt(f[0]), Double.parseDouble(f[2]),
                                Double.parseDouble(f[3])));
                        kept.add(line);
                    }
                } catch (NumberFormatException e) {
                    // a row cut off by a kill during its append: it is replayed
                }
            }
        }
        // Rows written after the checkpoint we resume from are replayed, so drop them.
        AtomicFiles.writeString(log, String.join("\n", kept) + "\n");
        return points;
    }

    private void appendLog(int step, float lr, double train, double valid, double tps, double seconds, double score)
            throws IOException {
        String row = String.format(Locale.ROOT, "%d,%.6g,%.5f,%.5f,%.0f,%.1f", step, lr, train, valid, tps, seconds)
                + (keepBy == null ? "" : String.format(Locale.ROOT, ",%.5f", score)) + "\n";
        Files.writeString(runDir.resolve("log.csv"), row, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
