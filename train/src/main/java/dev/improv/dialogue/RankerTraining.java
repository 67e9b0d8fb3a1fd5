package dev.improv.dialogue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.Seeds;
import dev.improv.model.AdamW;
import dev.improv.model.Progress;
import dev.improv.model.SeededRandom;
import dev.improv.model.Weights;
import dev.improv.model.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Trains a {@link ReplyRanker}: word vectors such that a conversation's vector lies closest to the
 * vector of the reply that really followed it. Each step takes a batch of moments; every other reply
 * in the batch is a negative (softmax over the batch, as in StarSpace and dual encoders). Bags of
 * words enter as count matrices times the word table, so the backward pass is one matmul.
 *
 * <p>One epoch is one checkpoint, written atomically to OUT/checkpoint.safetensors with the optimiser
 * state; {@code resume} continues from it with the same shuffles, so an interrupted run ends as an
 * uninterrupted one. The epoch with the best validation hits@1 is written to OUT/model.
 */
public final class RankerTraining {
    /** Cosines are scaled by this before the softmax: a temperature of 0.05. */
    private static final float SCALE = 20f;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to train with. */
    public record Settings(int dim, int epochs, int batch, float learningRate, float wordDropout, int minCount,
                           long seed) {
        public Settings {
            if (dim < 2 || dim > 1024 || epochs < 1 || epochs > 1000 || batch < 2 || batch > 8192
                    || !(learningRate > 0 && learningRate < 1) || !(wordDropout >= 0 && wordDropout < 1) || minCount < 1) {
                throw new IllegalArgumentException("ranker settings out of range: dim 2-1024, epochs 1-1000, batch 2-8192, "
                        + "learning rate in (0,1), word dropout in [0,1), min count >= 1; got " + this);
            }
        }
    }

    /** The outcome: best validation hits@1 and the epoch it came at. */
    public record Report(int epochs, double bestValidHits, int bestEpoch, double seconds, Path model) { }

    private RankerTraining() {
    }

    /**
     * Every moment of the conversations {@code keep} accepts where one user answers the other (the
     * third line on): that user's persona, the four lines before, and the reply.
     */
    public static List<NpcEvaluation.Moment> moments(List<Conversation> conversations, Predicate<Conversation> keep) {
        List<NpcEvaluation.Moment> out = new ArrayList<>();
        for (Conversation c : conversations) {
            if (!keep.test(c)) {
                continue;
            }
            for (int user = 1; user <= 2; user++) {
                List<Turn> turns = c.turnsAs(user);
                for (int i = 2; i < turns.size(); i++) {
                    if (turns.get(i).speaker() == Speaker.NPC) {
                        out.add(new NpcEvaluation.Moment(c.persona(user), turns.subList(Math.max(0, i - 4), i),
                                turns.get(i).text(), c.line()));
                    }
                }
            }
        }
        return out;
    }

    /** Trains on {@code train}, keeps the epoch that ranks {@code valid} best, writes it to OUT/model. */
    public static Report train(List<NpcEvaluation.Moment> train, List<NpcEvaluation.Moment> valid, Settings s,
                               Map<String, String> provenance, Path out, boolean resume, Device device,
                               Consumer<String> log) throws IOException {
        if (train.size() < s.batch() || valid.isEmpty()) {
            throw new IllegalArgumentException("need at least " + s.batch() + " training moments (a batch) and one "
                    + "validation moment; got " + train.size() + " and " + valid.size());
        }
        Files.createDirectories(out);
        AtomicFiles.removeLeftovers(out); // a run killed mid-write (SIGKILL) left its temporary file here
        Path checkpoint = out.resolve("checkpoint.safetensors");
        List<String> vocabulary = vocabulary(train, s.minCount());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        int v = vocabulary.size();
        Weights start;
        int firstEpoch = 0;
        double best = -1;
        int bestEpoch = 0;
        if (resume && Files.exists(checkpoint)) {
            start = Weights.read(checkpoint);
            if (!JSON.writeValueAsString(vocabulary).equals(start.metadata().get("vocabulary"))) {
                throw new IllegalArgumentException(checkpoint + " was trained on other data (its word list differs)");
            }
            firstEpoch = Integer.parseInt(start.metadata().get("epoch"));
            best = Double.parseDouble(start.metadata().get("best_valid_hits"));
            bestEpoch = Integer.parseInt(start.metadata().get("best_epoch"));
            log.accept("resuming after epoch " + firstEpoch + " (best validation hits@1 " + best + ")");
        } else {
            if (Files.exists(checkpoint)) {
                throw new IOException(out + " already holds a run; pass --resume to continue it or choose another folder");
            }
            start = new Weights();
            java.util.Random r = new java.util.Random(s.seed());
            float[] table = new float[v * s.dim()];
            for (int i = 0; i < table.length; i++) {
                table[i] = (float) (r.nextGaussian() * 0.1);
            }
            start.put(ReplyRanker.TABLE, new int[] {v, s.dim()}, table);
            start.put(ReplyRanker.PERSONA_WEIGHT, new int[] {1}, new float[] {1f});
        }
        log.accept(String.format(Locale.ROOT, "%,d training moments, %,d validation, %,d words", train.size(), valid.size(), v));
        long t0 = System.nanoTime();
        try (NDManager base = NDManager.newBaseManager(device)) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            for (String name : List.of(ReplyRanker.TABLE, ReplyRanker.PERSONA_WEIGHT)) {
                Weights.Tensor t = start.tensor(name);
                NDArray a = base.create(t.data(), new Shape(toLong(t.shape())));
                a.setRequiresGradient(true);
                params.put(name, a);
            }
            AdamW adam = new AdamW(params, start, base);
            int stepsPerEpoch = train.size() / s.batch();
            Progress progress = new Progress("train ranker", (long) s.epochs() * stepsPerEpoch, "steps")
                    .resumedAt((long) firstEpoch * stepsPerEpoch);
            for (int epoch = firstEpoch; epoch < s.epochs(); epoch++) {
                List<NpcEvaluation.Moment> order = new ArrayList<>(train);
                java.util.Collections.shuffle(order, new java.util.Random(Seeds.mix(s.seed(), epoch)));
                SeededRandom dropout = new SeededRandom(Seeds.mix(s.seed(), epoch, 17));
                double lossSum = 0;
                for (int step = 0; step < stepsPerEpoch; step++) {
                    List<NpcEvaluation.Moment> batch = order.subList(step * s.batch(), (step + 1) * s.batch());
                    try (NDManager sm = base.newSubManager()) {
                        float[][] counts = counts(batch, ids, s.wordDropout(), dropout);
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDArray table = params.get(ReplyRanker.TABLE);
                            NDArray pw = params.get(ReplyRanker.PERSONA_WEIGHT);
                            NDArray last = normalise(matrix(sm, counts[0], v).matMul(table));
                            NDArray previous = normalise(matrix(sm, counts[1], v).matMul(table));
                            NDArray persona = normalise(matrix(sm, counts[2], v).matMul(table));
                            NDArray reply = normalise(matrix(sm, counts[3], v).matMul(table));
                            NDArray conversation = normalise(last.add(previous.mul(ReplyRanker.PREVIOUS_WEIGHT))
                                    .add(persona.mul(pw)));
                            NDArray logp = conversation.matMul(reply.transpose()).mul(SCALE).logSoftmax(-1);
                            NDArray loss = logp.mul(sm.eye(batch.size())).sum().neg().div(batch.size());
                            gc.backward(loss);
                            lossSum += loss.getFloat();
                        }
                        adam.step(epoch * stepsPerEpoch + step + 1, s.learningRate(), 0f, 0f, sm);
                    }
                    progress.update((long) epoch * stepsPerEpoch + step + 1,
                            String.format(Locale.ROOT, "epoch %d  loss %.3f", epoch + 1, lossSum / (step + 1)));
                }
                Weights now = snapshot(params, vocabulary, provenance);
                double hits = NpcEvaluation.hitsAt1(ReplyRanker.of(now, "epoch " + (epoch + 1)), valid, 19, s.seed());
                log.accept(String.format(Locale.ROOT, "epoch %d: loss %.3f, validation hits@1 %.3f", epoch + 1,
                        lossSum / stepsPerEpoch, hits));
                if (hits > best) {
                    best = hits;
                    bestEpoch = epoch + 1;
                    now.metadata().put("epochs", String.valueOf(bestEpoch));
                    now.metadata().put("valid_hits_at_1", String.format(Locale.ROOT, "%.4f", hits));
                    Files.createDirectories(out.resolve("model"));
                    now.write(out.resolve("model").resolve(ReplyRanker.WEIGHTS_FILE));
                }
                // The checkpoint is the same tensors plus the optimiser's moments and where the run stands.
                adam.saveInto(now);
                now.metadata().put("epoch", String.valueOf(epoch + 1));
                now.metadata().put("best_valid_hits", String.valueOf(best));
                now.metadata().put("best_epoch", String.valueOf(bestEpoch));
                now.write(checkpoint);
            }
            progress.finish("done");
        }
        return new Report(s.epochs(), best, bestEpoch, (System.nanoTime() - t0) / 1e9, out.resolve("model"));
    }

    /** Words seen at least {@code minCount} times in the moments, most frequent first. */
    static List<String> vocabulary(List<NpcEvaluation.Moment> moments, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (NpcEvaluation.Moment m : moments) {
            List<String> texts = new ArrayList<>(m.persona());
            m.history().forEach(t -> texts.add(t.text()));
            texts.add(m.reply());
            for (String text : texts) {
                for (String w : ReplyRanker.words(text)) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> out = new ArrayList<>();
        counts.forEach((w, c) -> {
            if (c >= minCount) {
                out.add(w);
            }
        });
        out.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(w -> w));
        return out;
    }

    /** Word counts per moment, flat (batch x words): the last line, the one before, the persona, the reply. */
    private static float[][] counts(List<NpcEvaluation.Moment> batch, Map<String, Integer> ids, float dropout,
                                    SeededRandom r) {
        int v = ids.size();
        float[][] out = new float[4][batch.size() * v];
        for (int b = 0; b < batch.size(); b++) {
            NpcEvaluation.Moment m = batch.get(b);
            List<Turn> h = m.history();
            add(out[0], b * v, h.isEmpty() ? "" : h.get(h.size() - 1).text(), ids, dropout, r);
            add(out[1], b * v, h.size() < 2 ? "" : h.get(h.size() - 2).text(), ids, dropout, r);
            add(out[2], b * v, String.join(" ", m.persona()), ids, dropout, r);
            add(out[3], b * v, m.reply(), ids, 0f, r);
        }
        return out;
    }

    private static void add(float[] row, int offset, String text, Map<String, Integer> ids, float dropout, SeededRandom r) {
        for (String w : ReplyRanker.words(text)) {
            Integer id = ids.get(w);
            // Dropping context words teaches the ranker not to lean on any one of them.
            if (id != null && (dropout == 0 || r.nextDouble() >= dropout)) {
                row[offset + id] += 1;
            }
        }
    }

    private static NDArray matrix(NDManager m, float[] flat, int columns) {
        return m.create(flat, new Shape(flat.length / columns, columns));
    }

    private static NDArray normalise(NDArray x) {
        // The floor keeps the gradient of an empty bag (no known word) finite.
        return x.div(x.square().sum(new int[] {-1}, true).add(1e-6f).sqrt());
    }

    private static Weights snapshot(Map<String, NDArray> params, List<String> vocabulary, Map<String, String> provenance)
            throws IOException {
        Weights w = new Weights();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            w.put(e.getKey(), toInt(e.getValue().getShape().getShape()), e.getValue().toFloatArray());
        }
        w.metadata().putAll(provenance);
        w.metadata().put("vocabulary", JSON.writeValueAsString(vocabulary));
        return w;
    }

    private static long[] toLong(int[] s) {
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i];
        }
        return out;
    }

    private static int[] toInt(long[] s) {
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (int) s[i];
        }
        return out;
    }
}
