package dev.improv.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code improv level}: one prompt-controlled, playable level as VGLC text, and optionally TMX and PNG. */
@Command(name = "level", mixinStandardHelpOptions = true,
        description = "Generate a playable tile level from a prompt (VGLC text; optional Tiled TMX and PNG).")
public final class LevelCommand implements Callable<Integer> {
    @Option(names = "--game", defaultValue = "smb",
            description = "Default model to use (level-GAME on the classpath) or a model folder. Default: ${DEFAULT-VALUE}.")
    String game;

    @Option(names = "--width", defaultValue = "150", description = "Columns. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--chunks", description = "Stream this many 16-column chunks instead (printed as they arrive).")
    Integer chunks;

    @Option(names = "--prompt", defaultValue = "",
            description = "Features, e.g. \"many pipes, few enemies, high elevation\". Unknown words are an error.")
    String prompt;

    @Mixin
    SeedOption seed = new SeedOption(1);

    @Option(names = "--attempts", defaultValue = "24", description = "Samples per chunk before repair. Default: ${DEFAULT-VALUE}.")
    int attempts;

    @Option(names = "--out", required = true, description = "Level text file (VGLC characters).")
    Path out;

    @Option(names = "--tmx", description = "Also write a Tiled map (and NAME-tiles.png beside it).")
    Path tmx;

    @Option(names = "--png", description = "Also write a picture of the level.")
    Path png;

    @Override
    public Integer call() throws Exception {
        if (width < 1) {
            throw new IllegalArgumentException("--width must be at least 1, got " + width);
        }
        if (chunks != null && chunks < 1) {
            throw new IllegalArgumentException("--chunks must be at least 1, got " + chunks);
        }
        LevelModel model = LevelModel.load(game);
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
        Files.writeString(out, level.toText(), StandardCharsets.UTF_8);
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
}
