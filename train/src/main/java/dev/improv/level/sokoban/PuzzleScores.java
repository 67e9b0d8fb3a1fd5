package dev.improv.level.sokoban;

import dev.improv.model.Decoder;
import dev.improv.model.Sampler;
import dev.improv.model.LanguageModel;
import dev.improv.model.NgramModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Likelihood of puzzles under a model and under an n-gram baseline, per cell token (natural log),
 * with the difficulty token "any": how well each predicts puzzles when nothing is asked. The header
 * tokens are given, not scored, so both figures count exactly the cells.
 */
public final class PuzzleScores {
    private PuzzleScores() {
    }

    /** The documents of puzzles with the "any" difficulty token. */
    public static List<int[]> documents(PuzzleTokenizer tok, List<Puzzle> puzzles) {
        List<int[]> out = new ArrayList<>();
        for (Puzzle p : puzzles) {
            out.add(tok.encode(p, PuzzleRequest.ANY_BAND));
        }
        return out;
    }

    /** Mean negative log-likelihood per cell token under the transformer. */
    public static double meanNll(LanguageModel model, PuzzleTokenizer tok, List<int[]> docs) {
        double nll = 0;
        long count = 0;
        int header = tok.headerLength();
        try (Decoder d = model.newDecoder()) {
            for (int[] doc : docs) {
                d.reset();
                float[] logits = d.prefill(doc, 0, header);
                for (int i = header; i < doc.length; i++) {
                    nll -= Sampler.logSoftmaxAt(logits, doc[i]);
                    count++;
                    if (i + 1 < doc.length) {
                        logits = d.step(doc[i]);
                    }
                }
            }
        }
        return nll / Math.max(1, count);
    }

    /** Mean negative log-likelihood per cell token under an n-gram model. */
    public static double meanNll(NgramModel ngram, PuzzleTokenizer tok, List<int[]> docs) {
        double nll = 0;
        long count = 0;
        for (int[] doc : docs) {
            for (int i = tok.headerLength(); i < doc.length; i++) {
                nll -= Math.log(ngram.probability(doc, i));
                count++;
            }
        }
        return nll / Math.max(1, count);
    }
}
