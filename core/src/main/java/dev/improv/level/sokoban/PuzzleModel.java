package dev.improv.level.sokoban;

import dev.improv.level.LevelModel;
import dev.improv.model.LanguageModel;

import java.io.IOException;

/**
 * A trained push-puzzle model: the transformer, its spec and the fingerprints of its training
 * puzzles. Thread-safe; each generator it makes is not.
 *
 * <pre>{@code
 * PuzzleModel model = PuzzleModel.load("boxoban");
 * try (PuzzleGenerator gen = model.newGenerator(PuzzleSettings.DEFAULT)) {
 *     PuzzleResult r = gen.generate(new PuzzleRequest(model.spec().bands().parse("hard"), 42));
 *     if (r.made()) System.out.print(r.puzzle().toText()); else System.err.println(r.failure());
 * }
 * }</pre>
 */
public final class PuzzleModel {
    private final LanguageModel model;
    private final PuzzleSpec spec;
    private final PuzzleFingerprints training;

    public PuzzleModel(LanguageModel model) {
        this.model = model;
        this.spec = PuzzleSpec.fromJson(model.metadata());
        if (spec.tokenizer().vocabSize() != model.config().vocabSize()) {
            throw new IllegalArgumentException("model " + model.name() + ": vocabulary " + model.config().vocabSize()
                    + " does not match its puzzle tokenizer (" + spec.tokenizer().vocabSize() + ")");
        }
        int needed = spec.tokenizer().headerLength() + spec.tokenizer().cells();
        if (model.config().context() < needed) {
            throw new IllegalArgumentException("model " + model.name() + ": context " + model.config().context()
                    + " is shorter than a puzzle (" + needed + " tokens)");
        }
        String prints = model.metadata().path("trainingFingerprints").asText("");
        this.training = prints.isEmpty() ? PuzzleFingerprints.none() : PuzzleFingerprints.fromBase64(prints);
    }

    /** A model folder, or a default model by game name ("boxoban" loads level-boxoban). */
    public static PuzzleModel load(String folderOrGame) throws IOException {
        return new PuzzleModel(LevelModel.loadLanguageModel(folderOrGame));
    }

    public LanguageModel languageModel() {
        return model;
    }

    public PuzzleSpec spec() {
        return spec;
    }

    /** Fingerprints of the puzzles the model was trained on (empty if the model does not carry them). */
    public PuzzleFingerprints training() {
        return training;
    }

    /** A generator with its own decoder; close it when done. */
    public PuzzleGenerator newGenerator(PuzzleSettings settings) {
        return new PuzzleGenerator(this, settings);
    }
}
