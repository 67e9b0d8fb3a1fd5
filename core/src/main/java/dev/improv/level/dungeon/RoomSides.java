package dev.improv.level.dungeon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.improv.level.Legend;
import dev.improv.level.TileGrid;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A top-down game's room shape, learnt from its corpus: room size, wall thickness, and per side the
 * most common wall band with a door and without one. The generator pins these bands where a door
 * must (or must not) be, so neighbouring rooms line up by construction.
 */
public final class RoomSides {
    private final int rows;
    private final int columns;
    private final int wall;
    private final Map<Side, RoomBand> door = new EnumMap<>(Side.class);
    private final Map<Side, RoomBand> plain = new EnumMap<>(Side.class);
    /** Layouts ({@link RoomInterior#layout}) of the corpus rooms that are not bare, mirrors included; sorted. */
    private final java.util.SortedSet<String> layouts = new java.util.TreeSet<>();
    /** How many corpus rooms that are not bare are mirrored each way ({@link RoomMirror.Axes}); all 0 when unknown. */
    private final Map<RoomMirror.Axes, Integer> mirrored = new EnumMap<>(RoomMirror.Axes.class);

    private RoomSides(int rows, int columns, int wall) {
        if (wall < 1 || 2 * wall >= Math.min(rows, columns)) {
            throw new IllegalArgumentException("a wall " + wall + " thick does not fit a " + rows + " x " + columns + " room");
        }
        this.rows = rows;
        this.columns = columns;
        this.wall = wall;
    }

    /** Learns the bands from corpus rooms; every side must show a door at least once. */
    public static RoomSides learn(List<TileGrid> rooms, int wall, Legend legend) {
        if (rooms.isEmpty()) {
            throw new IllegalArgumentException("no rooms to learn room sides from");
        }
        RoomSides s = new RoomSides(rooms.get(0).rows(), rooms.get(0).columns(), wall);
        for (Side side : Side.values()) {
            Map<String, Integer> doors = new HashMap<>();
            Map<String, Integer> walls = new HashMap<>();
            Map<String, RoomBand> bands = new HashMap<>();
            for (TileGrid room : rooms) {
                RoomBand b = RoomBand.of(room, side, wall);
                String key = String.join("\n", b.text());
                bands.putIfAbsent(key, b);
                (b.hasDoor(legend) ? doors : walls).merge(key, 1, Integer::sum);
            }
            if (doors.isEmpty() || walls.isEmpty()) {
                throw new IllegalArgumentException("no room of the corpus has " + (doors.isEmpty() ? "a door" : "a plain wall")
                        + " on its " + side.name().toLowerCase() + " side");
            }
            s.door.put(side, bands.get(mostCommon(doors)));
            s.plain.put(side, bands.get(mostCommon(walls)));
        }
        RoomInterior interior = new RoomInterior(legend, wall);
        for (TileGrid room : rooms) {
            if (!interior.bare(room)) {
                s.layouts.add(interior.layout(room));
                s.mirrored.merge(interior.axes(room), 1, Integer::sum);
            }
        }
        return s;
    }

    /**
     * How a new room is mirrored, drawn with the corpus's shares ({@code u} uniform in [0, 1)): the
     * VGLC Zelda rooms that are not bare are mirrored both ways (50 %), top-bottom or left-right only
     * (20 % each) or not at all (10 %). NONE for a model that did not learn it.
     */
    RoomMirror.Axes drawAxes(double u) {
        int total = mirrored.values().stream().mapToInt(Integer::intValue).sum();
        double at = 0;
        for (RoomMirror.Axes a : RoomMirror.Axes.values()) {
            at += total == 0 ? 0 : (double) mirrored.getOrDefault(a, 0) / total;
            if (u < at) {
                return a;
            }
        }
        return RoomMirror.Axes.NONE;
    }

    /**
     * The layouts of the corpus's rooms that are not bare ({@link RoomInterior#layout}: inside the walls,
     * enemies aside), mirrors included: a generated room with one of them copies a designer's room.
     */
    public java.util.Set<String> layouts() {
        return java.util.Collections.unmodifiableSet(layouts);
    }

    private static String mostCommon(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Wall thickness in tiles. */
    public int wall() {
        return wall;
    }

    /** The corpus's usual band with a door on {@code side}. */
    public RoomBand door(Side side) {
        return door.get(side);
    }

    /** The corpus's usual band without a door on {@code side}. */
    public RoomBand plain(Side side) {
        return plain.get(side);
    }

    /** The metadata form read by {@link #fromJson}. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("rows", rows);
        n.put("columns", columns);
        n.put("wall", wall);
        for (Side side : Side.values()) {
            ObjectNode o = n.putObject(side.name().toLowerCase());
            for (String row : door.get(side).text()) {
                o.withArray("door").add(row);
            }
            for (String row : plain.get(side).text()) {
                o.withArray("plain").add(row);
            }
        }
        layouts.forEach(n.putArray("layouts")::add);
        ObjectNode m = n.putObject("mirrored");
        for (RoomMirror.Axes a : RoomMirror.Axes.values()) {
            m.put(a.name().toLowerCase(java.util.Locale.ROOT), mirrored.getOrDefault(a, 0));
        }
        return n;
    }

    /** Reads the metadata form; a missing or misshapen field is named. */
    public static RoomSides fromJson(JsonNode n) {
        for (String f : new String[] {"rows", "columns", "wall"}) {
            if (!n.path(f).canConvertToInt()) {
                throw new IllegalArgumentException("field \"rooms." + f + "\" (an integer) is missing");
            }
        }
        RoomSides s = new RoomSides(n.get("rows").asInt(), n.get("columns").asInt(), n.get("wall").asInt());
        for (Side side : Side.values()) {
            String name = side.name().toLowerCase();
            s.door.put(side, band(n.path(name).path("door"), side, s, "rooms." + name + ".door"));
            s.plain.put(side, band(n.path(name).path("plain"), side, s, "rooms." + name + ".plain"));
        }
        int inside = (s.rows - 2 * s.wall) * (s.columns - 2 * s.wall);
        for (JsonNode layout : n.path("layouts")) { // optional: models trained before it have none
            if (!layout.isTextual() || layout.asText().length() != inside) {
                throw new IllegalArgumentException("field \"rooms.layouts\" must hold strings of " + inside
                        + " tiles (the cells inside the walls), got " + layout);
            }
            s.layouts.add(layout.asText());
        }
        for (RoomMirror.Axes a : RoomMirror.Axes.values()) { // optional too
            JsonNode count = n.path("mirrored").path(a.name().toLowerCase(java.util.Locale.ROOT));
            if (!count.isMissingNode() && (!count.canConvertToInt() || count.asInt() < 0)) {
                throw new IllegalArgumentException("field \"rooms.mirrored." + a.name().toLowerCase(java.util.Locale.ROOT)
                        + "\" must be a count of rooms, got " + count);
            }
            s.mirrored.put(a, count.asInt(0));
        }
        return s;
    }

    private static RoomBand band(JsonNode rows, Side side, RoomSides s, String field) {
        int along = side.vertical() ? s.rows : s.columns;
        if (!rows.isArray() || rows.size() != s.wall) {
            throw new IllegalArgumentException("field \"" + field + "\" must be " + s.wall + " strings");
        }
        char[][] layers = new char[s.wall][];
        for (int k = 0; k < s.wall; k++) {
            String t = rows.get(k).asText();
            if (t.length() != along) {
                throw new IllegalArgumentException("field \"" + field + "\"[" + k + "] must be " + along + " tiles, got " + t.length());
            }
            layers[k] = t.toCharArray();
        }
        return new RoomBand(side, layers);
    }
}
