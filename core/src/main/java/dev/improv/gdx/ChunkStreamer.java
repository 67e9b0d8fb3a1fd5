package dev.improv.gdx;

import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.LevelRequest;
import dev.improv.api.Outcome;
import dev.improv.api.Pending;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Keeps level chunks generated ahead of the camera. Each chunk continues the one before it, so
 * chunks are asked for one at a time, in order; a chunk that misses its deadline is replaced by the
 * game's fallback (an authored chunk) so the level never stops. Use on the render thread only.
 */
public final class ChunkStreamer implements AutoCloseable {
    private final Improv improv;
    private final long seed;
    private final int difficulty;
    private final int aheadChunks;
    private final Duration deadline;
    private final IntFunction<LevelChunk> fallback;
    private final Consumer<LevelChunk> onChunk;
    private LevelChunk last;
    private int delivered;
    private Pending<LevelChunk> inFlight;
    private int fallbacks;

    ChunkStreamer(Improv improv, long seed, int difficulty, int aheadChunks, Duration deadline,
                  IntFunction<LevelChunk> fallback, Consumer<LevelChunk> onChunk) {
        if (aheadChunks < 1) {
            throw new IllegalArgumentException("aheadChunks must be >= 1, got " + aheadChunks);
        }
        this.improv = Objects.requireNonNull(improv);
        this.seed = seed;
        this.difficulty = difficulty;
        this.aheadChunks = aheadChunks;
        this.deadline = deadline;
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.onChunk = Objects.requireNonNull(onChunk, "onChunk");
    }

    /**
     * Call every frame with the chunk index the camera's right edge is in; asks for the next chunk
     * while fewer than {@code aheadChunks} lie beyond it. Never blocks.
     */
    public void update(int cameraChunk) {
        if (inFlight != null || delivered > cameraChunk + aheadChunks) {
            return;
        }
        int index = delivered;
        inFlight = RenderThread.deliver(improv.chunk(new LevelRequest(seed, index, difficulty, last), deadline),
                outcome -> arrived(index, outcome));
    }

    private void arrived(int index, Outcome<LevelChunk> outcome) {
        inFlight = null;
        if (outcome.status() == Outcome.Status.CANCELLED) {
            return;
        }
        LevelChunk chunk = outcome.isCompleted() ? outcome.value() : fallback.apply(index);
        if (!outcome.isCompleted()) {
            fallbacks++;
        }
        last = chunk;
        delivered = index + 1;
        onChunk.accept(chunk);
    }

    /** Chunks handed to the game so far. */
    public int delivered() {
        return delivered;
    }

    /** Chunks that were the fallback because generation missed its deadline or failed. */
    public int fallbacks() {
        return fallbacks;
    }

    /** Cancels the chunk in flight. */
    @Override
    public void close() {
        if (inFlight != null) {
            inFlight.cancel();
        }
    }
}
