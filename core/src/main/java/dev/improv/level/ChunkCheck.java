package dev.improv.level;

import dev.improv.model.LogitConstraint;

import java.util.List;

/**
 * A game's playability rule as the {@link LevelGenerator} uses it: it follows the emitted chunks and
 * judges each candidate in their context. One generator loop serves every rule (platformer jump arcs,
 * top-down rooms); only this check differs. Not thread-safe: one per generator.
 */
public interface ChunkCheck {
    /** For a game with no playability rule (no jump arcs, no rooms): every chunk passes as sampled. */
    ChunkCheck NONE = new ChunkCheck() {
        @Override
        public void reset() {
        }

        @Override
        public String problem(TileGrid chunk) {
            return null;
        }

        @Override
        public void append(TileGrid chunk) {
        }

        @Override
        public List<TileGrid> repairs(TileGrid candidate, int columns) {
            return candidate == null ? List.of() : List.of(candidate);
        }
    };


    /** Forgets every emitted chunk (a new level). */
    void reset();

    /** Why {@code chunk} cannot follow the chunks emitted so far, or null if it can. */
    String problem(TileGrid chunk);

    /** Records an accepted chunk. */
    void append(TileGrid chunk);

    /**
     * What the next chunk is asked for (feature levels, {@link FeatureSet#ANY} where the prompt is silent;
     * door sides), before {@link #pins}: a check whose pins can deliver some of it (a dungeon's doors) does.
     */
    default void want(PromptParser.Asked asked) {
    }

    /** Cells the next chunk must have (e.g. the doors its neighbours already opened), as a decoding mask. */
    default LogitConstraint pins(LevelTokenizer tokenizer) {
        return LogitConstraint.NONE;
    }

    /** Repaired versions of a failed candidate (null: none was sampled) to try in order, last resort last. */
    List<TileGrid> repairs(TileGrid candidate, int columns);

    /** Columns of context kept before a new chunk; {@code Integer.MAX_VALUE} judges whole levels. */
    default void window(int columns) {
    }
}
