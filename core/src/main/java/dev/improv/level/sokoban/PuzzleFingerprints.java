package dev.improv.level.sokoban;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;

/**
 * The training puzzles as 64-bit fingerprints of their canonical form (the smallest text among the 8
 * symmetric versions), stored in the model so that a generated puzzle can be told novel or a copy
 * without the corpus. Two different puzzles share a fingerprint with odds about 1 in 10^14 per pair.
 */
public final class PuzzleFingerprints {
    private final long[] sorted;

    private PuzzleFingerprints(long[] sorted) {
        this.sorted = sorted;
    }

    /** Fingerprints of puzzles. */
    public static PuzzleFingerprints of(Collection<Puzzle> puzzles) {
        long[] f = puzzles.stream().mapToLong(PuzzleFingerprints::fingerprint).distinct().sorted().toArray();
        return new PuzzleFingerprints(f);
    }

    /** None: every puzzle counts as novel. */
    public static PuzzleFingerprints none() {
        return new PuzzleFingerprints(new long[0]);
    }

    /** The fingerprint of a puzzle up to symmetry (FNV-1a over its canonical text). */
    public static long fingerprint(Puzzle p) {
        long h = 0xcbf29ce484222325L;
        for (byte b : p.canonicalText().getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** Whether a puzzle equal to {@code p} up to rotation and reflection was among the training puzzles. */
    public boolean contains(Puzzle p) {
        return Arrays.binarySearch(sorted, fingerprint(p)) >= 0;
    }

    public int size() {
        return sorted.length;
    }

    /** Base64 of the sorted fingerprints (8 bytes each, big-endian): the metadata form. */
    public String toBase64() {
        ByteBuffer b = ByteBuffer.allocate(sorted.length * 8);
        for (long f : sorted) {
            b.putLong(f);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    public static PuzzleFingerprints fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("push-puzzle model metadata: field \"trainingFingerprints\" is not base64");
        }
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("push-puzzle model metadata: field \"trainingFingerprints\" is not a whole number of fingerprints");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[] f = new long[bytes.length / 8];
        for (int i = 0; i < f.length; i++) {
            f[i] = b.getLong();
        }
        Arrays.sort(f);
        return new PuzzleFingerprints(f);
    }
}
