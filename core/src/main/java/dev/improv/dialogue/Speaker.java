package dev.improv.dialogue;

/** Who said a line: the character the generator speaks for, or the person it talks to. */
public enum Speaker {
    /** The non-player character whose lines the generator writes (the "self" in the prompt). */
    NPC,
    /** Whoever the NPC talks to: the player in a game, the other user in the training data. */
    PLAYER
}
