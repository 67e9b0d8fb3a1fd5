package dev.improv.api;

import java.util.Locale;

/**
 * A musical key: a tonic pitch class and a mode.
 *
 * @param tonic pitch class 0-11 (0 = C)
 * @param minor true for minor, false for major
 */
public record Key(int tonic, boolean minor) {
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic must be a pitch class 0-11, got " + tonic);
        }
    }

    public static final Key C_MAJOR = new Key(0, false);
    public static final Key A_MINOR = new Key(9, true);
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    /** Parses names like "C", "F# major", "Bbm", "A minor"; throws with the text on bad input. */
    public static Key parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty key name");
        }
        int tonic = switch (Character.toUpperCase(s.charAt(0))) {
            case 'C' -> 0; case 'D' -> 2; case 'E' -> 4; case 'F' -> 5; case 'G' -> 7; case 'A' -> 9; case 'B' -> 11;
            default -> throw new IllegalArgumentException("not a key name: '" + text + "' (expected e.g. C, F# major, A minor)");
        };
        int i = 1;
        if (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b')) {
            tonic = Math.floorMod(tonic + (s.charAt(i) == '#' ? 1 : -1), 12);
            i++;
        }
        String mode = s.substring(i).trim().toLowerCase(Locale.ROOT);
        boolean minor = switch (mode) {
            case "", "maj", "major" -> false;
            case "m", "min", "minor" -> true;
            default -> throw new IllegalArgumentException("not a key name: '" + text + "' (mode must be major or minor)");
        };
        return new Key(tonic, minor);
    }

    /** Pitch classes of the scale, tonic first. */
    public int[] scale() {
        int[] steps = minor ? MINOR : MAJOR;
        int[] out = new int[7];
        for (int i = 0; i < 7; i++) {
            out[i] = (tonic + steps[i]) % 12;
        }
        return out;
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

    /** 0..23: majors first, then minors; the music tokenizer's key id. */
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

    /** Short name as on a lead sheet: "C", "F#", "Am". */
    public String shortName() {
        return NAMES[tonic] + (minor ? "m" : "");
    }

    @Override
    public String toString() {
        return NAMES[tonic] + (minor ? " minor" : " major");
    }
}
