package dev.improv.level.sokoban;

import dev.improv.api.Seeds;
import dev.improv.model.TokenStream;

/**
 * Samples push puzzles and returns only verified ones: a sample's walled-off boxes and goals are
 * joined to the player's area and its boxes moved off dead cells ({@link RoomRepair}), then it is solved by {@link PushSolver}
 * for its fewest pushes, and kept when it is solvable and in the requested difficulty band.
 * Otherwise it samples again (the model's difficulty token makes the band likely, the solver makes
 * it certain) until the attempts or the deadline run out; then it returns the solvable sample
 * nearest the band, marked as missing it, or why none was solvable. Not thread-safe; blocks while
 * it samples.
 */
public final class PuzzleGenerator implements AutoCloseable {
    private final PuzzleModel model;
    private final PuzzleSettings settings;
    private final PuzzleTokenizer tok;
    private final TokenStream stream;
    private final PushSolver solver;
    private final PuzzleConstraint constraint;

    PuzzleGenerator(PuzzleModel model, PuzzleSettings settings) {
        this.model = model;
        this.settings = settings;
        this.tok = model.spec().tokenizer();
        this.stream = new TokenStream(model.languageModel(), settings.sampling(), 0);
        this.solver = new PushSolver(settings.solverBudget());
        this.constraint = new PuzzleConstraint(tok, model.spec().boxes(), tok.headerLength());
    }

    /** A verified puzzle for the request, or why none could be made; the same request gives the same result. */
    public PuzzleResult generate(PuzzleRequest request) {
        return generate(request, Long.MAX_VALUE);
    }

    /**
     * As {@link #generate(PuzzleRequest)}, but starts no new sample after {@code deadlineNanos}
     * (a {@link System#nanoTime()} value): then the best sample so far is returned, or why none.
     */
    public PuzzleResult generate(PuzzleRequest request, long deadlineNanos) {
        DifficultyBands bands = model.spec().bands();
        if (request.band() >= bands.size()) {
            throw new IllegalArgumentException("band " + request.band() + " is outside 0.." + (bands.size() - 1));
        }
        if (stream.length() == 0) {
            stream.feed(PuzzleTokenizer.BOS);
        }
        stream.rewind(1);
        stream.feed(tok.bandToken(request.band()));
        int header = stream.length();
        PuzzleResult best = null;
        int unsolvable = 0;
        int unknown = 0;
        int copies = 0;
        int attempt = 0;
        while (attempt < settings.attempts() && (attempt == 0 || System.nanoTime() < deadlineNanos)) {
            attempt++;
            stream.rewind(header);
            stream.reseed(Seeds.mix(request.seed(), attempt));
            for (int i = 0; i < tok.cells(); i++) {
                stream.next(constraint);
            }
            Puzzle p = RoomRepair.join(tok.decode(stream.history(), header));
            PushSolver.Verdict v = solver.solve(p);
            if (!v.solved()) {
                if (v.status() == PushSolver.Status.UNKNOWN) {
                    unknown++;
                } else {
                    unsolvable++;
                }
                continue;
            }
            boolean novel = !model.training().contains(p);
            if (!novel && settings.rejectCopies()) {
                copies++;
                continue;
            }
            int band = bands.bandOf(v.pushes());
            boolean matches = request.band() == PuzzleRequest.ANY_BAND || band == request.band();
            PuzzleResult r = new PuzzleResult(p, v.pushes(), band, matches, novel, attempt, null);
            if (matches) {
                return r;
            }
            if (best == null || Math.abs(band - request.band()) < Math.abs(best.band() - request.band())) {
                best = r;
            }
        }
        if (best != null) {
            return new PuzzleResult(best.puzzle(), best.pushes(), best.band(), false, best.novel(), attempt, null);
        }
        return PuzzleResult.failed(attempt, "no solvable puzzle in " + attempt + " sample(s)"
                + (attempt < settings.attempts() ? " before the deadline" : "") + ": " + unsolvable + " unsolvable, "
                + unknown + " beyond the solver's budget of " + settings.solverBudget() + " states"
                + (copies > 0 ? ", " + copies + " copies of training puzzles" : ""));
    }

    @Override
    public void close() {
        stream.close();
    }
}
