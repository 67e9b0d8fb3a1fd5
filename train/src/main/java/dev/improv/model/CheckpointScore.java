package dev.improv.model;

/**
 * What decides which checkpoint a training run keeps as its model, when the validation loss alone
 * does not measure what the model is for (e.g. a music model that must keep to the key it is asked
 * for). It must be computed on held-out data only, so that choosing by it stays an honest choice.
 */
public interface CheckpointScore {

    /** A short name for the log's column, e.g. "in_key". */
    String name();

    /** The score of {@code model} (the weights at a validation step); higher is better. */
    double score(LanguageModel model);

    /**
     * The highest validation loss a checkpoint may have and still be kept (infinite by default): a score
     * chosen among checkpoints no worse in likelihood than the model a run started from, so that
     * keeping to the score does not trade away what the model knows.
     */
    default double maxValidLoss() {
        return Double.POSITIVE_INFINITY;
    }
}
