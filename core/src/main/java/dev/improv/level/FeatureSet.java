package dev.improv.level;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prompt features of one game: their specs, measurement of chunks, and binning.
 *
 * <p>Presets live as data (improv/level/features/NAME.json); thresholds are fitted to a training
 * corpus with {@link #fit} so that "few" and "many" mean what they mean in that game.
 */
public final class FeatureSet {
    /** Level index meaning "not asked for". */
    public static final int ANY = -1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<FeatureSpec> specs;

    public FeatureSet(List<FeatureSpec> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a feature set needs at least one feature");
        }
        this.specs = List.copyOf(specs);
    }

    /** Reads a feature preset bundled with Improv (e.g. "smb", "lode-runner"). */
    public static FeatureSet preset(String name) {
        String path = "/improv/level/features/" + name + ".json";
        try (InputStream in = FeatureSet.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no feature preset named \"" + name + "\" (looked for " + path + ")");
            }
            return fromJson(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** Reads a feature file; errors name the file. */
    public static FeatureSet read(Path file) throws IOException {
        JsonNode root = BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "feature files");
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(file.toString(), 0, 0, e.getMessage());
        }
    }

    /** Reads {"features": [spec, ...]}. */
    public static FeatureSet fromJson(JsonNode root) {
        JsonNode list = root == null ? null : root.get("features");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("field \"features\" (an array) is missing");
        }
        List<FeatureSpec> specs;
        try {
            specs = JSON.convertValue(list, new TypeReference<List<FeatureSpec>>() { });
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                // Jackson's message names its own classes; say which entry and field instead.
                throw new IllegalArgumentException(BoundedFiles.describe("field 'features'", j)
                        .replaceFirst("^field 'features': field '", "field 'features"), e);
            }
            throw e;
        }
        return new FeatureSet(specs);
    }

    /** The JSON form read by {@link #fromJson}. */
    public JsonNode toJson() {
        return JSON.createObjectNode().set("features", JSON.valueToTree(specs));
    }

    public List<FeatureSpec> specs() {
        return specs;
    }

    public int size() {
        return specs.size();
    }

    /** Index of a feature by name, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Raw measures of every feature on a chunk. */
    public int[] measure(TileGrid chunk, Legend legend) {
        int[] v = new int[specs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = specs.get(i).measure(chunk, legend);
        }
        return v;
    }

    /** Level index of every feature on a chunk. */
    public int[] levels(TileGrid chunk, Legend legend) {
        int[] v = measure(chunk, legend);
        for (int i = 0; i < v.length; i++) {
            v[i] = specs.get(i).level(v[i]);
        }
        return v;
    }

    /** How many of the asked-for levels ({@link #ANY} ignored) a chunk misses. */
    public int mismatches(int[] wanted, int[] measuredLevels) {
        int n = 0;
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i] != ANY && wanted[i] != measuredLevels[i]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Fits thresholds to the chunks of a corpus: count-like features put 0 in the first level and
     * split the non-zero values into equal-mass bins; two-level features split at the median.
     * Specs that already have thresholds keep them.
     */
    public FeatureSet fit(List<TileGrid> chunks, Legend legend) {
        List<FeatureSpec> out = new ArrayList<>();
        for (FeatureSpec spec : specs) {
            if (!spec.thresholds().isEmpty()) {
                out.add(spec);
                continue;
            }
            int[] values = chunks.stream().mapToInt(c -> spec.measure(c, legend)).sorted().toArray();
            out.add(spec.withThresholds(fitThresholds(values, spec.levels().size())));
        }
        return new FeatureSet(out);
    }

    static List<Integer> fitThresholds(int[] sorted, int levels) {
        List<Integer> t = new ArrayList<>();
        int[] pool = sorted;
        int bins = levels;
        if (levels > 2) { // level 0 means "none"
            t.add(1);
            pool = Arrays.stream(sorted).filter(v -> v > 0).toArray();
            bins = levels - 1;
        }
        for (int b = 1; b < bins; b++) {
            int q = pool.length == 0 ? 0 : pool[Math.min(pool.length - 1, (int) ((long) pool.length * b / bins))];
            int last = t.isEmpty() ? Integer.MIN_VALUE : t.get(t.size() - 1);
            t.add(Math.max(q, last + 1)); // edges must increase even when values are tied
        }
        return t;
    }
}
