/**
 * Top-down dungeons: rooms as chunks of a level stream, with doors that line up between neighbouring
 * rooms, walls that enclose, and every door, stair and key reachable from the entrance.
 *
 * <p>Nothing here names a tile: doors, walls, keys, locks and what can be walked on come from the
 * game's legend tags, so a designer's own top-down game gets the same guarantees as Zelda.
 */
package dev.improv.level.dungeon;
