package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CaSiNo campsite negotiations as NPC examples: each side's lines are replies, and its own priorities
 * and reasons become facts ("I need firewood most: it gets cold at night."). Teaches bargaining
 * from what the speaker needs, as a trader NPC would.
 */
public final class CasinoDialogues {
    private static final Set<String> MOVES = Set.of("Submit-Deal", "Accept-Deal", "Reject-Deal", "Walk-Away");
    private static final Map<String, String> PRIORITY = Map.of("High", "most", "Medium", "somewhat",
            "Low", "least");

    private CasinoDialogues() {
    }

    /** Examples from a CaSiNo JSON Lines file, both sides of every negotiation. */
    public static List<DialogueExample> read(Path file, Consumer<String> skipped) throws IOException {
        List<DialogueExample> out = new ArrayList<>();
        JsonLines.read(file, d -> dialogue(d, out), skipped);
        return out;
    }

    private static void dialogue(JsonNode d, List<DialogueExample> out) {
        String id = "casino:" + d.path("dialogue_id").asText();
        for (String me : List.of("mturk_agent_1", "mturk_agent_2")) {
            JsonNode info = d.path("participant_info").path(me);
            List<String> facts = new ArrayList<>();
            for (String level : List.of("High", "Medium", "Low")) {
                String item = info.path("value2issue").path(level).asText();
                String reason = info.path("value2reason").path(level).asText().strip();
                if (!item.isEmpty()) {
                    facts.add("I need " + item.toLowerCase(java.util.Locale.ROOT) + " " + PRIORITY.get(level)
                            + (reason.isEmpty() ? "." : ": " + reason));
                }
            }
            List<Turn> turns = new ArrayList<>();
            for (JsonNode line : d.path("chat_logs")) {
                String text = line.path("text").asText().strip();
                if (text.isEmpty() || MOVES.contains(text)) {
                    continue;
                }
                boolean mine = me.equals(line.path("id").asText());
                if (mine && !turns.isEmpty()) {
                    out.add(new DialogueExample(List.of("I am camping and trading supplies."), facts,
                            turns.subList(Math.max(0, turns.size() - 3), turns.size()), text, "casino", id));
                }
                turns.add(mine ? Turn.npc(text) : Turn.player(text));
            }
        }
    }
}
