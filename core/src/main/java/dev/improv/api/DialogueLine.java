package dev.improv.api;

import java.util.Objects;

/**
 * A line of NPC dialogue.
 *
 * @param text   what the NPC says, slots filled in
 * @param source where it came from: {@link #MODEL}, {@link #GRAMMAR} (the engine's own fallback) or
 *               {@link #AUTHORED} (the game's, after a missed deadline)
 */
public record DialogueLine(String text, String source) {
    public static final String MODEL = "model";
    public static final String GRAMMAR = "grammar";
    public static final String AUTHORED = "authored";

    public DialogueLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** A line written by the game's authors, to show when a generated one misses its deadline. */
    public static DialogueLine authored(String text) {
        return new DialogueLine(text, AUTHORED);
    }
}
