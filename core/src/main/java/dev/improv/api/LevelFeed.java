package dev.improv.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * One level being generated chunk by chunk for a game, asynchronously. Ask for one chunk at a time
 * with {@link #next}; if it misses its deadline, put an authored chunk in its place with
 * {@link #placeInstead} and the level continues after that. Methods never block; create with
 * {@link Improv#level(long)}.
 */
public final class LevelFeed implements AutoCloseable {
    private final GenerationExecutor executor;
    private final Supplier<LevelEngine> engine;
    private final long seed;
    private final ConcurrentLinkedQueue<LevelChunk> placed = new ConcurrentLinkedQueue<>();
    private final Object streamLock = new Object();
    private LevelStream stream;
    private volatile Pending<LevelChunk> inFlight;
    private int nextIndex;
    private boolean closed;

    LevelFeed(GenerationExecutor executor, Supplier<LevelEngine> engine, long seed) {
        this.executor = executor;
        this.engine = engine;
        this.seed = seed;
    }

    /** Asks for the next chunk. Ends REJECTED if the previous chunk has not ended yet. */
    public Pending<LevelChunk> next(String prompt, Duration deadline) {
        Objects.requireNonNull(prompt, "prompt");
        Pending<LevelChunk> previous = inFlight;
        if (previous != null && !previous.isDone()) {
            Pending<LevelChunk> refused = new Pending<>();
            refused.finish(Outcome.without(Outcome.Status.REJECTED, "one chunk at a time: the previous one has not arrived"));
            return refused;
        }
        Pending<LevelChunk> call = executor.submit(c -> generate(prompt, c), deadline);
        inFlight = call;
        return call;
    }

    private LevelChunk generate(String prompt, Cancellation cancellation) {
        synchronized (streamLock) {
            if (closed) {
                throw new GenerationCancelledException("level feed closed");
            }
            if (stream == null) {
                stream = engine.get().newStream(seed);
            }
            for (LevelChunk c; (c = placed.poll()) != null; ) {
                stream.place(c);
                nextIndex = c.index() + 1;
            }
            LevelChunk chunk = stream.generate(prompt, cancellation);
            if (chunk.index() != nextIndex) {
                throw new IllegalStateException("level engine returned chunk " + chunk.index() + ", expected " + nextIndex);
            }
            nextIndex++;
            return chunk;
        }
    }

    /** Puts {@code authored} at its index (where a chunk missed its deadline), before the next chunk is made; never blocks. */
    public void placeInstead(LevelChunk authored) {
        placed.add(Objects.requireNonNull(authored, "authored"));
    }

    /** Cancels the chunk in flight and frees the stream once no generation uses it. */
    @Override
    public void close() {
        Pending<LevelChunk> p = inFlight;
        if (p != null) {
            p.cancel();
        }
        executor.submit(c -> {
            synchronized (streamLock) {
                closed = true;
                if (stream != null) {
                    stream.close();
                }
            }
            return Boolean.TRUE;
        }, null);
    }
}
