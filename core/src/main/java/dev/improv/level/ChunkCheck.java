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

    /**
     * How far a candidate that passes {@link #problem} is from what a designer would ship, 0 when it
     * is fine (a dungeon room that is bare though the prompt asked for no empty room, or that repeats
     * the layout of a room already made): the generator draws such a sample again while it has
     * attempts, and keeps it only when no better one comes. At most {@link #MAX_DESIGN_MISSES}.
     */
    default int designMisses(TileGrid candidate) {
        return 0;
    }

    /**
     * The {@link #designMisses} the sample being decoded will have, when its first columns ({@code partial})
     * already decide it, else -1: a dungeon room mirrored left-right repeats its left half, so a bare room or
     * a copy is known at its middle column. Lets the generator stop a sample that cannot be kept.
     */
    default int designMissesDecided(TileGrid partial) {
        return -1;
    }

    /** The most {@link #designMisses} returns: one missed prompt feature weighs more than all of them. */
    int MAX_DESIGN_MISSES = 2;

    /**
     * Why no chunk after those made can be what {@code asked} asks for, or null: a streamed dungeon room
     * asked for a door on a side its built neighbour walled (or a wall where it opened a door). Called
     * before any sampling; the generator then returns that reason instead of a chunk.
     */
    default String impossible(PromptParser.Asked asked) {
        return null;
    }

    /**
     * Cells sample {@code attempt} (from 1) of {@code attempts} of the next chunk must have (e.g. the
     * doors its neighbours already opened, a room's mirrored half), as a decoding mask.
     */
    default LogitConstraint pins(LevelTokenizer tokenizer, int attempt, int attempts) {
        return LogitConstraint.NONE;
    }

    /** Repaired versions of a failed candidate (null: none was sampled) to try in order, last resort last. */
    List<TileGrid> repairs(TileGrid candidate, int columns);

    /** Columns of context kept before a new chunk; {@code Integer.MAX_VALUE} judges whole levels. */
    default void window(int columns) {
    }
}
