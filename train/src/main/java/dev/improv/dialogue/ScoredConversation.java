package dev.improv.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as one speaker's token sequence (persona, then every turn) with the positions to
 * score: the NPC's replies (mood token, text and end token), not the persona or the other side.
 *
 * @param tokens        persona followed by all turns
 * @param personaLength tokens of the persona block, kept in view when a long conversation slides
 * @param scored        scored[i] is true if tokens[i] belongs to a reply
 */
public record ScoredConversation(int[] tokens, int personaLength, boolean[] scored) {

    /** Both views of each conversation (each user as the NPC). */
    public static List<ScoredConversation> of(List<Conversation> conversations, DialogueFormat format) {
        List<ScoredConversation> out = new ArrayList<>();
        for (Conversation conv : conversations) {
            for (int user = 1; user <= 2; user++) {
                int[] persona = format.persona(conv.persona(user));
                DialogueFormat.IntList tokens = new DialogueFormat.IntList();
                List<Boolean> mask = new ArrayList<>();
                tokens.addAll(persona);
                for (int i = 0; i < persona.length; i++) {
                    mask.add(false);
                }
                for (Turn t : conv.turnsAs(user)) {
                    int[] turn = format.turn(t);
                    tokens.addAll(turn);
                    for (int i = 0; i < turn.length; i++) {
                        // The speaker token is given (whose turn it is); everything after it is the reply.
                        mask.add(t.speaker() == Speaker.NPC && i > 0);
                    }
                }
                boolean[] scored = new boolean[mask.size()];
                for (int i = 0; i < scored.length; i++) {
                    scored[i] = mask.get(i);
                }
                out.add(new ScoredConversation(tokens.toArray(), persona.length, scored));
            }
        }
        return out;
    }

    /** How many tokens are scored. */
    public int scoredCount() {
        int n = 0;
        for (boolean b : scored) {
            if (b) {
                n++;
            }
        }
        return n;
    }
}
