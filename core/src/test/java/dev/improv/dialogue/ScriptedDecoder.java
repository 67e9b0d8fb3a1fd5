package dev.improv.dialogue;

import dev.improv.model.Decoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stand-in model for tests: after an NPC turn starts it "wants" to say one of its scripted lines,
 * preferring longer tokens (as a trained model prefers whole words) and earlier scripts; when the
 * line so far equals a script it wants to end. Anything else gets logit 0.
 */
final class ScriptedDecoder implements Decoder {
    private long decoded;
    private final DialogueFormat format;
    private final List<String> scripts;
    private final int capacity;
    private final int[] fed;
    private final float[] logits;
    private int position;
    /** Tokens fed over this decoder's life, to check that cached prompts are not fed again. */
    int fedTotal;

    ScriptedDecoder(DialogueFormat format, int capacity, String... scripts) {
        this.format = format;
        this.scripts = List.of(scripts);
        this.capacity = capacity;
        this.fed = new int[capacity];
        this.logits = new float[format.tokenizer().vocabSize()];
    }

    @Override
    public int batch() {
        return 1;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long tokensDecoded() {
        return decoded;
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public float[] step(int token) {
        feed(token);
        BytePairTokenizer tok = format.tokenizer();
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (fed[i] == format.npcToken() || format.isMoodToken(fed[i])) {
                lineStart = i + 1;
            }
        }
        String text = tok.decode(fed, lineStart, position);
        for (int id = 0; id < logits.length; id++) {
            float best = 0;
            String piece = new String(tok.bytes(id), StandardCharsets.UTF_8);
            for (int s = 0; s < scripts.size(); s++) {
                String script = scripts.get(s);
                if (!piece.isEmpty() && script.startsWith(text + piece)) {
                    best = Math.max(best, 10f * piece.length() + (scripts.size() - s));
                }
                if (id == format.endToken() && text.equals(script)) {
                    best = 1000;
                }
            }
            logits[id] = best;
        }
        return logits;
    }

    @Override
    public float[][] step(int[] tokens) {
        return new float[][] {step(tokens[0])};
    }

    @Override
    public void feed(int token) {
        if (position == capacity) {
            throw new IllegalStateException("cache full");
        }
        fed[position++] = token;
        decoded++;
        fedTotal++;
    }

    @Override
    public void rewind(int newPosition) {
        position = newPosition;
    }

    @Override
    public void close() {
    }
}
