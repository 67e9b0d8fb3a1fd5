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
 * What the things and structures of a platformer stand on.
 * <ul>
 * <li>{@code standsOn}: a tile carrying a ruled tag (say "enemy") may only sit directly on a tile
 * carrying one of that tag's supporting tags ("solid"), or on the level's bottom edge when
 * {@link #BOTTOM_EDGE} is among them. A tile with two ruled tags needs both satisfied.</li>
 * <li>{@code pillarsStandOn}: a pillar, two or more tiles carrying a ruled tag stacked in one column (a
 * pipe, a column of ground blocks), stands the same way on the tile under its lowest tile, so a
 * single floating block may be a platform but a pillar does not hang in the air, and a pipe does not
 * stand with one half over the sky.</li>
 * </ul>
 *
 * <p>Declared by a game definition ({@code "standsOn": {"enemy": ["solid"]}}) and carried by the model.
 * The corpus tile rules cannot say it: they are pairs of tiles, and SMB's corpus has flying enemies over
 * sky and single blocks floating, so a walking enemy or a block pillar can be sampled floating too.
 * Applied while decoding: columns are sampled bottom to top, so the tiles below are known whenever a
 * tile is chosen ({@link #narrow}, {@link #pillarMask}).
 *
 * @param standsOn       ruled tag -> tags of the tiles it may stand on, in the definition's order
 * @param pillarsStandOn ruled tag -> tags of the tiles its pillars may stand on
 */
public record Standing(Map<String, List<String>> standsOn, Map<String, List<String>> pillarsStandOn) {
    /** The supporting "tag" of the level's bottom edge (Lode Runner's floor holds; SMB's bottom row is over a pit). */
    public static final String BOTTOM_EDGE = "bottom edge";
    /** No rule: anything may sit on anything the tile rules allow. */
    public static final Standing NONE = new Standing(Map.of(), Map.of());
    /** At most this many pillar rules: {@link PillarMask} keeps one bit each. */
    static final int MAX_PILLAR_RULES = 31;

    public Standing {
        standsOn = copy("standsOn", standsOn);
        pillarsStandOn = copy("pillarsStandOn", pillarsStandOn);
        if (pillarsStandOn.size() > MAX_PILLAR_RULES) {
            throw new IllegalArgumentException("pillarsStandOn: at most " + MAX_PILLAR_RULES + " tags");
        }
    }

    /** Only what single tiles stand on. */
    public Standing(Map<String, List<String>> standsOn) {
        this(standsOn, Map.of());
    }

    private static Map<String, List<String>> copy(String field, Map<String, List<String>> rules) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        rules.forEach((tag, on) -> {
            if (on.isEmpty()) {
                throw new IllegalArgumentException(field + ": \"" + tag + "\" needs at least one tag to stand on");
            }
            copy.put(tag, List.copyOf(on));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return standsOn.isEmpty() && pillarsStandOn.isEmpty();
    }

    /** Whether {@code top} may sit on {@code below}; {@code below} null is the bottom edge. */
    public boolean supports(Legend legend, Character below, char top) {
        return supports(standsOn, legend, below, top);
    }

    private static boolean supports(Map<String, List<String>> rules, Legend legend, Character below, char top) {
        for (Map.Entry<String, List<String>> rule : rules.entrySet()) {
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
     * The pillar rules over tile indices, for a decoder that reads a column bottom to top: the tags of a
     * tile as bits (one per pillar rule, in the definition's order) and the rules each tile, or the
     * floor, holds a pillar up for.
     *
     * @param tags     tile index -> the rules it is ruled by; index {@code tiles.length()} is the floor (none)
     * @param supports tile index, or the floor, -> the rules whose pillars may stand on it
     */
    public record PillarMask(int[] tags, int[] supports) {
        /** No pillar rule. */
        public static PillarMask none(int tileCount) {
            return new PillarMask(new int[tileCount + 1], new int[tileCount + 1]);
        }

        /**
         * Whether {@code top} may sit on {@code below}: a tile that stacks a ruled pillar on a tile of the
         * same pillar needs that pillar standing ({@code standing}, from {@link #standingAfter}).
         */
        public boolean allows(int below, int top, int standing) {
            return (tags[top] & tags[below] & ~standing) == 0;
        }

        /**
         * The pillars that stand once {@code top} is on {@code below}: bit k set when {@code top} is in a
         * pillar of rule k that stands ({@code standingBelow} is the same for {@code below}'s pillars).
         */
        public int standingAfter(int below, int top, int standingBelow) {
            int continued = tags[top] & tags[below];
            return (continued & standingBelow) | (tags[top] & ~tags[below] & supports[below]);
        }

        /** The pillars standing at the top of a column read bottom to top ({@code column[0..rows)}; floor is the index of the floor). */
        public int standingAt(int[] column, int rows, int floor) {
            int standing = 0;
            int below = floor;
            for (int r = 0; r < rows; r++) {
                standing = standingAfter(below, column[r], standing);
                below = column[r];
            }
            return standing;
        }
    }

    /** {@link PillarMask} over {@code tiles} (the rules' tile order). */
    public PillarMask pillarMask(String tiles, Legend legend) {
        int n = tiles.length();
        PillarMask mask = PillarMask.none(n);
        int bit = 0;
        for (Map.Entry<String, List<String>> rule : pillarsStandOn.entrySet()) {
            for (int t = 0; t <= n; t++) {
                Character c = t == n ? null : tiles.charAt(t);
                if (c != null && legend.hasTag(c, rule.getKey())) {
                    mask.tags()[t] |= 1 << bit;
                }
                if (supportedBy(legend, c, rule.getValue())) {
                    mask.supports()[t] |= 1 << bit;
                }
            }
            bit++;
        }
        return mask;
    }

    /**
     * How the pillars of {@code grid} stand: each maximal run of two or more tiles carrying a
     * pillarsStandOn tag in one column (row 0 at the top) is one pillar, under its lowest tile is what it
     * stands on. A run of tiles carrying two ruled tags is counted once per tag.
     */
    public Tally countPillars(TileGrid grid, Legend legend) {
        long pillars = 0;
        long standing = 0;
        Map<String, Long> below = new TreeMap<>();
        for (Map.Entry<String, List<String>> rule : pillarsStandOn.entrySet()) {
            String tag = rule.getKey();
            for (int c = 0; c < grid.columns(); c++) {
                for (int r = 0; r < grid.rows(); ) {
                    if (!legend.hasTag(grid.at(r, c), tag)) {
                        r++;
                        continue;
                    }
                    int bottom = r;
                    while (bottom + 1 < grid.rows() && legend.hasTag(grid.at(bottom + 1, c), tag)) {
                        bottom++;
                    }
                    if (bottom > r) {
                        pillars++;
                        Character under = bottom + 1 < grid.rows() ? grid.at(bottom + 1, c) : null;
                        if (supportedBy(legend, under, rule.getValue())) {
                            standing++;
                        } else {
                            below.merge(under == null ? "edge" : String.valueOf(under), 1L, Long::sum);
                        }
                    }
                    r = bottom + 1;
                }
            }
        }
        return new Tally(pillars, standing, below);
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

    /** The JSON form of {@code standsOn}, as in a game definition: {"enemy": ["solid"]}. */
    public ObjectNode toJson() {
        return toJson(standsOn);
    }

    /** The JSON form of {@code pillarsStandOn}, as in a game definition: {"pipe": ["solid", "bottom edge"]}. */
    public ObjectNode pillarsJson() {
        return toJson(pillarsStandOn);
    }

    private static ObjectNode toJson(Map<String, List<String>> rules) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        rules.forEach((tag, on) -> on.forEach(n.withArray(tag)::add));
        return n;
    }

    /** Reads {@link #toJson}'s form (only single tiles ruled); a missing node is {@link #NONE}. */
    public static Standing fromJson(JsonNode n) {
        return new Standing(rules("standsOn", n));
    }

    /** Reads {@link #toJson}'s and {@link #pillarsJson}'s forms; a missing node rules nothing. */
    public static Standing fromJson(JsonNode standsOn, JsonNode pillarsStandOn) {
        return new Standing(rules("standsOn", standsOn), rules("pillarsStandOn", pillarsStandOn));
    }

    private static Map<String, List<String>> rules(String field, JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(field + " must be an object of tag -> tags it stands on");
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException(field + "." + e.getKey() + " must be an array of tags");
            }
            List<String> on = new ArrayList<>();
            for (JsonNode t : e.getValue()) {
                if (!t.isTextual() || t.asText().isBlank()) {
                    throw new IllegalArgumentException(field + "." + e.getKey() + ": tags are non-empty strings, got " + t);
                }
                on.add(t.asText());
            }
            m.put(e.getKey(), on);
        }
        return m;
    }
}
