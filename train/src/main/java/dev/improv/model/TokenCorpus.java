package dev.improv.model;

import java.util.List;

/**
 * Training data as documents of token ids: a tune, a level, a conversation. Training windows are
 * drawn from inside single documents, so a window never straddles two unrelated pieces.
 *
 * <p>A document may be scored only from some index on ({@code trainScoredFrom}, {@code validScoredFrom}):
 * a dialogue example is a prompt and a reply, and the loss is on the reply alone, since the model's job
 * is to write replies, not to predict the facts it is handed. Null arrays mean every token is scored.
 *
 * <p>A training document may weigh more than others ({@code trainWeights}): windows are drawn in
 * proportion to a document's length times its weight, so a mix of corpora can lean on the one whose
 * style the model should keep without dropping the other. Null means every document weighs 1.
 */
public record TokenCorpus(int vocabSize, List<int[]> train, List<int[]> valid, int[] trainScoredFrom,
                          int[] validScoredFrom, double[] trainWeights) {

    /** A corpus whose every token is a training target. */
    public TokenCorpus(int vocabSize, List<int[]> train, List<int[]> valid) {
        this(vocabSize, train, valid, null, null, null);
    }

    /** A corpus whose documents are scored from the given indices, every document weighing 1. */
    public TokenCorpus(int vocabSize, List<int[]> train, List<int[]> valid, int[] trainScoredFrom, int[] validScoredFrom) {
        this(vocabSize, train, valid, trainScoredFrom, validScoredFrom, null);
    }

    public TokenCorpus {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        if (trainScoredFrom != null && trainScoredFrom.length != train.size()
                || validScoredFrom != null && validScoredFrom.length != valid.size()) {
            throw new IllegalArgumentException("scored-from indices must give one index per document");
        }
        if (trainWeights != null) {
            if (trainWeights.length != train.size()) {
                throw new IllegalArgumentException("training weights must give one weight per document, got "
                        + trainWeights.length + " for " + train.size());
            }
            for (int i = 0; i < trainWeights.length; i++) {
                if (!(trainWeights[i] > 0 && Double.isFinite(trainWeights[i]))) {
                    throw new IllegalArgumentException("training document " + i + " has weight " + trainWeights[i]
                            + "; weights must be positive");
                }
            }
            trainWeights = trainWeights.clone();
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training split has no documents");
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException("the validation split has no documents");
        }
        check(train, vocabSize, "train");
        check(valid, vocabSize, "valid");
    }

    /** Index of the first token of training document {@code doc} that is a target (0: all of it). */
    public int trainScoredFrom(int doc) {
        return trainScoredFrom == null ? 0 : trainScoredFrom[doc];
    }

    /** How much more often than a weight-1 document training document {@code doc} is drawn, per token. */
    public double trainWeight(int doc) {
        return trainWeights == null ? 1 : trainWeights[doc];
    }

    /** Index of the first token of validation document {@code doc} that is a target. */
    public int validScoredFrom(int doc) {
        return validScoredFrom == null ? 0 : validScoredFrom[doc];
    }

    /** Total tokens in the training split. */
    public long trainTokens() {
        return train.stream().mapToLong(d -> d.length).sum();
    }

    private static void check(List<int[]> docs, int vocabSize, String split) {
        for (int i = 0; i < docs.size(); i++) {
            int[] doc = docs.get(i);
            if (doc.length < 2) {
                throw new IllegalArgumentException(split + " document " + i + " has fewer than 2 tokens");
            }
            for (int t : doc) {
                if (t < 0 || t >= vocabSize) {
                    throw new IllegalArgumentException(split + " document " + i + " has token id " + t
                            + " outside the vocabulary (size " + vocabSize + ")");
                }
            }
        }
    }
}
