package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.api.Seeds;
import dev.improv.dialogue.DialogueExample;
import dev.improv.dialogue.Turn;
import dev.improv.model.SeededRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Schema-Guided Dialogue as NPC examples: each assistant turn that states something becomes a reply,
 * and the service results it drew on become facts written as sentences ("The phone number of Bazille
 * is 408-261-5787."), mixed with other results' facts as distractors. This is the corpus that teaches
 * "answer from the record": the values in the reply stand in the facts.
 */
public final class SgdDialogues {
    /** Slots that name the thing a result is about, most specific first. */
    private static final List<String> ENTITY_SLOTS = List.of("restaurant_name", "hotel_name", "property_name",
            "place_name", "attraction_name", "event_name", "movie_name", "title", "song_name", "car_name",
            "stylist_name", "doctor_name", "dentist_name", "therapist_name", "theater_name");
    private static final Set<String> STATING_ACTS = Set.of("OFFER", "INFORM", "CONFIRM", "NOTIFY_SUCCESS",
            "NOTIFY_FAILURE", "INFORM_COUNT");
    /** Facts in a prompt at most: what retrieval hands the model at run time is about this many. */
    static final int MAX_FACTS = 5;

    private SgdDialogues() {
    }

    /**
     * Examples from one SGD JSON Lines file.
     *
     * @param personas persona lines to lend the assistant (fantasy characters), or empty for none
     * @param seed     fixes the distractor facts and which personas are lent
     */
    public static List<DialogueExample> read(Path file, List<List<String>> personas, long seed,
                                             Consumer<String> skipped) throws IOException {
        List<DialogueExample> out = new ArrayList<>();
        JsonLines.read(file, d -> dialogue(d, personas, seed, out), skipped);
        return out;
    }

    /**
     * Questions whose answers stand in a service's results, from a file the model never trained on
     * (the dev split): the user asks for a slot ("What is their phone number?"), the assistant's next
     * turn informs its value, and the card holds every result's facts. At most {@code max}, drawn evenly.
     */
    public static List<GroundingQuestion> questions(Path file, int max, Consumer<String> skipped) throws IOException {
        List<GroundingQuestion> all = new ArrayList<>();
        JsonLines.read(file, d -> questions(d, all), skipped);
        List<GroundingQuestion> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, all.size()); i++) {
            out.add(all.get((int) ((long) i * all.size() / Math.min(max, all.size()))));
        }
        return out;
    }

    private static void questions(JsonNode d, List<GroundingQuestion> out) {
        List<Turn> turns = new ArrayList<>();
        JsonNode results = null;
        Set<String> asked = new java.util.HashSet<>();
        String service = d.path("services").path(0).asText("service").replaceAll("_\\d+$", "").toLowerCase(Locale.ROOT);
        for (JsonNode t : d.path("turns")) {
            String text = t.path("utterance").asText().strip();
            if (!"SYSTEM".equals(t.path("speaker").asText())) {
                asked.clear();
                for (JsonNode a : t.path("actions")) {
                    if ("REQUEST".equals(a.path("act").asText())) {
                        asked.add(a.path("slot").asText());
                    }
                }
                turns.add(Turn.player(text));
                continue;
            }
            if (t.has("service_results")) {
                results = t.get("service_results");
            }
            if (results != null && !asked.isEmpty() && turns.size() >= 1) {
                List<String> facts = new ArrayList<>();
                for (JsonNode r : results) {
                    facts.addAll(resultFacts(r));
                }
                for (JsonNode a : t.path("actions")) {
                    String value = a.path("values").path(0).asText("");
                    boolean inFacts = facts.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT)));
                    if ("INFORM".equals(a.path("act").asText()) && asked.contains(a.path("slot").asText())
                            && !value.isBlank() && inFacts) {
                        Turn question = turns.get(turns.size() - 1);
                        out.add(new GroundingQuestion(service + " clerk", List.of("I help people with " + service + "."),
                                facts, turns.subList(Math.max(0, turns.size() - 3), turns.size() - 1),
                                question.text(), value, "sgd-dev"));
                        break;
                    }
                }
            }
            asked.clear();
            turns.add(Turn.npc(text));
        }
    }

    private static void dialogue(JsonNode d, List<List<String>> personas, long seed, List<DialogueExample> out) {
        String id = "sgd:" + d.path("id").asText();
        SeededRandom random = new SeededRandom(Seeds.mix(seed, id.hashCode()));
        List<String> persona = personas.isEmpty() || random.nextDouble() < 0.4 ? List.of()
                : personas.get(random.nextInt(personas.size()));
        List<Turn> turns = new ArrayList<>();
        JsonNode results = null;
        for (JsonNode t : d.path("turns")) {
            String text = t.path("utterance").asText().strip();
            boolean system = "SYSTEM".equals(t.path("speaker").asText());
            if (!system) {
                turns.add(Turn.player(text));
                continue;
            }
            if (t.has("service_results")) {
                results = t.get("service_results");
            }
            boolean states = false;
            for (JsonNode a : t.path("actions")) {
                states |= STATING_ACTS.contains(a.path("act").asText()) && !a.path("values").isEmpty();
            }
            // Mostly turns that state something; a few questions and goodbyes keep the model polite.
            if (!turns.isEmpty() && (states || random.nextDouble() < 0.15)) {
                List<String> facts = facts(t, results, text, random);
                List<Turn> history = turns.subList(Math.max(0, turns.size() - 3), turns.size());
                out.add(new DialogueExample(persona, facts, history, text, "sgd", id));
            }
            turns.add(Turn.npc(text));
        }
    }

    /** The facts behind one assistant turn: those it states first (shuffled in), then distractors. */
    static List<String> facts(JsonNode turn, JsonNode results, String reply, SeededRandom random) {
        List<String> all = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>();
        String lower = reply.toLowerCase(Locale.ROOT);
        if (results != null) {
            for (JsonNode r : results) {
                for (String f : resultFacts(r)) {
                    all.add(f);
                }
            }
        }
        String entity = results != null && results.size() > 0 ? entityOf(results.get(0)) : null;
        if (results != null) {
            for (JsonNode r : results) {
                String name = entityOf(r);
                if (name != null && lower.contains(name.toLowerCase(Locale.ROOT))) {
                    entity = name;
                    break;
                }
            }
        }
        for (JsonNode a : turn.path("actions")) {
            String act = a.path("act").asText();
            if (!STATING_ACTS.contains(act)) {
                continue;
            }
            String slot = a.path("slot").asText();
            for (JsonNode v : a.path("values")) {
                String value = v.asText();
                if (value.isBlank() || !lower.contains(value.toLowerCase(Locale.ROOT))) {
                    continue; // said differently from the record: no fact to point at
                }
                String hit = null;
                for (String f : all) {
                    if (f.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
                        hit = f;
                        break;
                    }
                }
                needed.add(hit != null ? hit : actFact(act, slot, value, entity));
            }
        }
        List<String> facts = new ArrayList<>(needed);
        if (facts.size() > MAX_FACTS) {
            facts = new ArrayList<>(facts.subList(0, MAX_FACTS));
        }
        List<String> others = new ArrayList<>(all);
        others.removeAll(needed);
        int extra = Math.min(others.size(), random.nextInt(MAX_FACTS - Math.min(facts.size(), MAX_FACTS - 1)) + 1);
        for (int i = 0; i < extra && facts.size() < MAX_FACTS; i++) {
            facts.add(others.remove(random.nextInt(others.size())));
        }
        for (int i = facts.size() - 1; i > 0; i--) {
            java.util.Collections.swap(facts, i, random.nextInt(i + 1));
        }
        return facts;
    }

    /** One sentence per slot of a service result. */
    static List<String> resultFacts(JsonNode result) {
        String entity = entityOf(result);
        List<String> out = new ArrayList<>();
        result.fields().forEachRemaining(e -> {
            String slot = e.getKey();
            String value = e.getValue().asText();
            if (entity != null && value.equals(entity)) {
                return;
            }
            out.add(sentence(slot, value, entity));
        });
        return out;
    }

    private static String sentence(String slot, String value, String entity) {
        String what = JsonLines.words(slot);
        if (value.equals("True") || value.equals("False")) {
            String yes = value.equals("True") ? "yes" : "no";
            return entity == null ? capitalise(what) + ": " + yes + "." : entity + ", " + what + ": " + yes + ".";
        }
        return entity == null ? "The " + what + " is " + value + "." : "The " + what + " of " + entity + " is " + value + ".";
    }

    private static String actFact(String act, String slot, String value, String entity) {
        if (act.equals("INFORM_COUNT")) {
            return "There are " + value + " matching results.";
        }
        return sentence(slot, value, entity);
    }

    static String entityOf(JsonNode result) {
        for (String slot : ENTITY_SLOTS) {
            if (result.hasNonNull(slot)) {
                return result.get(slot).asText();
            }
        }
        return null;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
