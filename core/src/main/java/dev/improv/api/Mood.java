package dev.improv.api;

/**
 * The character a game asks of the music; each music engine maps it onto what its model knows (the
 * band engine onto the mood presets of the same name, which a designer edits as JSON).
 */
public enum Mood {
    CALM, BRIGHT, DARK, TENSE, HEROIC, SAD, BATTLE, VICTORY
}
