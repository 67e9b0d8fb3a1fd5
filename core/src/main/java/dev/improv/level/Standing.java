package dev.improv.level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the things in a platformer stand on: a tile carrying a ruled tag (say "enemy") may only sit
 * directly on a tile carrying one of that tag's supporting tags ("solid"), or on the level's bottom
 * edge when {@link #BOTTOM_EDGE} is among them. A tile with two ruled tags needs both satisfied.
 *
 * <p>Declared by a game definition ({@code "standsOn": {"enemy": ["solid"]}}) and carried by the model.
 * The corpus tile rules cannot say it: SMB's corpus has flying enemies over sky, so a walking one can
 * be sampled floating too. Applied while decoding by {@link #narrow narrowing} those rules: columns are
 * sampled bottom to top, so the tile below is known whenever a tile is chosen.
 *
 * @param standsOn ruled tag -> tags of the tiles it may stand on, in the definition's order
 */
public record Standing(Map<String, List<String>> standsOn) {
    /** The supporting "tag" of the level's bottom edge (Lode Runner's floor holds; SMB's bottom row is over a pit). */
    public static final String BOTTOM_EDGE = "bottom edge";
    /** No rule: anything may sit on anything the tile rules allow. */
    public static final Standing NONE = new Standing(Map.of());

    public Standing {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        standsOn.forEach((tag, on) -> {
            if (on.isEmpty()) {
                throw new IllegalArgumentException("standsOn: \"" + tag + "\" needs at least one tag to stand on");
            }
            copy.put(tag, List.copyOf(on));
        });
        standsOn = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return standsOn.isEmpty();
    }

    /** Whether {@code top} may sit on {@code below}; {@code below} null is the bottom edge. */
    public boolean supports(Legend legend, Character below, char top) {
        for (Map.Entry<String, List<String>> rule : standsOn.entrySet()) {
            if (legend.hasTag(top, rule.getKey()) && !supportedBy(legend, below, rule.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean supportedBy(Legend legend, Character below, List<String> tags) {
        for (String tag : tags) {
            if (below == null ? tag.equals(BOTTOM_EDGE) : legend.hasTag(below, tag)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tile is ruled at all (carries a tag this rule constrains). */
    public boolean rules(Legend legend, char tile) {
        return standsOn.keySet().stream().anyMatch(tag -> legend.hasTag(tile, tag));
    }

    /** {@code rules} without the stacked pairs this rule forbids (the decoding mask). */
    public TileRules narrow(TileRules rules, Legend legend) {
        if (isEmpty()) {
            return rules;
        }
        String tiles = rules.tiles();
        return rules.restrictStacking((below, top) -> supports(legend,
                below == rules.floor() ? null : tiles.charAt(below), tiles.charAt(top)));
    }

    /**
     * How the ruled tiles of {@code grid} stand.
     *
     * @param ruled    tiles carrying a ruled tag
     * @param standing those on something that supports them
     * @param below    for the others, what is under them (the bottom edge as {@code "edge"}), by count
     */
    public record Tally(long ruled, long standing, Map<String, Long> below) {
        public static final Tally ZERO = new Tally(0, 0, Map.of());

        /** The sum of two tallies (over more levels). */
        public Tally plus(Tally o) {
            Map<String, Long> b = new TreeMap<>(below);
            o.below.forEach((k, v) -> b.merge(k, v, Long::sum));
            return new Tally(ruled + o.ruled, standing + o.standing, b);
        }

        /** Share of ruled tiles standing; 1 when there are none. */
        public double share() {
            return ruled == 0 ? 1 : (double) standing / ruled;
        }
    }

    /** Counts, over a finished level (row 0 at the top), the ruled tiles and those that stand. */
    public Tally count(TileGrid grid, Legend legend) {
        long ruled = 0;
        long standing = 0;
        Map<String, Long> below = new TreeMap<>();
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                char t = grid.at(r, c);
                if (!rules(legend, t)) {
                    continue;
                }
                ruled++;
                Character under = r + 1 < grid.rows() ? grid.at(r + 1, c) : null;
                if (supports(legend, under, t)) {
                    standing++;
                } else {
                    below.merge(under == null ? "edge" : String.valueOf(under), 1L, Long::sum);
                }
            }
        }
        return new Tally(ruled, standing, below);
    }

    /** The JSON form, as in a game definition: {"enemy": ["solid"]}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        standsOn.forEach((tag, on) -> on.forEach(n.withArray(tag)::add));
        return n;
    }

    /** Reads {@link #toJson}'s form; a missing node is {@link #NONE}. */
    public static Standing fromJson(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return NONE;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("standsOn must be an object of tag -> tags it stands on");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException("standsOn." + e.getKey() + " must be an array of tags");
            }
            List<String> on = new ArrayList<>();
            for (JsonNode t : e.getValue()) {
                if (!t.isTextual() || t.asText().isBlank()) {
                    throw new IllegalArgumentException("standsOn." + e.getKey() + ": tags are non-empty strings, got " + t);
                }
                on.add(t.asText());
            }
            m.put(e.getKey(), on);
        }
        return new Standing(m);
    }
}
