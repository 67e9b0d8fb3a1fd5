package dev.improv.dialogue.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.improv.dialogue.NpcCard;
import dev.improv.dialogue.WorldFile;
import dev.improv.io.BoundedFiles;
import dev.improv.io.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Questions to hand-written NPC cards, for {@code improv eval dialogue --cards DIR}: DIR holds card
 * files and {@code questions.json}, a list of {@code {"card": "smith.json", "say": "How much to fix my
 * sword?", "answer": "12 silver"}} (and an optional {@code "world": "world.json"}), each file named
 * relative to DIR. Every answer must stand in its card's or world's facts, so a typo in the set fails
 * loudly instead of lowering the answer rate.
 */
public final class CardQuestions {

    private CardQuestions() {
    }

    /** Reads DIR/questions.json and the cards it names; errors name the file, the entry and the field. */
    public static List<GroundingQuestion> read(Path dir) throws IOException {
        Path file = dir.resolve("questions.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": no questions.json (a list of {card, say, answer})");
        }
        // Capped, strict UTF-8, Jackson's words without its source excerpt (it showed "[Source: REDACTED ...]").
        JsonNode root = BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "question files");
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": must be a JSON list of {card, say, answer}");
        }
        Map<String, NpcCard> cards = new HashMap<>();
        Map<String, WorldFile> worlds = new HashMap<>();
        List<GroundingQuestion> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode q = root.get(i);
            String at = file + ": [" + i + "]";
            String cardName = text(q, "card", at);
            String say = text(q, "say", at);
            String answer = text(q, "answer", at);
            NpcCard card = cards.get(cardName);
            if (card == null) {
                card = NpcCard.read(dir.resolve(cardName));
                cards.put(cardName, card);
            }
            WorldFile world = null;
            if (q.hasNonNull("world")) {
                String worldName = text(q, "world", at);
                world = worlds.get(worldName);
                if (world == null) {
                    world = WorldFile.read(dir.resolve(worldName));
                    worlds.put(worldName, world);
                }
            }
            List<String> known = new ArrayList<>(card.facts());
            known.addAll(card.persona());
            if (world != null) {
                known.addAll(world.facts());
            }
            String wanted = answer.toLowerCase(Locale.ROOT);
            if (known.stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).contains(wanted))) {
                throw new IllegalArgumentException(at + ": answer: '" + answer + "' stands in none of the facts of "
                        + cardName + (world == null ? "" : " or its world"));
            }
            out.add(new GroundingQuestion(card, world, List.of(), say, answer, "cards"));
        }
        return out;
    }

    /**
     * Reads DIR/offcard.json when it is there: a list of {@code {"card": "smith.json", "say": "Do you sell
     * camels?"}}, questions whose answer stands on no card, to see whether the NPC says it does not know
     * rather than state one of its values about something else. Their {@link GroundingQuestion#answer()}
     * is null. No file: an empty list.
     */
    public static List<GroundingQuestion> readOffCard(Path dir) throws IOException {
        Path file = dir.resolve("offcard.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root = BoundedFiles.readJson(file, Limits.MAX_SETTINGS_FILE_BYTES, "question files");
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": must be a JSON list of {card, say}");
        }
        Map<String, NpcCard> cards = new HashMap<>();
        List<GroundingQuestion> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String at = file + ": [" + i + "]";
            String cardName = text(root.get(i), "card", at);
            NpcCard card = cards.get(cardName);
            if (card == null) {
                card = NpcCard.read(dir.resolve(cardName));
                cards.put(cardName, card);
            }
            out.add(new GroundingQuestion(card, null, List.of(), text(root.get(i), "say", at), null, "offcard"));
        }
        return out;
    }

    private static String text(JsonNode q, String field, String at) {
        JsonNode v = q == null ? null : q.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(at + ": " + field + ": missing or not a non-empty string");
        }
        return v.asText();
    }
}
