package dev.improv.dialogue;

/**
 * One line an NPC says, and where it came from.
 *
 * @param text     the line, slots filled, free of banned words, ending at a sentence boundary
 * @param fallback true if the authored grammar wrote it (deadline missed or a rule not satisfiable)
 */
public record DialogueLine(String text, boolean fallback) { }
