package dev.improv.serve.content;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/dialogue}: an NPC card, the world, the conversation so far and the player's line
 * ({@code say}); {@code n} replies. Other fields are the options of {@code improv dialogue}.
 */
public record DialogueJob(String model, Card card, String world, List<Line> history, String say, Integer n, Long seed,
                          String mood, List<String> ban, Map<String, String> slot, Integer max_tokens, Long deadline_ms) {

    /**
     * An NPC: who it is and what it knows, with the optional fields of a card file (`improv dialogue --card`), so
     * that a game posts the same JSON it ships: {@code mood}, {@code style}, {@code banned} words, {@code slots} and
     * its own {@code lines}.
     */
    public record Card(String name, String role, List<String> persona, List<String> facts, String mood, String style,
                       List<String> banned, Map<String, String> slots, Map<String, List<String>> lines) {
        /** A card of persona and facts alone. */
        public Card(String name, String role, List<String> persona, List<String> facts) {
            this(name, role, persona, facts, null, null, null, null, null);
        }
    }

    /** A past line; {@code speaker} is {@code player} or {@code npc}. */
    public record Line(String speaker, String text) {
    }

    static final int MAX_ITEMS = 64;
    static final int MAX_TEXT = 1000;
    /**
     * Longest line of a card (persona, facts, banned words): a card file's limit ({@code CardJson.MAX_LINE}), checked
     * here so that a longer one is refused naming its field ({@code card.facts[0]}), not the card as a whole.
     */
    static final int MAX_CARD_LINE = 500;
    /** Most lines of one kind in a card's own {@code lines}: a card file's limit ({@code CardJson.MAX_ENTRIES}). */
    static final int MAX_CARD_ENTRIES = 2_000;
    /**
     * Fewest tokens a reply may be given: the engine's own bound (it needs room for a word and the line's end); 1 was
     * taken here and failed in the engine, a 500.
     */
    static final int MIN_TOKENS = 2;
    static final int MAX_TOKENS = 100;

    /** The request with defaults filled in, or a {@link BadRequest} naming the field. */
    public DialogueJob checked() {
        BadRequest.check(card != null, "card", "is required (an object with name, role, persona, facts)");
        checkTexts(card.persona(), "card.persona", MAX_CARD_LINE);
        checkTexts(card.facts(), "card.facts", MAX_CARD_LINE);
        BadRequest.text(card.name(), "", 100, "card.name");
        BadRequest.text(card.role(), "", 100, "card.role");
        BadRequest.text(card.style(), "", 200, "card.style");
        BadRequest.text(card.mood(), "", 40, "card.mood"); // a mood is a word or two: said back in warnings
        checkTexts(card.banned(), "card.banned", MAX_CARD_LINE);
        checkSlots(card.slots(), "card.slots");
        checkLines(card.lines());
        BadRequest.check(JobCards.saysSomething(card, world), "card", "says nothing about the NPC (give persona or facts)");
        List<Line> h = history == null ? List.of() : history;
        BadRequest.check(h.size() <= MAX_ITEMS, "history", "has more than " + MAX_ITEMS + " lines");
        for (int i = 0; i < h.size(); i++) {
            Line l = h.get(i);
            BadRequest.check(l != null && ("player".equals(l.speaker()) || "npc".equals(l.speaker())),
                    "history[" + i + "].speaker", "must be 'player' or 'npc'");
            BadRequest.check(l.text() != null && !l.text().isBlank(), "history[" + i + "].text", "is required");
            BadRequest.text(l.text(), "", MAX_TEXT, "history[" + i + "].text");
        }
        checkTexts(ban, "ban", MAX_CARD_LINE);
        checkSlots(slot, "slot");
        long deadline = deadline_ms == null ? 0 : deadline_ms;
        BadRequest.check(deadline >= 0 && deadline <= 600_000, "deadline_ms", "must be in [0, 600000], got " + deadline);
        return new DialogueJob(ModelNames.dialogue(model), card, BadRequest.text(world, "", 20_000, "world"), h,
                say == null ? null : BadRequest.text(say, "", MAX_TEXT, "say"), BadRequest.within(n, 1, 1, 8, "n"),
                seed == null ? 0L : seed, BadRequest.text(mood, "", 20, "mood"), ban == null ? List.of() : ban,
                slot == null ? Map.of() : slot, BadRequest.within(max_tokens, 30, MIN_TOKENS, MAX_TOKENS, "max_tokens"), deadline);
    }

    /** A card's own lines by kind, each as a card file may have them: named by field, not as the card as a whole. */
    private static void checkLines(Map<String, List<String>> lines) {
        if (lines == null) {
            return;
        }
        BadRequest.check(lines.size() <= MAX_ITEMS, "card.lines", "has more than " + MAX_ITEMS + " kinds");
        for (Map.Entry<String, List<String>> kind : lines.entrySet()) {
            String field = "card.lines." + BadRequest.text(kind.getKey(), "", 40, "card.lines");
            BadRequest.check(kind.getValue() != null, field, "is null");
            BadRequest.check(kind.getValue().size() <= MAX_CARD_ENTRIES, field, "has more than " + MAX_CARD_ENTRIES + " lines");
            checkTexts(kind.getValue(), field, MAX_CARD_LINE, MAX_CARD_ENTRIES);
        }
    }

    private static void checkSlots(Map<String, String> slots, String field) {
        if (slots == null) {
            return;
        }
        BadRequest.check(slots.size() <= MAX_ITEMS, field, "has more than " + MAX_ITEMS + " entries");
        for (Map.Entry<String, String> e : slots.entrySet()) {
            BadRequest.check(e.getValue() != null, field + "." + e.getKey(), "is null");
            BadRequest.text(e.getValue(), "", MAX_TEXT, field + "." + e.getKey());
        }
    }

    private static void checkTexts(List<String> texts, String field, int maxChars) {
        checkTexts(texts, field, maxChars, MAX_ITEMS);
    }

    private static void checkTexts(List<String> texts, String field, int maxChars, int maxItems) {
        if (texts == null) {
            return;
        }
        BadRequest.check(texts.size() <= maxItems, field, "has more than " + maxItems + " items");
        for (int i = 0; i < texts.size(); i++) {
            BadRequest.check(texts.get(i) != null, field + "[" + i + "]", "is null");
            BadRequest.text(texts.get(i), "", maxChars, field + "[" + i + "]");
        }
    }
}
