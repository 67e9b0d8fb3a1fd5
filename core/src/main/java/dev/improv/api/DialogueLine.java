package dev.improv.api;

import java.util.List;
import java.util.Objects;

/**
 * A line of NPC dialogue.
 *
 * @param text   what the NPC says, slots filled in
 * @param source where it came from: {@link #MODEL}, {@link #FALLBACK} (the engine's authored fallback grammar) or
 *               {@link #AUTHORED} (the game's, after a missed deadline)
 * @param facts  the request's facts the line states (empty when it states none)
 */
public record DialogueLine(String text, String source, List<String> facts) {
    public static final String MODEL = "model";
    public static final String FALLBACK = "fallback";
    public static final String AUTHORED = "authored";

    public DialogueLine {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        facts = List.copyOf(facts);
    }

    /** A line that states none of the request's facts. */
    public DialogueLine(String text, String source) {
        this(text, source, List.of());
    }

    /** A line written by the game's authors, to show when a generated one misses its deadline. */
    public static DialogueLine authored(String text) {
        return new DialogueLine(text, AUTHORED);
    }
}
