package dev.improv.level.dungeon;

import dev.improv.level.FeatureSet;
import dev.improv.level.FeatureSpec;
import dev.improv.level.LevelTokenizer;
import dev.improv.level.TileGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoomMirrorTest {
    private final FeatureSet features = new FeatureSet(List.of(new FeatureSpec("blocks", List.of("blocks"), "count",
            List.of("block"), List.of("none", "some"), List.of(1))));
    private final LevelTokenizer tok = new LevelTokenizer(7, 7, ".WDLkB~SM", '.', features);
    private final TileGrid room = DungeonFixtures.grid(
            "WWWDWWW",
            "W.B...W",
            "W..~..W",
            "D.....D",
            "W.S...W",
            "W.....W",
            "WWWDWWW");

    /** Tiles allowed for the next cell: {@code columns} whole columns of the room written, then {@code tiles} of the next, bottom up. */
    private String allowed(RoomMirror.Axes axes, int columns, int tiles) {
        List<Integer> history = new ArrayList<>(List.of(LevelTokenizer.BOS));
        for (int h : tok.header(new int[] {FeatureSet.ANY})) {
            history.add(h);
        }
        tok.encodeColumns(room, 0, columns, history);
        for (int r = 0; r < tiles; r++) {
            history.add(tok.tileToken(room.at(room.rows() - 1 - r, columns), r));
        }
        int[] h = history.stream().mapToInt(Integer::intValue).toArray();
        float[] logits = new float[tok.vocabSize()];
        new RoomMirror(tok, DungeonFixtures.legend(), axes, 7, 7, 1).apply(h, h.length, logits);
        StringBuilder out = new StringBuilder();
        for (char c : tok.tiles().toCharArray()) {
            if (logits[tok.tileToken(c, tiles)] != Float.NEGATIVE_INFINITY) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void leftRightRepeatsTheColumnsBeforeTheMiddle() {
        assertEquals("S", allowed(RoomMirror.Axes.LEFT_RIGHT, 4, 2), "column 4, row 4 mirrors column 2's stair");
        assertEquals(".kM", allowed(RoomMirror.Axes.LEFT_RIGHT, 4, 1), "floor mirrors as floor or an entity");
        assertEquals(tok.tiles(), allowed(RoomMirror.Axes.LEFT_RIGHT, 4, 0), "the wall band is not mirrored");
        assertEquals(tok.tiles(), allowed(RoomMirror.Axes.LEFT_RIGHT, 2, 2), "columns before the middle are free");
        assertEquals(tok.tiles(), allowed(RoomMirror.Axes.NONE, 4, 2));
    }

    @Test
    void topBottomRepeatsTheLowerHalfOfAColumn() {
        assertEquals("S", allowed(RoomMirror.Axes.TOP_BOTTOM, 2, 4), "row 2 of column 2 mirrors its row 4");
        assertEquals(tok.tiles(), allowed(RoomMirror.Axes.TOP_BOTTOM, 2, 2), "the lower half is free");
        assertEquals("S", allowed(RoomMirror.Axes.BOTH, 4, 2));
    }

    @Test
    void axesAreReadOffARoom() {
        RoomInterior interior = new RoomInterior(DungeonFixtures.legend(), 1);
        assertEquals(RoomMirror.Axes.NONE, interior.axes(room));
        TileGrid both = DungeonFixtures.grid(
                "WWWDWWW",
                "W.B.B.W",
                "W.....W",
                "D..M..D",
                "W.....W",
                "W.B.B.W",
                "WWWDWWW");
        assertEquals(RoomMirror.Axes.BOTH, interior.axes(both), "an enemy counts as floor");
        assertEquals(RoomMirror.Axes.LEFT_RIGHT, interior.axes(both.with(5, 2, '.').with(5, 4, '.')));
        assertEquals(RoomMirror.Axes.TOP_BOTTOM, interior.axes(both.with(1, 4, '.').with(5, 4, '.')));
    }
}
