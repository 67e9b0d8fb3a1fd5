package dev.improv.model;

import java.util.List;

/**
 * Training data as documents of token ids: a tune, a level, a conversation. Training windows are
 * drawn from inside single documents, so a window never straddles two unrelated pieces.
 */
public record TokenCorpus(int vocabSize, List<int[]> train, List<int[]> valid) {

    public TokenCorpus {
        train = List.copyOf(train);
        valid = List.copyOf(valid);
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training split has no documents");
        }
        if (valid.isEmpty()) {
            throw new IllegalArgumentException("the validation split has no documents");
        }
        check(train, vocabSize, "train");
        check(valid, vocabSize, "valid");
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
