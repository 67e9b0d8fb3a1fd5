package dev.improv.music.musicxml;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeSet;
import org.audiveris.proxymusic.Bass;
import org.audiveris.proxymusic.Degree;
import org.audiveris.proxymusic.Harmony;
import org.audiveris.proxymusic.HarmonyAlter;
import org.audiveris.proxymusic.Kind;
import org.audiveris.proxymusic.KindValue;
import org.audiveris.proxymusic.Root;
import org.audiveris.proxymusic.Step;

/**
 * A MusicXML {@code <harmony>} chord symbol voiced as block-chord MIDI pitches the way the
 * Nottingham corpus voices its chord track: the root between C2 and B2 (MIDI 36-47), the other
 * chord tones stacked above it in close position, at most four notes; a slash bass sounds in the
 * octave below the root.
 */
final class ChordSymbol {

    /** At most this many chord tones: the Nottingham chord track holds three or four, and ninths and up add tokens, not harmony. */
    static final int MAX_TONES = 4;

    private static final int LOWEST_ROOT = 36;

    // Semitones above the root, in the order they are kept when a chord has more than MAX_TONES.
    private static final Map<KindValue, int[]> KINDS = Map.ofEntries(
            Map.entry(KindValue.MAJOR, new int[] {0, 4, 7}),
            Map.entry(KindValue.MINOR, new int[] {0, 3, 7}),
            Map.entry(KindValue.AUGMENTED, new int[] {0, 4, 8}),
            Map.entry(KindValue.DIMINISHED, new int[] {0, 3, 6}),
            Map.entry(KindValue.DOMINANT, new int[] {0, 4, 7, 10}),
            Map.entry(KindValue.MAJOR_SEVENTH, new int[] {0, 4, 7, 11}),
            Map.entry(KindValue.MINOR_SEVENTH, new int[] {0, 3, 7, 10}),
            Map.entry(KindValue.DIMINISHED_SEVENTH, new int[] {0, 3, 6, 9}),
            Map.entry(KindValue.AUGMENTED_SEVENTH, new int[] {0, 4, 8, 10}),
            Map.entry(KindValue.HALF_DIMINISHED, new int[] {0, 3, 6, 10}),
            Map.entry(KindValue.MAJOR_MINOR, new int[] {0, 3, 7, 11}),
            Map.entry(KindValue.MAJOR_SIXTH, new int[] {0, 4, 7, 9}),
            Map.entry(KindValue.MINOR_SIXTH, new int[] {0, 3, 7, 9}),
            Map.entry(KindValue.DOMINANT_NINTH, new int[] {0, 4, 10, 14, 7}),
            Map.entry(KindValue.MAJOR_NINTH, new int[] {0, 4, 11, 14, 7}),
            Map.entry(KindValue.MINOR_NINTH, new int[] {0, 3, 10, 14, 7}),
            Map.entry(KindValue.DOMINANT_11_TH, new int[] {0, 4, 10, 17, 7, 14}),
            Map.entry(KindValue.MAJOR_11_TH, new int[] {0, 4, 11, 17, 7, 14}),
            Map.entry(KindValue.MINOR_11_TH, new int[] {0, 3, 10, 17, 7, 14}),
            Map.entry(KindValue.DOMINANT_13_TH, new int[] {0, 4, 10, 21, 7, 14, 17}),
            Map.entry(KindValue.MAJOR_13_TH, new int[] {0, 4, 11, 21, 7, 14, 17}),
            Map.entry(KindValue.MINOR_13_TH, new int[] {0, 3, 10, 21, 7, 14, 17}),
            Map.entry(KindValue.SUSPENDED_SECOND, new int[] {0, 2, 7}),
            Map.entry(KindValue.SUSPENDED_FOURTH, new int[] {0, 5, 7}),
            Map.entry(KindValue.NEAPOLITAN, new int[] {0, 4, 7}), // spelled from its own root (bII)
            Map.entry(KindValue.ITALIAN, new int[] {0, 4, 10}),
            Map.entry(KindValue.FRENCH, new int[] {0, 4, 6, 10}),
            Map.entry(KindValue.GERMAN, new int[] {0, 4, 7, 10}),
            Map.entry(KindValue.PEDAL, new int[] {0}),
            Map.entry(KindValue.POWER, new int[] {0, 7}),
            Map.entry(KindValue.TRISTAN, new int[] {0, 3, 6, 10}),
            Map.entry(KindValue.OTHER, new int[] {0}));   // spelled by its <degree> elements

    // Degree numbers to semitones; 7 is the minor seventh, as "7" in a chord symbol means.
    private static final int[] DEGREE = {0, 0, 2, 4, 5, 7, 9, 10, 12, 14, 16, 17, 19, 21};

    private ChordSymbol() {
    }

    /** A voiced chord: its root's pitch class, whether it has a minor third and no major one, and its pitches, lowest first. */
    record Voicing(int rootPitchClass, boolean minor, int[] pitches) { }

    /**
     * {@code harmony} voiced, or null for "no chord" (kind none, or no root); {@code where} (file
     * and measure) opens the message of an unreadable symbol.
     */
    static Voicing voice(Harmony harmony, String where) throws InvalidMusicXmlException {
        Root root = null;
        Kind kind = null;
        Bass bass = null;
        TreeSet<Integer> tones = new TreeSet<>();
        java.util.List<Degree> degrees = new java.util.ArrayList<>();
        for (Object part : harmony.getHarmonyChord()) {
            if (part instanceof Root r && root == null) {
                root = r;
            } else if (part instanceof Kind k && kind == null) {
                kind = k;
            } else if (part instanceof Bass b && bass == null) {
                bass = b;
            } else if (part instanceof Degree d) {
                degrees.add(d);
            }
        }
        if (kind != null && kind.getValue() == null) {
            // JAXB leaves a value outside MusicXML's list (music21 writes "maj69") null, silently.
            throw new InvalidMusicXmlException(where + ": <kind> holds no chord kind MusicXML defines");
        }
        if (kind == null || kind.getValue() == KindValue.NONE || root == null) {
            return null; // N.C., or a Roman numeral or function without a root: no pitch named
        }
        if (root.getRootStep() == null || root.getRootStep().getValue() == null) {
            throw new InvalidMusicXmlException(where + ": <harmony> <root> without a <root-step>");
        }
        int rootPc = Math.floorMod(pitchClass(root.getRootStep().getValue()) + alter(root.getRootAlter(), where, "root-alter"), 12);
        int[] shape = KINDS.get(kind.getValue());
        if (shape == null) {
            throw new InvalidMusicXmlException(where + ": <kind> " + kind.getValue().value() + " is not a chord kind this reader knows");
        }
        for (int t : shape) {
            tones.add(t);
        }
        for (Degree d : degrees) {
            if (d.getDegreeValue() == null || d.getDegreeValue().getValue() == null || d.getDegreeType() == null
                    || d.getDegreeType().getValue() == null) {
                throw new InvalidMusicXmlException(where + ": <degree> needs <degree-value> and <degree-type>");
            }
            int value = d.getDegreeValue().getValue().intValue();
            if (value < 1 || value >= DEGREE.length) {
                throw new InvalidMusicXmlException(where + ": <degree-value> " + d.getDegreeValue().getValue() + " is not in 1.."
                        + (DEGREE.length - 1));
            }
            int semis = DEGREE[value] + (d.getDegreeAlter() == null ? 0 : alter(d.getDegreeAlter().getValue(), where, "degree-alter"));
            switch (d.getDegreeType().getValue()) {
                case ADD -> tones.add(semis);
                case SUBTRACT -> tones.remove(DEGREE[value]);
                case ALTER -> {
                    tones.remove(DEGREE[value]);
                    tones.add(semis);
                }
                default -> { }
            }
        }
        // Keep the chord's defining tones first (the shape's order), then the rest, up to MAX_TONES.
        java.util.LinkedHashSet<Integer> ordered = new java.util.LinkedHashSet<>();
        for (int t : shape) {
            if (tones.contains(t)) {
                ordered.add(t);
            }
        }
        ordered.addAll(tones);
        int low = LOWEST_ROOT + rootPc;
        TreeSet<Integer> out = new TreeSet<>();
        for (int t : ordered) {
            if (out.size() == MAX_TONES) {
                break;
            }
            out.add(low + Math.floorMod(t, 24));
        }
        if (bass != null) {
            if (bass.getBassStep() == null || bass.getBassStep().getValue() == null) {
                throw new InvalidMusicXmlException(where + ": <bass> without a <bass-step>");
            }
            int bassPc = Math.floorMod(pitchClass(bass.getBassStep().getValue()) + alter(bass.getBassAlter(), where, "bass-alter"), 12);
            if (bassPc != rootPc) {
                out.add(LOWEST_ROOT + bassPc - (bassPc > rootPc ? 12 : 0)); // in the octave below the root
            }
        }
        return new Voicing(rootPc, tones.contains(3) && !tones.contains(4), out.stream().mapToInt(Integer::intValue).toArray());
    }

    /** C=0 .. B=11. */
    static int pitchClass(Step step) {
        return switch (step) {
            case C -> 0;
            case D -> 2;
            case E -> 4;
            case F -> 5;
            case G -> 7;
            case A -> 9;
            case B -> 11;
        };
    }

    private static int alter(HarmonyAlter alter, String where, String element) throws InvalidMusicXmlException {
        return alter == null ? 0 : alter(alter.getValue(), where, element);
    }

    /** A chromatic alteration in whole semitones (quarter tones round to the nearest). */
    static int alter(BigDecimal value, String where, String element) throws InvalidMusicXmlException {
        if (value == null) {
            return 0;
        }
        if (value.abs().compareTo(BigDecimal.valueOf(2)) > 0) {
            throw new InvalidMusicXmlException(where + ": <" + element + "> " + value.toPlainString() + " is not in -2..2 semitones");
        }
        return (int) Math.round(value.doubleValue());
    }
}
