package dev.improv.dialogue.corpus;

import dev.improv.api.Seeds;
import dev.improv.dialogue.Conversation;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Turn;
import dev.improv.model.SeededRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Persona-Chat conversations as NPC examples, each line from its speaker's point of view. Some persona
 * lines are handed over as facts instead, as an NPC card's own facts are, so the model learns that
 * both are the speaker's to use.
 */
public final class PersonaChatDialogues {
    private PersonaChatDialogues() {
    }

    /** Every line of every conversation (after the first) as an example. */
    public static List<DialogueExample> examples(List<Conversation> conversations, long seed) {
        List<DialogueExample> out = new ArrayList<>();
        for (Conversation conv : conversations) {
            String id = "persona-chat:" + conv.line();
            SeededRandom random = new SeededRandom(Seeds.mix(seed, conv.line()));
            for (int user = 1; user <= 2; user++) {
                List<String> persona = new ArrayList<>();
                List<String> facts = new ArrayList<>();
                for (String line : conv.persona(user)) {
                    (random.nextDouble() < 0.3 ? facts : persona).add(line);
                }
                List<Turn> turns = conv.turnsAs(user);
                for (int i = 1; i < turns.size(); i++) {
                    if (turns.get(i).speaker() == dev.improv.dialogue.Speaker.NPC) {
                        out.add(new DialogueExample(persona, facts, turns.subList(Math.max(0, i - 4), i),
                                turns.get(i).text(), "persona-chat", id));
                    }
                }
            }
        }
        return out;
    }
}
