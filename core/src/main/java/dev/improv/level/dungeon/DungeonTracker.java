package dev.improv.level.dungeon;

import dev.improv.level.CheapestPath;
import dev.improv.level.ChunkCheck;
import dev.improv.level.FeatureSet;
import dev.improv.level.FeatureSpec;
import dev.improv.level.Legend;
import dev.improv.level.LevelTokenizer;
import dev.improv.level.PromptParser;
import dev.improv.level.TileGrid;
import dev.improv.model.LogitConstraint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays rooms out row by row, {@code roomsPerRow} wide, and keeps the dungeon playable after every room.
 *
 * <p>Each new room's west and north wall bands are pinned to mirror its neighbours' east and south
 * bands, so doors line up; the dungeon's outer sides are plain wall. Every room is reachable from the
 * entrance (room 0) because each room is forced a door its not-yet-made neighbour will need: a room
 * opens east when the room to its east would have no door from the north, and the first room of a
 * row opens south (unless the row is the last). Other doors are the model's choice, unless the prompt
 * asks for doors on given sides or a number of doors: then the sides still free (east, south) are
 * pinned open or closed to meet it, when the sides already decided allow it. A whole dungeon made at
 * once can be given a {@link DoorPlan} instead, which decides every room's four sides before the first
 * room is drawn, so the asks of a room are met on its west and north sides too. Inside, a room must
 * pass {@link RoomCheck} from the doors it is entered by.
 */
public final class DungeonTracker implements ChunkCheck {
    private final RoomSides sides;
    private final Legend legend;
    private final RoomCheck check;
    private int roomsPerRow;
    private boolean lastRow;
    private final List<TileGrid> rooms = new ArrayList<>(); // the last roomsPerRow rooms at most
    private int made;
    private Map<Side, RoomBand> pinned;
    /** The game's feature counting door groups and its index among the prompt's features; -1: none. */
    private final FeatureSpec doors;
    private final int doorsIndex;
    private int wantedDoors = FeatureSet.ANY;
    private Map<Side, Boolean> wantedSides = Map.of();
    /** Every room's doors, when the whole dungeon was planned; null: decided room by room. */
    private DoorPlan plan;
    private final RoomInterior interior;
    /** Count features of furniture (not entities, not doors), whose "none" together asks for a bare room. */
    private final List<Integer> furnitureFeatures = new ArrayList<>();
    private boolean bareAsked;
    /** Layouts of the rooms made since the last reset that are not bare. */
    private final Set<String> layouts = new HashSet<>();
    /** Draws each room's mirror axes ({@link #seed}). */
    private long seed;
    /** How the sample being decoded is mirrored (set by {@link #pins} for each sample). */
    private RoomMirror.Axes sampleAxes = RoomMirror.Axes.NONE;

    /** A tracker whose doors are left to the model and the layout (no door feature). */
    public DungeonTracker(RoomSides sides, Legend legend, int roomsPerRow) {
        this(sides, legend, roomsPerRow, null);
    }

    /** A tracker that also pins free sides to meet a prompt's door level ({@code features}: the model's, or null). */
    public DungeonTracker(RoomSides sides, Legend legend, int roomsPerRow, FeatureSet features) {
        this.sides = sides;
        this.legend = legend;
        this.check = new RoomCheck(legend);
        int index = -1;
        for (int i = 0; features != null && i < features.size() && index < 0; i++) {
            FeatureSpec f = features.specs().get(i);
            if (f.kind().equals("groups") && f.tags().contains("door")) {
                index = i;
            }
        }
        this.doorsIndex = index;
        this.doors = index < 0 ? null : features.specs().get(index);
        this.interior = new RoomInterior(legend, sides.wall());
        for (int i = 0; features != null && i < features.size(); i++) {
            FeatureSpec f = features.specs().get(i);
            if (i != index && f.kind().equals("count") && !countsEntities(f, legend)) {
                furnitureFeatures.add(i);
            }
        }
        roomsPerRow(roomsPerRow);
    }

    private static boolean countsEntities(FeatureSpec f, Legend legend) {
        for (char t : legend.tiles()) {
            for (String tag : f.tags()) {
                if (legend.hasTag(t, tag) && legend.hasTag(t, "entity")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void want(PromptParser.Asked asked) {
        int[] levels = asked.levels();
        // a bare room is what the prompt asks for only when it asks for none of every kind of furniture
        bareAsked = !furnitureFeatures.isEmpty();
        for (int f : furnitureFeatures) {
            bareAsked &= f < levels.length && levels[f] == 0;
        }
        int w = doorsIndex < 0 || doorsIndex >= levels.length ? FeatureSet.ANY : levels[doorsIndex];
        if (w != wantedDoors || !asked.doorSides().equals(wantedSides)) {
            wantedDoors = w;
            wantedSides = asked.doorSides();
            pinned = null;
        }
    }

    /** Lays the rooms from now on (until {@link #reset}) out by {@code plan}, which must be as wide as the rows. */
    public void plan(DoorPlan plan) {
        if (plan != null && plan.wide() != roomsPerRow) {
            throw new IllegalArgumentException("a plan " + plan.wide() + " rooms wide for rows of " + roomsPerRow);
        }
        this.plan = plan;
        this.pinned = null;
    }

    /**
     * Makes the next room the one at {@code index} (row by row) of the planned dungeon, for redrawing
     * one room of a finished dungeon; a plan must be set ({@link #plan}), since the rooms before it are
     * not kept here.
     */
    public void startAt(int index) {
        if (plan == null || index < 0 || index >= plan.rooms()) {
            throw new IllegalArgumentException(plan == null ? "a room is redrawn in a planned dungeon only"
                    : "room " + index + " is not in a dungeon of " + plan.rooms() + " rooms");
        }
        rooms.clear();
        made = index;
        pinned = null;
    }

    /** The seed of the level (from {@code LevelGenerator.reset}): each room's mirror axes are drawn from it and the room's index. */
    public void seed(long value) {
        this.seed = value;
        this.pinned = null;
    }

    /** How the next room is mirrored: drawn with the corpus's shares, the same for every sample of the room. */
    RoomMirror.Axes nextAxes() {
        long bits = dev.improv.api.Seeds.mix(seed, 0x5EA1L + made);
        return sides.drawAxes((bits >>> 11) * 0x1.0p-53);
    }

    /** The room shape this tracker lays out. */
    public RoomSides sides() {
        return sides;
    }

    /** The door level (of the prompt's door feature) of a room with doors on {@code open} only; ANY without that feature. */
    public int doorLevel(Set<Side> open) {
        if (doors == null) {
            return FeatureSet.ANY;
        }
        TileGrid bands = TileGrid.filled(sides.rows(), sides.columns(), '\0');
        for (Side s : Side.values()) {
            bands = (open.contains(s) ? sides.door(s) : sides.plain(s)).paint(bands);
        }
        return doors.level(doors.measure(bands, legend));
    }

    /** Sets the dungeon's width in rooms (takes effect from the next row laid out after a reset). */
    public void roomsPerRow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a dungeon row needs at least one room, got " + n);
        }
        this.roomsPerRow = n;
        this.pinned = null;
    }

    /** Whether rooms from now on are in the dungeon's last row (no doors south). */
    public void lastRow(boolean value) {
        this.lastRow = value;
        this.pinned = null;
    }

    /** Rooms made since the last reset. */
    public int rooms() {
        return made;
    }

    /** Row and column (in rooms) of the next room. */
    public int[] nextPosition() {
        return new int[] {made / roomsPerRow, made % roomsPerRow};
    }

    @Override
    public void reset() {
        rooms.clear();
        layouts.clear();
        made = 0;
        lastRow = false;
        pinned = null;
        plan = null;
    }

    private TileGrid neighbour(int back) {
        return back <= rooms.size() ? rooms.get(rooms.size() - back) : null;
    }

    /** The bands the next room must have, by side (a side left out is the model's choice). */
    Map<Side, RoomBand> pinnedBands() {
        if (pinned != null) {
            return pinned;
        }
        int row = made / roomsPerRow;
        int col = made % roomsPerRow;
        int w = sides.wall();
        Map<Side, RoomBand> p = new EnumMap<>(Side.class);
        if (plan != null && made < plan.rooms()) {
            for (Side s : Side.values()) { // the neighbours made by the plan have its bands too
                p.put(s, plan.open(made, s) ? sides.door(s) : sides.plain(s));
            }
            pinned = p;
            return p;
        }
        p.put(Side.WEST, col == 0 ? sides.plain(Side.WEST) : RoomBand.of(neighbour(1), Side.EAST, w).on(Side.WEST));
        p.put(Side.NORTH, row == 0 ? sides.plain(Side.NORTH) : RoomBand.of(neighbour(roomsPerRow), Side.SOUTH, w).on(Side.NORTH));
        if (col == roomsPerRow - 1) {
            p.put(Side.EAST, sides.plain(Side.EAST));
        } else {
            // the room east of this one is entered from the north only if the room above it opened south
            TileGrid aboveEast = row == 0 ? null : neighbour(roomsPerRow - 1);
            if (aboveEast == null || !RoomBand.of(aboveEast, Side.SOUTH, w).hasDoor(legend)) {
                p.put(Side.EAST, sides.door(Side.EAST));
            }
        }
        if (lastRow) {
            p.put(Side.SOUTH, sides.plain(Side.SOUTH));
        } else if (col == 0) {
            p.put(Side.SOUTH, sides.door(Side.SOUTH));
        }
        for (Map.Entry<Side, Boolean> ask : wantedSides.entrySet()) {
            p.putIfAbsent(ask.getKey(), ask.getValue() ? sides.door(ask.getKey()) : sides.plain(ask.getKey()));
        }
        if (wantedDoors != FeatureSet.ANY) {
            pinDoorCount(p);
        }
        pinned = p;
        return p;
    }

    /**
     * Pins the free sides (east, south: those the layout leaves to the model) open or closed so that
     * the room's door groups, counted as the prompt's feature counts them, are at the level asked:
     * the first of closed-closed, open-closed, closed-open, open-open that is; none pinned if none is.
     */
    private void pinDoorCount(Map<Side, RoomBand> p) {
        List<Side> free = new ArrayList<>();
        for (Side s : new Side[] {Side.EAST, Side.SOUTH}) {
            if (!p.containsKey(s)) {
                free.add(s);
            }
        }
        for (int choice = 0; choice < 1 << free.size(); choice++) {
            Map<Side, RoomBand> with = new EnumMap<>(p);
            for (int k = 0; k < free.size(); k++) {
                Side s = free.get(k);
                with.put(s, (choice >> k & 1) == 1 ? sides.door(s) : sides.plain(s));
            }
            TileGrid bands = TileGrid.filled(sides.rows(), sides.columns(), '\0');
            for (RoomBand b : with.values()) {
                bands = b.paint(bands);
            }
            if (doors.level(doors.measure(bands, legend)) == wantedDoors) {
                p.putAll(with);
                return;
            }
        }
    }

    /**
     * The room's pinned bands and the floor behind their doors; for the first half of the attempts the
     * room is also mirrored ({@link #nextAxes}), then drawn free: a prompt's features, the doors and
     * the room check together are not always possible in a mirrored room (mirrored through all 24
     * samples, 46 % of the rooms of eight feature prompts ended in a repair, against 23 % unmirrored).
     */
    @Override
    public LogitConstraint pins(LevelTokenizer tokenizer, int attempt, int attempts) {
        char[][] cells = new char[sides.rows()][sides.columns()];
        TileGrid blank = TileGrid.filled(sides.rows(), sides.columns(), '\0');
        for (RoomBand b : pinnedBands().values()) {
            blank = b.paint(blank);
        }
        for (int r = 0; r < sides.rows(); r++) {
            for (int c = 0; c < sides.columns(); c++) {
                cells[r][c] = blank.at(r, c);
            }
        }
        // a pinned door opens onto floor: the tile right behind it, inside the walls, is the empty tile,
        // and so are the cells mirroring it, so the mirror and the pins agree
        int w = sides.wall();
        int rows = sides.rows();
        int cols = sides.columns();
        RoomMirror.Axes axes = attempt <= attempts / 2 ? nextAxes() : RoomMirror.Axes.NONE;
        sampleAxes = axes;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (cells[r][c] == '\0' || !legend.hasTag(cells[r][c], "door")) {
                    continue;
                }
                for (int[] n : new int[][] {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}}) {
                    if (n[0] >= w && n[1] >= w && n[0] < rows - w && n[1] < cols - w) {
                        for (int[] m : new int[][] {{n[0], n[1]}, {n[0], cols - 1 - n[1]}, {rows - 1 - n[0], n[1]},
                                {rows - 1 - n[0], cols - 1 - n[1]}}) {
                            boolean mirrorsIt = (m[1] == n[1] || axes.leftRight) && (m[0] == n[0] || axes.topBottom);
                            if (mirrorsIt) {
                                cells[m[0]][m[1]] = legend.empty();
                            }
                        }
                    }
                }
            }
        }
        return new RoomPins(tokenizer, cells).and(new RoomMirror(tokenizer, legend, axes, rows, cols, w));
    }

    @Override
    public String problem(TileGrid room) {
        if (room.rows() != sides.rows() || room.columns() != sides.columns()) {
            return "a room is " + sides.rows() + " x " + sides.columns() + " tiles, got " + room.rows() + " x " + room.columns();
        }
        for (Map.Entry<Side, RoomBand> e : pinnedBands().entrySet()) {
            RoomBand have = RoomBand.of(room, e.getKey(), sides.wall());
            if (!java.util.Arrays.deepEquals(have.layers(), e.getValue().layers())) {
                return e.getKey().name().toLowerCase() + " wall does not match " + (e.getKey() == Side.WEST || e.getKey() == Side.NORTH
                        ? "the neighbouring room's doors" : "the doors the dungeon needs there");
            }
        }
        List<Integer> entries = entries(room);
        if (made > 0 && entries.isEmpty()) {
            return plan == null ? "the room has no door to a room made before it" : "the room has no door";
        }
        return check.problem(room, entries);
    }

    /**
     * The door cells the player comes in by: those facing rooms made before, which are all reached from
     * the entrance. In a planned dungeon a room made before may itself be reached only through rooms made
     * after it, so there the player comes in by one door (the first side with one, from the west round)
     * and every other door must be reached from it: the plan's connections then hold inside every room.
     */
    private List<Integer> entries(TileGrid room) {
        List<Integer> entries = new ArrayList<>();
        if (plan != null) {
            for (Side s : new Side[] {Side.WEST, Side.NORTH, Side.EAST, Side.SOUTH}) {
                if (made > 0 && entries.isEmpty() && pinnedBands().get(s).hasDoor(legend)) {
                    entries.addAll(doorCells(room, s));
                }
            }
            return entries;
        }
        for (Side entry : new Side[] {Side.WEST, Side.NORTH}) {
            boolean fromNeighbour = entry == Side.WEST ? made % roomsPerRow > 0 : made >= roomsPerRow;
            if (fromNeighbour && pinnedBands().get(entry).hasDoor(legend)) {
                entries.addAll(doorCells(room, entry));
            }
        }
        return entries;
    }

    /**
     * Turns the tiles right behind a door that opens onto water or a block into floor, then opens the
     * cheapest way (fewest blocking tiles inside the walls turned to floor) from the cells the player
     * reaches to each door, stair, key or goal they do not, and to more of the room's floor while the
     * player reaches less than half of it; walls and the bands stay.
     */
    private TileGrid carve(TileGrid room) {
        int rows = room.rows();
        int cols = room.columns();
        int w = sides.wall();
        List<Integer> entries = entries(room);
        if (entries.isEmpty()) {
            int start = check.entrance(room);
            if (start < 0) {
                return room;
            }
            entries.add(start);
        }
        TileGrid out = room;
        // a door onto water or a block: the tiles right behind it, inside the walls, become floor
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!legend.hasTag(out.at(r, c), "door")) {
                    continue;
                }
                for (int[] n : new int[][] {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}}) {
                    boolean inside = n[0] >= w && n[1] >= w && n[0] < rows - w && n[1] < cols - w;
                    if (inside && !check.walkable(out.at(n[0], n[1])) && !legend.hasTag(out.at(n[0], n[1]), "door")) {
                        out = out.with(n[0], n[1], legend.empty());
                    }
                }
            }
        }
        for (int round = 0; round < rows * cols && check.problem(out, entries) != null; round++) {
            boolean[] seen = check.reach(out, entries);
            // once every door and stair is reached but the player is still short of floor (the doors open
            // onto a sliver walled in by water or blocks), the way to any walkable tile not reached is opened
            boolean targetsLeft = false;
            for (int i = 0; i < seen.length; i++) {
                targetsLeft |= !seen[i] && isTarget(out.at(i / cols, i % cols));
            }
            boolean shortOfFloor = !targetsLeft && !RoomCheck.enoughFloor(check.floorReached(out, seen, 0, cols));
            // the cheapest way from every reached cell: walkable cells cost 0, blocking cells inside the walls 1
            TileGrid now = out;
            int[] path = CheapestPath.find(rows, cols, seen, j -> {
                char t = now.at(j / cols, j % cols);
                return isTarget(t) || shortOfFloor && check.walkable(t);
            }, j -> {
                char t = now.at(j / cols, j % cols);
                int r = j / cols;
                int c = j % cols;
                boolean inside = r >= w && c >= w && r < rows - w && c < cols - w;
                boolean open = check.walkable(t) || legend.hasTag(t, "door");
                return open ? 0 : inside ? 1 : -1;
            });
            if (path == null) {
                return out;
            }
            for (int k : path) {
                char t = out.at(k / cols, k % cols);
                if (!check.walkable(t) && !legend.hasTag(t, "door")) {
                    out = out.with(k / cols, k % cols, legend.empty());
                }
            }
        }
        return out;
    }

    private boolean isTarget(char t) {
        return legend.hasTag(t, "door") || legend.hasTag(t, "stair") || legend.hasTag(t, "key") || legend.hasTag(t, "goal");
    }

    /** Walkable door cells of the band on {@code side}. */
    private List<Integer> doorCells(TileGrid room, Side side) {
        List<Integer> out = new ArrayList<>();
        int along = side.vertical() ? room.rows() : room.columns();
        for (int k = 0; k < sides.wall(); k++) {
            for (int i = 0; i < along; i++) {
                int[] rc = RoomBand.cell(room.rows(), room.columns(), side, k, i);
                char t = room.at(rc[0], rc[1]);
                if (legend.hasTag(t, "door") && check.walkable(t)) {
                    out.add(rc[0] * room.columns() + rc[1]);
                }
            }
        }
        return out;
    }

    /**
     * One for a bare room (empty floor, perhaps enemies) unless the prompt asked for no furniture at
     * all; one for a room laid out as a room already in this dungeon or a room of the corpus (enemies
     * aside: a copy of a designer's room with its enemies moved is still a copy). Rooms whose prompt
     * is silent on their contents came out barer than Nintendo's (33 % against 22 %) and repeated the
     * corpus's empty room with its four enemies.
     */
    @Override
    public int designMisses(TileGrid candidate) {
        if (interior.bare(candidate)) {
            return bareAsked ? 0 : 1;
        }
        String layout = interior.layout(candidate);
        return layouts.contains(layout) || sides.layouts().contains(layout) ? 1 : 0;
    }

    /**
     * A room mirrored left-right has its inside decided once the columns decoded reach past its middle
     * ({@link RoomMirror} copies each later column from the one it mirrors, floor and enemies as one,
     * which neither bareness nor a layout tells apart): its design misses are those of the left half
     * mirrored. -1 before then, or for a room drawn otherwise.
     */
    @Override
    public int designMissesDecided(TileGrid partial) {
        int cols = sides.columns();
        int known = partial.columns();
        if (!sampleAxes.leftRight || partial.rows() != sides.rows() || known >= cols || cols - 1 - known >= known) {
            return -1;
        }
        List<char[]> columns = new ArrayList<>(cols);
        for (int c = 0; c < cols; c++) {
            columns.add(partial.column(c < known ? c : cols - 1 - c));
        }
        return designMisses(TileGrid.ofColumns(columns, sides.rows()));
    }

    /**
     * An asked west or north side that the built neighbour there decided otherwise (rooms made one by
     * one, with no plan): that neighbour is already in the game, so its wall stands and the ask cannot
     * be met. A planned dungeon decides every side before its first room, so nothing is impossible there.
     */
    @Override
    public String impossible(PromptParser.Asked asked) {
        if (plan != null && made < plan.rooms()) {
            return null;
        }
        int col = made % roomsPerRow;
        int row = made / roomsPerRow;
        for (Map.Entry<Side, Boolean> ask : asked.doorSides().entrySet()) {
            Side s = ask.getKey();
            TileGrid built = s == Side.WEST && col > 0 ? neighbour(1) : s == Side.NORTH && row > 0 ? neighbour(roomsPerRow) : null;
            boolean outer = s == Side.WEST && col == 0 || s == Side.NORTH && row == 0;
            if (outer && ask.getValue()) {
                return "door " + s.name().toLowerCase() + " asked, but room " + made + " is on the dungeon's "
                        + s.name().toLowerCase() + " edge";
            }
            if (built != null && RoomBand.of(built, s.opposite(), sides.wall()).hasDoor(legend) != ask.getValue()) {
                int at = s == Side.WEST ? made - 1 : made - roomsPerRow;
                return (ask.getValue() ? "door " : "no door ") + s.name().toLowerCase() + " asked, but room " + at + " to the "
                        + s.name().toLowerCase() + " was built " + (ask.getValue() ? "without" : "with") + " a door on its "
                        + s.opposite().name().toLowerCase() + " side";
            }
        }
        return null;
    }

    /** Forgets the last room appended (a streamed room the game replaced with its own, see {@code LevelGenerator.placeRoom}). */
    public void dropLast() {
        if (rooms.isEmpty()) {
            throw new IllegalStateException("no room to drop");
        }
        TileGrid last = rooms.remove(rooms.size() - 1);
        if (!interior.bare(last)) {
            layouts.remove(interior.layout(last)); // a repeated layout is drawn again, so the room had it alone (or no sample had another)
        }
        made--;
        pinned = null;
    }

    @Override
    public void append(TileGrid room) {
        if (!interior.bare(room)) {
            layouts.add(interior.layout(room));
        }
        rooms.add(room);
        if (rooms.size() > roomsPerRow) {
            rooms.remove(0);
        }
        made++;
        pinned = null;
    }

    /**
     * In order: the candidate with its pinned bands painted and the fewest blocking tiles inside the
     * walls turned to floor to open a way to each unreachable door or stair (the room keeps its look);
     * the candidate with every blocking tile inside the walls turned to floor; a bare room (pinned
     * bands, plain walls, floor).
     */
    @Override
    public List<TileGrid> repairs(TileGrid candidate, int columns) {
        List<TileGrid> out = new ArrayList<>();
        char floor = legend.empty();
        if (candidate != null && candidate.rows() == sides.rows() && candidate.columns() == sides.columns()) {
            TileGrid pinnedCandidate = candidate;
            for (RoomBand b : pinnedBands().values()) {
                pinnedCandidate = b.paint(pinnedCandidate);
            }
            out.add(carve(pinnedCandidate));
            TileGrid cleared = candidate;
            int w = sides.wall();
            for (int r = w; r < sides.rows() - w; r++) {
                for (int c = w; c < sides.columns() - w; c++) {
                    if (!check.walkable(cleared.at(r, c))) {
                        cleared = cleared.with(r, c, floor);
                    }
                }
            }
            for (RoomBand b : pinnedBands().values()) {
                cleared = b.paint(cleared);
            }
            out.add(cleared);
        }
        TileGrid bare = TileGrid.filled(sides.rows(), sides.columns(), floor);
        for (Side s : Side.values()) {
            bare = sides.plain(s).paint(bare);
        }
        for (RoomBand b : pinnedBands().values()) {
            bare = b.paint(bare);
        }
        out.add(bare);
        return out;
    }
}
