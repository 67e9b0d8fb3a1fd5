package dev.improv.band;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.improv.api.Key;
import dev.improv.api.Meter;
import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MoodPreset presets as data, a JSON file a designer edits (the default is {@code improv/music/moods.json}
 * on the classpath): one object per mood name with {@code mode}, {@code tonic}, {@code tempo [low, high]},
 * {@code meter}, {@code intensity}, {@code drumStyle}, {@code instruments {lead, harmony, bass}} and
 * {@code phraseBars}. Keys starting with "_" are comments. A bad field is reported with the file,
 * the mood and the field.
 */
public final class MoodLibrary {

    private static final String RESOURCE = "/improv/music/moods.json";

    private final Map<String, MoodPreset> moods;
    private final List<String> names;

    private MoodLibrary(Map<String, MoodPreset> moods) {
        this.moods = Map.copyOf(moods);
        this.names = List.copyOf(moods.keySet());
    }

    /** The presets shipped with the library. */
    public static MoodLibrary standard() {
        try (InputStream in = MoodLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the mood presets " + RESOURCE + " are missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the mood presets " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Presets from a designer's JSON file; IOException names the file and, for a bad value, the mood and field. */
    public static MoodLibrary load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": mood file not found");
        }
        // Bounded, strict UTF-8, and Jackson's errors in words naming line and column (as every settings file).
        JsonNode root = BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "mood files");
        try {
            return parse(root, file.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Presets from a mood file already read as JSON (a service gets it inside a request); {@code source}
     * names it in errors. IllegalArgumentException names the source and, for a bad value, the mood and field.
     */
    public static MoodLibrary parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + ": expected a JSON object of moods");
        }
        Map<String, MoodPreset> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().startsWith("_")) {
                out.put(e.getKey().toLowerCase(Locale.ROOT), mood(e.getKey(), e.getValue(), source));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no moods");
        }
        return new MoodLibrary(out);
    }

    private static MoodPreset mood(String name, JsonNode n, String source) {
        String where = source + ": mood '" + name + "'";
        try {
            String mode = text(n, "mode", where);
            if (!mode.equals("major") && !mode.equals("minor")) {
                throw new IllegalArgumentException("field 'mode' must be major or minor, got '" + mode + "'");
            }
            Key tonic = Key.parse(text(n, "tonic", where));
            JsonNode tempo = n.path("tempo");
            if (!tempo.isArray() || tempo.size() != 2 || !tempo.get(0).isNumber() || !tempo.get(1).isNumber()) {
                throw new IllegalArgumentException("field 'tempo' must be [low, high] in bpm");
            }
            JsonNode inst = n.path("instruments");
            Instruments instruments = new Instruments(integer(inst, "lead", where + " instruments"),
                    integer(inst, "harmony", where + " instruments"), integer(inst, "bass", where + " instruments"));
            return new MoodPreset(name, mode.equals("minor"), tonic.tonic(), tempo.get(0).asInt(), tempo.get(1).asInt(),
                    Meter.parse(text(n, "meter", where)), integer(n, "intensity", where), text(n, "drumStyle", where),
                    instruments, n.has("phraseBars") ? integer(n, "phraseBars", where) : 8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(source) ? e.getMessage() : where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isInt()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be an integer");
        }
        return v.asInt();
    }

    /** The mood called {@code name} (any case); an unknown name lists the known ones. */
    public MoodPreset get(String name) {
        MoodPreset m = moods.get(name.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException("unknown mood '" + name + "'; known: " + String.join(", ", names));
        }
        return m;
    }

    /** The mood names, in file order. */
    public List<String> names() {
        return new ArrayList<>(names);
    }
}
