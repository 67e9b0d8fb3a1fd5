package dev.improv.api;

import java.util.Objects;

/**
 * A line of NPC dialogue.
 *
 * @param persona who says it
 * @param text    what they say, slots already filled in
 * @param source  where the line came from: "model", "grammar" (the engine's own fallback) or "authored"
 */
public record DialogueLine(String persona, String text, String source) {
    public DialogueLine {
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
    }

    /** A line written by the game's authors, to use when a generated one misses its deadline. */
    public static DialogueLine authored(String persona, String text) {
        return new DialogueLine(persona, text, "authored");
    }
}
