package dev.improv.dialogue;

import java.util.Objects;

/** One line of a conversation and who said it. */
public record Turn(Speaker speaker, String text) {

    public Turn {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }

    /** A line the player said. */
    public static Turn player(String text) {
        return new Turn(Speaker.PLAYER, text);
    }

    /** A line the NPC said. */
    public static Turn npc(String text) {
        return new Turn(Speaker.NPC, text);
    }
}
