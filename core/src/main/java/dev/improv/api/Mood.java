package dev.improv.api;

/** The character a game asks of the music; each music engine maps it onto what its model knows. */
public enum Mood {
    CALM, BRIGHT, DARK, TENSE
}
