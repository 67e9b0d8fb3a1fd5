package dev.improv.demo;

import java.util.List;

/**
 * The prompt each chunk is generated with: a gentle start, then a cycle that alternates free chunks
 * with gaps, blocks, enemies and pipes, so the endless level keeps changing character the way a
 * designed one would.
 * Words are the default level model's prompt features ("few gaps", "some blocks", "low elevation"...).
 */
final class LevelPacing {
    private static final String START = "no gaps, few enemies, low elevation";
    // Mostly one feature or none: every requested feature costs the generator extra attempts
    // (measured: 1 attempt a chunk unprompted, 2-4 with three features), and a chunk late past its
    // deadline is an authored one.
    private static final List<String> CYCLE = List.of(
            "",
            "some blocks",
            "few gaps",
            "",
            "some enemies",
            "few pipes");

    private LevelPacing() {
    }

    /** The prompt for chunk {@code index}. */
    static String prompt(int index) {
        return index < 2 ? START : CYCLE.get((index - 2) % CYCLE.size());
    }
}
