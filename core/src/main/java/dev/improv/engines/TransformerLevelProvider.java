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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The default level engine: the project's tile transformer for a game (choose with
 * {@code -Dimprov.level.game=NAME} or a model folder; by default "smb", the VGLC Super Mario tiles,
 * or "lode-runner" when improv-models has only that one), every chunk checked playable in the
 * context of the level before it.
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
        LevelModel model;
        try {
            model = LevelModel.load(game);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load level model '" + game + "' (is improv-models on the classpath?): "
                    + e.getMessage(), e);
        }
        return engine(model);
    }

    @Override
    public LevelEngine newEngine(ModelSource source) {
        return engine(ModelSources.load(source, "level", LevelModel::new));
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

    /** Adapts the level package's generator to the api's stream. */
    private static final class Stream implements LevelStream {
        private final LevelGenerator generator;
        private final long seed;
        private int nextIndex;
        private int segment;

        Stream(LevelModel model, long seed) {
            this.generator = model.newGenerator(GeneratorSettings.DEFAULT, seed);
            this.seed = seed;
        }

        @Override
        public LevelChunk generate(String prompt, Cancellation cancellation) {
            cancellation.throwIfCancelled();
            Chunk chunk = generator.nextChunk(ChunkRequest.of(prompt));
            return new LevelChunk(nextIndex++, rows(chunk.tiles()), true);
        }

        @Override
        public void place(LevelChunk chunk) {
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
