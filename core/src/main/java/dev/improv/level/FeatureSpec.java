package dev.improv.level;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One prompt feature of a 16-column chunk, as data: what is measured and how the measure is binned.
 *
 * <p>Kinds: {@code count} counts tiles carrying any of {@code tags}; {@code elevation} is the height
 * (1 = bottom row) of the highest tile carrying any of {@code tags}; {@code gaps} counts columns
 * whose bottom tile is not solid; {@code groups} counts 4-connected groups of tiles carrying any of
 * {@code tags} (doors, lakes), and is met by resampling only: no decoding mask or bonus. A measured value {@code v} falls in level {@code i} = the number of
 * {@code thresholds} that are {@code <= v}, so there is one more level than thresholds.
 *
 * @param name       feature name as written in prompts ("pipes")
 * @param words      words that name it in a prompt ("pipe", "pipes")
 * @param kind       count, elevation, gaps or groups
 * @param tags       legend tags the measure looks at (unused by gaps)
 * @param levels     level names, lowest first ("none", "few", "some", "many")
 * @param thresholds ascending bin edges, {@code levels.size() - 1} of them
 * @param most       optional: the largest measure the top level allows (null: no bound), so "many water"
 *                   means more water than "some", not a lake filling the room; above the top threshold
 */
public record FeatureSpec(String name, List<String> words, String kind, List<String> tags,
                          List<String> levels, List<Integer> thresholds,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Integer most) {

    /** A feature whose top level is unbounded. */
    public FeatureSpec(String name, List<String> words, String kind, List<String> tags, List<String> levels,
                       List<Integer> thresholds) {
        this(name, words, kind, tags, levels, thresholds, null);
    }

    public FeatureSpec {
        if (name == null) {
            throw new IllegalArgumentException("field 'name' is missing");
        }
        present(name, "words", words);
        present(name, "tags", tags);
        present(name, "levels", levels);
        present(name, "thresholds", thresholds);
        present(name, "kind", kind); // found by fuzzing: List.of(...).contains(null) throws
        if (!List.of("count", "elevation", "gaps", "groups").contains(kind)) {
            throw new IllegalArgumentException("feature \"" + name + "\": kind must be count, elevation, gaps or groups, got \"" + kind + "\"");
        }
        words = List.copyOf(words);
        tags = List.copyOf(tags);
        levels = List.copyOf(levels);
        thresholds = List.copyOf(thresholds);
        if (levels.size() < 2) {
            throw new IllegalArgumentException("feature \"" + name + "\" needs at least two levels");
        }
        if (!thresholds.isEmpty() && thresholds.size() != levels.size() - 1) {
            throw new IllegalArgumentException("feature \"" + name + "\": " + levels.size() + " levels need "
                    + (levels.size() - 1) + " thresholds, got " + thresholds.size());
        }
        for (int i = 1; i < thresholds.size(); i++) {
            if (thresholds.get(i) <= thresholds.get(i - 1)) {
                throw new IllegalArgumentException("feature \"" + name + "\": thresholds must increase: " + thresholds);
            }
        }
        if (most != null && (!kind.equals("count") || most < 1
                || !thresholds.isEmpty() && most < thresholds.get(thresholds.size() - 1))) {
            throw new IllegalArgumentException("feature \"" + name + "\": field 'most' bounds a count feature's top level and "
                    + "must be at least its top threshold" + (thresholds.isEmpty() ? "" : " (" + thresholds.get(thresholds.size() - 1) + ")")
                    + ", got " + most + (kind.equals("count") ? "" : " on a " + kind + " feature"));
        }
    }

    private static void present(String feature, String field, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("feature \"" + feature + "\": field '" + field + "' is missing");
        }
    }

    /** The raw measure of this feature on a chunk. */
    public int measure(TileGrid chunk, Legend legend) {
        int h = chunk.rows();
        switch (kind) {
            case "count": {
                int n = 0;
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < chunk.columns(); c++) {
                        if (matches(legend, chunk.at(r, c))) {
                            n++;
                        }
                    }
                }
                return n;
            }
            case "elevation": {
                for (int r = 0; r < h; r++) {
                    for (int c = 0; c < chunk.columns(); c++) {
                        if (matches(legend, chunk.at(r, c))) {
                            return h - r;
                        }
                    }
                }
                return 0;
            }
            case "groups": {
                boolean[] seen = new boolean[h * chunk.columns()];
                int n = 0;
                for (int i = 0; i < seen.length; i++) {
                    if (!seen[i] && matches(legend, chunk.at(i / chunk.columns(), i % chunk.columns()))) {
                        n++;
                        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(i));
                        seen[i] = true;
                        while (!q.isEmpty()) {
                            int j = q.poll();
                            int r = j / chunk.columns();
                            int c = j % chunk.columns();
                            int[][] next = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
                            for (int[] x : next) {
                                int k = x[0] * chunk.columns() + x[1];
                                if (x[0] >= 0 && x[1] >= 0 && x[0] < h && x[1] < chunk.columns() && !seen[k]
                                        && matches(legend, chunk.at(x[0], x[1]))) {
                                    seen[k] = true;
                                    q.add(k);
                                }
                            }
                        }
                    }
                }
                return n;
            }
            default: { // gaps
                int n = 0;
                for (int c = 0; c < chunk.columns(); c++) {
                    if (!legend.isSolid(chunk.at(h - 1, c))) {
                        n++;
                    }
                }
                return n;
            }
        }
    }

    /** The level index of a raw measure; thresholds must be set. */
    public int level(int value) {
        if (thresholds.isEmpty()) {
            throw new IllegalStateException("feature \"" + name + "\" has no thresholds yet");
        }
        int i = 0;
        while (i < thresholds.size() && thresholds.get(i) <= value) {
            i++;
        }
        return i;
    }

    /** This spec with thresholds set. */
    public FeatureSpec withThresholds(List<Integer> newThresholds) {
        return new FeatureSpec(name, words, kind, tags, levels, newThresholds, most);
    }

    private boolean matches(Legend legend, char tile) {
        for (String t : tags) {
            if (legend.hasTag(tile, t)) {
                return true;
            }
        }
        return false;
    }
}
