package dev.improv.api;

import java.util.Objects;

/**
 * One line of a conversation so far.
 *
 * @param byPlayer true if the player said it, false if the NPC did
 * @param text     what was said
 */
public record DialogueTurn(boolean byPlayer, String text) {
    public DialogueTurn {
        Objects.requireNonNull(text, "text");
    }

    /** A line the player said. */
    public static DialogueTurn player(String text) {
        return new DialogueTurn(true, text);
    }

    /** A line the NPC said. */
    public static DialogueTurn npc(String text) {
        return new DialogueTurn(false, text);
    }
}
