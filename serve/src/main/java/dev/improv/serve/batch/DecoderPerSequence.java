package dev.improv.serve.batch;

import dev.improv.model.Decoder;
import dev.improv.model.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch core has today: one local batch-1 decoder per sequence, stepped one after another on the
 * batcher's thread. Correct (each sequence gives exactly the logits of its own decoder) but with no
 * shared weight reads; a decoder whose step reads each weight once for all sequences implements
 * {@link SequenceBatch} in its place.
 */
public final class DecoderPerSequence implements SequenceBatch {
    private final LanguageModel model;
    private final List<Decoder> decoders = new ArrayList<>();
    private final List<Integer> free = new ArrayList<>();
    private float[][] rows = new float[0][];

    public DecoderPerSequence(LanguageModel model) {
        this.model = model;
    }

    @Override
    public int join() {
        Decoder d = model.newLocalDecoder(1, false);
        if (!free.isEmpty()) {
            int id = free.remove(free.size() - 1);
            decoders.set(id, d);
            return id;
        }
        decoders.add(d);
        return decoders.size() - 1;
    }

    @Override
    public void leave(int sequence) {
        decoder(sequence).close();
        decoders.set(sequence, null);
        free.add(sequence);
    }

    @Override
    public void rewind(int sequence, int position) {
        decoder(sequence).rewind(position);
    }

    @Override
    public float[] prefill(int sequence, int[] tokens, int offset, int length) {
        return decoder(sequence).prefill(tokens, offset, length);
    }

    @Override
    public float[][] step(int[] sequences, int[] tokens, int count) {
        if (rows.length < count) {
            rows = new float[Math.max(count, 2 * rows.length)][];
        }
        for (int i = 0; i < count; i++) {
            rows[i] = decoder(sequences[i]).step(tokens[i]);
        }
        return rows;
    }

    @Override
    public int capacity() {
        return model.config().context();
    }

    @Override
    public void close() {
        for (Decoder d : decoders) {
            if (d != null) {
                d.close();
            }
        }
        decoders.clear();
    }

    private Decoder decoder(int sequence) {
        Decoder d = sequence >= 0 && sequence < decoders.size() ? decoders.get(sequence) : null;
        if (d == null) {
            throw new IllegalArgumentException("no sequence " + sequence + " in this batch");
        }
        return d;
    }
}
