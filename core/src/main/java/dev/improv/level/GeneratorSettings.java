package dev.improv.level;

import dev.improv.model.SamplingSettings;

/**
 * How a {@link LevelGenerator} samples and how hard it tries.
 *
 * @param sampling     token sampling
 * @param attempts     samples drawn per chunk before falling back to the best one or a repair
 * @param reachWindow  columns before the new chunk that the playability check looks at while
 *                     streaming; whole levels from {@link LevelGenerator#generate} are always checked whole
 * @param parallelDecoder let the decoder use helper threads; off by default because a game's
 *                     generator thread shares the cores with the renderer, and spinning helpers on a
 *                     busy machine cost more than they save
 * @param roomsPerRow  top-down games: the dungeon's width in rooms (rows of rooms are streamed one after another)
 */
public record GeneratorSettings(SamplingSettings sampling, int attempts, int reachWindow, boolean parallelDecoder,
                                int roomsPerRow) {
    /**
     * The model's own distribution (temperature 1, no nucleus cut): the tile rules and the agent already
     * keep levels well formed and playable, and cutting the tail made the levels of one prompt too
     * alike (diversity 0.198-0.223 -> 0.217-0.241 on two {@code improv eval level} runs). 24 attempts
     * is a bound rarely approached: steered chunks meet their prompt in 1.1-1.7 samples on average.
     */
    public static final GeneratorSettings DEFAULT = new GeneratorSettings(SamplingSettings.DEFAULT.withTopP(1f), 24, 64, false, 4);

    public GeneratorSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (reachWindow < LevelTokenizer.CHUNK_COLUMNS) {
            throw new IllegalArgumentException("reachWindow must be at least " + LevelTokenizer.CHUNK_COLUMNS + ", got " + reachWindow);
        }
        if (roomsPerRow < 1) {
            throw new IllegalArgumentException("roomsPerRow must be at least 1, got " + roomsPerRow);
        }
    }

    public GeneratorSettings withAttempts(int n) {
        return new GeneratorSettings(sampling, n, reachWindow, parallelDecoder, roomsPerRow);
    }

    public GeneratorSettings withRoomsPerRow(int n) {
        return new GeneratorSettings(sampling, attempts, reachWindow, parallelDecoder, n);
    }

    public GeneratorSettings withParallelDecoder(boolean on) {
        return new GeneratorSettings(sampling, attempts, reachWindow, on, roomsPerRow);
    }

    public GeneratorSettings withSampling(SamplingSettings s) {
        return new GeneratorSettings(s, attempts, reachWindow, parallelDecoder, roomsPerRow);
    }
}
