package dev.improv.level;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything a level model knows about its game, stored in the model's metadata: legend, height,
 * tokenizer, fitted prompt features, corpus tile rules and (for platformers) jump arcs.
 *
 * @param game   short game name ("smb")
 * @param legend the tile legend
 * @param tokenizer tokens of this model
 * @param rules  tile pairs seen in the training corpus
 * @param jumps  jump arcs for the playability agent, or null when the game has none
 */
public record LevelSpec(String game, Legend legend, LevelTokenizer tokenizer, TileRules rules, JumpArcs jumps) {

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

    /** The metadata form read by {@link #fromJson}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("domain", "level");
        n.put("game", game);
        n.put("height", tokenizer.height());
        n.put("tiles", tokenizer.tiles());
        n.set("legend", legend.toJson());
        n.set("features", tokenizer.features().toJson());
        n.set("rules", rules.toJson());
        if (jumps != null) {
            n.set("jumps", jumps.toJson());
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
        LevelTokenizer tokenizer = new LevelTokenizer(n.get("height").asInt(), n.get("tiles").asText(), legend.empty(),
                FeatureSet.fromJson(n.get("features")));
        JumpArcs jumps = n.has("jumps") ? JumpArcs.fromJson(n.get("jumps")) : null;
        return new LevelSpec(n.get("game").asText(), legend, tokenizer, TileRules.fromJson(n.get("rules")), jumps);
    }
}
