package dev.improv.gdx;

import dev.improv.api.LevelChunk;
import dev.improv.api.LevelFeed;
import dev.improv.api.Outcome;
import dev.improv.api.Pending;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Keeps level chunks generated ahead of the camera. Each chunk continues the one before it, so
 * chunks are asked for one at a time, in order; a chunk that misses its deadline is replaced by the
 * game's fallback (an authored chunk), which the level then continues from. Use on the render thread only.
 */
public final class ChunkStreamer implements AutoCloseable {
    private final LevelFeed feed;
    private final IntFunction<String> prompts;
    private final int aheadChunks;
    private final Duration deadline;
    private final IntFunction<LevelChunk> fallback;
    private final Consumer<LevelChunk> onChunk;
    private int delivered;
    private Pending<LevelChunk> inFlight;
    private int fallbacks;

    ChunkStreamer(LevelFeed feed, IntFunction<String> prompts, int aheadChunks, Duration deadline,
                  IntFunction<LevelChunk> fallback, Consumer<LevelChunk> onChunk) {
        if (aheadChunks < 1) {
            throw new IllegalArgumentException("aheadChunks must be >= 1, got " + aheadChunks);
        }
        this.feed = Objects.requireNonNull(feed);
        this.prompts = Objects.requireNonNull(prompts, "prompts");
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
        String prompt = Objects.requireNonNull(prompts.apply(index), "prompt for chunk " + index);
        inFlight = RenderThread.deliver(feed.next(prompt, deadline), outcome -> arrived(index, outcome));
    }

    private void arrived(int index, Outcome<LevelChunk> outcome) {
        inFlight = null;
        if (outcome.status() == Outcome.Status.CANCELLED) {
            return;
        }
        LevelChunk chunk = outcome.value();
        if (!outcome.isCompleted()) {
            chunk = fallback.apply(index);
            feed.placeInstead(chunk);
            fallbacks++;
        }
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

    /** Cancels the chunk in flight and closes the level. */
    @Override
    public void close() {
        feed.close();
    }
}
