package dev.improv.model;

import java.nio.file.Path;

/**
 * What a training run did.
 *
 * @param steps          steps completed (including those before a resume)
 * @param bestValidLoss  lowest validation loss (mean NLL per token, natural log)
 * @param bestStep       the step that reached it; the saved model is from there
 * @param finalTrainLoss training loss of the last step
 * @param seconds        wall time of this invocation
 * @param tokensPerSecond training throughput of this invocation
 * @param stoppedEarly   true if validation stopped improving before the last step
 * @param modelDir       the best model, as a loadable model folder
 */
public record TrainingReport(int steps, double bestValidLoss, int bestStep, double finalTrainLoss, double seconds,
                             double tokensPerSecond, boolean stoppedEarly, Path modelDir) {
}
