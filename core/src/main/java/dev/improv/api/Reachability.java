package dev.improv.api;

import java.util.List;
import java.util.Map;

/**
 * Where a platformer player can get to in a rectangle of tiles: it walks a tile left or right,
 * falls (with one column of drift a step) and jumps along its {@link JumpArc}s, and solid tiles
 * block it. This is the check every generated platformer chunk passes, offered to the game: a bot
 * can plan with it, a game can put items or NPCs only where the player can stand. Thread-safe.
 *
 * <pre>{@code
 * Reachability reach = Reachability.of(Map.of('-', List.of("empty"), 'X', List.of("solid")), myJumps);
 * StandingSpots spots = reach.explore(chunk.rows(), 0, standingRow);
 * }</pre>
 */
public interface Reachability {

    /**
     * Every spot the player can stand in, starting from standing in {@code column} of {@code row}
     * (rows top to bottom, -1 on top of the top row; a start where the player cannot stand
     * reaches nothing).
     *
     * @param rows equal-length rows of tile characters, top row first
     */
    StandingSpots explore(List<String> rows, int column, int row);

    /**
     * Reachability for tiles tagged as in a VGLC legend (character to tags; "solid" blocks, one tile
     * is tagged "empty") and a player with these jumps, from the highest-ranked
     * {@link ReachabilityProvider} on the classpath (the system property
     * {@value ReachabilityProvider#PROPERTY} names another).
     *
     * @throws IllegalArgumentException naming what is wrong with the legend or the jumps
     */
    static Reachability of(Map<Character, List<String>> legend, List<JumpArc> jumps) {
        return Providers.select(ReachabilityProvider.class, ReachabilityProvider.PROPERTY,
                Reachability.class.getClassLoader()).newReachability(legend, jumps);
    }
}
