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
        int[] steps = minor ? new int[] {0, 2, 3, 5, 7, 8, 10} : new int[] {0, 2, 4, 5, 7, 9, 11};
        int[] out = new int[7];
        for (int i = 0; i < 7; i++) {
            out[i] = (tonic + steps[i]) % 12;
        }
        return out;
    }

    @Override
    public String toString() {
        return NAMES[tonic] + (minor ? " minor" : " major");
    }
}
