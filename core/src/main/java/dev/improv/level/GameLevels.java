package dev.improv.level;

import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.level.sokoban.Puzzle;
import dev.improv.level.sokoban.PuzzleGenerator;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleRequest;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.PuzzleSpec;
import dev.improv.model.LanguageModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A game ready to make levels the way {@code improv level --game} makes them, for the command line and
 * the service alike: its definition (when there is one), its model, and the generator its rule needs
 * (tile chunks for platformers, rooms laid out in rows for top-down dungeons, verified push puzzles).
 * Same game, options and seed: the same level, whoever asks. Thread-safe: every call makes its own
 * generator.
 *
 * <pre>{@code
 * GameLevels zelda = GameLevels.builtIn("zelda");
 * TileGrid dungeon = zelda.generate(new GameLevels.Order("", 0, null, GameLevels.rooms("4x3"), 24, 3), null);
 * String verdict = zelda.verdict(dungeon);
 * }</pre>
 */
public final class GameLevels {
    /** The games shipped with Improv: a definition under {@code assets/games/} and a default model each. */
    public static final List<String> BUILT_IN = List.of("smb", "lode-runner", "zelda", "boxoban");

    private final String name;
    private final LevelModel tiles;
    private final PuzzleModel puzzles;
    private final Tileset tileset;

    private GameLevels(String name, LanguageModel model, GameDefinition definition) {
        this.name = name;
        this.puzzles = PuzzleSpec.describes(model.metadata()) ? new PuzzleModel(model) : null;
        this.tiles = puzzles == null ? LevelModel.of(model, definition) : null;
        this.tileset = definition == null ? null : definition.tileset();
    }

    /**
     * The game {@code --game} names: a built-in name or a definition (.json file, or a folder holding
     * game.json), whose model and tileset are used; otherwise a default model name or a model folder.
     */
    public static GameLevels load(String nameOrPath) throws IOException {
        return load(nameOrPath, UnaryOperator.identity());
    }

    /** As {@link #load(String)}, with {@code weights} applied to the model as loaded (e.g. int8 weights). */
    public static GameLevels load(String nameOrPath, UnaryOperator<LanguageModel> weights) throws IOException {
        return of(nameOrPath, GameDefinition.find(nameOrPath), weights);
    }

    /**
     * A game by built-in name only, never a path (for callers that take names from untrusted input):
     * its definition under the assets folder when present, else its default model {@code level-NAME}.
     */
    public static GameLevels builtIn(String name) throws IOException {
        if (!BUILT_IN.contains(name)) {
            throw new IllegalArgumentException("unknown game '" + name + "' (built in: " + BUILT_IN + ")");
        }
        Path definition = GameDefinition.builtInFolder().resolve(name + ".json");
        return of(name, Files.isRegularFile(definition) ? definition : null, UnaryOperator.identity());
    }

    private static GameLevels of(String name, Path definitionFile, UnaryOperator<LanguageModel> weights) throws IOException {
        if (definitionFile == null && !LanguageModel.isFolderSpec(name) && !hasDefaultModel(name)) {
            // It said "no default model 'level-x' on the classpath (...; is improv-models a dependency?)" to a typo.
            throw new IllegalArgumentException("unknown game '" + name + "': give a built-in game " + BUILT_IN
                    + ", a game definition (a .json file, or a folder holding game.json) or a level model folder");
        }
        GameDefinition definition = definitionFile == null ? null : GameDefinition.read(definitionFile);
        LanguageModel model = weights.apply(LevelModel.loadLanguageModel(definition != null ? definition.modelSpec() : name));
        return new GameLevels(definition != null ? definition.name() : name, model, definition);
    }

    private static boolean hasDefaultModel(String name) {
        String model = name.startsWith(LevelModel.RESOURCE_PREFIX) ? name : LevelModel.RESOURCE_PREFIX + name;
        try (java.io.InputStream in = LanguageModel.openDefault(model, "model.json")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What to make.
     *
     * @param prompt   features ("many pipes"); for a push-puzzle game, the difficulty (easy, medium, hard, any)
     * @param width    columns of a whole level (ignored by top-down games, sized by {@code rooms})
     * @param chunks   stream this many chunks (rooms for top-down games) instead, or null
     * @param rooms    top-down games: {wide, high} in rooms ({@link #rooms(String)})
     * @param attempts samples per chunk before repair
     * @param seed     the seed
     * @param from     a level to start from: {@code chunks} more are added after it (side-scrolling games),
     *                 or its chunk {@code regenerate} is drawn again (a dungeon: its room); null for a new level
     * @param regenerate with {@code from}: the chunk (16 columns, from 0) to draw again, every other column kept;
     *                 for a top-down game the room (row by row, from 0), its neighbours' facing walls following
     *                 its doors; or null
     */
    public record Order(String prompt, int width, Integer chunks, int[] rooms, int attempts, long seed, TileGrid from,
                        Integer regenerate) {
        /** A new level. */
        public Order(String prompt, int width, Integer chunks, int[] rooms, int attempts, long seed) {
            this(prompt, width, chunks, rooms, attempts, seed, null, null);
        }
    }

    /** The level to start from ({@link Order#from}) does not suit the game or the order: its message says why. */
    public static final class StartLevelException extends IllegalArgumentException {
        StartLevelException(String message) {
            super(message);
        }
    }

    /** Whether levels of this game are push puzzles ({@link #puzzle}) rather than tile levels ({@link #generate}). */
    public boolean isPuzzleGame() {
        return puzzles != null;
    }

    /** The game's name. */
    public String name() {
        return name;
    }

    /** The tile model (null for a push-puzzle game). */
    public LevelModel tileModel() {
        return tiles;
    }

    /** The push-puzzle model (null for a tile game). */
    public PuzzleModel puzzleModel() {
        return puzzles;
    }

    /** The tiles' meanings. */
    public Legend legend() {
        return puzzles != null ? Puzzle.LEGEND : tiles.spec().legend();
    }

    /** Pictures of levels: the definition's tileset if it names one, else tiles drawn in code. */
    public LevelImages images() {
        return new LevelImages(legend(), tileset);
    }

    /** Tiled maps of levels, with the same tileset as {@link #images}. */
    public TmxExporter tmx() {
        return new TmxExporter(legend(), tileset);
    }

    /** Writes {@code level} as a Tiled map with the player's start marked; returns the tileset image written beside it. */
    public Path writeTmx(TileGrid level, Path file) throws IOException {
        return tmx().write(level, file, start(level));
    }

    /** Where the player starts in {@code level}, {row, column}, for a map's "start" object; null if the game does not say. */
    public int[] start(TileGrid level) {
        return puzzles != null ? null : tiles.spec().start(level);
    }

    /** The generator settings an order asks for. */
    public GeneratorSettings settings(Order order) {
        boolean givenDungeon = order.from() != null && tiles != null && tiles.spec().rooms() != null;
        int wide = givenDungeon ? Math.max(1, order.from().columns() / tiles.spec().rooms().columns()) : order.rooms()[0];
        return GeneratorSettings.DEFAULT.withAttempts(order.attempts()).withRoomsPerRow(wide);
    }

    /** Columns of a whole level: the order's width, or for a top-down game all its rooms (laid out {@code rooms[0]} wide). */
    public int width(Order order) {
        requireTiles();
        return tiles.spec().rooms() != null ? order.rooms()[0] * order.rooms()[1] * tiles.spec().tokenizer().chunkColumns()
                : order.width();
    }

    /**
     * Makes a tile level: a whole one of the order's width (a top-down game: all its rooms), or its
     * chunks one by one, each handed to {@code onChunk} (may be null) as it comes, then laid out; or,
     * from a given level, its chunk redrawn or chunks added after it.
     *
     * @throws StartLevelException if the level to start from does not suit (a height or tile the game
     *                             lacks, a chunk it lacks)
     * @throws IllegalArgumentException if the prompt names a feature the game does not know
     */
    public TileGrid generate(Order order, Consumer<Chunk> onChunk) {
        requireTiles();
        try (LevelGenerator gen = tiles.newGenerator(settings(order), order.seed())) {
            gen.parsePrompt(order.prompt());
            if (order.regenerate() != null) {
                return fromStart(() -> tiles.spec().rooms() != null
                        ? gen.replaceRoom(order.from(), order.regenerate(), order.prompt(), order.seed())
                        : gen.replaceChunk(order.from(), order.regenerate(), order.prompt(), order.seed()));
            }
            if (order.chunks() == null) {
                return gen.generate(new LevelRequest(width(order), order.prompt(), order.seed()));
            }
            List<TileGrid> pieces = new ArrayList<>();
            if (order.from() != null) {
                pieces.add(fromStart(() -> {
                    gen.prime(order.from()); // the chunks below continue it
                    return order.from();
                }));
            }
            for (int i = 0; i < order.chunks(); i++) {
                Chunk c = gen.nextChunk(ChunkRequest.of(order.prompt()));
                pieces.add(c.tiles());
                if (onChunk != null) {
                    onChunk.accept(c);
                }
            }
            return layout(pieces, order.rooms()[0]);
        }
    }

    /** Work on the order's start level, whose mistakes are the caller's to report as such. */
    private static TileGrid fromStart(java.util.function.Supplier<TileGrid> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new StartLevelException(e.getMessage());
        }
    }

    /** Makes one verified push puzzle of the difficulty the order's prompt names, or says why none could be made. */
    public PuzzleResult puzzle(Order order) {
        if (puzzles == null) {
            throw new IllegalStateException(name + " is a tile game, not a push-puzzle game");
        }
        try (PuzzleGenerator gen = puzzles.newGenerator(dev.improv.level.sokoban.PuzzleSettings.DEFAULT)) {
            return gen.generate(PuzzleRequest.of(order.prompt(), order.seed(), puzzles.spec().bands()));
        }
    }

    /**
     * Chunks as one level: side by side for a platformer; for a top-down game, rooms {@code wide} to a
     * row, VGLC style, a short last row filled with the void tile (or walls).
     */
    public TileGrid layout(List<TileGrid> chunks, int wide) {
        requireTiles();
        if (tiles.spec().rooms() == null) {
            TileGrid level = chunks.get(0);
            for (int i = 1; i < chunks.size(); i++) {
                level = level.append(chunks.get(i));
            }
            return level;
        }
        Legend legend = tiles.spec().legend();
        char fill = legend.tiles().stream().filter(t -> legend.hasTag(t, "void")).findFirst()
                .orElse(legend.tiles().stream().filter(legend::isSolid).findFirst().orElse(legend.empty()));
        List<String> rows = new ArrayList<>();
        TileGrid blank = TileGrid.filled(chunks.get(0).rows(), chunks.get(0).columns(), fill);
        for (int start = 0; start < chunks.size(); start += wide) {
            TileGrid row = chunks.get(start);
            for (int i = start + 1; i < start + wide; i++) {
                row = row.append(i < chunks.size() ? chunks.get(i) : blank);
            }
            for (int r = 0; r < row.rows(); r++) {
                rows.add(row.row(r));
            }
        }
        return TileGrid.ofRows(rows);
    }

    /**
     * Whether a finished tile level passes the game's own check (the platformer agent, or a walk through
     * the dungeon); null for a game that has none.
     */
    public Boolean playable(TileGrid level) {
        String verdict = verdict(level);
        return verdict.equals(NO_CHECK) ? null : !verdict.startsWith("NOT");
    }

    private static final String NO_CHECK = "no agent for this game";

    /** The independent verdict on a finished tile level, in words: "playable (...)", "NOT playable: why", or no agent. */
    public String verdict(TileGrid level) {
        requireTiles();
        LevelSpec spec = tiles.spec();
        if (spec.rooms() != null) {
            var r = new DungeonMapCheck(spec.legend(), spec.rooms().rows(), spec.rooms().columns(), spec.rooms().wall()).check(level);
            return r.playable() ? "playable (" + r.roomsReached() + "/" + r.rooms() + " rooms, " + r.targetsReached() + "/"
                    + r.targets() + " doors and stairs reached)" : "NOT playable: " + r.problems().get(0);
        }
        PlayabilityAgent agent = spec.agent();
        return agent == null ? NO_CHECK : agent.playable(level) ? "playable" : "NOT playable";
    }

    /**
     * For a top-down game, one walk through a finished dungeon as map cells {row, column}: from the
     * entrance to each key, then to each stair (or, with neither, to the farthest tile), as
     * {@link DungeonMapCheck#route}; null for a game that is not top-down.
     */
    public List<int[]> dungeonRoute(TileGrid level) {
        requireTiles();
        LevelSpec spec = tiles.spec();
        return spec.rooms() == null ? null
                : new DungeonMapCheck(spec.legend(), spec.rooms().rows(), spec.rooms().columns(), spec.rooms().wall()).route(level);
    }

    /** Parses a dungeon size WIDExHIGH ("4x3"), 1 to 32 rooms each way; the message says what was wrong. */
    public static int[] rooms(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].trim());
                int h = Integer.parseInt(parts[1].trim());
                if (w >= 1 && h >= 1 && w <= 32 && h <= 32) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("expected WIDExHIGH with 1 to 32 rooms each way (e.g. 4x3), got '" + text + "'");
    }

    private void requireTiles() {
        if (tiles == null) {
            throw new IllegalStateException(name + " is a push-puzzle game: its levels come from puzzle()");
        }
    }
}
