/**
 * Readers that turn the dialogue corpora into NPC training examples
 * ({@link dev.improv.dialogue.DialogueExample}): facts, persona, history and player line in, the
 * reply out. Each corpus teaches one thing an NPC needs: SGD answering from a service's record,
 * Taskmaster-4 serving at a counter, CaSiNo bargaining from one's own needs, Persona-Chat speaking
 * in character, LIGHT fantasy characters and places.
 */
package dev.improv.dialogue.corpus;
