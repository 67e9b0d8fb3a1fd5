package dev.improv.level;

import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Jump trajectories as in VGLC's estimated_jumps.json: each arc a list of (dx, dy) offsets from the
 * take-off tile, dy negative upwards.
 */
public final class JumpArcs {
    private final int[][][] arcs; // [arc][step][0=dx,1=dy]

    private JumpArcs(int[][][] arcs) {
        this.arcs = arcs;
    }

    /** Reads {"jumps": [[[dx, dy], ...], ...]}; errors name the file. */
    public static JumpArcs read(Path file) throws IOException {
        try {
            return fromJson(BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "jump files"));
        } catch (IllegalArgumentException e) {
            throw new LevelFormatException(file.toString(), 0, 0, e.getMessage());
        }
    }

    /** Parses the JSON form. */
    public static JumpArcs fromJson(JsonNode root) {
        JsonNode jumps = root == null ? null : root.get("jumps");
        if (jumps == null || !jumps.isArray() || jumps.isEmpty()) {
            throw new IllegalArgumentException("field \"jumps\" (a non-empty array of arcs) is missing");
        }
        List<int[][]> out = new ArrayList<>();
        for (int a = 0; a < jumps.size(); a++) {
            JsonNode arc = jumps.get(a);
            int[][] steps = new int[arc.size()][2];
            for (int s = 0; s < arc.size(); s++) {
                JsonNode p = arc.get(s);
                if (!p.isArray() || p.size() != 2 || !p.get(0).isInt() || !p.get(1).isInt()) {
                    throw new IllegalArgumentException("jumps[" + a + "][" + s + "] must be [dx, dy] integers");
                }
                steps[s][0] = p.get(0).asInt();
                steps[s][1] = p.get(1).asInt();
            }
            out.add(steps);
        }
        return new JumpArcs(out.toArray(new int[0][][]));
    }

    /** The JSON form read by {@link #fromJson}. */
    public JsonNode toJson() {
        var root = JsonNodeFactory.instance.objectNode();
        ArrayNode jumps = root.putArray("jumps");
        for (int[][] arc : arcs) {
            ArrayNode a = jumps.addArray();
            for (int[] s : arc) {
                a.addArray().add(s[0]).add(s[1]);
            }
        }
        return root;
    }

    public int count() {
        return arcs.length;
    }

    /** Steps of one arc; do not modify. */
    int[][] arc(int index) {
        return arcs[index];
    }
}
