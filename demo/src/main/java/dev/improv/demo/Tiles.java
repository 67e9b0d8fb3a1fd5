package dev.improv.demo;

/**
 * What the demo does with each tile of the level engine's alphabet (the VGLC Super Mario
 * characters the default level model speaks): which block the player, which are picked up or spawn.
 */
final class Tiles {
    static final char EMPTY = '-';
    static final char GROUND = 'X';
    static final char BRICK = 'S';
    static final char QUESTION = '?';
    static final char USED = 'Q';
    static final char ENEMY = 'E';
    static final char COIN = 'o';
    static final char PIPE_TOP_LEFT = '<';
    static final char PIPE_TOP_RIGHT = '>';
    static final char PIPE_LEFT = '[';
    static final char PIPE_RIGHT = ']';
    static final char CANNON_TOP = 'B';
    static final char CANNON = 'b';

    private Tiles() {
    }

    /** Whether the tile blocks movement; unknown characters from a foreign model count as solid ground. */
    static boolean solid(char c) {
        return switch (c) {
            case EMPTY, ENEMY, COIN -> false;
            default -> true;
        };
    }
}
