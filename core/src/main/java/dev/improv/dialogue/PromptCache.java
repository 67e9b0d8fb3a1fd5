package dev.improv.dialogue;

import dev.improv.model.Decoder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Decoders that remember what they last read. An NPC's persona and the conversation so far change
 * little between requests, so a new prompt usually shares a long prefix with the previous one; only
 * the new tokens are fed (the prompt, not the reply, is most of the work for a short line).
 * Thread-safe: each caller borrows a decoder of its own.
 */
final class PromptCache {
    /** Decoders kept warm by default (a game's few NPCs); each remembers one NPC's conversation. */
    static final int KEEP = 4;

    private final Supplier<Decoder> factory;
    private final int keep;
    private final Deque<Entry> idle = new ArrayDeque<>();

    PromptCache(Supplier<Decoder> factory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("a prompt cache keeps at least 1 decoder, got " + keep);
        }
        this.factory = factory;
        this.keep = keep;
    }

    /** A decoder and the tokens in its cache, positions 0..length. */
    static final class Entry {
        final Decoder decoder;
        int[] tokens;
        int length;

        Entry(Decoder decoder) {
            this.decoder = decoder;
            this.tokens = new int[decoder.capacity()];
        }

        /** Feeds {@code token} at the end and returns the next-token logits. */
        float[] step(int token) {
            tokens[length++] = token;
            return decoder.step(token);
        }

        /** Forgets tokens from {@code newLength} on. */
        void rewind(int newLength) {
            decoder.rewind(newLength);
            length = newLength;
        }
    }

    /**
     * Borrows the idle decoder that shares the longest prefix with {@code prompt}, feeds the rest of
     * the prompt and returns it; {@code logitsOut} receives the logits after the prompt.
     */
    Entry prime(int[] prompt, float[][] logitsOut) {
        Entry best = null;
        int bestShared = -1;
        synchronized (idle) {
            for (Entry e : idle) {
                int shared = shared(e, prompt);
                if (shared > bestShared) {
                    best = e;
                    bestShared = shared;
                }
            }
            if (best != null) {
                idle.remove(best);
            }
        }
        if (best == null) {
            best = new Entry(factory.get());
            bestShared = 0;
        }
        // Re-feed at least the last prompt token: its logits are what the reply starts from. The rest
        // goes in one prefill (several positions per weight read), not a step per token.
        int keep = Math.min(bestShared, prompt.length - 1);
        best.rewind(keep);
        System.arraycopy(prompt, keep, best.tokens, keep, prompt.length - keep);
        best.length = prompt.length;
        logitsOut[0] = best.decoder.prefill(prompt, keep, prompt.length - keep).clone();
        return best;
    }

    /** Returns a borrowed decoder; beyond {@code keep} idle ones the oldest is closed. */
    void release(Entry entry) {
        Entry evicted = null;
        synchronized (idle) {
            idle.addFirst(entry);
            if (idle.size() > keep) {
                evicted = idle.removeLast();
            }
        }
        if (evicted != null) {
            evicted.decoder.close();
        }
    }

    private static int shared(Entry e, int[] prompt) {
        int n = Math.min(e.length, prompt.length);
        int i = 0;
        while (i < n && e.tokens[i] == prompt[i]) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "PromptCache" + Arrays.toString(idle.stream().mapToInt(e -> e.length).toArray());
    }
}
