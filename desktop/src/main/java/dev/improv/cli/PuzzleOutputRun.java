package dev.improv.cli;

import dev.improv.level.GameLevels;
import dev.improv.level.sokoban.BoxobanReader;
import dev.improv.level.sokoban.Puzzle;
import dev.improv.level.sokoban.PuzzleGenerator;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleRequest;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.PuzzleSettings;
import dev.improv.model.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code improv level} for a push-puzzle model: verified puzzles of one difficulty, to a file or a folder. */
final class PuzzleOutputRun {
    private PuzzleOutputRun() {
    }

    /**
     * @param toFolder whether {@code out} is a folder (NNN.txt per puzzle and puzzles.txt) or one file
     * @param png      one puzzle to a file: also its picture here (null: none)
     * @param tmx      one puzzle to a file: also its Tiled map here, tileset beside it (null: none)
     * @return the exit code: 0, or 1 when a puzzle could not be made
     */
    static int run(GameLevels game, String difficulty, int count, long seed, Path out, boolean toFolder,
                   List<String> formats, Path png, Path tmx) throws IOException {
        PuzzleModel model = game.puzzleModel();
        var bands = model.spec().bands();
        PuzzleRequest first = PuzzleRequest.of(difficulty, seed, bands);
        List<Puzzle> made = new ArrayList<>();
        int failed = 0;
        if (toFolder) {
            Files.createDirectories(out);
        }
        try (PuzzleGenerator gen = model.newGenerator(PuzzleSettings.DEFAULT)) {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                PuzzleResult r = gen.generate(new PuzzleRequest(first.band(), seed + i));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (!r.made()) {
                    System.err.printf("puzzle %d: not made: %s%n", i, r.failure());
                    failed++;
                    continue;
                }
                made.add(r.puzzle());
                String name = String.format("%03d", made.size() - 1);
                if (toFolder) {
                    if (formats.contains("txt")) {
                        AtomicFiles.writeString(out.resolve(name + ".txt"), r.puzzle().toText());
                    }
                    if (formats.contains("png")) {
                        game.images().writePng(r.puzzle().grid(), out.resolve(name + ".png"));
                    }
                    if (formats.contains("tmx")) {
                        game.writeTmx(r.puzzle().grid(), out.resolve(name + ".tmx"));
                    }
                }
                System.err.printf("puzzle %d: %d pushes, %s%s, %s, %d sample(s), %.0f ms%n", i, r.pushes(),
                        bands.describe(r.band()), r.matchesRequest() ? "" : " (NOT the band asked for)",
                        r.novel() ? "novel" : "a training puzzle", r.attempts(), ms);
                if (!toFolder) {
                    System.out.print(r.puzzle().toText());
                    if (png != null) {
                        game.images().writePng(r.puzzle().grid(), png);
                    }
                    if (tmx != null) {
                        game.writeTmx(r.puzzle().grid(), tmx);
                    }
                }
            }
        }
        Path file = toFolder ? out.resolve("puzzles.txt") : out;
        AtomicFiles.writeString(file, toFolder || made.size() != 1 ? BoxobanReader.format(made) : made.get(0).toText());
        return failed == 0 ? 0 : 1;
    }
}
