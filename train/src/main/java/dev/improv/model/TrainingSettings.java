package dev.improv.model;

/**
 * How to train: AdamW with linear warm-up then cosine decay, gradient clipping, and early stopping
 * on the validation loss.
 *
 * @param steps           optimisation steps at most
 * @param batch           windows per step
 * @param seqLen          tokens per window (at most the model's context)
 * @param learningRate    peak learning rate, reached after the warm-up
 * @param minLearningRate where the cosine decay ends
 * @param warmupSteps     linear warm-up; avoids early divergence while Adam's moments settle
 * @param weightDecay     AdamW's decoupled decay, applied to matrices only (as nanoGPT does)
 * @param gradClip        clip the global gradient norm to this (0 disables)
 * @param evalEvery       validate (and maybe checkpoint the best model) every this many steps
 * @param patience        stop after this many validations without improvement (0 never stops early)
 * @param seed            fixes initialisation, batches and dropout, so a resumed run ends identical
 * @param device          "auto" (GPU if present), "cpu" or "gpu"
 */
public record TrainingSettings(int steps, int batch, int seqLen, float learningRate, float minLearningRate,
                               int warmupSteps, float weightDecay, float gradClip, int evalEvery, int patience,
                               long seed, String device) {

    public TrainingSettings {
        positive(steps, "steps");
        positive(batch, "batch");
        if (seqLen < 2) {
            throw new IllegalArgumentException("seq-len must be at least 2, got " + seqLen);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learning rate must be in (0, 1), got " + learningRate);
        }
        if (!(minLearningRate >= 0 && minLearningRate <= learningRate)) {
            throw new IllegalArgumentException("min learning rate must be in [0, learning rate], got " + minLearningRate);
        }
        if (warmupSteps < 0 || weightDecay < 0 || gradClip < 0 || patience < 0) {
            throw new IllegalArgumentException("warm-up, weight decay, clip and patience must not be negative");
        }
        positive(evalEvery, "eval-every");
        if (!device.equals("auto") && !device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + device + "'");
        }
    }

    /** Settings that suit our small corpora on two CPU cores. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(3000, 16, 256, 1e-3f, 1e-4f, 100, 0.1f, 1.0f, 100, 5, 1337L, "auto");
    }

    public TrainingSettings withSteps(int v) {
        return new TrainingSettings(v, batch, seqLen, learningRate, minLearningRate, Math.min(warmupSteps, v / 10 + 1),
                weightDecay, gradClip, Math.min(evalEvery, v), patience, seed, device);
    }

    public TrainingSettings withBatch(int v) {
        return new TrainingSettings(steps, v, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, evalEvery, patience, seed, device);
    }

    public TrainingSettings withSeqLen(int v) {
        return new TrainingSettings(steps, batch, v, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, evalEvery, patience, seed, device);
    }

    public TrainingSettings withLearningRate(float peak, float min) {
        return new TrainingSettings(steps, batch, seqLen, peak, min, warmupSteps, weightDecay, gradClip,
                evalEvery, patience, seed, device);
    }

    public TrainingSettings withWarmup(int v) {
        return new TrainingSettings(steps, batch, seqLen, learningRate, minLearningRate, v, weightDecay, gradClip,
                evalEvery, patience, seed, device);
    }

    public TrainingSettings withWeightDecay(float v) {
        return new TrainingSettings(steps, batch, seqLen, learningRate, minLearningRate, warmupSteps, v, gradClip,
                evalEvery, patience, seed, device);
    }

    public TrainingSettings withEval(int every, int newPatience) {
        return new TrainingSettings(steps, batch, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, every, newPatience, seed, device);
    }

    public TrainingSettings withSeed(long v) {
        return new TrainingSettings(steps, batch, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, evalEvery, patience, v, device);
    }

    public TrainingSettings withDevice(String v) {
        return new TrainingSettings(steps, batch, seqLen, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, evalEvery, patience, seed, v);
    }

    /** Learning rate at {@code step}: linear warm-up, then cosine decay to the minimum. */
    public float learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (step - warmupSteps) / (double) Math.max(1, steps - warmupSteps));
        return (float) (minLearningRate + 0.5 * (1 + Math.cos(Math.PI * progress)) * (learningRate - minLearningRate));
    }

    private static void positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }
}
