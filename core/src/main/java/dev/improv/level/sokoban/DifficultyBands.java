package dev.improv.level.sokoban;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Difficulty as the fewest pushes a puzzle needs, in named bands ("easy", "medium", "hard"), fitted
 * to the training puzzles so that each band holds about the same share of them.
 *
 * @param names  band names, easiest first
 * @param upper  for every band but the last, the most pushes it allows (ascending)
 */
public record DifficultyBands(List<String> names, int[] upper) {
    /** Band names of fitted bands. */
    public static final List<String> DEFAULT_NAMES = List.of("easy", "medium", "hard");

    public DifficultyBands {
        names = List.copyOf(names);
        if (names.size() < 1 || upper.length != names.size() - 1) {
            throw new IllegalArgumentException("difficulty bands: " + names.size() + " names need "
                    + (names.size() - 1) + " upper bounds, got " + upper.length);
        }
        for (int i = 1; i < upper.length; i++) {
            if (upper[i] <= upper[i - 1]) {
                throw new IllegalArgumentException("difficulty bands: upper bounds must ascend, got " + Arrays.toString(upper));
            }
        }
        upper = upper.clone();
    }

    /** Equal-share bands over the pushes of solved training puzzles. */
    public static DifficultyBands fit(int[] pushes, List<String> names) {
        if (pushes.length < names.size()) {
            throw new IllegalArgumentException("need at least " + names.size() + " solved puzzles to fit difficulty bands, got "
                    + pushes.length);
        }
        int[] sorted = pushes.clone();
        Arrays.sort(sorted);
        List<Integer> bounds = new ArrayList<>();
        for (int i = 1; i < names.size(); i++) {
            int q = sorted[(int) ((long) i * sorted.length / names.size()) - 1];
            if (!bounds.isEmpty() && q <= bounds.get(bounds.size() - 1)) {
                q = bounds.get(bounds.size() - 1) + 1;
            }
            bounds.add(q);
        }
        return new DifficultyBands(names, bounds.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return names.size();
    }

    /** The band of a puzzle needing {@code pushes} pushes. */
    public int bandOf(int pushes) {
        for (int i = 0; i < upper.length; i++) {
            if (pushes <= upper[i]) {
                return i;
            }
        }
        return upper.length;
    }

    /** The band a word names ("hard"), or an error listing the names. */
    public int parse(String word) {
        int i = names.indexOf(word.trim().toLowerCase(Locale.ROOT));
        if (i < 0) {
            throw new IllegalArgumentException("unknown difficulty '" + word + "'; use one of " + String.join(", ", names));
        }
        return i;
    }

    /** The fewest pushes a puzzle of the band needs. */
    public int lowest(int band) {
        return band == 0 ? 1 : upper[band - 1] + 1;
    }

    /** The most pushes a puzzle of the band needs; {@link Integer#MAX_VALUE} for the last band. */
    public int highest(int band) {
        return band == upper.length ? Integer.MAX_VALUE : upper[band];
    }

    /** "hard (19 or more pushes)". */
    public String describe(int band) {
        int lo = lowest(band);
        String range = band == upper.length ? lo + " or more" : lo == upper[band] ? String.valueOf(lo) : lo + "-" + upper[band];
        return names.get(band) + " (" + range + " pushes)";
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        names.forEach(n.putArray("names")::add);
        var u = n.putArray("upper");
        for (int v : upper) {
            u.add(v);
        }
        return n;
    }

    public static DifficultyBands fromJson(JsonNode n) {
        if (!n.path("names").isArray() || !n.path("upper").isArray()) {
            throw new IllegalArgumentException("difficulty bands: fields \"names\" and \"upper\" must be arrays");
        }
        List<String> names = new ArrayList<>();
        n.get("names").forEach(x -> names.add(x.asText()));
        int[] upper = new int[n.get("upper").size()];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = n.get("upper").get(i).asInt();
        }
        return new DifficultyBands(names, upper);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DifficultyBands d && d.names.equals(names) && Arrays.equals(d.upper, upper);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "DifficultyBands" + names + Arrays.toString(upper);
    }
}
