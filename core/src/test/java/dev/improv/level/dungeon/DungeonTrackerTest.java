package dev.improv.level.dungeon;

import dev.improv.level.FeatureSet;
import dev.improv.level.FeatureSpec;
import dev.improv.level.Legend;
import dev.improv.level.PromptParser;
import dev.improv.level.TileGrid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DungeonTrackerTest {
    private final Legend legend = DungeonFixtures.legend();
    private final RoomSides sides = RoomSides.learn(DungeonFixtures.corpus(), 1, legend);
    /** A room with four blocks, symmetric both ways. */
    private final TileGrid pillars = DungeonFixtures.grid(
            "WWWWWWW",
            "W.....W",
            "W.B.B.D",
            "W.....W",
            "W.B.B.W",
            "W.....W",
            "WWWWWWW");

    @Test
    void sidesAreLearntFromTheCorpus() {
        assertEquals("WWWDWWW", sides.door(Side.NORTH).text()[0]);
        assertEquals("WWWWWWW", sides.plain(Side.WEST).text()[0]);
        assertEquals(sides.toJson(), RoomSides.fromJson(sides.toJson()).toJson());
    }

    @Test
    void aRoomWhoseWestWallMissesItsNeighboursDoorIsRejectedWithTheReason() {
        DungeonTracker t = new DungeonTracker(sides, legend, 3);
        t.append(t.repairs(null, 7).get(0)); // room 0 opens east: room 1 has no room above it
        TileGrid closedWest = DungeonFixtures.corpus().get(1);
        String p = t.problem(closedWest);
        assertNotNull(p);
        assertTrue(p.startsWith("west wall does not match"), p);
    }

    /** A whole dungeon laid out from last-resort repairs only: every door lines up and every room is reached. */
    @Test
    void bareRoomsMakeAConnectedDungeonWithDoorsLinedUp() {
        int wide = 3;
        int high = 3;
        DungeonTracker t = new DungeonTracker(sides, legend, wide);
        List<TileGrid> rooms = new ArrayList<>();
        for (int i = 0; i < wide * high; i++) {
            t.lastRow(i / wide == high - 1);
            List<TileGrid> options = t.repairs(null, 7);
            TileGrid room = options.get(options.size() - 1);
            assertNull(t.problem(room), "room " + i + "\n" + room);
            t.append(room);
            rooms.add(room);
        }
        for (int i = 0; i < rooms.size(); i++) {
            int r = i / wide;
            int c = i % wide;
            if (c + 1 < wide) {
                assertEquals(RoomBand.of(rooms.get(i), Side.EAST, 1).doorPositions(legend),
                        RoomBand.of(rooms.get(i + 1), Side.WEST, 1).doorPositions(legend));
            } else {
                assertFalse(RoomBand.of(rooms.get(i), Side.EAST, 1).hasDoor(legend), "door out of the dungeon");
            }
            if (r + 1 < high) {
                assertEquals(RoomBand.of(rooms.get(i), Side.SOUTH, 1).doorPositions(legend),
                        RoomBand.of(rooms.get(i + wide), Side.NORTH, 1).doorPositions(legend));
            } else {
                assertFalse(RoomBand.of(rooms.get(i), Side.SOUTH, 1).hasDoor(legend), "door out of the dungeon");
            }
        }
        // every room reachable from room 0 through lined-up doors
        boolean[] seen = new boolean[rooms.size()];
        java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>(List.of(0));
        seen[0] = true;
        while (!q.isEmpty()) {
            int i = q.poll();
            int r = i / wide;
            int c = i % wide;
            if (c + 1 < wide && RoomBand.of(rooms.get(i), Side.EAST, 1).hasDoor(legend) && !seen[i + 1]) {
                seen[i + 1] = true;
                q.add(i + 1);
            }
            if (c > 0 && RoomBand.of(rooms.get(i), Side.WEST, 1).hasDoor(legend) && !seen[i - 1]) {
                seen[i - 1] = true;
                q.add(i - 1);
            }
            if (r + 1 < high && RoomBand.of(rooms.get(i), Side.SOUTH, 1).hasDoor(legend) && !seen[i + wide]) {
                seen[i + wide] = true;
                q.add(i + wide);
            }
            if (r > 0 && RoomBand.of(rooms.get(i), Side.NORTH, 1).hasDoor(legend) && !seen[i - wide]) {
                seen[i - wide] = true;
                q.add(i - wide);
            }
        }
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i], "room " + i + " cannot be reached from the entrance");
        }
        TileGrid map = map(rooms, wide);
        DungeonMapCheck.Report report = new DungeonMapCheck(legend, 7, 7, 1).check(map);
        assertEquals(List.of(), report.problems(), map.toString());
        assertEquals(9, report.roomsReached());

        // the same map with one door bricked up on one side only
        TileGrid broken = map;
        for (int r = 0; r < map.rows(); r++) {
            if (map.at(r, 6) == 'D') {
                broken = broken.with(r, 6, 'W');
            }
        }
        DungeonMapCheck.Report bad = new DungeonMapCheck(legend, 7, 7, 1).check(broken);
        assertFalse(bad.playable());
        assertTrue(bad.problems().get(0).contains("west door does not line up"), bad.problems().toString());
    }

    private static TileGrid map(List<TileGrid> rooms, int wide) {
        List<String> rows = new ArrayList<>();
        for (int start = 0; start < rooms.size(); start += wide) {
            TileGrid row = rooms.get(start);
            for (int i = 1; i < wide; i++) {
                row = row.append(rooms.get(start + i));
            }
            for (int r = 0; r < row.rows(); r++) {
                rows.add(row.row(r));
            }
        }
        return TileGrid.ofRows(rows);
    }

    @Test
    void theFirstRepairOpensTheFewestBlocksToReachEveryDoor() {
        DungeonTracker t = new DungeonTracker(sides, legend, 2);
        TileGrid walledIn = DungeonFixtures.grid(
                "WWWWWWW",
                "WBBBBBW",
                "WB.B.BW",
                "WBBBBBW",
                "WBBBBBW",
                "WBBBBBW",
                "WWWWWWW");
        // room 0 must open east (its eastern neighbour has no room above it) and south (first of its row):
        // both doors are pinned, and joining them (row 4, column 7 to row 7, column 4) takes 5 blocks at least
        TileGrid carved = t.repairs(walledIn, 7).get(0);
        assertNull(t.problem(carved), carved.toString());
        int blocks = 0;
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                blocks += carved.at(r, c) == 'B' ? 1 : 0;
            }
        }
        assertEquals(23 - 5, blocks, "the fewest blocks removed; the rest stay:\n" + carved);
    }

    @Test
    void theClearedRepairKeepsEnemiesAndOpensTheFloor() {
        DungeonTracker t = new DungeonTracker(sides, legend, 2);
        TileGrid blocked = DungeonFixtures.grid(
                "WWWWWWW",
                "W.B.M.W",
                "WBBB..W",
                "W.B...W",
                "W.....W",
                "W~~~~~W",
                "WWWWWWW");
        TileGrid cleared = t.repairs(blocked, 7).get(1);
        assertEquals('M', cleared.at(1, 4));
        assertEquals('.', cleared.at(2, 2));
        assertNull(t.problem(cleared), cleared.toString());
    }

    @Test
    void theFirstRepairOpensWaterWhenTheDoorsLeadOntoTooLittleFloor() {
        DungeonTracker t = new DungeonTracker(sides, legend, 2);
        TileGrid moat = DungeonFixtures.grid(
                "WWWWWWW",
                "W..~~.W",
                "W..~~.W",
                "W..~~.W",
                "W..~~.W",
                "W~~...W",
                "WWWWWWW");
        // room 0's pinned doors (east, south) are joined along column 6 and row 6, which is 7 of the
        // room's 15 walkable tiles: one water tile opened lets the player into the other 8
        TileGrid pinned = t.repairs(moat, 7).get(0);
        assertNull(t.problem(pinned), pinned.toString());
        int water = 0;
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                water += pinned.at(r, c) == '~' ? 1 : 0;
            }
        }
        assertEquals(10 - 1, water, "one water tile opened; the rest stay:\n" + pinned);
        assertNotNull(t.problem(moat));
    }

    @Test
    void theFirstRepairTurnsWaterBehindADoorIntoFloor() {
        DungeonTracker t = new DungeonTracker(sides, legend, 2);
        TileGrid wet = DungeonFixtures.grid(
                "WWWWWWW",
                "W.....W",
                "W.....W",
                "W....~W",
                "W.....W",
                "W.....W",
                "WWWWWWW");
        TileGrid pinned = t.repairs(wet, 7).get(0); // room 0's east door is pinned at row 4, right in front of the water
        assertEquals('D', pinned.at(3, 6));
        assertEquals('.', pinned.at(3, 5));
        assertNull(t.problem(pinned), pinned.toString());
    }

    @Test
    void aDoorPromptPinsTheSidesTheLayoutLeavesFree() {
        FeatureSpec doors = new FeatureSpec("doors", List.of("doors"), "groups", List.of("door"),
                List.of("none", "few", "some", "many"), List.of(1, 2, 3));
        FeatureSet features = new FeatureSet(List.of(doors));
        int[] counts = new int[4];
        for (int level = 0; level < 4; level++) {
            DungeonTracker t = new DungeonTracker(sides, legend, 3, features);
            t.append(t.repairs(null, 7).get(0)); // room 0 opens east, so room 1 has a west door
            // room 1 (top row, middle): west mirrors room 0, north is the outer wall, east is forced open
            // (nothing above the room east of it), south is free: 2 doors, or 3 with the south one
            t.want(new PromptParser.Asked(new int[] {level}, java.util.Map.of()));
            List<TileGrid> options = t.repairs(null, 7);
            TileGrid bare = options.get(options.size() - 1);
            assertNull(t.problem(bare), bare.toString());
            counts[level] = doors.measure(bare, legend);
        }
        assertEquals(2, counts[2], "some doors: south closed");
        assertEquals(3, counts[3], "many doors: south opened");
        DungeonTracker silent = new DungeonTracker(sides, legend, 3, features);
        silent.append(silent.repairs(null, 7).get(0));
        silent.want(new PromptParser.Asked(new int[] {FeatureSet.ANY}, java.util.Map.of()));
        assertFalse(silent.pinnedBands().containsKey(Side.SOUTH), "no door prompt: the south side is the model's");
        DungeonTracker few = new DungeonTracker(sides, legend, 3, features);
        few.append(few.repairs(null, 7).get(0));
        few.want(new PromptParser.Asked(new int[] {1}, java.util.Map.of()));
        assertFalse(few.pinnedBands().containsKey(Side.SOUTH), "one door cannot be had with two decided: nothing pinned");
    }
    /** A bare room is drawn again unless the prompt asked for no furniture; a room repeating one made before is too. */
    @Test
    void bareAndRepeatedRoomsAreDesignMisses() {
        FeatureSpec blocks = new FeatureSpec("blocks", List.of("blocks"), "count", List.of("block"),
                List.of("none", "some"), List.of(1));
        FeatureSpec water = new FeatureSpec("water", List.of("water"), "count", List.of("water"),
                List.of("none", "some"), List.of(1));
        FeatureSpec enemies = new FeatureSpec("enemies", List.of("enemies"), "count", List.of("enemy"),
                List.of("none", "some"), List.of(1));
        DungeonTracker t = new DungeonTracker(sides, legend, 3, new FeatureSet(List.of(blocks, water, enemies)));
        TileGrid bare = DungeonFixtures.grid(
                "WWWWWWW",
                "W.M...W",
                "W.....D",
                "W.....W",
                "W...M.W",
                "W.....W",
                "WWWWWWW");
        t.want(new PromptParser.Asked(new int[] {FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY}, java.util.Map.of()));
        assertEquals(1, t.designMisses(bare), "silent on contents: a bare room is drawn again");
        assertEquals(0, t.designMisses(pillars));
        t.want(new PromptParser.Asked(new int[] {0, FeatureSet.ANY, 2}, java.util.Map.of()));
        assertEquals(1, t.designMisses(bare), "no blocks but water left open: still not asked to be bare");
        t.want(new PromptParser.Asked(new int[] {0, 0, FeatureSet.ANY}, java.util.Map.of()));
        assertEquals(0, t.designMisses(bare), "no blocks and no water: bare is what was asked");
        t.append(pillars);
        t.want(new PromptParser.Asked(new int[] {FeatureSet.ANY, FeatureSet.ANY, FeatureSet.ANY}, java.util.Map.of()));
        TileGrid samePillarsWithAnEnemy = pillars.with(3, 3, 'M');
        assertEquals(1, t.designMisses(samePillarsWithAnEnemy), "the layout of a room already made, enemies aside");
        t.reset();
        assertEquals(0, t.designMisses(samePillarsWithAnEnemy), "a new dungeon remembers no layout");
        RoomInterior interior = new RoomInterior(legend, 1);
        assertEquals(0, interior.furniture(bare));
        assertEquals(4, interior.furniture(pillars));
        assertEquals(interior.layout(pillars), interior.layout(samePillarsWithAnEnemy));
    }

    /** A room mirrored left-right is decided at its middle column: its design misses are known there, and only there. */
    @Test
    void leftRightMirroredRoomIsDecidedAtItsMiddle() {
        FeatureSet features = new FeatureSet(List.of(new FeatureSpec("blocks", List.of("blocks"), "count", List.of("block"),
                List.of("none", "some"), List.of(1))));
        dev.improv.level.LevelTokenizer tok = new dev.improv.level.LevelTokenizer(7, 7, ".WDLkB~SM", '.', features);
        com.fasterxml.jackson.databind.node.ObjectNode json = sides.toJson();
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("mirrored")).put("left_right", 1).put("none", 1);
        DungeonTracker t = new DungeonTracker(RoomSides.fromJson(json), legend, 3, features);
        long seed = 0;
        do {
            t.seed(++seed);
        } while (!t.nextAxes().leftRight && seed < 1000);
        TileGrid bare = DungeonFixtures.grid(
                "WWWWWWW",
                "W.M...W",
                "W.....D",
                "W.....W",
                "W.....W",
                "W.....W",
                "WWWWWWW");
        t.want(new PromptParser.Asked(new int[] {FeatureSet.ANY}, java.util.Map.of()));
        t.pins(tok, 1, 24);
        assertEquals(-1, t.designMissesDecided(bare.slice(0, 3)), "the middle column is still to come");
        assertEquals(1, t.designMissesDecided(bare.slice(0, 4)), "bare on the left, so bare mirrored");
        assertEquals(0, t.designMissesDecided(pillars.slice(0, 4)));
        t.append(pillars);
        do {
            t.seed(++seed); // the next room's axes are drawn anew
        } while (!t.nextAxes().leftRight);
        t.want(new PromptParser.Asked(new int[] {FeatureSet.ANY}, java.util.Map.of()));
        t.pins(tok, 1, 24);
        assertEquals(1, t.designMissesDecided(pillars.slice(0, 4)), "the left half of a room made before, mirrored, is that room");
        t.pins(tok, 24, 24);
        assertEquals(-1, t.designMissesDecided(pillars.slice(0, 6)), "a room drawn free is not decided before its end");
    }
}
