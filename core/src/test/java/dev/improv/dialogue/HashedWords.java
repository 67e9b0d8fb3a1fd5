package dev.improv.dialogue;

import java.util.List;

/** A sentence encoder for tests: lines that share words are alike, lines that share none are orthogonal. */
final class HashedWords {
    /** Words hashed into a unit vector. */
    static final SentenceEncoder ENCODER = new SentenceEncoder() {
        @Override
        public String name() {
            return "hashed words";
        }

        @Override
        public float[][] encode(List<String> texts) {
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                float[] v = new float[256];
                for (String w : FactRetriever.terms(texts.get(i), 64)) {
                    v[Math.floorMod(w.hashCode(), v.length)] += 1f;
                }
                double norm = 0;
                for (float x : v) {
                    norm += x * x;
                }
                for (int j = 0; j < v.length; j++) {
                    v[j] = norm == 0 ? 0f : (float) (v[j] / Math.sqrt(norm));
                }
                out[i] = v;
            }
            return out;
        }
    };

    private HashedWords() {
    }
}
