package dev.improv.cli;

import dev.improv.io.Limits;
import dev.improv.level.Chunk;
import dev.improv.level.ChunkRequest;
import dev.improv.level.GameDefinition;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.Tileset;
import dev.improv.level.dungeon.DungeonMapCheck;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelImages;
import dev.improv.level.LevelModel;
import dev.improv.level.LevelRequest;
import dev.improv.level.PlayabilityAgent;
import dev.improv.level.TileGrid;
import dev.improv.level.TmxExporter;
import dev.improv.model.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleSpec;
import dev.improv.model.AtomicFiles;
import dev.improv.model.LanguageModel;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code improv level}: prompt-controlled, playable levels as VGLC text, and optionally TMX and PNG;
 * for a push-puzzle game (boxoban), verified Sokoban puzzles of a requested difficulty.
 */
@Command(name = "level", mixinStandardHelpOptions = true,
        description = {"Generates a playable tile level from a prompt (VGLC text; optional Tiled TMX and PNG).",
                "With --count N, --out is a folder and N levels are written as NNN.txt (plus NNN.png / NNN.tmx with --formats).",
                "For a top-down game (--game zelda) a level is a dungeon of --rooms rooms whose doors line up, every room "
                        + "reached from the entrance.",
                "For a push-puzzle game (--game boxoban) the prompt is a difficulty (easy, medium, hard or any); every puzzle "
                        + "is solved for its fewest pushes before it is written, and a puzzle that cannot be made says why."})
public final class LevelCommand implements Callable<Integer> {
    /** As many 16-column chunks as the widest level has columns. */
    static final int MAX_CHUNKS = Limits.MAX_LEVEL_COLUMNS / 16;

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Option(names = "--game", defaultValue = "smb",
            description = {"A game definition: a built-in name (smb, lode-runner, zelda, boxoban: assets/games/NAME.json), "
                    + "a .json file, or a folder holding game.json; its model, rule and tileset are used.",
                    "Otherwise a default model name (level-GAME on the classpath) or a model folder. Default: ${DEFAULT-VALUE}."})
    String game;

    @Option(names = "--rooms", defaultValue = "4x3",
            description = "Top-down games: the dungeon's size in rooms, WIDExHIGH (rooms are streamed row by row with "
                    + "--chunks). Default: ${DEFAULT-VALUE}.")
    String rooms;

    @Option(names = "--width", defaultValue = "150",
            description = "Columns (1.." + Limits.MAX_LEVEL_COLUMNS + "; top-down games are sized by --rooms). "
                    + "Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--chunks",
            description = "Stream this many chunks instead (16 columns; top-down games: rooms, --rooms WIDE to a row), "
                    + "printed as they arrive (1.." + MAX_CHUNKS + ").")
    Integer chunks;

    @Option(names = "--from", paramLabel = "FILE",
            description = {"Start from this level (VGLC text, e.g. an earlier --out): with --chunks N, N chunks are added "
                    + "after it; with --regenerate-chunk K, its chunk K is drawn again. Side-scrolling games only."})
    Path from;

    @Option(names = "--regenerate-chunk", paramLabel = "K",
            description = {"With --from: draw the level's chunk K (16 columns, counted from 0) again with --seed, keeping "
                    + "every other column; the new chunk must let the agent go on into the columns after it."})
    Integer regenerateChunk;

    @Option(names = "--prompt", defaultValue = "",
            description = "Features, e.g. \"many pipes, few enemies, high elevation\". Unknown words are an error.")
    String prompt;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--attempts", defaultValue = "24", description = "Samples per chunk before repair. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--out", required = true, description = "Level text file (VGLC characters); with --count, a folder.")
    Path out;

    @Option(names = "--count", description = "Write this many levels (seeds SEED, SEED+1...) into the folder --out.")
    Integer count;

    @Option(names = "--formats", split = ",", defaultValue = "txt",
            description = "With --count: any of txt, png, tmx. Default: ${DEFAULT-VALUE}.")
    List<String> formats;

    @Option(names = "--tmx", description = "Also write a Tiled map: tile layer, object layer of entities and the player's "
            + "start; the game's own tileset if its definition names one, else NAME-tiles.png beside it.")
    Path tmx;

    @Option(names = "--png", description = "Also write a picture of the level.")
    Path png;

    @Override
    public Integer call() throws Exception {
        Limits.require("--width", width, 1, Limits.MAX_LEVEL_COLUMNS);
        if (chunks != null) {
            Limits.require("--chunks", chunks, 1, MAX_CHUNKS);
        }
        Limits.require("--attempts", attempts, 1, 1000);
        if (count != null) {
            Limits.require("--count", count, 1, 10_000);
        }
        for (String f : formats) {
            if (!List.of("txt", "png", "tmx").contains(f)) {
                throw new IllegalArgumentException("--formats: unknown format '" + f + "' (use txt, png, tmx)");
            }
        }
        if (regenerateChunk != null && from == null) {
            throw new IllegalArgumentException("--regenerate-chunk needs --from, the level to redraw a chunk of");
        }
        if (from != null && (chunks == null) == (regenerateChunk == null)) {
            throw new IllegalArgumentException("--from needs --chunks (to add after the level) or --regenerate-chunk "
                    + "(to redraw one of its chunks), one of the two");
        }
        if (from != null && count != null) {
            throw new IllegalArgumentException("--from makes one level; leave out --count");
        }
        Path definitionFile = GameDefinition.find(game);
        GameDefinition definition = definitionFile == null ? null : GameDefinition.read(definitionFile);
        LanguageModel lm = weights.apply(LevelModel.loadLanguageModel(definition != null ? definition.modelSpec() : game));
        if (PuzzleSpec.describes(lm.metadata())) {
            return PuzzleOutputRun.run(new PuzzleModel(lm), prompt, count == null ? 1 : count, seed.value(), out, count != null, formats);
        }
        LevelModel model = new LevelModel(lm);
        tileset = definition == null ? null : definition.tileset();
        int[] size = rooms(rooms);
        if (model.spec().rooms() != null) {
            width = size[0] * size[1] * model.spec().tokenizer().chunkColumns(); // generate() lays these out size[0] wide
        }
        settings = GeneratorSettings.DEFAULT.withAttempts(attempts).withRoomsPerRow(size[0]);
        if (count != null) {
            return writeLevels(model);
        }
        long t0 = System.nanoTime();
        TileGrid level;
        int repaired = 0;
        TileGrid start = from == null ? null : readLevel(from);
        if (start != null && start.columns() + (chunks == null ? 0 : 16L * chunks) > Limits.MAX_LEVEL_COLUMNS) {
            throw new IllegalArgumentException(from + ": " + start.columns() + " columns" + (chunks == null ? "" : " and "
                    + chunks + " more chunks") + " pass the limit of " + Limits.MAX_LEVEL_COLUMNS + " columns");
        }
        try (LevelGenerator gen = model.newGenerator(settings, seed.value())) {
            gen.parsePrompt(prompt);
            if (regenerateChunk != null) {
                level = onTheLevel(from, () -> gen.replaceChunk(start, regenerateChunk, prompt, seed.value()));
            } else if (chunks == null) {
                level = gen.generate(new LevelRequest(width, prompt, seed.value()));
            } else {
                List<TileGrid> pieces = new java.util.ArrayList<>();
                if (start != null) {
                    pieces.add(onTheLevel(from, () -> {
                        gen.prime(start); // the chunks below continue it
                        return start;
                    }));
                }
                for (int i = 0; i < chunks; i++) {
                    Chunk c = gen.nextChunk(ChunkRequest.of(prompt));
                    repaired += c.repaired() ? 1 : 0;
                    pieces.add(c.tiles());
                    System.out.print(c.tiles().toText());
                    System.out.println();
                    System.err.printf("%s %d at column %d: %d attempt(s)%s%s%n", model.spec().rooms() != null ? "room" : "chunk",
                            c.index(), c.firstColumn(), c.attempts(),
                            c.matchesRequest() ? "" : ", prompt not fully met", c.repaired() ? ", repaired" : "");
                }
                level = model.spec().rooms() != null ? map(pieces, size[0], model.spec().legend()) : pieces.get(0);
                for (int i = 1; model.spec().rooms() == null && i < pieces.size(); i++) {
                    level = level.append(pieces.get(i));
                }
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        AtomicFiles.writeString(out, level.toText());
        if (tmx != null) {
            new TmxExporter(model.spec().legend(), tileset).write(level, tmx, model.spec().start(level));
        }
        if (png != null) {
            new LevelImages(model.spec().legend(), tileset).writePng(level, png);
        }
        String verdict = verdict(model, level);
        System.err.printf("%s: %d x %d, %s, %.0f ms%n", out, level.columns(), level.rows(), verdict, ms);
        return 0;
    }

    private Tileset tileset;
    private GeneratorSettings settings;

    /** A level file (--from): VGLC rows of equal length; a mistake names the file. */
    static TileGrid readLevel(Path file) throws java.io.IOException {
        String text = dev.improv.io.BoundedFiles.readText(file, Limits.MAX_SETTINGS_FILE_BYTES, "levels");
        try {
            return TileGrid.ofRows(text.lines().toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Work on the --from level, whose mistakes (a height or tile the game lacks, a chunk it lacks) name the file. */
    private static TileGrid onTheLevel(Path file, java.util.function.Supplier<TileGrid> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** The independent verdict on a finished level: the platformer agent, or a walk through the dungeon. */
    static String verdict(LevelModel model, TileGrid level) {
        var spec = model.spec();
        if (spec.rooms() != null) {
            var r = new DungeonMapCheck(spec.legend(), spec.rooms().rows(), spec.rooms().columns(), spec.rooms().wall()).check(level);
            return r.playable() ? "playable (" + r.roomsReached() + "/" + r.rooms() + " rooms, " + r.targetsReached() + "/"
                    + r.targets() + " doors and stairs reached)" : "NOT playable: " + r.problems().get(0);
        }
        PlayabilityAgent agent = spec.agent();
        return agent == null ? "no agent for this game" : agent.playable(level) ? "playable" : "NOT playable";
    }

    /** Rooms laid out {@code wide} to a row, VGLC style; a short last row is filled with the void tile (or walls). */
    static TileGrid map(List<TileGrid> rooms, int wide, dev.improv.level.Legend legend) {
        char fill = legend.tiles().stream().filter(t -> legend.hasTag(t, "void")).findFirst()
                .orElse(legend.tiles().stream().filter(legend::isSolid).findFirst().orElse(legend.empty()));
        List<String> rows = new java.util.ArrayList<>();
        TileGrid blank = TileGrid.filled(rooms.get(0).rows(), rooms.get(0).columns(), fill);
        for (int start = 0; start < rooms.size(); start += wide) {
            TileGrid row = rooms.get(start);
            for (int i = start + 1; i < start + wide; i++) {
                row = row.append(i < rooms.size() ? rooms.get(i) : blank);
            }
            for (int r = 0; r < row.rows(); r++) {
                rows.add(row.row(r));
            }
        }
        return TileGrid.ofRows(rows);
    }

    /** Parses WIDExHIGH ("4x3"); an error names the option. */
    static int[] rooms(String text) {
        String[] parts = text.toLowerCase().split("x");
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
        throw new IllegalArgumentException("--rooms: expected WIDExHIGH with 1 to 32 rooms each way (e.g. 4x3), got '" + text + "'");
    }

    /** --count: N whole levels of --width columns into the folder --out. */
    private Integer writeLevels(LevelModel model) throws Exception {
        Files.createDirectories(out);
        try (LevelGenerator gen = model.newGenerator(settings, seed.value())) {
            gen.parsePrompt(prompt);
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                TileGrid level = gen.generate(new LevelRequest(width, prompt, seed.value() + i));
                String name = String.format("%03d", i);
                if (formats.contains("txt")) {
                    AtomicFiles.writeString(out.resolve(name + ".txt"), level.toText());
                }
                if (formats.contains("tmx")) {
                    new TmxExporter(model.spec().legend(), tileset).write(level, out.resolve(name + ".tmx"), model.spec().start(level));
                }
                if (formats.contains("png")) {
                    new LevelImages(model.spec().legend(), tileset).writePng(level, out.resolve(name + ".png"));
                }
                System.err.printf("%s: %d x %d, %s, %.0f ms%n", out.resolve(name), level.columns(), level.rows(),
                        verdict(model, level),
                        (System.nanoTime() - t0) / 1e6);
            }
        }
        return 0;
    }
}
