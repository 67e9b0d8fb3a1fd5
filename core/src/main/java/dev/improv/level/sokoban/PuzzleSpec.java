package dev.improv.level.sokoban;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a push-puzzle model knows about its game, stored in the model's metadata.
 *
 * @param game    short game name ("boxoban")
 * @param rows    rows inside the outer wall
 * @param columns columns inside the outer wall
 * @param boxes   boxes (and goals) in every puzzle
 * @param bands   difficulty bands fitted to the training puzzles
 */
public record PuzzleSpec(String game, int rows, int columns, int boxes, DifficultyBands bands) {
    /** The playability rule this spec's metadata names. */
    public static final String RULE = "push-puzzle";

    public PuzzleSpec {
        if (rows < 1 || columns < 1 || boxes < 1 || boxes * 2 + 1 > rows * columns) {
            throw new IllegalArgumentException("push puzzle: " + boxes + " boxes do not fit " + rows + " x " + columns + " cells");
        }
    }

    public PuzzleTokenizer tokenizer() {
        return new PuzzleTokenizer(rows, columns, bands.size());
    }

    /** Whether model metadata describes a push-puzzle model. */
    public static boolean describes(JsonNode metadata) {
        return metadata != null && RULE.equals(metadata.path("rule").asText());
    }

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("domain", "level");
        n.put("rule", RULE);
        n.put("game", game);
        n.put("rows", rows);
        n.put("columns", columns);
        n.put("boxes", boxes);
        n.set("bands", bands.toJson());
        return n;
    }

    /** Reads a push-puzzle model's metadata; a missing field is named in the error. */
    public static PuzzleSpec fromJson(JsonNode n) {
        if (!describes(n)) {
            throw new IllegalArgumentException("not a push-puzzle model: metadata field \"rule\" is not \"" + RULE + "\"");
        }
        for (String field : new String[] {"game", "rows", "columns", "boxes", "bands"}) {
            if (!n.has(field)) {
                throw new IllegalArgumentException("push-puzzle model metadata: field \"" + field + "\" is missing");
            }
        }
        return new PuzzleSpec(n.get("game").asText(), n.get("rows").asInt(), n.get("columns").asInt(), n.get("boxes").asInt(),
                DifficultyBands.fromJson(n.get("bands")));
    }
}
