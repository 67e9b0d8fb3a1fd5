package dev.improv.dialogue;

import java.util.List;
import java.util.function.Function;

/** A sentence encoder for tests: each text's vector comes from a function, so a test says what means what. */
final class FixedEncoder implements SentenceEncoder {
    private final String name;
    private final Function<String, float[]> vector;

    private FixedEncoder(String name, Function<String, float[]> vector) {
        this.name = name;
        this.vector = vector;
    }

    static SentenceEncoder of(String name, Function<String, float[]> vector) {
        return new FixedEncoder(name, vector);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[][] encode(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector.apply(texts.get(i));
        }
        return out;
    }
}
