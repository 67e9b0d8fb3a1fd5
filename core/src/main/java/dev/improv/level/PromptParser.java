package dev.improv.level;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses a free-text prompt ("many pipes, few enemies, high elevation") into feature levels.
 *
 * <p>A prompt is a list of clauses separated by commas or "and"; each clause names one feature and
 * one level, in either order. Every word must be known: an unknown word is an error that names it,
 * because silently ignoring "lava" would hand the user a level that does not match the request.
 */
public final class PromptParser {
    private static final Set<String> FILLER = Set.of("a", "an", "of", "the", "with");
    /** Everyday words for level names; a word counts only if the feature has that level. */
    private static final Map<String, String> LEVEL_WORDS = Map.ofEntries(
            Map.entry("no", "none"), Map.entry("none", "none"), Map.entry("zero", "none"), Map.entry("without", "none"),
            Map.entry("few", "few"), Map.entry("little", "few"), Map.entry("fewer", "few"), Map.entry("rare", "few"),
            Map.entry("some", "some"), Map.entry("several", "some"), Map.entry("moderate", "some"),
            Map.entry("many", "many"), Map.entry("plenty", "many"), Map.entry("more", "many"),
            Map.entry("lot", "many"), Map.entry("lots", "many"),
            Map.entry("low", "low"), Map.entry("flat", "low"), Map.entry("high", "high"), Map.entry("tall", "high"));

    private final FeatureSet features;
    private final Map<String, Integer> featureWords = new LinkedHashMap<>();

    public PromptParser(FeatureSet features) {
        this.features = features;
        for (int i = 0; i < features.size(); i++) {
            FeatureSpec s = features.specs().get(i);
            featureWords.put(s.name().toLowerCase(Locale.ROOT), i);
            for (String w : s.words()) {
                featureWords.put(w.toLowerCase(Locale.ROOT), i);
            }
        }
    }

    /**
     * Feature levels for a prompt, {@link FeatureSet#ANY} for features it does not mention.
     *
     * @throws IllegalArgumentException naming the first unknown word or malformed clause
     */
    public int[] parse(String prompt) {
        int[] out = new int[features.size()];
        Arrays.fill(out, FeatureSet.ANY);
        if (prompt == null || prompt.isBlank()) {
            return out;
        }
        String text = prompt.toLowerCase(Locale.ROOT).replace(" and ", ",").replace(";", ",");
        for (String clause : text.split(",")) {
            if (clause.isBlank()) {
                continue;
            }
            int feature = -1;
            String level = null;
            for (String word : clause.trim().split("\\s+")) {
                if (word.isEmpty() || FILLER.contains(word)) {
                    continue;
                }
                if (word.equals("and")) {
                    continue;
                }
                Integer f = featureWords.get(word);
                String l = LEVEL_WORDS.get(word);
                if (f == null && l == null) {
                    throw new IllegalArgumentException("unknown word \"" + word + "\" in prompt \"" + prompt
                            + "\" (features: " + featureWords.keySet() + "; levels: " + new TreeSet<>(LEVEL_WORDS.keySet()) + ")");
                }
                if (f != null) {
                    if (feature >= 0) {
                        throw new IllegalArgumentException("clause \"" + clause.trim() + "\" names two features; separate them with a comma");
                    }
                    feature = f;
                } else {
                    if (level != null) {
                        throw new IllegalArgumentException("clause \"" + clause.trim() + "\" has two levels");
                    }
                    level = l;
                }
            }
            if (feature < 0 || level == null) {
                throw new IllegalArgumentException("clause \"" + clause.trim() + "\" needs a feature and a level, e.g. \"few enemies\"");
            }
            FeatureSpec spec = features.specs().get(feature);
            int index = spec.levels().indexOf(level);
            if (index < 0) {
                throw new IllegalArgumentException("feature \"" + spec.name() + "\" has levels " + spec.levels() + ", not \"" + level + "\"");
            }
            if (out[feature] != FeatureSet.ANY && out[feature] != index) {
                throw new IllegalArgumentException("prompt asks for two levels of \"" + spec.name() + "\"");
            }
            out[feature] = index;
        }
        return out;
    }

    /** The prompt text that {@link #parse} turns back into {@code levels}. */
    public String describe(int[] levels) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] != FeatureSet.ANY) {
                FeatureSpec s = features.specs().get(i);
                parts.add(s.levels().get(levels[i]) + " " + s.name());
            }
        }
        return String.join(", ", parts);
    }
}
