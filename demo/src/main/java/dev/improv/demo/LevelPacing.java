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
    // "low elevation" always: without it the current level-smb tends to stack 1-wide towers that
    // its 1-tile agent can climb but a body with momentum cannot (checked with the autopilot on
    // levels generated offline). At most one more feature: each costs the generator attempts
    // (1 a chunk unprompted, 2-4 with three features), and a chunk past its deadline is authored.
    private static final List<String> CYCLE = List.of(
            "low elevation",
            "some blocks, low elevation",
            "few gaps, low elevation",
            "low elevation",
            "some enemies, low elevation",
            "few pipes, low elevation");

    private LevelPacing() {
    }

    /** The prompt for chunk {@code index}. */
    static String prompt(int index) {
        return index < 2 ? START : CYCLE.get((index - 2) % CYCLE.size());
    }
}
