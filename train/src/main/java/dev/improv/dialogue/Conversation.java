package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A two-person conversation from the training data: each user's persona facts and the lines in
 * order ({@code lines.get(i)[0]} is the user, 1 or 2).
 *
 * @param line   line of the source file where the record starts, for messages
 * @param users  persona facts of user 1 (index 0) and user 2 (index 1)
 * @param lines  the conversation, each entry a user number and what they said
 */
public record Conversation(int line, List<List<String>> users, List<Line> lines) {

    /** One line of the conversation. */
    public record Line(int user, String text) { }

    /**
     * The conversation as seen by {@code user} (1 or 2): its lines become NPC turns, the other user's
     * lines player turns.
     */
    public List<Turn> turnsAs(int user) {
        List<Turn> out = new ArrayList<>(lines.size());
        for (Line l : lines) {
            out.add(new Turn(l.user() == user ? Speaker.NPC : Speaker.PLAYER, l.text()));
        }
        return out;
    }

    /** Persona facts of {@code user} (1 or 2). */
    public List<String> persona(int user) {
        return users.get(user - 1);
    }
}
