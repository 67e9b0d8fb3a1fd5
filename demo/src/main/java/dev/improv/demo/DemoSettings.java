package dev.improv.demo;

import dev.improv.api.Improv;
import java.util.function.Supplier;

/**
 * How a run of the demo is set up.
 *
 * @param seed       the world's seed (same seed, same level, lines and music)
 * @param autoplay   the bot plays instead of the keyboard
 * @param frames     frames to run before quitting, 0 to play until the window closes
 * @param screenshot keep the last frame as a PNG ({@link DemoGame#screenshot()}); the launcher writes it
 * @param music      start live music (silent when there is no sound device)
 * @param improv     makes the engines (the default finds them on the classpath); called twice, for
 *                   level and music, and for dialogue, so each has a generation thread of its own
 * @param frameSeconds game time each frame advances, or 0 to follow the wall clock (a fixed value
 *                   makes headless runs independent of how fast frames come)
 * @param frameLog   keep every frame's timings as CSV ({@link DemoGame#frameLog()}) for the launcher to write
 */
public record DemoSettings(long seed, boolean autoplay, int frames, boolean screenshot, boolean music,
                           Supplier<Improv> improv, float frameSeconds, boolean frameLog) {
    public DemoSettings {
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0, got " + frames);
        }
        if (!(frameSeconds >= 0 && frameSeconds <= 0.1f)) {
            throw new IllegalArgumentException("frameSeconds must be 0-0.1, got " + frameSeconds);
        }
    }

    /** The engines whose models load (transformers when present), on one generation thread. */
    public static Improv defaultEngines() {
        return EngineChoice.open();
    }

    /**
     * No generation at all (authored chunks and lines, no music): the peer that shows what the
     * generators cost the frame times.
     */
    public static Improv noGeneration() {
        return Improv.builder().optThreads(1)
                .optLevelEngine(FallbackChunks::engine)
                .optDialogueEngine(() -> (request, cancellation) -> dev.improv.api.DialogueLine.authored("Hello."))
                .build();
    }

    /** Play by keyboard until the window closes, with the default engines. */
    public static DemoSettings interactive(long seed) {
        return new DemoSettings(seed, false, 0, false, true, DemoSettings::defaultEngines, 0, false);
    }
}
