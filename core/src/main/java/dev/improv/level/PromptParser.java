package dev.improv.level;

import dev.improv.level.dungeon.Side;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
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
 *
 * <p>A game whose features count doors (a {@code groups} feature tagged {@code door}) also takes the
 * sides of a room where doors must be or must not be: "door north", "doors north and east", "no door
 * west". A clause of sides only ("east" in "doors north and east") takes the door or no door of the
 * side clause next to it.
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

    private static final Map<String, Side> SIDE_WORDS = Map.of(
            "north", Side.NORTH, "south", Side.SOUTH, "east", Side.EAST, "west", Side.WEST);

    private final FeatureSet features;
    private final Map<String, Integer> featureWords = new LinkedHashMap<>();
    /** Index of the feature counting doors, whose clauses may name sides; -1: none. */
    private final int doorFeature;

    /**
     * What a prompt asks for.
     *
     * @param levels    a level per feature, {@link FeatureSet#ANY} where the prompt is silent
     * @param doorSides sides asked to have a door (true) or none (false); sides not named are absent
     */
    public record Asked(int[] levels, Map<Side, Boolean> doorSides) {
        public Asked {
            levels = levels.clone();
            doorSides = Collections.unmodifiableMap(doorSides.isEmpty() ? new EnumMap<>(Side.class) : new EnumMap<>(doorSides));
        }

        @Override
        public int[] levels() {
            return levels.clone();
        }
    }

    public PromptParser(FeatureSet features) {
        this.features = features;
        int door = -1;
        for (int i = 0; i < features.size() && door < 0; i++) {
            FeatureSpec s = features.specs().get(i);
            door = s.kind().equals("groups") && s.tags().contains("door") ? i : -1;
        }
        this.doorFeature = door;
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
        return ask(prompt).levels();
    }

    /**
     * Feature levels and door sides for a prompt.
     *
     * @throws IllegalArgumentException naming the first unknown word or malformed clause
     */
    public Asked ask(String prompt) {
        int[] out = new int[features.size()];
        Arrays.fill(out, FeatureSet.ANY);
        Map<Side, Boolean> sides = new EnumMap<>(Side.class);
        if (prompt == null || prompt.isBlank()) {
            return new Asked(out, sides);
        }
        List<Side> pending = new ArrayList<>(); // sides named before their door clause ("north and east doors")
        Boolean lastDoor = null;
        String text = prompt.toLowerCase(Locale.ROOT).replace(" and ", ",").replace(";", ",");
        for (String clause : text.split(",")) {
            if (clause.isBlank()) {
                continue;
            }
            int feature = -1;
            String level = null;
            List<Side> named = new ArrayList<>();
            for (String word : clause.trim().split("\\s+")) {
                if (word.isEmpty() || FILLER.contains(word)) {
                    continue;
                }
                if (word.equals("and")) {
                    continue;
                }
                Integer f = featureWords.get(word);
                String l = LEVEL_WORDS.get(word);
                Side side = doorFeature >= 0 ? SIDE_WORDS.get(word) : null;
                if (side != null) {
                    named.add(side);
                    continue;
                }
                if (f == null && l == null) {
                    throw new IllegalArgumentException("unknown word \"" + word + "\" in prompt \"" + prompt
                            + "\" (features: " + featureWords.keySet() + "; levels: " + new TreeSet<>(LEVEL_WORDS.keySet())
                            + (doorFeature >= 0 ? "; door sides: north, south, east, west" : "") + ")");
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
            if (!named.isEmpty()) {
                if (feature >= 0 && feature != doorFeature) {
                    throw new IllegalArgumentException("clause \"" + clause.trim() + "\" names sides, which only doors have");
                }
                if (level != null && !level.equals("none")) {
                    throw new IllegalArgumentException("clause \"" + clause.trim() + "\" asks for doors on given sides: say \"door "
                            + named.get(0).name().toLowerCase(Locale.ROOT) + "\" or \"no door " + named.get(0).name().toLowerCase(Locale.ROOT)
                            + "\", not \"" + level + "\"");
                }
                Boolean door = feature < 0 && level == null ? lastDoor : (Boolean) (level == null);
                if (door == null) {
                    pending.addAll(named); // "north and east doors": "north" waits for "east doors"
                    continue;
                }
                if (feature >= 0) {
                    named.addAll(pending);
                    pending.clear();
                }
                for (Side s : named) {
                    if (sides.containsKey(s) && sides.get(s) != door) {
                        throw new IllegalArgumentException("prompt asks for a door and no door " + s.name().toLowerCase(Locale.ROOT));
                    }
                    sides.put(s, door);
                }
                lastDoor = door;
                continue;
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
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("sides " + pending + " need a door clause, e.g. \"door "
                    + pending.get(0).name().toLowerCase(Locale.ROOT) + "\"");
        }
        return new Asked(out, sides);
    }

    /** The prompt text that {@link #parse} turns back into {@code levels}. */
    public String describe(int[] levels) {
        return describe(new Asked(levels, Map.of()));
    }

    /** The prompt text that {@link #ask} turns back into {@code asked}. */
    public String describe(Asked asked) {
        int[] levels = asked.levels();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Side, Boolean> e : asked.doorSides().entrySet()) {
            parts.add((e.getValue() ? "door " : "no door ") + e.getKey().name().toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] != FeatureSet.ANY) {
                FeatureSpec s = features.specs().get(i);
                parts.add(s.levels().get(levels[i]) + " " + s.name());
            }
        }
        return String.join(", ", parts);
    }
}
