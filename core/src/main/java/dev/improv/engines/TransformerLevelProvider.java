package dev.improv.engines;

import dev.improv.api.Cancellation;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelEngine;
import dev.improv.api.ModelSource;
import dev.improv.api.LevelEngineProvider;
import dev.improv.api.LevelStream;
import dev.improv.api.Seeds;
import dev.improv.level.Chunk;
import dev.improv.level.ChunkRequest;
import dev.improv.level.GeneratorSettings;
import dev.improv.level.LevelGenerator;
import dev.improv.level.LevelModel;
import dev.improv.level.TileGrid;
import dev.improv.level.sokoban.PuzzleGenerator;
import dev.improv.level.sokoban.PuzzleModel;
import dev.improv.level.sokoban.PuzzleRequest;
import dev.improv.level.sokoban.PuzzleResult;
import dev.improv.level.sokoban.PuzzleSettings;
import dev.improv.level.sokoban.PuzzleSpec;
import dev.improv.model.LanguageModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The default level engine: the project's tile transformer for a game (choose with
 * {@code -Dimprov.level.game=NAME} or a model folder; by default "smb", the VGLC Super Mario tiles,
 * or "lode-runner" when improv-models has only that one), every chunk checked playable in the
 * context of the level before it. A push-puzzle game ("boxoban") streams whole puzzles instead: chunk
 * i is the verified puzzle of seed + i of the difficulty the prompt names (as {@code improv level
 * --count}), and a puzzle that cannot be made by the deadline fails with the generator's reason.
 *
 * <p>After the game places an authored chunk the model starts a fresh segment, as at a level
 * start, so authored chunks should end on flat ground. A request cannot be stopped between tokens
 * (the generator's sampling loop has no cancellation point); a late chunk is simply dropped when
 * its authored stand-in is placed.
 */
public final class TransformerLevelProvider implements LevelEngineProvider {
    /** System property naming the game (default model) or a model folder. */
    public static final String GAME_PROPERTY = "improv.level.game";

    @Override
    public String name() {
        return "transformer";
    }

    @Override
    public int rank() {
        return 10;
    }

    @Override
    public LevelEngine newEngine() {
        String game = System.getProperty(GAME_PROPERTY, defaultGame());
        LanguageModel model;
        try {
            model = LevelModel.loadLanguageModel(game);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load level model '" + game + "' (is improv-models on the classpath?): "
                    + e.getMessage(), e);
        }
        return engineFor(model);
    }

    @Override
    public LevelEngine newEngine(ModelSource source) {
        return ModelSources.load(source, "level", TransformerLevelProvider::engineFor);
    }

    /** A puzzle engine for a push-puzzle model, else a tile engine. */
    private static LevelEngine engineFor(LanguageModel model) {
        return PuzzleSpec.describes(model.metadata()) ? engine(new PuzzleModel(model)) : engine(new LevelModel(model));
    }

    /** Whole verified puzzles, one a chunk (see the class notes). */
    public static LevelEngine engine(PuzzleModel model) {
        return seed -> new PuzzleStream(model, seed);
    }

    /** This engine over {@code model} (the service runs remote engines' streams through it). */
    public static LevelEngine engine(LevelModel model) {
        return seed -> new Stream(model, seed);
    }

    /** The first default game whose model is on the classpath ("smb" if none, for the error message). */
    static String defaultGame() {
        for (String game : new String[] {"smb", "lode-runner"}) {
            String resource = "improv/models/" + LevelModel.RESOURCE_PREFIX + game + "/model.json";
            if (TransformerLevelProvider.class.getClassLoader().getResource(resource) != null) {
                return game;
            }
        }
        return "smb";
    }

    /** Adapts the puzzle generator to the api's stream: chunk i is the puzzle of seed + i. */
    private static final class PuzzleStream implements LevelStream {
        private final PuzzleModel model;
        private final PuzzleGenerator generator;
        private final long seed;
        private int nextIndex;

        PuzzleStream(PuzzleModel model, long seed) {
            this.model = model;
            this.generator = model.newGenerator(PuzzleSettings.DEFAULT);
            this.seed = seed;
        }

        /** @throws IllegalArgumentException for a difficulty the model has no band for (the message names it) */
        @Override
        public LevelChunk generate(String prompt, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            PuzzleRequest request = PuzzleRequest.of(prompt, seed + nextIndex, model.spec().bands());
            java.time.Duration left = cancellation.remaining();
            PuzzleResult r = generator.generate(request, left == null ? Long.MAX_VALUE : System.nanoTime() + left.toNanos());
            if (!r.made()) {
                throw new IllegalStateException("puzzle " + nextIndex + " not made: " + r.failure());
            }
            return new LevelChunk(nextIndex++, Stream.rows(r.puzzle().grid()), true);
        }

        @Override
        public void place(LevelChunk chunk) {
            nextIndex = chunk.index() + 1; // puzzles stand alone: the next one is simply the next seed
        }

        @Override
        public void close() {
            generator.close();
        }
    }

    /** Adapts the level package's generator to the api's stream. */
    private static final class Stream implements LevelStream {
        private final LevelGenerator generator;
        private final long seed;
        private final boolean rooms;
        private int nextIndex;
        private int segment;

        Stream(LevelModel model, long seed) {
            this.generator = model.newGenerator(GeneratorSettings.DEFAULT, seed);
            this.seed = seed;
            this.rooms = model.spec().rooms() != null;
        }

        @Override
        public LevelChunk generate(String prompt, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            Chunk chunk = generator.nextChunk(ChunkRequest.of(prompt)); // a room asked for a side its neighbour decided: why
            return new LevelChunk(nextIndex++, rows(chunk.tiles()), true);
        }

        /**
         * A platformer starts a fresh segment after an authored chunk. A dungeon keeps its layout: the
         * authored room takes its place in the rows (in place of a late room made for that index), so
         * the rooms after it mirror its doors and the rooms above; only the last room made or the next
         * one can be replaced, since the rooms after an older one were built against it.
         */
        @Override
        public void place(LevelChunk chunk) {
            if (rooms) {
                if (chunk.index() != nextIndex && chunk.index() != nextIndex - 1) {
                    throw new IllegalArgumentException("room " + chunk.index() + " cannot be placed: the dungeon has "
                            + nextIndex + " rooms, and only the last one or the next one can be put in place");
                }
                generator.placeRoom(TileGrid.ofRows(chunk.rows()), chunk.index() == nextIndex - 1);
                nextIndex = chunk.index() + 1;
                return;
            }
            nextIndex = chunk.index() + 1;
            segment++;
            generator.reset(Seeds.mix(seed, segment));
        }

        @Override
        public void close() {
            generator.close();
        }

        private static List<String> rows(TileGrid tiles) {
            List<String> rows = new ArrayList<>(tiles.rows());
            for (int r = 0; r < tiles.rows(); r++) {
                rows.add(tiles.row(r));
            }
            return rows;
        }
    }
}
