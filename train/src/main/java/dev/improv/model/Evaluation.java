package dev.improv.model;

import java.util.List;

/** Scores documents with a trained model, the same way {@link NgramModel#meanNll} scores them. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Mean negative log-likelihood per token (natural log) of tokens 1..n-1 of each document, each
     * predicted from the tokens before it. Documents longer than the context are scored with a
     * sliding window that keeps at least half a context of history.
     */
    public static double meanNll(LanguageModel model, List<int[]> docs) {
        double nll = 0;
        long count = 0;
        Progress progress = new Progress("score", docs.size(), "docs");
        int done = 0;
        try (Decoder d = model.newDecoder()) {
            int cap = d.capacity();
            for (int[] doc : docs) {
                d.reset();
                for (int i = 0; i + 1 < doc.length; i++) {
                    if (d.position() == cap) {
                        d.reset();
                        for (int j = i - cap / 2; j < i; j++) {
                            d.feed(doc[j]);
                        }
                    }
                    nll -= Sampler.logSoftmaxAt(d.step(doc[i]), doc[i + 1]);
                    count++;
                }
                progress.update(++done, "");
            }
        }
        progress.finish(null);
        return nll / Math.max(1, count);
    }
}
