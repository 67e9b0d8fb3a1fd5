package dev.improv.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shared lore of a game that every NPC can draw on: {@code {"name": "Oakvale", "facts": ["..."]}}.
 * Immutable.
 *
 * @param name  what the world is called, or null
 * @param facts what everyone in it may know
 */
public record WorldFile(String name, List<String> facts) {
    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("name", "facts"));

    /** Checks the lore; a {@link CardException} names the field. */
    public WorldFile {
        name = name == null || name.isBlank() ? null : name.strip();
        String who = name == null ? "world" : "world '" + name + "'";
        facts = NpcCard.checked(who, "facts", facts);
        if (facts.isEmpty()) {
            throw new CardException(who + ": facts: must hold at least one fact");
        }
    }

    /** Reads a world file; every mistake fails with a {@link CardException} naming the file and the field. */
    public static WorldFile read(Path file) throws IOException {
        CardJson json = CardJson.read(file, FIELDS);
        if (!json.has("facts")) {
            throw new CardException(json.source() + ": facts: missing");
        }
        List<String> facts = json.lines("facts");
        try {
            return new WorldFile(json.optText("name"), facts);
        } catch (CardException e) {
            throw new CardException(json.source() + ": " + e.getMessage());
        }
    }

    /** The lore as JSON, in the file format {@link #read} takes. */
    public String toJson() {
        ObjectNode node = CardJson.mapper().createObjectNode();
        if (name != null) {
            node.put("name", name);
        }
        facts.forEach(node.putArray("facts")::add);
        try {
            return CardJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
    }
}
