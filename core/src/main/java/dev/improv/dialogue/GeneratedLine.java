package dev.improv.dialogue;

/**
 * One line {@link DialogueGenerator} made for a {@link ReplyRequest}, and whether the model or the
 * fallback wrote it.
 *
 * @param text     the line, slots filled, free of banned words, ending at a sentence boundary
 * @param fallback true if the authored grammar wrote it (deadline missed or a rule not satisfiable)
 */
public record GeneratedLine(String text, boolean fallback) { }
