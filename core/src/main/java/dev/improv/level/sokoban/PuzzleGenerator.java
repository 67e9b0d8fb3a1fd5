package dev.improv.level.sokoban;

import dev.improv.api.Seeds;
import dev.improv.model.TokenStream;

import java.util.SplittableRandom;

/**
 * Samples push puzzles and returns only verified ones. A sample's walled-off boxes and goals are
 * joined to the player's area and its boxes moved off dead cells ({@link RoomRepair}); then
 * {@link PullSearch} plays the room backwards from its goals towards the requested difficulty band:
 * when the sample's own boxes are met in the band they stay, else the boxes are moved to a state of
 * the band (the model's room, goals and player side; Boxoban's own puzzles were made by such reverse
 * play). The search is exact (its depth is the fewest pushes, the figure {@link PushSolver} finds
 * forwards) and comes with a solution, which {@link PushReplay} plays by the rules before the puzzle
 * is returned. A room too small for the band is sampled again until the attempts or the deadline
 * run out; then the generator returns the verified puzzle nearest the band, marked as missing it, or
 * why none was made. Not thread-safe; blocks while it samples.
 */
public final class PuzzleGenerator implements AutoCloseable {
    /** Targets in a bounded band: its top 5 pushes. */
    private static final int BOUNDED_BAND_SPAN = 5;
    /** Targets in the open last band: its lowest 3 pushes. */
    private static final int OPEN_BAND_SPAN = 3;

    private final PuzzleModel model;
    private final PuzzleSettings settings;
    private final PuzzleTokenizer tok;
    private final TokenStream stream;
    private final PullSearch pull;
    private final PuzzleConstraint constraint;

    PuzzleGenerator(PuzzleModel model, PuzzleSettings settings) {
        this.model = model;
        this.settings = settings;
        this.tok = model.spec().tokenizer();
        this.stream = new TokenStream(model.languageModel(), settings.sampling(), 0);
        this.pull = new PullSearch(settings.searchBudget());
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
        int shallow = 0;
        int unverified = 0;
        int copies = 0;
        int attempt = 0;
        while (attempt < settings.attempts() && (attempt == 0 || System.nanoTime() < deadlineNanos)) {
            attempt++;
            long seed = Seeds.mix(request.seed(), attempt);
            stream.rewind(header);
            stream.reseed(seed);
            for (int i = 0; i < tok.cells(); i++) {
                stream.next(constraint);
            }
            Puzzle room = RoomRepair.join(tok.decode(stream.history(), header));
            SplittableRandom random = new SplittableRandom(seed);
            int band = request.band() == PuzzleRequest.ANY_BAND ? random.nextInt(bands.size()) : request.band();
            int lowest = request.band() == PuzzleRequest.ANY_BAND ? 1 : bands.lowest(band);
            int highest = request.band() == PuzzleRequest.ANY_BAND ? Integer.MAX_VALUE : bands.highest(band);
            PullSearch.Placement placement = pull.place(room, lowest, highest, target(bands, band, random), random.nextLong());
            if (placement == null) {
                shallow++;
                continue;
            }
            Puzzle p = placement.puzzle();
            if (!PushReplay.solves(p, placement.solution())) {
                unverified++; // never seen: the search's solution failed the rules
                continue;
            }
            boolean novel = !model.training().contains(p);
            if (!novel && settings.rejectCopies()) {
                copies++;
                continue;
            }
            int got = bands.bandOf(placement.pushes());
            boolean matches = request.band() == PuzzleRequest.ANY_BAND || got == request.band();
            PuzzleResult r = new PuzzleResult(p, placement.pushes(), placement.solution(), got, matches, novel, placement.moved(), attempt, null);
            if (matches) {
                return r;
            }
            if (best == null || Math.abs(got - request.band()) < Math.abs(best.band() - request.band())) {
                best = r;
            }
        }
        if (best != null) {
            return new PuzzleResult(best.puzzle(), best.pushes(), best.solution(), best.band(), false, best.novel(), best.boxesMoved(),
                    attempt, null);
        }
        return PuzzleResult.failed(attempt, "no solvable puzzle in " + attempt + " sample(s)"
                + (attempt < settings.attempts() ? " before the deadline" : "") + ": " + shallow
                + " rooms that are no puzzle or allow no push, " + unverified + " whose solution failed the replay" + (copies > 0 ? ", " + copies + " copies of training puzzles" : ""));
    }

    /**
     * The pushes to aim for in a band: one of the top few of a bounded band (an easy puzzle near its
     * band's edge, not a one-push toy), one of the lowest few of the open last band (each level deeper
     * costs the backward search more states).
     */
    private static int target(DifficultyBands bands, int band, SplittableRandom random) {
        int lo = bands.lowest(band);
        int hi = bands.highest(band);
        if (hi == Integer.MAX_VALUE) {
            return lo + random.nextInt(OPEN_BAND_SPAN);
        }
        int from = Math.max(lo, hi - BOUNDED_BAND_SPAN + 1);
        return from + random.nextInt(hi - from + 1);
    }

    @Override
    public void close() {
        stream.close();
    }
}
