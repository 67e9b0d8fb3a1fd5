package dev.improv.level;

import dev.improv.model.LogitConstraint;
import dev.improv.model.NoAllowedTokenException;
import dev.improv.model.SeededRandom;
import dev.improv.model.TokenStream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates a level chunk by chunk, each continuing the one before, each checked before it is emitted.
 *
 * <p>For every chunk it samples up to {@code attempts} candidates under a {@link ColumnConstraint} and
 * a {@link FeatureConstraint}, rewinding the token stream between tries, and keeps the first that is
 * playable (by the game's {@link PlayabilityAgent}, in the context of everything before it and with
 * flat ground after it) and matches the requested features. If none does, it takes the playable candidate closest to the request; if none is
 * playable, it repairs one (fills its gaps, then flattens it). It never emits an unplayable chunk:
 * if even the repair fails it throws {@link IllegalStateException}.
 *
 * <p>Not thread-safe: one generator per stream, on a thread that is not the render thread.
 */
public final class LevelGenerator implements AutoCloseable {
    private final LevelModel model;
    private final LevelSpec spec;
    private final LevelTokenizer tokenizer;
    private final GeneratorSettings settings;
    private final ColumnConstraint constraint;
    private final ReachTracker reach;
    private final PromptParser parser;
    private final Map<String, int[]> parsed = new HashMap<>();
    private final char ground;
    private TokenStream stream;
    private int chunks;
    private int columns;
    private long sampled;
    /** History index of the last emitted chunk's CHUNK token, or -1. */
    private int lastChunkStart;

    LevelGenerator(LevelModel model, GeneratorSettings settings, long seed) {
        this.model = model;
        this.spec = model.spec();
        this.tokenizer = spec.tokenizer();
        this.settings = settings;
        this.constraint = new ColumnConstraint(tokenizer, spec.rules());
        PlayabilityAgent agent = spec.agent();
        this.parser = new PromptParser(spec.features());
        this.ground = groundTile(spec.legend());
        // Every accepted chunk must leave a way on over a chunk of flat ground, the last repair: a chunk
        // crossed only in the air over a pit at its edge could otherwise leave no playable next chunk.
        TileGrid landing = ground == 0 ? null : flatGround(LevelTokenizer.CHUNK_COLUMNS);
        this.reach = agent == null ? null : new ReachTracker(agent, settings.reachWindow(), landing);
        reset(seed);
    }

    /** Starts a new level from scratch with a new seed. */
    public void reset(long seed) {
        if (stream != null) {
            stream.close();
        }
        stream = new TokenStream(model.languageModel().newDecoder(1, settings.parallelDecoder()), settings.sampling(), seed);
        stream.setKeepPrefix(1);
        stream.feed(LevelTokenizer.BOS);
        if (reach != null) {
            reach.reset();
        }
        chunks = 0;
        columns = 0;
        lastChunkStart = -1;
    }

    /** Columns emitted since the last reset. */
    public int columns() {
        return columns;
    }

    /** Parses a prompt with this model's features; unknown words raise IllegalArgumentException. */
    public int[] parsePrompt(String prompt) {
        return parsed.computeIfAbsent(prompt, parser::parse).clone();
    }

    /** Generates a whole level: resets to the request's seed and emits ceil(width / 16) chunks. */
    public TileGrid generate(LevelRequest request) {
        parsePrompt(request.prompt()); // fail before any work
        reset(request.seed());
        if (reach != null) {
            reach.window(Integer.MAX_VALUE); // a whole level is checked whole: exactly the agent's verdict
        }
        try {
            TileGrid level = null;
            while (columns < request.width()) {
                int n = Math.min(LevelTokenizer.CHUNK_COLUMNS, request.width() - columns);
                TileGrid tiles = nextChunk(new ChunkRequest(request.prompt(), n)).tiles();
                level = level == null ? tiles : level.append(tiles);
            }
            return level;
        } finally {
            if (reach != null) {
                reach.window(settings.reachWindow());
            }
        }
    }

    /**
     * The next chunk of the stream, playable in the context of every chunk before it.
     *
     * @throws IllegalStateException when no playable chunk can be made (see {@link #tryNextChunk})
     */
    public Chunk nextChunk(ChunkRequest request) {
        ChunkAttempt attempt = tryNextChunk(request);
        if (attempt instanceof ChunkAttempt.NoChunk no) {
            throw new IllegalStateException(no.reason());
        }
        return (Chunk) attempt;
    }

    /** The next chunk of the stream, or why none playable could be made (the stream then stays as it was). */
    public ChunkAttempt tryNextChunk(ChunkRequest request) {
        int[] wanted = parsePrompt(request.prompt());
        int[] header = tokenizer.header(wanted);
        slideToLastChunk();
        int mark = stream.length();
        int previousChunkStart = lastChunkStart;
        lastChunkStart = mark;
        int[] bestTokens = null;
        int bestMisses = Integer.MAX_VALUE;
        TileGrid firstCandidate = null;
        FeatureSet features = spec.features();
        FeatureConstraint bounds = new FeatureConstraint(tokenizer, spec.legend(), spec.rules(), wanted, request.columns());
        LogitConstraint rules = bounds.active() ? constraint.and(bounds) : constraint;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            if (attempt > 1) {
                stream.rewind(mark);
            }
            stream.feed(header);
            int body = stream.length();
            TileGrid candidate;
            try {
                candidate = sampleColumns(request.columns(), body, wanted, bestMisses, rules);
            } catch (NoAllowedTokenException e) {
                continue; // a dead end under the tile rules: draw again
            }
            if (candidate == null) {
                continue; // abandoned early: it could no longer beat the best so far
            }
            if (firstCandidate == null) {
                firstCandidate = candidate;
            }
            int[] measured = features.levels(candidate, spec.legend());
            int misses = features.mismatches(wanted, measured);
            if (misses >= bestMisses) {
                continue;
            }
            if (reach != null && !reach.accepts(candidate)) {
                continue;
            }
            if (misses == 0) {
                return emit(candidate, wanted, measured, attempt, false);
            }
            bestMisses = misses;
            bestTokens = stream.tokensSince(body);
        }
        stream.rewind(mark);
        stream.feed(header);
        if (bestTokens != null) {
            stream.feed(bestTokens);
            TileGrid best = tokenizer.decode(bestTokens, bestTokens.length);
            return emit(best, wanted, features.levels(best, spec.legend()), settings.attempts(), false);
        }
        TileGrid repaired = repair(firstCandidate, request.columns());
        if (repaired == null) {
            stream.rewind(mark);
            lastChunkStart = previousChunkStart;
            return new ChunkAttempt.NoChunk(columns, settings.attempts(), "no playable continuation found at column "
                    + columns + " after " + settings.attempts() + " samples and repairs");
        }
        List<Integer> tokens = new ArrayList<>();
        for (int c = 0; c < repaired.columns(); c++) {
            tokenizer.encodeColumn(repaired.column(c), tokens);
        }
        stream.feed(tokens.stream().mapToInt(Integer::intValue).toArray());
        return emit(repaired, wanted, features.levels(repaired, spec.legend()), settings.attempts(), true);
    }

    /**
     * Samples the columns of one chunk. Every feature measure only grows as columns are added, so once
     * a partial chunk overshoots as many requested levels as the best candidate misses, it is abandoned
     * (returns null) rather than finished.
     */
    private TileGrid sampleColumns(int count, int body, int[] wanted, int bestMisses, LogitConstraint rules) {
        FeatureSet features = spec.features();
        for (int c = 0; c < count; c++) {
            // the chunk's last column must not need a neighbour, so any chunk can follow it
            constraint.closing(c == count - 1);
            int guard = 0;
            while (next(rules) != LevelTokenizer.END_COLUMN) {
                if (++guard > tokenizer.height()) {
                    throw new IllegalStateException("column longer than the model height despite the constraint");
                }
            }
            if (bestMisses != Integer.MAX_VALUE && c < count - 1) {
                int[] tokens = stream.tokensSince(body);
                int[] partial = features.levels(tokenizer.decode(tokens, tokens.length), spec.legend());
                int overshoot = 0;
                for (int f = 0; f < wanted.length; f++) {
                    overshoot += wanted[f] != FeatureSet.ANY && partial[f] > wanted[f] ? 1 : 0;
                }
                if (overshoot >= bestMisses) {
                    constraint.closing(false);
                    return null;
                }
            }
        }
        constraint.closing(false);
        int[] tokens = stream.tokensSince(body);
        return tokenizer.decode(tokens, tokens.length);
    }

    /**
     * Once the window holds more than half the model's context, restarts it at the last chunk: BOS, then
     * that chunk's header and columns. The model was trained on documents starting at every chunk, so
     * this window is in distribution; it keeps every step's attention short and makes each re-encoding
     * one chunk long, instead of sliding mid-chunk to half the context (which a rewind during
     * resampling would then have to re-encode again).
     */
    private void slideToLastChunk() {
        if (lastChunkStart < 0) {
            return;
        }
        int capacity = model.languageModel().config().context();
        int window = capacity / 2;
        stream.ensureRoom(capacity - window, Math.min(stream.length() - lastChunkStart, window - 1));
    }

    private int next(LogitConstraint rules) {
        sampled++;
        return stream.next(rules);
    }

    /** Tokens sampled since this generator was made, rejected samples included (for benchmarks). */
    public long sampledTokens() {
        return sampled;
    }

    private Chunk emit(TileGrid tiles, int[] wanted, int[] measured, int attempts, boolean repaired) {
        if (reach != null) {
            reach.append(tiles);
        }
        Chunk chunk = new Chunk(chunks++, columns, tiles, wanted, measured, attempts, repaired);
        columns += tiles.columns();
        return chunk;
    }

    /** Fills the gaps of a failed candidate, else flattens it to bare ground; null if neither is playable. */
    private TileGrid repair(TileGrid candidate, int width) {
        List<TileGrid> options = new ArrayList<>();
        int h = tokenizer.height();
        if (ground != 0) {
            if (candidate != null) {
                TileGrid filled = candidate;
                for (int c = 0; c < filled.columns(); c++) {
                    if (!spec.legend().isSolid(filled.at(h - 1, c))) {
                        filled = filled.with(h - 1, c, ground);
                    }
                }
                options.add(filled);
            }
            options.add(flatGround(width));
        }
        for (TileGrid option : options) {
            if (reach == null || reach.accepts(option)) {
                return option;
            }
        }
        if (reach == null && candidate != null) {
            return candidate;
        }
        return null;
    }

    /** Empty columns on one row of ground tiles. */
    private TileGrid flatGround(int width) {
        int h = tokenizer.height();
        TileGrid flat = TileGrid.filled(h, width, tokenizer.empty());
        for (int c = 0; c < width; c++) {
            flat = flat.with(h - 1, c, ground);
        }
        return flat;
    }

    /** The first solid tile tagged "ground", or 0 if the legend has none. */
    private static char groundTile(Legend legend) {
        for (char c : legend.tiles()) {
            if (legend.isSolid(c) && legend.hasTag(c, "ground")) {
                return c;
            }
        }
        return 0;
    }

    /** Derives per-level seeds so that level i of a batch does not depend on the others. */
    public static long seedFor(long seed, int index) {
        return SeededRandom.mix(seed, index);
    }

    @Override
    public void close() {
        stream.close();
    }
}
