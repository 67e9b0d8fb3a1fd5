package dev.improv.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second music language, for four-voice chorales on a 16th-note grid: each step is written as
 * its four pitches, soprano to bass (a rest where a voice is silent), as in Music Transformer's
 * chorale experiments. {@code BOS step* EOS}; a held note repeats its pitch at every step.
 */
public final class ChoraleTokenizer {

    public static final int PAD = 0;
    public static final int BOS = 1;
    public static final int EOS = 2;
    public static final int REST = 3;
    /** Lowest pitch the vocabulary holds; JSB spans 36..81. */
    public static final int LOW = 28;
    public static final int HIGH = 96;
    public static final int VOICES = 4;

    /** Token ids in use. */
    public static int vocabSize() {
        return 4 + HIGH - LOW + 1;
    }

    /** Token for a pitch, or REST for -1. */
    public static int token(int pitch) {
        if (pitch < 0) {
            return REST;
        }
        if (pitch < LOW || pitch > HIGH) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside the chorale range " + LOW + ".." + HIGH);
        }
        return 4 + pitch - LOW;
    }

    /** A chorale (steps of four pitches, -1 for silence) as tokens, transposed by {@code semitones}. */
    public static int[] encode(int[][] steps, int semitones) {
        int[] out = new int[steps.length * VOICES + 2];
        out[0] = BOS;
        int i = 1;
        for (int[] step : steps) {
            for (int v = 0; v < VOICES; v++) {
                out[i++] = token(step[v] < 0 ? -1 : step[v] + semitones);
            }
        }
        out[i] = EOS;
        return out;
    }

    /** True if every pitch of the chorale stays in range after transposing. */
    public static boolean fits(int[][] steps, int semitones) {
        for (int[] step : steps) {
            for (int p : step) {
                if (p >= 0 && (p + semitones < LOW || p + semitones > HIGH)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads {@code Jsb16thSeparated.json}: split name to chorales, each a list of [S, A, T, B]
     * steps. A malformed file is an IOException naming the file, the split and the chorale.
     */
    public static Map<String, List<int[][]>> readJsb(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not readable JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException(file + ": expected an object of splits (train, valid, test)");
        }
        Map<String, List<int[][]>> splits = new LinkedHashMap<>();
        for (var it = root.fields(); it.hasNext(); ) {
            var split = it.next();
            if (!split.getValue().isArray()) {
                throw new IOException(file + ": split '" + split.getKey() + "' is not a list of chorales");
            }
            List<int[][]> chorales = new ArrayList<>();
            int c = 0;
            for (JsonNode chorale : split.getValue()) {
                if (!chorale.isArray()) {
                    throw new IOException(file + ": " + split.getKey() + "[" + c + "] is not a list of steps");
                }
                int[][] steps = new int[chorale.size()][];
                for (int s = 0; s < chorale.size(); s++) {
                    JsonNode step = chorale.get(s);
                    if (!step.isArray() || step.size() != VOICES) {
                        throw new IOException(file + ": " + split.getKey() + "[" + c + "] step " + s + " must hold 4 pitches");
                    }
                    steps[s] = new int[VOICES];
                    for (int v = 0; v < VOICES; v++) {
                        JsonNode p = step.get(v);
                        if (!p.isNumber() || p.asDouble() != Math.rint(p.asDouble()) || p.asInt() < -1 || p.asInt() > 127) {
                            throw new IOException(file + ": " + split.getKey() + "[" + c + "] step " + s + " voice " + v
                                    + " is not a MIDI pitch or -1: " + p);
                        }
                        steps[s][v] = p.asInt();
                    }
                }
                chorales.add(steps);
                c++;
            }
            splits.put(split.getKey(), chorales);
        }
        for (String needed : List.of("train", "valid", "test")) {
            if (!splits.containsKey(needed)) {
                throw new IOException(file + ": missing the '" + needed + "' split");
            }
        }
        return splits;
    }
}
