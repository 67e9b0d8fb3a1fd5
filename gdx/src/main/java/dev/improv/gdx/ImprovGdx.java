package dev.improv.gdx;

import dev.improv.api.DialogueLine;
import dev.improv.api.DialogueRequest;
import dev.improv.api.Improv;
import dev.improv.api.LevelChunk;
import dev.improv.api.MusicClip;
import dev.improv.api.MusicRequest;
import dev.improv.api.MusicSession;
import dev.improv.api.Outcome;
import dev.improv.api.Pending;
import dev.improv.api.SessionSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Improv for a libGDX game: the same calls, with callbacks that run on the render thread and music
 * that plays through {@code Gdx.audio}. Every method returns at once; create it in
 * {@code create()}, close it in {@code dispose()}.
 */
public final class ImprovGdx implements AutoCloseable {
    private final Improv improv;

    /** Wraps {@code improv}; closing this closes it. */
    public ImprovGdx(Improv improv) {
        this.improv = improv;
    }

    /** The wrapped Improv, for calls whose results need not come back to the render thread. */
    public Improv improv() {
        return improv;
    }

    /** Asks for a dialogue line; {@code onRenderThread} gets the outcome (use {@code orElse} for an authored fallback). */
    public Pending<DialogueLine> line(DialogueRequest request, Duration deadline, Consumer<Outcome<DialogueLine>> onRenderThread) {
        return RenderThread.deliver(improv.line(request, deadline), onRenderThread);
    }

    /** Asks for a music clip; {@code onRenderThread} gets the outcome. */
    public Pending<MusicClip> compose(MusicRequest request, Duration deadline, Consumer<Outcome<MusicClip>> onRenderThread) {
        return RenderThread.deliver(improv.compose(request, deadline), onRenderThread);
    }

    /**
     * Starts live music through a new {@code Gdx.audio} device; call on the render thread. With no
     * sound device the session runs silently (and logs that once).
     */
    public MusicSession startMusic(SessionSettings settings) {
        return improv.startMusic(settings, AudioDeviceOutput.open());
    }

    /** Streams level chunks ahead of the camera; see {@link ChunkStreamer}. */
    public ChunkStreamer streamChunks(long seed, String prompt, int aheadChunks, Duration deadline,
                                      IntFunction<LevelChunk> fallback, Consumer<LevelChunk> onRenderThread) {
        Objects.requireNonNull(prompt, "prompt");
        return streamChunks(seed, index -> prompt, aheadChunks, deadline, fallback, onRenderThread);
    }

    /** Like {@link #streamChunks(long, String, int, Duration, IntFunction, Consumer)}, with a prompt per chunk index (pacing a level). */
    public ChunkStreamer streamChunks(long seed, IntFunction<String> prompts, int aheadChunks, Duration deadline,
                                      IntFunction<LevelChunk> fallback, Consumer<LevelChunk> onRenderThread) {
        return new ChunkStreamer(improv.level(seed), prompts, aheadChunks, deadline, fallback, onRenderThread);
    }

    @Override
    public void close() {
        improv.close();
    }
}
