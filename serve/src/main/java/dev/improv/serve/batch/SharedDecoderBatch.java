package dev.improv.serve.batch;

import dev.improv.model.BatchDecoder;
import dev.improv.model.LanguageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's batch backend: the core's {@link BatchDecoder}, whose step reads each weight matrix
 * once for all the sequences in it. Caches are allocated a block of {@link #BLOCK} sequences at a time
 * as sequences join (a block's caches for the default music model are about 50 MB), so a node
 * configured for 64 workers holds caches for the sequences it actually runs, not for 64 of every
 * model. A step over sequences in several blocks runs one batched step per block. Rows returned are
 * the blocks' own, reused by their next step (the {@link StepBatcher} copies them out at once).
 */
public final class SharedDecoderBatch implements SequenceBatch {
    /** Sequences per block: 16 rows already read each weight once for many tokens (bench model: batch 16). */
    static final int BLOCK = 16;

    private final LanguageModel model;
    private final List<BatchDecoder> blocks = new ArrayList<>();
    private final int[] blockSequences = new int[BLOCK];
    private final int[] blockTokens = new int[BLOCK];
    private final int[] blockRows = new int[BLOCK]; // where each of a block's rows goes in the answer
    private float[][] rows = new float[0][];

    public SharedDecoderBatch(LanguageModel model) {
        this.model = model;
    }

    @Override
    public int join() {
        for (int b = 0; b < blocks.size(); b++) {
            BatchDecoder block = blocks.get(b);
            if (block != null && block.activeCount() < BLOCK) {
                return b * BLOCK + block.join();
            }
        }
        int b = blocks.indexOf(null);
        if (b < 0) {
            b = blocks.size();
            blocks.add(null);
        }
        BatchDecoder block = model.newBatchDecoder(BLOCK, false);
        blocks.set(b, block);
        return b * BLOCK + block.join();
    }

    @Override
    public void leave(int sequence) {
        int b = sequence / BLOCK;
        BatchDecoder block = block(sequence);
        block.leave(sequence % BLOCK);
        if (block.activeCount() == 0 && b > 0) {
            // An empty block past the first gives its caches back; the first stays for the next request.
            block.close();
            blocks.set(b, null);
        }
    }

    @Override
    public void rewind(int sequence, int position) {
        block(sequence).rewind(sequence % BLOCK, position);
    }

    @Override
    public float[] prefill(int sequence, int[] tokens, int offset, int length) {
        return block(sequence).prefill(sequence % BLOCK, tokens, offset, length);
    }

    @Override
    public float[][] step(int[] sequences, int[] tokens, int count) {
        if (rows.length < count) {
            rows = new float[Math.max(count, 2 * rows.length)][];
        }
        boolean[] done = new boolean[count];
        for (int first = 0; first < count; first++) {
            if (done[first]) {
                continue;
            }
            // Every sequence of first's block in this step, one batched step for them all.
            int b = sequences[first] / BLOCK;
            int n = 0;
            for (int i = first; i < count; i++) {
                if (!done[i] && sequences[i] / BLOCK == b) {
                    if (n == BLOCK) {
                        throw new IllegalArgumentException("sequence " + sequences[i] + " appears twice in one step");
                    }
                    blockSequences[n] = sequences[i] % BLOCK;
                    blockTokens[n] = tokens[i];
                    blockRows[n++] = i;
                    done[i] = true;
                }
            }
            float[][] out = block(sequences[first]).step(blockSequences, blockTokens, n);
            for (int r = 0; r < n; r++) {
                rows[blockRows[r]] = out[r];
            }
        }
        return rows;
    }

    @Override
    public int capacity() {
        return model.config().context();
    }

    @Override
    public void close() {
        for (BatchDecoder block : blocks) {
            if (block != null) {
                block.close();
            }
        }
        blocks.clear();
    }

    private BatchDecoder block(int sequence) {
        int b = sequence / BLOCK;
        BatchDecoder block = sequence >= 0 && b < blocks.size() ? blocks.get(b) : null;
        if (block == null) {
            throw new IllegalArgumentException("no sequence " + sequence + " in this batch");
        }
        return block;
    }
}
