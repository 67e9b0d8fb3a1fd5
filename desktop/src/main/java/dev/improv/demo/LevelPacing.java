package dev.improv.demo;

import java.util.List;

/**
 * The prompt each chunk is generated with: a gentle start, then a cycle that alternates gaps,
 * blocks and enemies, so the endless level keeps changing character the way a designed one would.
 * Words are the default level model's prompt features ("few gaps", "some blocks", "low elevation"...).
 */
final class LevelPacing {
    private static final String START = "no gaps, few enemies, low elevation";
    private static final List<String> CYCLE = List.of(
            "few gaps, some blocks, low elevation",
            "few enemies, few gaps, low elevation",
            "some blocks, few gaps",
            "some enemies, no gaps, low elevation",
            "few gaps, few pipes, low elevation",
            "many blocks, few enemies, low elevation");

    private LevelPacing() {
    }

    /** The prompt for chunk {@code index}. */
    static String prompt(int index) {
        return index < 2 ? START : CYCLE.get((index - 2) % CYCLE.size());
    }
}
