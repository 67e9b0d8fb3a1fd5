package dev.improv.model;

import java.util.Arrays;

/** A growable array of token ids, without boxing: what a tokenizer builds a sequence in. Not thread-safe. */
public final class TokenList {
    private int[] data = new int[256];
    private int size;

    /** Appends one token id. */
    public void add(int token) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = token;
    }

    /** Appends every id of {@code tokens}, in order. */
    public void addAll(int[] tokens) {
        for (int t : tokens) {
            add(t);
        }
    }

    /** The number of ids added. */
    public int size() {
        return size;
    }

    /** A copy of the ids added, in order. */
    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
