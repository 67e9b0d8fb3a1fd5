package dev.improv.cli;

import dev.improv.io.Limits;
import dev.improv.level.GameLevels;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelRequest;
import dev.improv.level.TileGrid;
import dev.improv.model.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


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
                    + "after it (side-scrolling games); with --regenerate-chunk K, its chunk K is drawn again (a dungeon: its "
                    + "room K)."})
    Path from;

    @Option(names = "--regenerate-chunk", paramLabel = "K",
            description = {"With --from: draw the level's chunk K (16 columns, counted from 0) again with --seed, keeping "
                    + "every other column; the new chunk must let the agent go on into the columns after it. For a top-down "
                    + "game (--game zelda) K is a room, counted row by row from 0: the prompt may ask for its doors "
                    + "(\"door north, no door east\"), the neighbours' facing walls follow, and the dungeon stays connected."})
    Integer regenerateChunk;

    @Option(names = "--prompt", defaultValue = "",
            description = {"Features, e.g. \"many pipes, few enemies, high elevation\". Unknown words are an error.",
                    "A top-down game (--game zelda) also takes doors on given sides of every room, e.g. \"door north, no door "
                    + "east\", or a number of doors (\"some doors\"): the dungeon's doors are then planned before the first "
                    + "room, so each room has them where the map's edge and the other rooms allow."})
    String prompt;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--attempts", defaultValue = "24", description = "Samples per chunk before repair. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--out", required = true, description = "Level text file (VGLC characters); with --count, a folder.")
    Path out;

    @Option(names = "--count", description = "Write this many levels (seeds SEED, SEED+1...) into the folder --out.")
    Integer count;

    @Option(names = "--formats", split = ",",
            description = "With --count: any of txt, png, tmx. Default: txt.")
    List<String> formats;

    @Option(names = "--tmx", description = "Also write a Tiled map: tile layer, object layer of entities and the player's "
            + "start; the game's own tileset if its definition names one, else NAME-tiles.png beside it.")
    Path tmx;

    @Option(names = "--png", description = "Also write a picture of the level.")
    Path png;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.requireWritable(count == null ? out : null, png, tmx); // with --count, --out is a folder
        Limits.require("--width", width, 1, Limits.MAX_LEVEL_COLUMNS);
        if (chunks != null) {
            Limits.require("--chunks", chunks, 1, MAX_CHUNKS);
        }
        Limits.require("--attempts", attempts, 1, 1000);
        if (count != null) {
            Limits.require("--count", count, 1, 10_000);
        }
        // each way of asking for pictures and maps belongs to one mode: say so instead of ignoring it
        if (formats != null && count == null) {
            throw new IllegalArgumentException("--formats names the files of each level written by --count N; "
                    + "for one level use --png FILE and --tmx FILE");
        }
        if (count != null && (png != null || tmx != null)) {
            throw new IllegalArgumentException((png != null ? "--png" : "--tmx") + " writes one level's file; "
                    + "with --count use --formats txt,png,tmx");
        }
        if (formats == null) {
            formats = List.of("txt");
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
        GameLevels levels = GameLevels.load(game, weights::apply);
        if (levels.isPuzzleGame() && (from != null || chunks != null)) {
            throw new IllegalArgumentException("--from and --chunks grow tile levels; " + game
                    + " makes whole push puzzles (--count N writes N of them)");
        }
        TileGrid start = from == null ? null : readLevel(from);
        if (start != null && start.columns() + (chunks == null ? 0 : 16L * chunks) > Limits.MAX_LEVEL_COLUMNS) {
            throw new IllegalArgumentException(from + ": " + start.columns() + " columns" + (chunks == null ? "" : " and "
                    + chunks + " more chunks") + " pass the limit of " + Limits.MAX_LEVEL_COLUMNS + " columns");
        }
        GameLevels.Order order = new GameLevels.Order(prompt, width, chunks, rooms(rooms), attempts, seed.value(), start,
                regenerateChunk);
        if (levels.isPuzzleGame()) {
            return PuzzleOutputRun.run(levels, prompt, count == null ? 1 : count, seed.value(), out, count != null, formats, png, tmx);
        }
        if (count != null) {
            return writeLevels(levels, order);
        }
        long t0 = System.nanoTime();
        boolean rooms = levels.tileModel().spec().rooms() != null;
        TileGrid level;
        try {
            level = levels.generate(order, chunks == null ? null : c -> {
                System.out.print(c.tiles().toText());
                System.out.println();
                System.err.printf("%s %d at column %d: %d attempt(s)%s%s%n", rooms ? "room" : "chunk",
                        c.index(), c.firstColumn(), c.attempts(),
                        c.matchesRequest() ? "" : ", prompt not fully met", c.repaired() ? ", repaired" : "");
            });
        } catch (GameLevels.StartLevelException e) {
            // the --from level's mistakes (a height or tile the game lacks, a chunk it lacks) name the file
            throw new IllegalArgumentException(from + ": " + e.getMessage());
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        AtomicFiles.writeString(out, level.toText());
        if (tmx != null) {
            levels.writeTmx(level, tmx);
        }
        if (png != null) {
            levels.images().writePng(level, png);
        }
        System.err.printf("%s: %d x %d, %s, %.0f ms%n", out, level.columns(), level.rows(), levels.verdict(level), ms);
        return 0;
    }

    /** A level file (--from): VGLC rows of equal length; a mistake names the file. */
    static TileGrid readLevel(Path file) throws java.io.IOException {
        String text = dev.improv.io.BoundedFiles.readText(file, Limits.MAX_SETTINGS_FILE_BYTES, "levels");
        try {
            return TileGrid.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Parses --rooms WIDExHIGH ("4x3"); an error names the option. */
    static int[] rooms(String text) {
        try {
            return GameLevels.rooms(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rooms: " + e.getMessage());
        }
    }

    /** --count: N whole levels of --width columns into the folder --out. */
    private Integer writeLevels(GameLevels levels, GameLevels.Order order) throws Exception {
        Files.createDirectories(out);
        try (LevelGenerator gen = levels.tileModel().newGenerator(levels.settings(order), seed.value())) {
            gen.parsePrompt(prompt);
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                TileGrid level = gen.generate(new LevelRequest(levels.width(order), prompt, seed.value() + i));
                String name = String.format("%03d", i);
                if (formats.contains("txt")) {
                    AtomicFiles.writeString(out.resolve(name + ".txt"), level.toText());
                }
                if (formats.contains("tmx")) {
                    levels.writeTmx(level, out.resolve(name + ".tmx"));
                }
                if (formats.contains("png")) {
                    levels.images().writePng(level, out.resolve(name + ".png"));
                }
                System.err.printf("%s: %d x %d, %s, %.0f ms%n", out.resolve(name), level.columns(), level.rows(),
                        levels.verdict(level), (System.nanoTime() - t0) / 1e6);
            }
        }
        return 0;
    }
}
