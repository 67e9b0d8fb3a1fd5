package dev.improv.level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.dungeon.DungeonTracker;
import dev.improv.level.dungeon.RoomSides;

/**
 * Everything a level model knows about its game, stored in the model's metadata: legend, height,
 * tokenizer, fitted prompt features, corpus tile rules and (for platformers) jump arcs.
 *
 * @param game   short game name ("smb")
 * @param rule   what makes a level playable: {@link #PLATFORMER} or {@link #TOP_DOWN}
 * @param legend the tile legend
 * @param tokenizer tokens of this model
 * @param rules  tile pairs seen in the training corpus
 * @param jumps  jump arcs for the playability agent, or null when the game has none
 * @param rooms  room shape of a top-down game (chunks are rooms), null for a platformer
 * @param standing what a platformer's tiles and pillars must stand on (the game definition's {@code standsOn} and
 *                 {@code pillarsStandOn}); null is none
 */
public record LevelSpec(String game, String rule, Legend legend, LevelTokenizer tokenizer, TileRules rules, JumpArcs jumps,
                        RoomSides rooms, Standing standing) {
    /** Side-scrolling: chunks are 16 columns, crossed left to right with the game's jump arcs. */
    public static final String PLATFORMER = "platformer";
    /** Top-down: chunks are rooms laid out in rows, walked on in four directions, doors lining up. */
    public static final String TOP_DOWN = "top-down";

    public LevelSpec {
        if (!PLATFORMER.equals(rule) && !TOP_DOWN.equals(rule)) {
            throw new IllegalArgumentException("rule must be " + PLATFORMER + " or " + TOP_DOWN + ", got \"" + rule + "\"");
        }
        if (TOP_DOWN.equals(rule) && (rooms == null || rooms.columns() != tokenizer.chunkColumns()
                || rooms.rows() != tokenizer.height())) {
            throw new IllegalArgumentException("a top-down game needs rooms the size of its chunks ("
                    + tokenizer.height() + " x " + tokenizer.chunkColumns() + ")");
        }
        standing = standing == null ? Standing.NONE : standing;
        if (!PLATFORMER.equals(rule) && !standing.isEmpty()) {
            throw new IllegalArgumentException("only a platformer has tiles that stand on others (standsOn, pillarsStandOn)");
        }
    }

    /** A spec without a standing rule. */
    public LevelSpec(String game, String rule, Legend legend, LevelTokenizer tokenizer, TileRules rules, JumpArcs jumps,
                     RoomSides rooms) {
        this(game, rule, legend, tokenizer, rules, jumps, rooms, Standing.NONE);
    }

    /** This spec with another standing rule (a game definition's, which decides over the model's). */
    public LevelSpec withStanding(Standing s) {
        return new LevelSpec(game, rule, legend, tokenizer, rules, jumps, rooms, s);
    }

    /** The tile rules decoding obeys: the corpus's pairs, narrowed by what must stand on what. */
    public TileRules decodingRules() {
        return standing.narrow(rules, legend);
    }

    /** A platformer's spec. */
    public LevelSpec(String game, Legend legend, LevelTokenizer tokenizer, TileRules rules, JumpArcs jumps) {
        this(game, PLATFORMER, legend, tokenizer, rules, jumps, null);
    }

    /**
     * The game's playability check for one generator, or null when it has none (a platformer without
     * jump arcs).
     *
     * @param reachWindow  platformers: columns of context kept while streaming
     * @param roomsPerRow  top-down: the dungeon's width in rooms
     */
    public ChunkCheck newCheck(int reachWindow, int roomsPerRow) {
        if (TOP_DOWN.equals(rule)) {
            return new DungeonTracker(rooms, legend, roomsPerRow, features());
        }
        PlayabilityAgent agent = agent();
        return agent == null ? ChunkCheck.NONE : new ReachTracker(agent, reachWindow, legend, tokenizer);
    }

    /** Rows of every level of this game. */
    public int height() {
        return tokenizer.height();
    }

    public FeatureSet features() {
        return tokenizer.features();
    }

    /** The playability agent of this game, or null when it has no jump arcs. */
    public PlayabilityAgent agent() {
        return jumps == null ? null : new PlayabilityAgent(legend, jumps);
    }

    /**
     * Where the player starts in a finished level, {row, column}, or null if nowhere: a top-down
     * dungeon's entrance (the first room's first door or stair, as the dungeon checks use), a
     * platformer's first free tile standing on a solid one in the leftmost three columns (the start
     * rule of the playability agent and of smb_playable.py).
     */
    public int[] start(TileGrid level) {
        if (rooms != null) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            for (int r = 0; r < Math.min(rooms.rows(), level.rows()); r++) {
                rows.add(level.row(r).substring(0, Math.min(rooms.columns(), level.columns())));
            }
            int i = new dev.improv.level.dungeon.RoomCheck(legend).entrance(TileGrid.ofRows(rows));
            return i < 0 ? null : new int[] {i / rooms.columns(), i % rooms.columns()};
        }
        for (int c = 0; c < Math.min(3, level.columns()); c++) {
            for (int r = 0; r + 1 < level.rows(); r++) {
                if (!legend.isSolid(level.at(r, c)) && legend.isSolid(level.at(r + 1, c))) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** The metadata form read by {@link #fromJson}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("domain", "level");
        n.put("game", game);
        n.put("rule", rule);
        n.put("height", tokenizer.height());
        n.put("chunkColumns", tokenizer.chunkColumns());
        n.put("tiles", tokenizer.tiles());
        n.set("legend", legend.toJson());
        n.set("features", tokenizer.features().toJson());
        n.set("rules", rules.toJson());
        if (jumps != null) {
            n.set("jumps", jumps.toJson());
        }
        if (rooms != null) {
            n.set("rooms", rooms.toJson());
        }
        if (!standing.standsOn().isEmpty()) {
            n.set("standsOn", standing.toJson());
        }
        if (!standing.pillarsStandOn().isEmpty()) {
            n.set("pillarsStandOn", standing.pillarsJson());
        }
        return n;
    }

    /** Reads a level model's metadata; a missing field is named in the error. */
    public static LevelSpec fromJson(JsonNode n) {
        if (n == null || !"level".equals(n.path("domain").asText())) {
            throw new IllegalArgumentException("not a level model: metadata field \"domain\" is not \"level\"");
        }
        for (String field : new String[] {"game", "height", "tiles", "legend", "features", "rules"}) {
            if (!n.has(field)) {
                throw new IllegalArgumentException("level model metadata: field \"" + field + "\" is missing");
            }
        }
        Legend legend = Legend.fromJson(n.get("legend"));
        // models written before games had their own chunk width and rule are 16-column platformers
        LevelTokenizer tokenizer = new LevelTokenizer(n.get("height").asInt(),
                n.path("chunkColumns").asInt(LevelTokenizer.CHUNK_COLUMNS), n.get("tiles").asText(), legend.empty(),
                FeatureSet.fromJson(n.get("features")));
        JumpArcs jumps = n.has("jumps") ? JumpArcs.fromJson(n.get("jumps")) : null;
        RoomSides rooms = n.has("rooms") ? RoomSides.fromJson(n.get("rooms")) : null;
        return new LevelSpec(n.get("game").asText(), n.path("rule").asText(PLATFORMER), legend, tokenizer,
                TileRules.fromJson(n.get("rules")), jumps, rooms, Standing.fromJson(n.get("standsOn"), n.get("pillarsStandOn")));
    }
}
