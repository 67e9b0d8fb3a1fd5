package dev.improv.cli;

import dev.improv.io.Limits;
import dev.improv.level.Chunk;
import dev.improv.level.ChunkRequest;
import dev.improv.level.GeneratorSettings;
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
                "For a push-puzzle game (--game boxoban) the prompt is a difficulty (easy, medium, hard or any); every puzzle "
                        + "is solved for its fewest pushes before it is written, and a puzzle that cannot be made says why."})
public final class LevelCommand implements Callable<Integer> {
    /** As many 16-column chunks as the widest level has columns. */
    static final int MAX_CHUNKS = Limits.MAX_LEVEL_COLUMNS / 16;

    @Option(names = "--game", defaultValue = "smb",
            description = "Default model to use (level-GAME on the classpath) or a model folder. Default: ${DEFAULT-VALUE}.")
    String game;

    @Option(names = "--width", defaultValue = "150",
            description = "Columns (1.." + Limits.MAX_LEVEL_COLUMNS + "). Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--chunks",
            description = "Stream this many 16-column chunks instead (printed as they arrive; 1.." + MAX_CHUNKS + ").")
    Integer chunks;

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

    @Option(names = "--tmx", description = "Also write a Tiled map (and NAME-tiles.png beside it).")
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
        LanguageModel lm = LevelModel.loadLanguageModel(game);
        if (PuzzleSpec.describes(lm.metadata())) {
            return PuzzleOutputRun.run(new PuzzleModel(lm), prompt, count == null ? 1 : count, seed.value(), out, count != null, formats);
        }
        LevelModel model = new LevelModel(lm);
        if (count != null) {
            return writeLevels(model);
        }
        long t0 = System.nanoTime();
        TileGrid level;
        int repaired = 0;
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(attempts), seed.value())) {
            gen.parsePrompt(prompt);
            if (chunks == null) {
                level = gen.generate(new LevelRequest(width, prompt, seed.value()));
            } else {
                level = null;
                for (int i = 0; i < chunks; i++) {
                    Chunk c = gen.nextChunk(ChunkRequest.of(prompt));
                    repaired += c.repaired() ? 1 : 0;
                    level = level == null ? c.tiles() : level.append(c.tiles());
                    System.out.print(c.tiles().toText());
                    System.out.println();
                    System.err.printf("chunk %d at column %d: %d attempt(s)%s%s%n", c.index(), c.firstColumn(), c.attempts(),
                            c.matchesRequest() ? "" : ", prompt not fully met", c.repaired() ? ", repaired" : "");
                }
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        AtomicFiles.writeString(out, level.toText());
        if (tmx != null) {
            new TmxExporter(model.spec().legend()).write(level, tmx);
        }
        if (png != null) {
            new LevelImages(model.spec().legend()).writePng(level, png);
        }
        PlayabilityAgent agent = model.spec().agent();
        String verdict = agent == null ? "no agent for this game" : agent.playable(level) ? "playable" : "NOT playable";
        System.err.printf("%s: %d x %d, %s, %.0f ms%n", out, level.columns(), level.rows(), verdict, ms);
        return 0;
    }

    /** --count: N whole levels of --width columns into the folder --out. */
    private Integer writeLevels(LevelModel model) throws Exception {
        Files.createDirectories(out);
        PlayabilityAgent agent = model.spec().agent();
        try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT.withAttempts(attempts), seed.value())) {
            gen.parsePrompt(prompt);
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                TileGrid level = gen.generate(new LevelRequest(width, prompt, seed.value() + i));
                String name = String.format("%03d", i);
                if (formats.contains("txt")) {
                    AtomicFiles.writeString(out.resolve(name + ".txt"), level.toText());
                }
                if (formats.contains("tmx")) {
                    new TmxExporter(model.spec().legend()).write(level, out.resolve(name + ".tmx"));
                }
                if (formats.contains("png")) {
                    new LevelImages(model.spec().legend()).writePng(level, out.resolve(name + ".png"));
                }
                System.err.printf("%s: %d x %d, %s, %.0f ms%n", out.resolve(name), level.columns(), level.rows(),
                        agent == null ? "no agent for this game" : agent.playable(level) ? "playable" : "NOT playable",
                        (System.nanoTime() - t0) / 1e6);
            }
        }
        return 0;
    }
}
