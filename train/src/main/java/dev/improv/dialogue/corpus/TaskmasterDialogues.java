package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Turn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Taskmaster-4 coffee-bar dialogues as NPC examples: the agent's lines are replies, and what its menu
 * and order calls returned just before becomes facts ("Milk options: Whole Milk, Oat Milk."). The
 * closest corpus to a shopkeeper serving at a counter.
 */
public final class TaskmasterDialogues {
    private TaskmasterDialogues() {
    }

    /** Examples from {@code dialogues.jsonl}. */
    public static List<DialogueExample> read(Path file, Consumer<String> skipped) throws IOException {
        List<DialogueExample> out = new ArrayList<>();
        JsonLines.read(file, d -> dialogue(d, out), skipped);
        return out;
    }

    private static void dialogue(JsonNode d, List<DialogueExample> out) {
        String id = "taskmaster4:" + d.path("id").asText();
        List<Turn> turns = new ArrayList<>();
        List<String> facts = new ArrayList<>();
        for (JsonNode t : d.path("turns")) {
            String text = t.path("text").asText().strip();
            if (text.isEmpty()) {
                continue;
            }
            if ("user".equals(t.path("speaker").asText())) {
                turns.add(Turn.player(text));
                facts = new ArrayList<>();
                for (JsonNode call : t.path("api_calls")) {
                    facts.addAll(facts(call));
                }
                continue;
            }
            if (!turns.isEmpty()) {
                out.add(new DialogueExample(List.of(), facts.size() > SgdDialogues.MAX_FACTS
                        ? facts.subList(0, SgdDialogues.MAX_FACTS) : facts,
                        turns.subList(Math.max(0, turns.size() - 3), turns.size()), text, "taskmaster4", id));
            }
            turns.add(Turn.npc(text));
        }
    }

    /** What one menu or order call returned, as sentences. */
    static List<String> facts(JsonNode call) {
        JsonNode response = call.path("response");
        List<String> out = new ArrayList<>();
        switch (call.path("method").asText()) {
            case "get_menu_items" -> {
                if (response.path("menu_items").isEmpty()) {
                    out.add("There is no " + call.path("request").path("query").asText("such item") + " on the menu.");
                }
                for (JsonNode item : response.path("menu_items")) {
                    out.add(item.path("name").asText() + " is on the menu.");
                }
            }
            case "get_addons" -> {
                for (JsonNode a : response.path("attributes")) {
                    List<String> options = new ArrayList<>();
                    a.path("options").forEach(o -> options.add(o.asText()));
                    out.add(a.path("attribute_name").asText() + " options: " + String.join(", ", options) + ".");
                }
            }
            case "get_order_details" -> {
                List<String> items = new ArrayList<>();
                for (JsonNode item : response.path("menu_items")) {
                    StringBuilder s = new StringBuilder(item.path("menu_item_name").asText());
                    for (JsonNode a : item.path("attributes")) {
                        s.append(", ").append(a.path("option").asText());
                    }
                    items.add(s.toString());
                }
                String name = "";
                String type = "";
                for (JsonNode a : response.path("attributes")) {
                    if ("Name".equals(a.path("attribute_id").asText())) {
                        name = a.path("option").asText();
                    } else if ("order-type".equals(a.path("attribute_id").asText())) {
                        type = a.path("option").asText();
                    }
                }
                out.add("The order" + (name.isEmpty() ? "" : " for " + name) + " is: " + String.join("; ", items)
                        + (type.isEmpty() ? "" : " (" + type + ")") + ".");
            }
            case "finish_order" -> out.add(response.path("success").asBoolean() ? "The order has been sent to the bar."
                    : "The order could not be sent.");
            default -> {
                // Adding or updating items returns only ids, which nobody says aloud.
            }
        }
        return out;
    }
}
