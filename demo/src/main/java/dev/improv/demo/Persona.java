package dev.improv.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Who an NPC is: a role, first-person facts for the dialogue engine (slots {place}, {item},
 * {player}), the tone asked for, the line the player opens with, an authored line for a missed
 * deadline, and robe colour for the sprite. The cast is data: {@code assets/demo/cast.json}.
 */
record Persona(String role, List<String> facts, String mood, String opener, String authored, int robeRgb) {
    /** The cast's file among the game's assets (on the classpath). */
    static final String CAST_FILE = "demo/cast.json";

    /** The demo's cast, read once from {@link #CAST_FILE}; NPCs are drawn from it in turn. */
    static List<Persona> cast() {
        return Cast.SHIPPED;
    }

    /** Reads a cast file: {"cast": [{role, facts, mood, opener, authored, robe "#rrggbb"}...]}. */
    static List<Persona> readCast(InputStream in, String source) throws IOException {
        JsonNode members = DemoData.root(in, source).path("cast");
        if (!members.isArray() || members.isEmpty()) {
            throw new IOException(source + ": field 'cast' must be a non-empty array of NPCs");
        }
        List<Persona> cast = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            JsonNode m = members.get(i);
            String at = source + ": cast[" + i + "].";
            String robe = DemoData.text(m, "robe", at);
            if (!robe.matches("#[0-9a-fA-F]{6}")) {
                throw new IOException(at + "robe must be a colour like \"#d9a441\", found " + m.path("robe")); // JSON-quoted: one line
            }
            cast.add(new Persona(DemoData.text(m, "role", at), DemoData.texts(m, "facts", at), DemoData.text(m, "mood", at),
                    DemoData.text(m, "opener", at), DemoData.text(m, "authored", at),
                    Integer.parseInt(robe.substring(1), 16)));
        }
        return List.copyOf(cast);
    }

    /** Lazy holder: the file is read on first use. */
    private static final class Cast {
        static final List<Persona> SHIPPED = DemoData.load(CAST_FILE, Persona::readCast);
    }
}
