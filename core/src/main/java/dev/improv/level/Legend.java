package dev.improv.level;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A game's tile legend in VGLC form: each tile character with its tags ("solid", "empty", "pipe"...).
 *
 * <p>Everything game-specific that the level code needs (which tile is empty, which are solid) is
 * read from these tags, never from hard-wired characters.
 */
public final class Legend {
    private final Map<Character, List<String>> tiles;
    private final char empty;

    /** A legend from characters to tags; exactly one tile must carry the tag "empty". */
    public Legend(Map<Character, List<String>> tiles) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a legend needs at least one tile");
        }
        Map<Character, List<String>> copy = new LinkedHashMap<>();
        tiles.forEach((c, tags) -> copy.put(c, List.copyOf(tags)));
        this.tiles = Collections.unmodifiableMap(copy);
        Character found = null;
        for (Map.Entry<Character, List<String>> e : copy.entrySet()) {
            if (e.getValue().contains("empty")) {
                if (found != null) {
                    throw new IllegalArgumentException("two tiles are tagged \"empty\": '" + found + "' and '" + e.getKey() + "'");
                }
                found = e.getKey();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no tile is tagged \"empty\"");
        }
        this.empty = found;
    }

    /** Reads a VGLC legend.json ({"tiles": {"X": ["solid", ...], ...}}). */
    public static Legend read(Path file) throws IOException {
        JsonNode root = BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "legend files");
        try {
            return fromJson(root);
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(file.toString(), 0, 0, e.getMessage());
        }
    }

    /** Reads the legend from its JSON form (as in legend.json or a model's metadata). */
    public static Legend fromJson(JsonNode root) {
        JsonNode tilesNode = root == null ? null : root.get("tiles");
        if (tilesNode == null || !tilesNode.isObject()) {
            throw new IllegalArgumentException("field \"tiles\" (an object of tile -> tags) is missing");
        }
        Map<Character, List<String>> tiles = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = tilesNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().length() != 1) {
                throw new IllegalArgumentException("field \"tiles\": key \"" + e.getKey() + "\" must be one character");
            }
            if (!e.getValue().isArray()) {
                throw new IllegalArgumentException("field \"tiles." + e.getKey() + "\" must be an array of tags");
            }
            List<String> tags = new ArrayList<>();
            e.getValue().forEach(t -> tags.add(t.asText()));
            tiles.put(e.getKey().charAt(0), tags);
        }
        return new Legend(tiles);
    }

    /** The JSON form read by {@link #fromJson}. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode t = root.putObject("tiles");
        tiles.forEach((c, tags) -> tags.forEach(t.withArray(String.valueOf(c))::add));
        return root;
    }

    /** Tile characters in legend order. */
    public Set<Character> tiles() {
        return tiles.keySet();
    }

    public boolean contains(char tile) {
        return tiles.containsKey(tile);
    }

    /** The tile tagged "empty" (VGLC '-' for Mario, '.' for Lode Runner). */
    public char empty() {
        return empty;
    }

    /** Whether {@code tile} carries {@code tag}; false for tiles outside the legend. */
    public boolean hasTag(char tile, String tag) {
        List<String> tags = tiles.get(tile);
        return tags != null && tags.contains(tag);
    }

    /** Whether the tile blocks movement (tag "solid"). */
    public boolean isSolid(char tile) {
        return hasTag(tile, "solid");
    }

    /** The tags of a tile, empty for tiles outside the legend. */
    public List<String> tags(char tile) {
        return tiles.getOrDefault(tile, List.of());
    }
}
