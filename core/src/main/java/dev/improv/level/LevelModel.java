package dev.improv.level;

import dev.improv.model.LanguageModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained level model: the transformer and its game spec. Thread-safe; each generator it makes is not.
 *
 * <pre>{@code
 * LevelModel model = LevelModel.load("smb");
 * try (LevelGenerator gen = model.newGenerator(GeneratorSettings.DEFAULT, 42)) {
 *     TileGrid level = gen.generate(new LevelRequest(150, "many pipes, few enemies", 42));
 * }
 * }</pre>
 */
public final class LevelModel {
    /** Classpath name prefix of default level models: level-smb, level-lode-runner. */
    public static final String RESOURCE_PREFIX = "level-";

    private final LanguageModel model;
    private final LevelSpec spec;

    public LevelModel(LanguageModel model) {
        this(model, specOf(model));
    }

    private static LevelSpec specOf(LanguageModel model) {
        if (model.metadata() != null && "push-puzzle".equals(model.metadata().path("rule").asText())) { // PuzzleSpec.RULE, without a package cycle
            throw new IllegalArgumentException("model " + model.name() + " makes push puzzles: load it with "
                    + "dev.improv.level.sokoban.PuzzleModel");
        }
        return LevelSpec.fromJson(model.metadata());
    }

    private LevelModel(LanguageModel model, LevelSpec spec) {
        this.model = model;
        this.spec = spec;
        if (spec.tokenizer().vocabSize() != model.config().vocabSize()) {
            throw new IllegalArgumentException("model " + model.name() + ": vocabulary " + model.config().vocabSize()
                    + " does not match its level tokenizer (" + spec.tokenizer().vocabSize() + ")");
        }
    }

    /** Loads a model folder, or a default model by game name ("smb" loads level-smb from the classpath). */
    public static LevelModel load(String folderOrGame) throws IOException {
        return new LevelModel(loadLanguageModel(folderOrGame));
    }

    /**
     * The transformer of a level model folder, or of a default model by game name, whatever its rule
     * (tile columns or push puzzles): callers look at its metadata to pick the generator.
     */
    public static LanguageModel loadLanguageModel(String folderOrGame) throws IOException {
        if (LanguageModel.isFolderSpec(folderOrGame)) {
            return LanguageModel.load(Path.of(folderOrGame));
        }
        String name = folderOrGame.startsWith(RESOURCE_PREFIX) ? folderOrGame : RESOURCE_PREFIX + folderOrGame;
        return LanguageModel.loadResource(name);
    }

    /**
     * A tile model as a game definition would have it: the definition's rules of play that do not
     * change the weights ({@code standsOn}) decide over those the model was trained with. A null
     * definition leaves the model as trained.
     */
    public static LevelModel of(LanguageModel model, GameDefinition definition) {
        LevelModel m = new LevelModel(model);
        return definition == null || !definition.tiles() ? m : m.withStanding(definition.standing());
    }

    /** This model with a game definition's standing rule in place of the one it was trained with. */
    public LevelModel withStanding(Standing standing) {
        return new LevelModel(model, spec.withStanding(standing));
    }

    public LanguageModel languageModel() {
        return model;
    }

    public LevelSpec spec() {
        return spec;
    }

    /** A generator with its own decoder; close it when done. */
    public LevelGenerator newGenerator(GeneratorSettings settings, long seed) {
        return new LevelGenerator(this, settings, seed);
    }
}
