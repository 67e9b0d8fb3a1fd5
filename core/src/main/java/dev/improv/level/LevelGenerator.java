package dev.improv.level;

import dev.improv.api.Seeds;
import dev.improv.level.dungeon.DoorPlan;
import dev.improv.level.dungeon.DungeonTracker;
import dev.improv.level.dungeon.RoomBand;
import dev.improv.level.dungeon.RoomSides;
import dev.improv.level.dungeon.Side;
import dev.improv.model.LogitConstraint;
import dev.improv.model.NoAllowedTokenException;
import dev.improv.model.TokenStream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a level chunk by chunk, each continuing the one before, each checked before it is emitted.
 *
 * <p>For every chunk it samples up to {@code attempts} candidates under a {@link ColumnConstraint}, a
 * {@link FeatureConstraint} and the cells the game's {@link ChunkCheck} pins (a room's doors facing its
 * neighbours), rewinding the token stream between tries, and keeps the first that the check accepts in
 * the context of everything before it (platformers: the {@link PlayabilityAgent} crosses it with flat
 * ground after it; top-down games: the room's doors line up and are reachable) and that matches the
 * requested features. If none does, it takes the accepted candidate closest to the request; if none
 * is accepted, it tries the check's repairs (fill gaps, flat ground; clear a room's blocked floor, a
 * bare room). It never emits a chunk the check rejects: if even the repairs fail it throws
 * {@link IllegalStateException} saying why.
 *
 * <p>Not thread-safe: one generator per stream, on a thread that is not the render thread.
 */
public final class LevelGenerator implements AutoCloseable {
    /** A missed prompt feature counts more than every design miss of a sample together ({@link ChunkCheck#designMisses}). */
    private static final int FEATURE_WEIGHT = ChunkCheck.MAX_DESIGN_MISSES + 1;

    private final LevelModel model;
    private final LevelSpec spec;
    private final LevelTokenizer tokenizer;
    private final GeneratorSettings settings;
    /** The corpus tile pairs narrowed by the game's standsOn: what every column is decoded under. */
    private final TileRules tileRules;
    private final ColumnConstraint constraint;
    private final ChunkCheck check;
    private final PromptParser parser;
    private final Map<String, PromptParser.Asked> parsed = new HashMap<>();
    private TokenStream stream;
    private int chunks;
    private int columns;
    private long sampled;
    private long made;
    private long repairs;
    /** History index of the last emitted chunk's CHUNK token, or -1. */
    private int lastChunkStart;
    /** While a chunk is redrawn in place ({@link #replaceChunk}): the columns after it, which every candidate must lead into. */
    private TileGrid following;

    LevelGenerator(LevelModel model, GeneratorSettings settings, long seed) {
        this.model = model;
        this.spec = model.spec();
        this.tokenizer = spec.tokenizer();
        this.settings = settings;
        this.tileRules = spec.decodingRules();
        this.constraint = new ColumnConstraint(tokenizer, spec.rules(), spec.standing(), spec.legend(),
                NeighbourPrior.of(spec.rules(), NeighbourPrior.STRENGTH));
        this.parser = new PromptParser(spec.features());
        this.check = spec.newCheck(settings.reachWindow(), settings.roomsPerRow());
        reset(seed);
    }

    /** Starts a new level from scratch with a new seed. */
    public void reset(long seed) {
        if (stream != null) {
            stream.close();
        }
        stream = new TokenStream(model.languageModel().newDecoder(1, settings.parallelDecoder()), settings.sampling(), seed);
        stream.setKeepPrefix(1);
        stream.feed(LevelTokenizer.BOS);
        check.reset();
        if (check instanceof DungeonTracker tracker) {
            tracker.seed(seed);
        }
        chunks = 0;
        columns = 0;
        lastChunkStart = -1;
    }

    /** Columns emitted since the last reset. */
    public int columns() {
        return columns;
    }

    /** Parses a prompt with this model's features; unknown words raise IllegalArgumentException. */
    public int[] parsePrompt(String prompt) {
        return askOf(prompt).levels();
    }

    /** Parses a prompt into feature levels and door sides; unknown words raise IllegalArgumentException. */
    public PromptParser.Asked askOf(String prompt) {
        return parsed.computeIfAbsent(prompt == null ? "" : prompt, parser::ask);
    }

    /**
     * Generates a whole level: resets to the request's seed and emits chunks until it is
     * {@code width} columns wide. For a top-down game a level is a dungeon: rows of
     * {@link GeneratorSettings#roomsPerRow()} rooms, as many rows as make {@code width} columns of
     * rooms (at least one), stacked as in VGLC's maps.
     */
    public TileGrid generate(LevelRequest request) {
        parsePrompt(request.prompt()); // fail before any work
        int chunk = tokenizer.chunkColumns();
        if (check instanceof DungeonTracker) {
            int perRow = settings.roomsPerRow();
            int roomCount = Math.max(1, (request.width() + chunk - 1) / chunk);
            int rowCount = (roomCount + perRow - 1) / perRow;
            return generateRooms(java.util.Collections.nCopies(rowCount * perRow, request.prompt()), request.seed());
        }
        reset(request.seed());
        check.window(Integer.MAX_VALUE); // a whole level is checked whole: exactly the agent's verdict
        try {
            TileGrid level = null;
            while (columns < request.width()) {
                int n = Math.min(chunk, request.width() - columns);
                TileGrid tiles = nextChunk(new ChunkRequest(request.prompt(), n)).tiles();
                level = level == null ? tiles : level.append(tiles);
            }
            return level;
        } finally {
            check.window(settings.reachWindow());
        }
    }

    /**
     * Generates a whole dungeon with a prompt per room (row by row, {@link GeneratorSettings#roomsPerRow()}
     * to a row): resets to {@code seed}; when any room asks for doors (sides or a number), every room's
     * doors are planned first ({@link DoorPlan}) so those asks hold on all four sides of each room.
     *
     * @throws IllegalArgumentException for a game without rooms, a prompt list that does not fill its rows,
     *                                  or a prompt word the game does not know
     * @throws IllegalStateException    when a room cannot be made
     */
    public TileGrid generateRooms(List<String> roomPrompts, long seed) {
        if (!(check instanceof DungeonTracker dungeon)) {
            throw new IllegalArgumentException(spec.game() + " is not made of rooms");
        }
        int perRow = settings.roomsPerRow();
        if (roomPrompts.isEmpty() || roomPrompts.size() % perRow != 0) {
            throw new IllegalArgumentException("a dungeon " + perRow + " rooms wide needs a prompt for each room of its rows, got "
                    + roomPrompts.size());
        }
        int rowCount = roomPrompts.size() / perRow;
        List<PromptParser.Asked> asks = new ArrayList<>();
        boolean doorsAsked = false;
        int doorFeature = doorFeature();
        for (String p : roomPrompts) {
            PromptParser.Asked a = askOf(p);
            asks.add(a);
            doorsAsked |= !a.doorSides().isEmpty() || doorFeature >= 0 && a.levels()[doorFeature] != FeatureSet.ANY;
        }
        reset(seed);
        if (doorsAsked) {
            int[] levels = new int[asks.size()];
            List<Map<Side, Boolean>> sides = new ArrayList<>();
            for (int i = 0; i < asks.size(); i++) {
                levels[i] = doorFeature < 0 ? FeatureSet.ANY : asks.get(i).levels()[doorFeature];
                sides.add(asks.get(i).doorSides());
            }
            dungeon.plan(DoorPlan.make(perRow, rowCount, sides, levels, dungeon::doorLevel,
                    new java.util.Random(Seeds.mix(seed, 0x0D00A))));
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < rowCount; r++) {
            dungeon.lastRow(r == rowCount - 1);
            TileGrid row = null;
            for (int c = 0; c < perRow; c++) {
                TileGrid room = nextChunk(ChunkRequest.of(roomPrompts.get(r * perRow + c))).tiles();
                row = row == null ? room : row.append(room);
            }
            for (int i = 0; i < row.rows(); i++) {
                rows.add(row.row(i));
            }
        }
        return TileGrid.ofRows(rows);
    }

    /**
     * Reads an existing level into the stream as if this generator had made it, each 16-column chunk
     * under a header of the features it has (as in training), so that the next chunk continues it;
     * call after {@link #reset}. Side-scrolling games only (a dungeon's rooms are laid out in rows).
     *
     * @throws IllegalArgumentException when the level has the wrong height or a tile the game does not have
     */
    public void prime(TileGrid level) {
        if (spec.rooms() != null) {
            throw new IllegalArgumentException("a level to continue or edit must be side-scrolling; " + spec.game()
                    + " is made of rooms");
        }
        if (level.rows() != tokenizer.height()) {
            throw new IllegalArgumentException("a level of " + spec.game() + " has " + tokenizer.height() + " rows, got "
                    + level.rows());
        }
        for (int r = 0; r < level.rows(); r++) {
            for (int c = 0; c < level.columns(); c++) {
                if (tokenizer.tiles().indexOf(level.at(r, c)) < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + ": '" + level.at(r, c)
                            + "' is not a tile of " + spec.game() + " (tiles: " + tokenizer.tiles() + ")");
                }
            }
        }
        int chunk = tokenizer.chunkColumns();
        for (int from = 0; from < level.columns(); from += chunk) {
            feedMade(level.slice(from, Math.min(level.columns(), from + chunk)));
        }
    }

    /** Reads a chunk made elsewhere into the stream and the check as the next chunk, under the header of its features. */
    private void feedMade(TileGrid tiles) {
        slideToLastChunk();
        lastChunkStart = stream.length();
        stream.feed(tokenizer.header(spec.features().levels(tiles, spec.legend())));
        stream.feed(columnTokens(tiles));
        check.append(tiles);
        chunks++;
        columns += tiles.columns();
    }

    /**
     * Puts a room made elsewhere (a game's authored room) into a streamed dungeon: in place of the last
     * room made when {@code replacesLast} (a room that came too late and was dropped), else after it.
     * The rooms after it are drawn as if this generator had made it: their west and north walls mirror
     * its doors, and the model reads it as the room before.
     *
     * @throws IllegalArgumentException for a game without rooms, a room of the wrong size or with a tile
     *                                  the game does not have, or nothing to replace
     */
    public void placeRoom(TileGrid room, boolean replacesLast) {
        if (!(check instanceof DungeonTracker tracker)) {
            throw new IllegalArgumentException(spec.game() + " is not made of rooms");
        }
        RoomSides shape = tracker.sides();
        if (room.rows() != shape.rows() || room.columns() != shape.columns()) {
            throw new IllegalArgumentException("a room of " + spec.game() + " is " + shape.rows() + " x " + shape.columns()
                    + " tiles, got " + room.rows() + " x " + room.columns());
        }
        for (int r = 0; r < room.rows(); r++) {
            for (int c = 0; c < room.columns(); c++) {
                if (tokenizer.tiles().indexOf(room.at(r, c)) < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + ": '" + room.at(r, c)
                            + "' is not a tile of " + spec.game() + " (tiles: " + tokenizer.tiles() + ")");
                }
            }
        }
        if (replacesLast) {
            if (lastChunkStart < 0 || tracker.rooms() == 0) {
                throw new IllegalArgumentException("no room made yet to put a room in place of");
            }
            stream.rewind(lastChunkStart);
            tracker.dropLast();
            chunks--;
            columns -= room.columns();
        }
        feedMade(room);
    }

    /**
     * The level with its chunk {@code index} (16 columns each, counted from 0) drawn again with
     * {@code seed}, every other column kept: the new chunk continues the ones before it (read with
     * {@link #prime}) and must pass the game's check with the columns after it, so the agent can still
     * go on to the end; failing every sample, the check's repairs are tried, as for any chunk.
     *
     * @throws IllegalArgumentException for an index outside the level, or as {@link #prime}
     * @throws IllegalStateException when no chunk that fits can be made
     */
    public TileGrid replaceChunk(TileGrid level, int index, String prompt, long seed) {
        parsePrompt(prompt); // fail before any work
        int chunk = tokenizer.chunkColumns();
        int count = (level.columns() + chunk - 1) / chunk;
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("chunk " + index + " is not in a level of " + count + " chunks (0.."
                    + (count - 1) + ")");
        }
        int start = index * chunk;
        int end = Math.min(level.columns(), start + chunk);
        reset(seed);
        prime(level.slice(0, start));
        following = end < level.columns() ? level.slice(end, level.columns()) : null;
        try {
            TileGrid fresh = nextChunk(new ChunkRequest(prompt, end - start)).tiles();
            TileGrid out = start > 0 ? level.slice(0, start).append(fresh) : fresh;
            return following == null ? out : out.append(following);
        } finally {
            following = null;
        }
    }

    /**
     * The dungeon with its room {@code index} (row by row, from 0) drawn again with {@code seed}, every
     * other room kept: the prompt may ask for doors on given sides ("door north, no door east") or a
     * number of doors, other sides keep the doors they had. A neighbour across a side whose door comes or
     * goes gets its facing wall changed to match, and is repaired (floor opened to the new door) if it
     * then fails the room check; the dungeon stays connected (a door asked away that would cut rooms off
     * stays). The new room is drawn after the room before it, as in a dungeon made in one go.
     *
     * @throws IllegalArgumentException for a map that is not a grid of this game's rooms {@code roomsPerRow}
     *                                  wide, an index outside it, or an unknown prompt word
     * @throws IllegalStateException    when no room that fits can be made
     */
    public TileGrid replaceRoom(TileGrid dungeon, int index, String prompt, long seed) {
        if (!(check instanceof DungeonTracker tracker)) {
            throw new IllegalArgumentException(spec.game() + " is not made of rooms");
        }
        PromptParser.Asked asked = askOf(prompt);
        RoomSides shape = tracker.sides();
        int rr = shape.rows();
        int rc = shape.columns();
        if (dungeon.rows() % rr != 0 || dungeon.columns() % rc != 0 || dungeon.columns() / rc != settings.roomsPerRow()) {
            throw new IllegalArgumentException("a dungeon of " + spec.game() + " here is " + settings.roomsPerRow() + " rooms of "
                    + rr + " x " + rc + " tiles wide, got a map of " + dungeon.rows() + " x " + dungeon.columns() + " tiles");
        }
        int wide = settings.roomsPerRow();
        int high = dungeon.rows() / rr;
        if (index < 0 || index >= wide * high) {
            throw new IllegalArgumentException("room " + index + " is not in a dungeon of " + wide * high + " rooms (0.."
                    + (wide * high - 1) + ")");
        }
        for (int r = 0; r < dungeon.rows(); r++) {
            for (int c = 0; c < dungeon.columns(); c++) {
                if (tokenizer.tiles().indexOf(dungeon.at(r, c)) < 0) {
                    throw new IllegalArgumentException("row " + (r + 1) + ", column " + (c + 1) + ": '" + dungeon.at(r, c)
                            + "' is not a tile of " + spec.game() + " (tiles: " + tokenizer.tiles() + ")");
                }
            }
        }
        List<TileGrid> rooms = new ArrayList<>();
        for (int i = 0; i < wide * high; i++) {
            rooms.add(dungeon.window(i / wide * rr, i % wide * rc, rr, rc));
        }
        // every room asks for the doors it has, but on the sides facing the room redrawn, which asks for its prompt's
        List<Map<Side, Boolean>> sides = new ArrayList<>();
        int[] levels = new int[wide * high];
        java.util.Arrays.fill(levels, FeatureSet.ANY);
        for (int i = 0; i < rooms.size(); i++) {
            Map<Side, Boolean> has = new java.util.EnumMap<>(Side.class);
            for (Side s : Side.values()) {
                int n = DoorPlan.neighbour(i, s, wide, high);
                if (n >= 0 && (n != index || i == index)) {
                    has.put(s, RoomBand.of(rooms.get(i), s, shape.wall()).hasDoor(spec.legend()));
                }
            }
            if (i == index) {
                int doorFeature = doorFeature();
                boolean countAsked = doorFeature >= 0 && asked.levels()[doorFeature] != FeatureSet.ANY;
                if (countAsked) { // a number of doors: the sides not named are the plan's to choose
                    has.clear();
                    levels[i] = asked.levels()[doorFeature];
                }
                has.putAll(asked.doorSides());
            }
            sides.add(has);
        }
        reset(seed);
        DoorPlan plan = DoorPlan.make(wide, high, sides, levels, tracker::doorLevel, new java.util.Random(Seeds.mix(seed, 0x0D00A)));
        tracker.plan(plan);
        if (index > 0) { // the room before, as context, as when the dungeon was made in one go
            TileGrid before = rooms.get(index - 1);
            lastChunkStart = stream.length();
            stream.feed(tokenizer.header(spec.features().levels(before, spec.legend())));
            stream.feed(columnTokens(before));
        }
        tracker.startAt(index);
        rooms.set(index, nextChunk(ChunkRequest.of(prompt)).tiles());
        // other rooms follow: the walls facing the new room mirror it; a door the plan opened or closed
        // elsewhere (to keep every room reached) is changed on both its rooms
        for (int i = 0; i < rooms.size(); i++) {
            if (i == index) {
                continue;
            }
            TileGrid patched = rooms.get(i);
            for (Side s : Side.values()) {
                int n = DoorPlan.neighbour(i, s, wide, high);
                if (n == index) {
                    patched = RoomBand.of(rooms.get(index), s.opposite(), shape.wall()).on(s).paint(patched);
                } else if (n >= 0 && plan.open(i, s) != RoomBand.of(patched, s, shape.wall()).hasDoor(spec.legend())) {
                    patched = (plan.open(i, s) ? shape.door(s) : shape.plain(s)).paint(patched);
                }
            }
            if (patched.equals(rooms.get(i))) {
                continue;
            }
            tracker.startAt(i);
            if (tracker.problem(patched) != null) {
                TileGrid fixed = null;
                for (TileGrid option : tracker.repairs(patched, rc)) {
                    if (fixed == null && tracker.problem(option) == null) {
                        fixed = option;
                    }
                }
                if (fixed == null) {
                    throw new IllegalStateException("room " + i + " cannot take the doors room " + index + " now has: "
                            + tracker.problem(patched));
                }
                patched = fixed;
            }
            rooms.set(i, patched);
        }
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < high; r++) {
            TileGrid row = rooms.get(r * wide);
            for (int c = 1; c < wide; c++) {
                row = row.append(rooms.get(r * wide + c));
            }
            for (int i = 0; i < rr; i++) {
                rows.add(row.row(i));
            }
        }
        return TileGrid.ofRows(rows);
    }

    private int doorFeature() {
        for (int i = 0; i < spec.features().size(); i++) {
            FeatureSpec f = spec.features().specs().get(i);
            if (f.kind().equals("groups") && f.tags().contains("door")) {
                return i;
            }
        }
        return -1;
    }

    /** Why a candidate cannot be the next chunk (in context, and leading into the columns after it when redrawing one), or null. */
    private String problem(TileGrid candidate) {
        return check.problem(following == null ? candidate : candidate.append(following));
    }

    private int[] columnTokens(TileGrid tiles) {
        List<Integer> tokens = new ArrayList<>();
        tokenizer.encodeColumns(tiles, 0, tiles.columns(), tokens);
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The next chunk of the stream, playable in the context of every chunk before it.
     *
     * @throws IllegalStateException when no playable chunk can be made (see {@link #tryNextChunk})
     */
    public Chunk nextChunk(ChunkRequest request) {
        ChunkAttempt attempt = tryNextChunk(request);
        if (attempt instanceof ChunkAttempt.NoChunk no) {
            throw new IllegalStateException(no.reason());
        }
        return (Chunk) attempt;
    }

    /** The next chunk of the stream, or why none playable could be made (the stream then stays as it was). */
    public ChunkAttempt tryNextChunk(ChunkRequest request) {
        int width = request.columns() == ChunkRequest.FULL ? tokenizer.chunkColumns() : request.columns();
        if (width > tokenizer.chunkColumns() || (spec.rooms() != null && width != tokenizer.chunkColumns())) {
            throw new IllegalArgumentException("a chunk of " + spec.game() + " has " + (spec.rooms() != null ? "" : "1 to ")
                    + tokenizer.chunkColumns() + " columns, got " + width);
        }
        PromptParser.Asked asked = askOf(request.prompt());
        String impossible = check.impossible(asked);
        if (impossible != null) {
            return new ChunkAttempt.NoChunk(columns, 0, impossible);
        }
        int[] wanted = asked.levels();
        int[] header = tokenizer.header(wanted);
        slideToLastChunk();
        int mark = stream.length();
        int previousChunkStart = lastChunkStart;
        lastChunkStart = mark;
        int[] bestTokens = null;
        int bestMisses = Integer.MAX_VALUE;
        TileGrid firstCandidate = null;
        FeatureSet features = spec.features();
        FeatureConstraint bounds = new FeatureConstraint(tokenizer, spec.legend(), tileRules, wanted, width);
        LogitConstraint unpinned = bounds.active() ? constraint.and(bounds) : constraint;
        check.want(asked);
        String lastProblem = "every sample ran into a dead end of the tile rules";
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            LogitConstraint pins = check.pins(tokenizer, attempt, settings.attempts());
            LogitConstraint rules = pins == LogitConstraint.NONE ? unpinned : unpinned.and(pins);
            if (attempt > 1) {
                stream.rewind(mark);
            }
            stream.feed(header);
            int body = stream.length();
            TileGrid candidate;
            try {
                // while half the samples remain, one decided to miss the design is stopped: a later one can be the fallback
                boolean stopDesignMiss = spec.rooms() != null && attempt <= settings.attempts() / 2;
                candidate = sampleColumns(width, body, wanted, bestMisses, stopDesignMiss, rules);
            } catch (NoAllowedTokenException e) {
                continue; // a dead end under the tile rules: draw again
            }
            if (candidate == null) {
                continue; // abandoned early: it could no longer beat the best so far
            }
            if (firstCandidate == null) {
                firstCandidate = candidate;
            }
            int[] measured = features.levels(candidate, spec.legend());
            int misses = FEATURE_WEIGHT * features.mismatches(wanted, measured);
            if (misses >= bestMisses) {
                continue;
            }
            String problem = problem(candidate);
            if (problem != null) {
                lastProblem = problem;
                continue;
            }
            misses += check.designMisses(candidate);
            if (misses >= bestMisses) {
                continue;
            }
            if (misses == 0) {
                return emit(candidate, wanted, measured, attempt, false);
            }
            bestMisses = misses;
            bestTokens = stream.tokensSince(body);
        }
        stream.rewind(mark);
        stream.feed(header);
        if (bestTokens != null) {
            stream.feed(bestTokens);
            TileGrid best = tokenizer.decode(bestTokens, bestTokens.length);
            return emit(best, wanted, features.levels(best, spec.legend()), settings.attempts(), false);
        }
        TileGrid repaired = repair(firstCandidate, width);
        if (repaired == null) {
            stream.rewind(mark);
            lastChunkStart = previousChunkStart;
            return new ChunkAttempt.NoChunk(columns, settings.attempts(), "no playable continuation found at column "
                    + columns + " after " + settings.attempts() + " samples and repairs; the last sample's problem: "
                    + lastProblem);
        }
        stream.feed(columnTokens(repaired));
        return emit(repaired, wanted, features.levels(repaired, spec.legend()), settings.attempts(), true);
    }

    /**
     * Samples the columns of one chunk. Every feature measure only grows as columns are added, so once
     * a partial chunk overshoots as many requested levels as the best candidate misses, it is abandoned
     * (returns null) rather than finished; so is one whose first columns decide design misses
     * ({@link ChunkCheck#designMissesDecided}) that, with the overshoot, reach the best's misses, or any
     * design miss when {@code stopDesignMiss}.
     */
    private TileGrid sampleColumns(int count, int body, int[] wanted, int bestMisses, boolean stopDesignMiss,
            LogitConstraint rules) {
        FeatureSet features = spec.features();
        for (int c = 0; c < count; c++) {
            // the chunk's last column must not need a neighbour, so any chunk can follow it
            constraint.closing(c == count - 1);
            int guard = 0;
            while (next(rules) != LevelTokenizer.END_COLUMN) {
                if (++guard > tokenizer.height()) {
                    throw new IllegalStateException("column longer than the model height despite the constraint");
                }
            }
            if ((bestMisses != Integer.MAX_VALUE || stopDesignMiss) && c < count - 1) {
                int[] tokens = stream.tokensSince(body);
                TileGrid partialGrid = tokenizer.decode(tokens, tokens.length);
                int[] partial = features.levels(partialGrid, spec.legend());
                int overshoot = 0;
                for (int f = 0; f < wanted.length; f++) {
                    overshoot += wanted[f] != FeatureSet.ANY && partial[f] > wanted[f] ? 1 : 0;
                }
                int design = Math.max(0, check.designMissesDecided(partialGrid));
                if (FEATURE_WEIGHT * overshoot + design >= bestMisses || design > 0 && stopDesignMiss) {
                    constraint.closing(false);
                    return null;
                }
            }
        }
        constraint.closing(false);
        int[] tokens = stream.tokensSince(body);
        return tokenizer.decode(tokens, tokens.length);
    }

    /**
     * Once the window holds more than half the model's context, restarts it at the last chunk: BOS, then
     * that chunk's header and columns. The model was trained on documents starting at every chunk, so
     * this window is in distribution; it keeps every step's attention short and makes each re-encoding
     * one chunk long, instead of sliding mid-chunk to half the context (which a rewind during
     * resampling would then have to re-encode again).
     */
    private void slideToLastChunk() {
        if (lastChunkStart < 0) {
            return;
        }
        int capacity = model.languageModel().config().context();
        int window = capacity / 2;
        stream.ensureRoom(capacity - window, Math.min(stream.length() - lastChunkStart, window - 1));
    }

    private int next(LogitConstraint rules) {
        sampled++;
        return stream.next(rules);
    }

    /** Chunks made since this generator was made, and how many of them had to be repaired (for evaluations). */
    public long[] chunksAndRepairs() {
        return new long[] {made, repairs};
    }

    /** Tokens sampled since this generator was made, rejected samples included (for benchmarks). */
    public long sampledTokens() {
        return sampled;
    }

    private Chunk emit(TileGrid tiles, int[] wanted, int[] measured, int attempts, boolean repaired) {
        check.append(tiles);
        made++;
        repairs += repaired ? 1 : 0;
        Chunk chunk = new Chunk(chunks++, columns, tiles, wanted, measured, attempts, repaired);
        columns += tiles.columns();
        return chunk;
    }

    /** The first of the check's repairs that passes it, or null if none does. */
    private TileGrid repair(TileGrid candidate, int width) {
        for (TileGrid option : check.repairs(candidate, width)) {
            if (problem(option) == null) {
                return option;
            }
        }
        return null;
    }

    /** Derives per-level seeds so that level i of a batch does not depend on the others. */
    public static long seedFor(long seed, int index) {
        return Seeds.mix(seed, index);
    }

    @Override
    public void close() {
        stream.close();
    }
}
