package dev.improv.dialogue;

/**
 * A malformed NPC card or world file. The message is one line naming the file (or the card) and the
 * field, e.g. {@code blacksmith.json: facts[3]: must be a string, got a number}.
 */
public final class CardException extends IllegalArgumentException {
    public CardException(String message) {
        super(message);
    }
}
