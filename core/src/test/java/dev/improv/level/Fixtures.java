package dev.improv.level;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny Mario-like legend, arcs and levels built in code for the level tests. */
final class Fixtures {
    private Fixtures() { }

    static Legend legend() {
        Map<Character, List<String>> m = new LinkedHashMap<>();
        m.put('X', List.of("solid", "ground"));
        m.put('S', List.of("solid", "breakable"));
        m.put('-', List.of("passable", "empty"));
        m.put('?', List.of("solid", "question block"));
        m.put('E', List.of("enemy", "damaging"));
        m.put('<', List.of("solid", "top-left pipe", "pipe"));
        m.put('>', List.of("solid", "top-right pipe", "pipe"));
        m.put('[', List.of("solid", "left pipe", "pipe"));
        m.put(']', List.of("solid", "right pipe", "pipe"));
        return new Legend(m);
    }

    /** A short hop (3 right, 1 up at the top) and a long one (5 right), both ways. */
    static JumpArcs arcs() {
        try {
            return JumpArcs.fromJson(new ObjectMapper().readTree(
                    "{\"jumps\": [[[0,-1],[1,-1],[2,-1],[3,0]], [[0,-1],[-1,-1],[-2,-1],[-3,0]],"
                            + " [[0,-1],[0,-2],[1,-2],[2,-2],[3,-2],[4,-1],[5,0]]]}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static TileGrid grid(String... rows) {
        return TileGrid.ofRows(List.of(rows));
    }

    /** The smb preset with fixed thresholds: pipes, enemies, blocks, elevation, gaps. */
    static FeatureSet features() {
        List<List<Integer>> t = List.of(List.of(1, 2, 3), List.of(1, 3, 5), List.of(1, 4, 8), List.of(4), List.of(1, 2, 4));
        List<FeatureSpec> specs = new java.util.ArrayList<>();
        List<FeatureSpec> preset = FeatureSet.preset("smb").specs();
        for (int i = 0; i < preset.size(); i++) {
            specs.add(preset.get(i).withThresholds(t.get(i)));
        }
        return new FeatureSet(specs);
    }

    /** Every pipe top and body has its right half, and every body column is closed by a pipe tile above. */
    static void assertPipesWhole(TileGrid g) {
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.columns(); c++) {
                char t = g.at(r, c);
                if (t == '<' || t == '[') {
                    org.junit.jupiter.api.Assertions.assertTrue(c + 1 < g.columns() && g.at(r, c + 1) == (t == '<' ? '>' : ']'), "half pipe at " + r + "," + c + "\n" + g);
                }
                if (t == '[' || t == ']') {
                    org.junit.jupiter.api.Assertions.assertTrue(r > 0 && "<>[]".indexOf(g.at(r - 1, c)) >= 0, "open pipe body at " + r + "," + c + "\n" + g);
                }
            }
        }
    }
}
