package dev.improv.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who an NPC is and what it knows: the card a game writer fills in, one JSON file per NPC.
 *
 * <pre>{@code
 * {"name": "Brom", "role": "blacksmith",
 *  "persona": ["I have worked the forge in {town} for thirty years."],
 *  "facts": ["Repairing a sword costs 12 gold.", "The forge closes at dusk."],
 *  "mood": "grumpy", "style": "short, blunt sentences", "banned": ["goblin"],
 *  "slots": {"town": "Oakvale"}, "lines": {"hello": ["Mind the sparks."]}}
 * }</pre>
 *
 * Persona and fact lines may hold {@code {slot}}s; {@link #filled} puts in game state (falling back
 * to the card's own defaults). Read files with {@link #read}; build cards from game state with
 * {@link #builder}. Immutable.
 *
 * @param name    what the NPC is called; never blank
 * @param role    what the NPC does ("blacksmith"); may be empty
 * @param persona first-person lines: who the NPC is and how it speaks
 * @param facts   what the NPC knows and can answer with: wares and prices, places, people, times
 * @param mood    the NPC's usual tone, or null to let the model choose
 * @param style   a note on how the NPC talks, or null
 * @param banned  words the NPC never says
 * @param slots   default values of {@code {slot}}s, used where game state has none
 * @param lines   the NPC's own authored lines by fallback-grammar symbol ({@code hello}, {@code thanks},
 *                {@code goodbye}, {@code wellbeing}, {@code identity}, {@code unknown}, {@code answer}...): said
 *                instead of the shipped grammar's, in every mood (see {@link FallbackGrammar#withLines})
 */
public record NpcCard(String name, String role, List<String> persona, List<String> facts, Tone mood, String style,
                      Set<String> banned, Map<String, String> slots, Map<String, List<String>> lines) {

    /**
     * The name of a card built from a request that names no NPC (the api's {@code DialogueRequest}): such an NPC
     * does not say who it is, it has nothing true to say.
     */
    public static final String UNNAMED = "NPC";

    private static final System.Logger LOG = System.getLogger(NpcCard.class.getName());
    private static final Set<String> FIELDS = new LinkedHashSet<>(
            List.of("name", "role", "persona", "facts", "mood", "style", "banned", "slots", "lines"));

    /** Checks the card; a {@link CardException} names the card and the field. */
    public NpcCard {
        String who = name == null || name.isBlank() ? "card" : "card '" + name + "'";
        if (name == null || name.isBlank()) {
            throw new CardException(who + ": name: must not be empty");
        }
        role = role == null ? "" : role.strip();
        persona = checked(who, "persona", persona);
        facts = checked(who, "facts", facts);
        if (persona.isEmpty() && facts.isEmpty()) {
            throw new CardException(who + ": persona and facts are both empty; give the NPC something to say");
        }
        style = style == null || style.isBlank() ? null : style.strip();
        banned = Set.copyOf(new LinkedHashSet<>(checked(who, "banned", List.copyOf(Objects.requireNonNull(banned, "banned")))));
        slots = Map.copyOf(slots);
        Map<String, List<String>> own = new LinkedHashMap<>();
        lines.forEach((symbol, said) -> own.put(symbol, checked(who, "lines." + symbol, said)));
        lines = java.util.Collections.unmodifiableMap(own);
        try {
            FallbackGrammar.defaultGrammar().withLines(lines); // a line may expand the grammar's symbols: they must exist
        } catch (IllegalArgumentException e) {
            throw new CardException(who + ": lines: " + e.getMessage());
        }
        new BannedWords(banned); // fails on a blank word, which would ban every line
    }

    /** A card with the given lines and no optional parts. */
    public static NpcCard of(String name, String role, List<String> persona, List<String> facts) {
        return new NpcCard(name, role, persona, facts, null, null, Set.of(), Map.of(), Map.of());
    }

    /** A builder for cards made in code, e.g. from game state. */
    public static Builder builder(String name, String role) {
        return new Builder(name, role);
    }

    /** A builder holding everything this card holds, to change a part of it (a mood, more banned words). */
    public Builder toBuilder() {
        Builder b = new Builder(name, role);
        b.persona.addAll(persona);
        b.facts.addAll(facts);
        b.banned.addAll(banned);
        b.slots.putAll(slots);
        lines.forEach((symbol, said) -> b.lines.put(symbol, new ArrayList<>(said)));
        return b.optMood(mood).optStyle(style);
    }

    /** Reads a card file; every mistake fails with a {@link CardException} naming the file and the field. */
    public static NpcCard read(Path file) throws IOException {
        CardJson json = CardJson.read(file, FIELDS);
        String name = json.text("name");
        String role = json.has("role") ? json.optText("role") : "";
        List<String> persona = json.lines("persona");
        List<String> facts = json.lines("facts");
        if (persona.isEmpty() && facts.isEmpty()) {
            throw new CardException(json.source() + ": facts: missing or empty, and so is persona; give the NPC something to say");
        }
        Tone mood = null;
        String moodName = json.optText("mood");
        if (moodName != null && !moodName.isBlank()) {
            mood = Tone.ofCard(moodName);
            if (mood == null) {
                LOG.log(System.Logger.Level.WARNING, json.source() + ": mood: " + Tone.unknownCardMood(moodName));
            }
        }
        List<String> banned = json.lines("banned");
        String style = json.optText("style");
        Map<String, String> slots = json.strings("slots"); // these name the file themselves: outside the try
        Map<String, List<String>> lines = json.lineLists("lines");
        try {
            return new NpcCard(name, role, persona, facts, mood, style, new LinkedHashSet<>(banned), slots, lines);
        } catch (CardException e) {
            throw new CardException(json.source() + ": " + e.getMessage());
        }
    }

    /**
     * This card with every {@code {slot}} in persona and facts filled from {@code state}, or from the
     * card's defaults where {@code state} has no value.
     *
     * @throws IllegalArgumentException naming the slot if neither has a value for it
     */
    public NpcCard filled(Map<String, String> state) {
        Map<String, String> values = new LinkedHashMap<>(slots);
        values.putAll(state);
        return new NpcCard(name, role, fill(persona, values), fill(facts, values), mood, style, banned, Map.of(), lines);
    }

    /**
     * The first persona or fact line with a {@code {slot}} that neither {@code state} nor the card's slots
     * fill ({@code facts[2]} and the slot), or null; see {@link #filled}.
     */
    public Slots.Gap slotGap(Map<String, String> state) {
        Map<String, String> values = new LinkedHashMap<>(slots);
        values.putAll(state);
        Slots.Gap gap = Slots.gap("persona", persona, values);
        return gap != null ? gap : Slots.gap("facts", facts, values);
    }

    /** The card as JSON, in the file format {@link #read} takes. */
    public String toJson() {
        ObjectNode node = CardJson.mapper().createObjectNode();
        node.put("name", name);
        node.put("role", role);
        persona.forEach(node.putArray("persona")::add);
        facts.forEach(node.putArray("facts")::add);
        if (mood != null) {
            node.put("mood", mood.name().toLowerCase(Locale.ROOT));
        }
        if (style != null) {
            node.put("style", style);
        }
        if (!banned.isEmpty()) {
            banned.forEach(node.putArray("banned")::add);
        }
        if (!slots.isEmpty()) {
            ObjectNode s = node.putObject("slots");
            slots.forEach(s::put);
        }
        if (!lines.isEmpty()) {
            ObjectNode own = node.putObject("lines");
            lines.forEach((symbol, said) -> said.forEach(own.putArray(symbol)::add));
        }
        try {
            return CardJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings always serialises
        }
    }

    private static List<String> fill(List<String> lines, Map<String, String> values) {
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(Slots.fill(line, values));
        }
        return out;
    }

    /** Copies {@code lines}, refusing nulls, blanks, too many entries and too long lines. */
    static List<String> checked(String who, String field, List<String> lines) {
        Objects.requireNonNull(lines, field);
        if (lines.size() > CardJson.MAX_ENTRIES) {
            throw new CardException(who + ": " + field + ": " + lines.size() + " entries; at most " + CardJson.MAX_ENTRIES);
        }
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null || line.isBlank()) {
                throw new CardException(who + ": " + field + "[" + i + "]: must not be empty");
            }
            if (line.length() > CardJson.MAX_LINE) {
                throw new CardException(who + ": " + field + "[" + i + "]: " + line.length() + " characters; at most "
                        + CardJson.MAX_LINE);
            }
            out.add(line.strip());
        }
        return List.copyOf(out);
    }

    /** Builds an {@link NpcCard}; add* append lines, opt* set optional parts. */
    public static final class Builder {
        private final String name;
        private final String role;
        private final List<String> persona = new ArrayList<>();
        private final List<String> facts = new ArrayList<>();
        private final Set<String> banned = new LinkedHashSet<>();
        private final Map<String, String> slots = new LinkedHashMap<>();
        private final Map<String, List<String>> lines = new LinkedHashMap<>();
        private Tone mood;
        private String style;

        private Builder(String name, String role) {
            this.name = name;
            this.role = role;
        }

        public Builder addPersona(String line) {
            persona.add(line);
            return this;
        }

        public Builder addFact(String fact) {
            facts.add(fact);
            return this;
        }

        public Builder optMood(Tone value) {
            mood = value;
            return this;
        }

        public Builder optStyle(String value) {
            style = value;
            return this;
        }

        public Builder optBan(String word) {
            banned.add(word);
            return this;
        }

        public Builder optSlot(String slot, String defaultValue) {
            slots.put(slot, defaultValue);
            return this;
        }

        /** Adds a line of the NPC's own for a fallback-grammar symbol ("hello", "goodbye"...). */
        public Builder addLine(String symbol, String line) {
            lines.computeIfAbsent(symbol, k -> new ArrayList<>()).add(line);
            return this;
        }

        /** The card; a {@link CardException} names the field if it is not valid. */
        public NpcCard build() {
            return new NpcCard(name, role, persona, facts, mood, style, banned, slots, lines);
        }
    }
}
