package dev.improv.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A smoothed n-gram model over token ids: the baseline every transformer is compared against.
 * Witten-Bell interpolation from the longest context down to an add-one unigram, so every token
 * keeps a probability above zero.
 */
public final class NgramModel {
    private final int order;
    private final int vocabSize;
    private final long base;
    /** Per context key: [count of the context, number of distinct followers]. */
    private final Map<Long, int[]> contexts = new HashMap<>();
    /** Per (context key, next token): count. */
    private final Map<Long, Map<Integer, Integer>> followers = new HashMap<>();
    private final long[] unigram;
    private long total;

    private NgramModel(int order, int vocabSize) {
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException("n-gram order must be in [1, 8], got " + order);
        }
        this.order = order;
        this.vocabSize = vocabSize;
        this.base = vocabSize + 1L;
        if (Math.pow(base, order - 1) > 1e17) {
            throw new IllegalArgumentException("order " + order + " is too high for a vocabulary of " + vocabSize);
        }
        this.unigram = new long[vocabSize];
    }

    /** Counts every n-gram (up to {@code order} tokens) inside each document. */
    public static NgramModel train(int order, int vocabSize, List<int[]> docs) {
        NgramModel m = new NgramModel(order, vocabSize);
        for (int[] doc : docs) {
            for (int i = 0; i < doc.length; i++) {
                m.count(doc, i);
            }
        }
        return m;
    }

    private void count(int[] doc, int i) {
        int next = doc[i];
        if (next < 0 || next >= vocabSize) {
            throw new IllegalArgumentException("token id " + next + " is outside the vocabulary (" + vocabSize + ")");
        }
        unigram[next]++;
        total++;
        long key = 1;
        for (int n = 1; n < order && i - n >= 0; n++) {
            key = key * base + doc[i - n] + 1;
            Map<Integer, Integer> f = followers.computeIfAbsent(key, k -> new HashMap<>());
            int[] c = contexts.computeIfAbsent(key, k -> new int[2]);
            Integer before = f.merge(next, 1, Integer::sum);
            c[0]++;
            if (before == 1) {
                c[1]++;
            }
        }
    }

    /** Probability of {@code doc[i]} given up to order-1 tokens before it in the same document. */
    public double probability(int[] doc, int i) {
        int next = doc[i];
        double p = (unigram[next] + 1.0) / (total + vocabSize);
        // Build the keys from the shortest context up, then interpolate in that order.
        int maxN = Math.min(order - 1, i);
        long key = 1;
        long[] keys = new long[maxN];
        for (int n = 1; n <= maxN; n++) {
            key = key * base + doc[i - n] + 1;
            keys[n - 1] = key;
        }
        for (int n = 1; n <= maxN; n++) {
            int[] c = contexts.get(keys[n - 1]);
            if (c == null) {
                break; // a longer context containing an unseen one is unseen too
            }
            int seen = followers.get(keys[n - 1]).getOrDefault(next, 0);
            p = (seen + c[1] * p) / (c[0] + c[1]);
        }
        return p;
    }

    /** Mean negative log-likelihood per token (natural log) of tokens 1..n-1 of each document. */
    public double meanNll(List<int[]> docs) {
        double nll = 0;
        long count = 0;
        for (int[] doc : docs) {
            for (int i = 1; i < doc.length; i++) {
                nll -= Math.log(probability(doc, i));
                count++;
            }
        }
        return nll / Math.max(1, count);
    }

    public int order() {
        return order;
    }

    /**
     * The n-gram of the order (2 upwards) that scores {@code valid} best, trained on {@code train}:
     * orders rise until the validation NLL stops falling. {@code log} hears each order's score.
     */
    public static NgramModel trainBestOrder(int vocabSize, List<int[]> train, List<int[]> valid,
                                            java.util.function.BiConsumer<Integer, Double> log) {
        NgramModel best = null;
        double bestValid = Double.POSITIVE_INFINITY;
        for (int order = 2; order <= 8; order++) {
            NgramModel ngram = train(order, vocabSize, train);
            double v = ngram.meanNll(valid);
            log.accept(order, v);
            if (v >= bestValid) {
                break;
            }
            bestValid = v;
            best = ngram;
        }
        return best;
    }
}
