package dev.improv.music;

import java.util.Locale;

/**
 * A musical key: a tonic pitch class (0 = C) and major or minor.
 */
public record Key(int tonic, boolean minor) {

    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    public static final Key C_MAJOR = new Key(0, false);

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic must be a pitch class 0..11, got " + tonic);
        }
    }

    /** Parses "C", "F#", "Bb", "Am", "C#m", "D minor", "Eb major"; throws with the text otherwise. */
    public static Key parse(String text) {
        String t = text.trim();
        boolean minor = false;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" minor") || lower.endsWith(" min")) {
            minor = true;
            t = t.substring(0, t.lastIndexOf(' ')).trim();
        } else if (lower.endsWith(" major") || lower.endsWith(" maj")) {
            t = t.substring(0, t.lastIndexOf(' ')).trim();
        } else if (t.length() > 1 && t.endsWith("m")) {
            minor = true;
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 2) {
            throw new IllegalArgumentException("key must look like C, F#, Bb, Am or C#m, got '" + text + "'");
        }
        int pc = switch (Character.toUpperCase(t.charAt(0))) {
            case 'C' -> 0; case 'D' -> 2; case 'E' -> 4; case 'F' -> 5; case 'G' -> 7; case 'A' -> 9; case 'B' -> 11;
            default -> throw new IllegalArgumentException("key must look like C, F#, Bb, Am or C#m, got '" + text + "'");
        };
        if (t.length() == 2) {
            char accidental = t.charAt(1);
            if (accidental == '#') {
                pc += 1;
            } else if (accidental == 'b') {
                pc += 11;
            } else {
                throw new IllegalArgumentException("key must look like C, F#, Bb, Am or C#m, got '" + text + "'");
            }
        }
        return new Key(pc % 12, minor);
    }

    /** From a MIDI key-signature meta event: sharps (negative for flats) and the minor flag. */
    public static Key fromSignature(int sharpsOrFlats, boolean minor) {
        int majorTonic = Math.floorMod(sharpsOrFlats * 7, 12);
        return new Key(minor ? (majorTonic + 9) % 12 : majorTonic, minor);
    }

    /** The key signature's sharps (positive) or flats (negative), in -6..5. */
    public int sharps() {
        int majorTonic = minor ? (tonic + 3) % 12 : tonic;
        int s = Math.floorMod(majorTonic * 7, 12); // circle of fifths position
        return s > 5 ? s - 12 : s;
    }

    /** True if the pitch class belongs to this key's (natural) scale. */
    public boolean inScale(int pitch) {
        int degree = Math.floorMod(pitch - tonic, 12);
        for (int d : minor ? MINOR : MAJOR) {
            if (d == degree) {
                return true;
            }
        }
        return false;
    }

    /** The key moved by {@code semitones}. */
    public Key transposed(int semitones) {
        return new Key(Math.floorMod(tonic + semitones, 12), minor);
    }

    /** 0..23: majors first, then minors; the tokenizer's key id. */
    public int index() {
        return (minor ? 12 : 0) + tonic;
    }

    /** Inverse of {@link #index()}. */
    public static Key ofIndex(int index) {
        return new Key(index % 12, index >= 12);
    }

    /**
     * The key whose scale holds most of the given pitch-class counts; ties go to major, and the
     * minor wins only if its tonic is heard more than its relative major's.
     */
    public static Key estimate(int[] pitchClassCounts) {
        Key best = C_MAJOR;
        double bestScore = -1;
        for (int i = 0; i < 24; i++) {
            Key k = ofIndex(i);
            double score = 0;
            for (int pc = 0; pc < 12; pc++) {
                if (k.inScale(pc)) {
                    score += pitchClassCounts[pc];
                }
            }
            score += pitchClassCounts[k.tonic] * 0.5; // the tonic breaks ties between relative keys
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return NAMES[tonic] + (minor ? "m" : "");
    }
}
